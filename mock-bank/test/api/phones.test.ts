import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ARS_CODE_LENGTH, ARS_CODE_TTL_MS, CLOUD_SMS_CODE_LENGTH, CLOUD_SMS_CODE_TTL_MS } from '../../src/rules.ts';
import type { ChallengeKind } from '../../src/domain/types.ts';
import { startChallenge } from '../../src/services/challenges.ts';
import { deliverSms } from '../../src/services/phone.ts';
import { api, makeBank, type TestBank } from '../support.ts';
import { createCustomer, expectError, ONE_MB, rawApi } from './fixtures.ts';

interface PhoneView {
  sms: { direction: string; text: string; at: string }[];
  calls: { state: string; at: string }[];
}

const PHONE = '010-2222-3333';

async function setUp() {
  const bank = makeBank();
  const customer = await createCustomer(bank.app, { userId: 'phoneuser1', phone: PHONE });
  return { ...bank, customer };
}

/** What a screen does when it asks for a code: an ARS call rings, or a cloud code waits for an SMS. */
function ring({ bank }: TestBank, kind: ChallengeKind) {
  const customer = bank.store.getCustomer('phoneuser1')!;
  return kind === 'ars'
    ? startChallenge(bank, 'ars', customer, { ttlMs: ARS_CODE_TTL_MS, codeLength: ARS_CODE_LENGTH })
    : startChallenge(bank, 'cloudSms', customer, { ttlMs: CLOUD_SMS_CODE_TTL_MS, codeLength: CLOUD_SMS_CODE_LENGTH });
}

async function view(app: TestBank['app'], phone = PHONE): Promise<PhoneView> {
  const res = await api(app).get(`/phones/${phone}`);
  assert.equal(res.status, 200);
  return (await res.json()) as PhoneView;
}

/** A wrong answer that is still well-formed. */
const other = (code: string) => code.replace(/\d$/, (d) => String((Number(d) + 1) % 10));

