import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CERTIFICATE_PIN_ERROR_LIMIT } from '../../src/rules.ts';
import {
  activeCertificate,
  certificateStatusAt,
  currentCertificate,
  planIssue,
  recordCertificatePinTry,
  registryFinding,
} from '../../src/domain/certificates.ts';
import type { Certificate } from '../../src/domain/types.ts';
import { newCertificateExpiry } from '../../src/domain/validity.ts';

let serials = 0;
function cert(fields: Partial<Certificate> = {}): Certificate {
  serials += 1;
  return {
    serial: `S${serials}`,
    rrn: '9001011234568',
    ownerName: '김민준',
    bank: 'KB국민은행',
    status: 'active',
    locked: false,
    pin: '284719',
    pinErrors: 0,
    issuedAt: '2024-01-05T00:00:00.000Z',
    expiresAt: '2027-01-05T00:00:00.000Z',
    ...fields,
  };
}

const BEFORE_EXPIRY = new Date('2026-06-01T00:00:00Z');
const EXPIRY = new Date('2027-01-05T00:00:00Z');
const AFTER_EXPIRY = new Date('2027-06-01T00:00:00Z');

describe('certificates: status at a time', () => {
  const cases: { stored: Partial<Certificate>; now: Date; status: string; why: string }[] = [
    { stored: { status: 'active' }, now: BEFORE_EXPIRY, status: 'active', why: 'active before expiry' },
    {
      stored: { status: 'active' },
      now: new Date(EXPIRY.getTime() - 1),
      status: 'active',
      why: 'the last ms',
    },
    { stored: { status: 'active' }, now: EXPIRY, status: 'expired', why: 'at expiry' },
    { stored: { status: 'active' }, now: AFTER_EXPIRY, status: 'expired', why: 'after expiry' },
    {
      stored: { status: 'active', locked: true },
      now: BEFORE_EXPIRY,
      status: 'active',
      why: 'locked is still active',
    },
    { stored: { status: 'suspended' }, now: BEFORE_EXPIRY, status: 'suspended', why: 'suspended' },
    { stored: { status: 'suspended' }, now: AFTER_EXPIRY, status: 'expired', why: 'suspended, then expired' },
    { stored: { status: 'revoked' }, now: BEFORE_EXPIRY, status: 'revoked', why: 'revoked' },
    { stored: { status: 'revoked' }, now: AFTER_EXPIRY, status: 'revoked', why: 'revoked stays revoked' },
  ];
  for (const { stored, now, status, why } of cases) {
    it(`${why} → ${status}`, () => {
      assert.equal(certificateStatusAt(cert(stored), now), status);
    });
  }
});

describe('certificates: the active one across banks', () => {
  it('picks the active certificate whatever bank issued it', () => {
    const revoked = cert({ status: 'revoked', bank: 'KB국민은행', issuedAt: '2025-01-05T00:00:00Z' });
    const active = cert({ bank: '신한은행', issuedAt: '2024-01-05T00:00:00Z' });
    const expired = cert({
      bank: '우리은행',
      issuedAt: '2020-01-05T00:00:00Z',
      expiresAt: '2023-01-05T00:00:00Z',
    });
    assert.equal(activeCertificate([revoked, active, expired], BEFORE_EXPIRY), active);
    assert.equal(activeCertificate([expired, revoked], BEFORE_EXPIRY), undefined);
    assert.equal(activeCertificate([], BEFORE_EXPIRY), undefined);
  });

  it('does not count one past its expiry', () => {
    assert.equal(activeCertificate([cert()], AFTER_EXPIRY), undefined);
  });

  it('currentCertificate is the newest one not revoked', () => {
    const old = cert({ status: 'suspended', issuedAt: '2021-01-05T00:00:00Z' });
    const newer = cert({ issuedAt: '2024-01-05T00:00:00Z' });
    const revoked = cert({ status: 'revoked', issuedAt: '2025-01-05T00:00:00Z' });
    assert.equal(currentCertificate([old, revoked, newer]), newer);
    assert.equal(currentCertificate([revoked]), undefined);
  });
});

