import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { api, makeBank } from '../support.ts';
import { createCustomer, expectError, rrn } from './fixtures.ts';

interface CertificateView {
  serial: string;
  bank: string;
  status: string;
  locked: boolean;
  issuedAt: string;
  expiresAt: string;
}

const DAY_S = 86_400;
const NOW = Date.parse('2026-03-01T00:00:00Z');

async function certificates(app: ReturnType<typeof makeBank>['app'], person: string): Promise<CertificateView[]> {
  const res = await api(app).get(`/certificates?rrn=${person}`);
  assert.equal(res.status, 200);
  return (await res.json()) as CertificateView[];
}

describe('GET /__test__/certificates', () => {
  it('lists every certificate of the person, no PIN, ISO dates in UTC', async () => {
    const { app } = makeBank({ now: () => NOW });
    const c = await createCustomer(app, {
      certificate: { bank: '우리은행', status: 'active', pin: '284719', issuedAt: '2025-06-01T00:00:00Z', expiresAt: '2028-06-01T00:00:00Z' },
    });
    const list = await certificates(app, c.rrn);
    assert.equal(list.length, 1);
    assert.deepEqual(Object.keys(list[0]!).sort(), ['bank', 'expiresAt', 'issuedAt', 'locked', 'serial', 'status']);
    assert.deepEqual(
      { ...list[0], serial: undefined },
      { bank: '우리은행', status: 'active', locked: false, issuedAt: '2025-06-01T00:00:00.000Z', expiresAt: '2028-06-01T00:00:00.000Z', serial: undefined },
    );
    assert.equal(list[0]!.serial, c.certificate?.serial);
  });

  it('an unknown person has none', async () => {
    const { app } = makeBank();
    assert.deepEqual(await certificates(app, rrn('850115234567')), []);
  });

  it('the customer\'s clock offset moves a certificate past its expiry', async () => {
    const { app } = makeBank({ now: () => NOW });
    const expiresAt = new Date(NOW + 10 * DAY_S * 1000).toISOString();
    const c = await createCustomer(app, {
      certificate: { status: 'active', pin: '284719', issuedAt: '2023-03-11T00:00:00Z', expiresAt },
    });
    assert.equal((await certificates(app, c.rrn))[0]!.status, 'active');

    await api(app).post(`/customers/${c.userId}/clock`, { offsetSeconds: 9 * DAY_S });
    assert.equal((await certificates(app, c.rrn))[0]!.status, 'active', 'one day before expiry');

    await api(app).post(`/customers/${c.userId}/clock`, { offsetSeconds: 10 * DAY_S });
    assert.equal((await certificates(app, c.rrn))[0]!.status, 'expired', 'at expiry');
    const record = (await (await api(app).get(`/customers/${c.userId}`)).json()) as { certificate: { status: string } };
    assert.equal(record.certificate.status, 'expired');

    await api(app).post(`/customers/${c.userId}/clock`, { offsetSeconds: 0 });
    assert.equal((await certificates(app, c.rrn))[0]!.status, 'active', 'the clock goes back too');
  });

  it('400 for a missing or malformed rrn', async () => {
    const { app } = makeBank();
    for (const query of ['', '?rrn=', '?rrn=900101-1234568', '?rrn=900101123456', '?rrn=90010112345688', '?rrn=abcdefghijklm', '?person=9001011234568']) {
      await expectError(await api(app).get(`/certificates${query}`), 400, /rrn/);
    }
  });
});