describe('GET /__test__/phones/:phone', () => {
  it('shows SMS both ways and the calls, oldest first, with ISO times', async () => {
    const t = await setUp();
    assert.deepEqual(await view(t.app), { sms: [], calls: [] });
    deliverSms(t.bank, PHONE, '[KB국민은행] 인증번호 [123456]');
    await api(t.app).post(`/phones/${PHONE}/sms`, { text: 'hello' });
    ring(t, 'ars');
    const v = await view(t.app);
    assert.deepEqual(v.sms.map((m) => [m.direction, m.text]), [['in', '[KB국민은행] 인증번호 [123456]'], ['out', 'hello']]);
    assert.deepEqual(v.calls.map((c) => c.state), ['ringing']);
    for (const at of [...v.sms, ...v.calls].map((m) => m.at)) assert.match(at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('takes the number without hyphens too', async () => {
    const t = await setUp();
    assert.deepEqual(await view(t.app, '01022223333'), { sms: [], calls: [] });
  });

  it('404 for a phone no customer has, 400 for a malformed one', async () => {
    const t = await setUp();
    await expectError(await api(t.app).get('/phones/010-9999-0000'), 404, /phone/);
    await expectError(await api(t.app).get('/phones/hello'), 400, /phone/);
    await expectError(await api(t.app).get('/phones/02-123-4567'), 400, /phone/);
  });
});

describe('POST /__test__/phones/:phone/keypad', () => {
  it('the right digits confirm the ringing call', async () => {
    const t = await setUp();
    const call = ring(t, 'ars');
    const res = await api(t.app).post(`/phones/${PHONE}/keypad`, { digits: call.code });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { state: 'confirmed' });
    assert.deepEqual((await view(t.app)).calls.map((c) => c.state), ['confirmed']);
  });

  it('wrong digits fail it; keying again, with no ringing call, is 409', async () => {
    const t = await setUp();
    const call = ring(t, 'ars');
    const res = await api(t.app).post(`/phones/${PHONE}/keypad`, { digits: other(call.code) });
    assert.deepEqual(await res.json(), { state: 'failed' });
    await expectError(await api(t.app).post(`/phones/${PHONE}/keypad`, { digits: call.code }), 409, /call/);
    assert.deepEqual((await view(t.app)).calls.map((c) => c.state), ['failed']);
  });

  it('409 when no call ever rang', async () => {
    const t = await setUp();
    await expectError(await api(t.app).post(`/phones/${PHONE}/keypad`, { digits: '12' }), 409, /call/);
  });

  it('404 for an unknown phone', async () => {
    const t = await setUp();
    await expectError(await api(t.app).post('/phones/010-9999-0000/keypad', { digits: '12' }), 404, /phone/);
  });
});

describe('POST /__test__/phones/:phone/sms', () => {
  it('the right code, spaces trimmed, confirms the waiting cloud code', async () => {
    const t = await setUp();
    const code = ring(t, 'cloudSms');
    const res = await api(t.app).post(`/phones/${PHONE}/sms`, { text: ` ${code.code} ` });
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { outcome: 'confirmed' });
  });

  it('wrong digits fail it; with no code waiting the SMS is just sent', async () => {
    const t = await setUp();
    const code = ring(t, 'cloudSms');
    assert.deepEqual(await (await api(t.app).post(`/phones/${PHONE}/sms`, { text: other(code.code) })).json(), { outcome: 'failed' });
    assert.deepEqual(await (await api(t.app).post(`/phones/${PHONE}/sms`, { text: code.code })).json(), { outcome: 'noCode' });
    assert.equal((await view(t.app)).sms.length, 2);
  });

  it('404 for an unknown phone', async () => {
    const t = await setUp();
    await expectError(await api(t.app).post('/phones/010-9999-0000/sms', { text: '12' }), 404, /phone/);
  });
});

describe('phones: bad input', () => {
  const cases: { path: 'keypad' | 'sms'; why: string; body: string; status: number; mentions: RegExp }[] = [
    { path: 'keypad', why: 'digits a number', body: '{"digits": 12}', status: 400, mentions: /digits/ },
    { path: 'keypad', why: 'digits with a letter', body: '{"digits": "1a"}', status: 400, mentions: /digits/ },
    { path: 'keypad', why: 'digits empty', body: '{"digits": ""}', status: 400, mentions: /digits/ },
    { path: 'keypad', why: 'digits missing', body: '{}', status: 400, mentions: /digits: is required/ },
    { path: 'keypad', why: 'broken JSON', body: '{"digits": "1', status: 400, mentions: /JSON/ },
    { path: 'keypad', why: 'a 1 MB body', body: JSON.stringify({ digits: ONE_MB }), status: 413, mentions: /body/ },
    { path: 'sms', why: 'text a number', body: '{"text": 12}', status: 400, mentions: /text/ },
    { path: 'sms', why: 'text empty', body: '{"text": ""}', status: 400, mentions: /text/ },
    { path: 'sms', why: 'text missing', body: '{}', status: 400, mentions: /text: is required/ },
    { path: 'sms', why: 'text too long', body: JSON.stringify({ text: '1'.repeat(5000) }), status: 400, mentions: /text/ },
    { path: 'sms', why: 'broken JSON', body: 'text=12', status: 400, mentions: /JSON/ },
    { path: 'sms', why: 'a 1 MB body', body: JSON.stringify({ text: ONE_MB }), status: 413, mentions: /body/ },
  ];
  for (const { path, why, body, status, mentions } of cases) {
    it(`${path}: ${why} → ${status}; the call and the code still wait, nothing is sent`, async () => {
      const t = await setUp();
      const call = ring(t, 'ars');
      const code = ring(t, 'cloudSms');
      await expectError(await rawApi(t.app, 'POST', `/phones/${PHONE}/${path}`, body), status, mentions);
      const v = await view(t.app);
      assert.deepEqual(v.calls.map((c) => c.state), ['ringing']);
      assert.equal(v.sms.length, 0);
      assert.equal(t.bank.store.getChallenge(code.id)?.state, 'waiting');
      // Still answering: the right digits go through.
      assert.deepEqual(await (await api(t.app).post(`/phones/${PHONE}/keypad`, { digits: call.code })).json(), { state: 'confirmed' });
    });
  }
});