describe('certificates: what the user-info step finds in the registry', () => {
  const cases: { certs: Partial<Certificate>[]; finding: ReturnType<typeof registryFinding>; why: string }[] =
    [
      { certs: [], finding: 'none', why: 'nothing' },
      { certs: [{ status: 'active' }], finding: 'active', why: 'an active one' },
      {
        certs: [{ status: 'active', bank: '하나은행' }],
        finding: 'active',
        why: "another bank's active one",
      },
      { certs: [{ status: 'active', locked: true }], finding: 'active', why: 'a locked active one' },
      { certs: [{ status: 'suspended' }], finding: 'suspended', why: 'a suspended one' },
      { certs: [{ status: 'revoked' }], finding: 'none', why: 'only a revoked one' },
      {
        certs: [{ status: 'active', expiresAt: '2026-01-01T00:00:00Z' }],
        finding: 'none',
        why: 'an expired one',
      },
      {
        certs: [{ status: 'suspended', expiresAt: '2026-01-01T00:00:00Z' }],
        finding: 'none',
        why: 'a suspended one past expiry',
      },
      { certs: [{ status: 'revoked' }, { status: 'active' }], finding: 'active', why: 'revoked and active' },
    ];
  for (const { certs, finding, why } of cases) {
    it(`${why} → ${finding}`, () => {
      assert.equal(registryFinding(certs.map(cert), BEFORE_EXPIRY), finding);
    });
  }
});

describe('certificates: planning an issue', () => {
  const now = BEFORE_EXPIRY;

  it('a new issue revokes the active certificate of another bank and lasts three years', () => {
    const other = cert({ bank: '신한은행' });
    const plan = planIssue([other], now, false);
    assert.deepEqual(plan.revoke, [other.serial]);
    assert.equal(plan.expiresAt.toISOString(), newCertificateExpiry(now).toISOString());
  });

  it('revokes every active one, and nothing else', () => {
    const a = cert({ bank: 'KB국민은행' });
    const b = cert({ bank: '신한은행' });
    const revoked = cert({ status: 'revoked' });
    const expired = cert({ expiresAt: '2026-01-01T00:00:00Z' });
    const plan = planIssue([a, revoked, b, expired], now, false);
    assert.deepEqual([...plan.revoke].sort(), [a.serial, b.serial].sort());
  });

  it('a reissue keeps the old expiry', () => {
    const old = cert({ bank: '국민은행', expiresAt: '2027-01-05T00:00:00.000Z' });
    const plan = planIssue([old], now, true);
    assert.deepEqual(plan.revoke, [old.serial]);
    assert.equal(plan.expiresAt.toISOString(), '2027-01-05T00:00:00.000Z');
  });

  it('a reissue of a locked certificate keeps its expiry too', () => {
    const old = cert({ locked: true, expiresAt: '2026-12-24T15:00:00.000Z' });
    assert.equal(planIssue([old], now, true).expiresAt.toISOString(), '2026-12-24T15:00:00.000Z');
  });

  it('a "reissue" with nothing active left (it expired meanwhile) lasts three years', () => {
    const old = cert({ expiresAt: '2026-05-31T00:00:00.000Z' });
    const plan = planIssue([old], now, true);
    assert.deepEqual(plan.revoke, []);
    assert.equal(plan.expiresAt.toISOString(), newCertificateExpiry(now).toISOString());
  });

  it('with nothing in the registry: nothing to revoke, three years', () => {
    const plan = planIssue([], now, false);
    assert.deepEqual(plan.revoke, []);
    assert.equal(plan.expiresAt.toISOString(), '2029-06-01T00:00:00.000Z');
  });
});

describe('certificates: the certificate PIN at renewal', () => {
  const limit = CERTIFICATE_PIN_ERROR_LIMIT;

  it(`${limit - 1} wrong PINs count, the ${limit}th locks, and then even the right PIN is refused`, () => {
    assert.equal(limit, 5);
    const c = cert();
    for (let n = 1; n < limit; n++) {
      assert.deepEqual(recordCertificatePinTry(c, '000001', limit), { outcome: 'wrong', count: n, limit });
      assert.equal(c.locked, false);
    }
    assert.deepEqual(recordCertificatePinTry(c, '000001', limit), { outcome: 'locked' });
    assert.equal(c.locked, true);
    assert.equal(c.status, 'active', 'a locked certificate stays active');
    assert.deepEqual(recordCertificatePinTry(c, c.pin, limit), { outcome: 'locked' });
  });

  it('a right PIN resets the count', () => {
    const c = cert();
    for (let n = 1; n < limit; n++) recordCertificatePinTry(c, '000001', limit);
    assert.deepEqual(recordCertificatePinTry(c, '284719', limit), { outcome: 'right' });
    assert.equal(c.pinErrors, 0);
    for (let n = 1; n < limit; n++) {
      assert.equal(recordCertificatePinTry(c, '000001', limit).outcome, 'wrong');
    }
    assert.equal(c.locked, false);
  });

  it('a certificate seeded locked refuses at once', () => {
    assert.deepEqual(recordCertificatePinTry(cert({ locked: true }), '284719', limit), { outcome: 'locked' });
  });
});
