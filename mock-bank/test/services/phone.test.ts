import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  ARS_CODE_LENGTH,
  ARS_CODE_TTL_MS,
  CLOUD_SMS_CODE_LENGTH,
  CLOUD_SMS_CODE_TTL_MS,
  SERVER_DEADLINE_GRACE_MS,
} from '../../src/rules.ts';
import type { Challenge, Customer } from '../../src/domain/types.ts';
import { startChallenge } from '../../src/services/challenges.ts';
import { createContext, type BankContext } from '../../src/services/context.ts';
import { createCustomer } from '../../src/services/customers.ts';
import { deliverSms, keypad, phoneView, smsFromPhone } from '../../src/services/phone.ts';
import { MemoryStore } from '../../src/store.ts';

const ARS = { ttlMs: ARS_CODE_TTL_MS, codeLength: ARS_CODE_LENGTH };
const CLOUD = { ttlMs: CLOUD_SMS_CODE_TTL_MS, codeLength: CLOUD_SMS_CODE_LENGTH };

let fakeNow: number;
let ctx: BankContext;
let kim: Customer;

function wrong(challenge: Challenge): string {
  return String((Number(challenge.code[0]) + 1) % 10) + challenge.code.slice(1);
}

beforeEach(() => {
  fakeNow = Date.parse('2026-03-01T00:00:00Z');
  ctx = createContext(new MemoryStore(), { now: () => fakeNow, log: () => {} });
  const result = createCustomer(ctx, { userId: 'kimminjun', phone: '010-1111-2222' });
  assert.ok(result.ok);
  kim = result.customer;
});

describe('phone: the ARS keypad', () => {
  it('with no ringing call → noCall', () => {
    assert.equal(keypad(ctx, kim.phone, '12'), 'noCall');
  });

  it('the right digits confirm the ringing call; then nothing rings', () => {
    const call = startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(keypad(ctx, kim.phone, ` ${call.code} `), 'confirmed');
    assert.equal(call.state, 'confirmed');
    assert.equal(keypad(ctx, kim.phone, call.code), 'noCall');
  });

  it('wrong digits fail the call', () => {
    const call = startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(keypad(ctx, kim.phone, wrong(call)), 'failed');
    assert.equal(call.state, 'failed');
    assert.equal(keypad(ctx, kim.phone, call.code), 'noCall');
  });

  it('a call past the backstop no longer rings', () => {
    const call = startChallenge(ctx, 'ars', kim, ARS);
    fakeNow = call.expiresAt + SERVER_DEADLINE_GRACE_MS;
    assert.equal(keypad(ctx, kim.phone, call.code), 'noCall');
  });

  it('keys into an ARS call only, never into a waiting cloud code', () => {
    const cloud = startChallenge(ctx, 'cloudSms', kim, CLOUD);
    assert.equal(keypad(ctx, kim.phone, cloud.code), 'noCall');
    assert.equal(cloud.state, 'waiting');
  });

  it("keys into this phone's call only", () => {
    startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(keypad(ctx, '010-9999-8888', '12'), 'noCall');
  });
});

describe('phone: SMS', () => {
  it('the bank delivers an SMS to the phone', () => {
    deliverSms(ctx, kim.phone, '[KB국민은행] 인증번호 [123456]');
    assert.deepEqual(phoneView(ctx, kim.phone).sms, [
      { direction: 'in', text: '[KB국민은행] 인증번호 [123456]', at: '2026-03-01T00:00:00.000Z' },
    ]);
  });

  it('an SMS with no cloud code waiting → noCode, but it is still sent', () => {
    assert.equal(smsFromPhone(ctx, kim.phone, 'hello'), 'noCode');
    assert.deepEqual(phoneView(ctx, kim.phone).sms, [
      { direction: 'out', text: 'hello', at: '2026-03-01T00:00:00.000Z' },
    ]);
  });

  it('the next SMS answers the waiting cloud code, spaces trimmed', () => {
    const code = startChallenge(ctx, 'cloudSms', kim, CLOUD);
    assert.equal(smsFromPhone(ctx, kim.phone, `  ${code.code}\n`), 'confirmed');
    assert.equal(code.state, 'confirmed');
    assert.equal(smsFromPhone(ctx, kim.phone, code.code), 'noCode');
  });

  it('a wrong SMS fails the code; the next SMS finds nothing waiting', () => {
    const code = startChallenge(ctx, 'cloudSms', kim, CLOUD);
    assert.equal(smsFromPhone(ctx, kim.phone, wrong(code)), 'failed');
    assert.equal(code.state, 'failed');
    assert.equal(smsFromPhone(ctx, kim.phone, code.code), 'noCode');
  });

  it('an SMS does not answer a ringing ARS call', () => {
    const call = startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(smsFromPhone(ctx, kim.phone, call.code), 'noCode');
    assert.equal(call.state, 'waiting');
  });

  it('a late SMS finds nothing waiting', () => {
    const code = startChallenge(ctx, 'cloudSms', kim, CLOUD);
    fakeNow = code.expiresAt + SERVER_DEADLINE_GRACE_MS;
    assert.equal(smsFromPhone(ctx, kim.phone, code.code), 'noCode');
    assert.equal(code.state, 'expired');
  });
});

describe('phone: phoneView', () => {
  it('lists SMS and ARS calls oldest first, calls as ringing/confirmed/failed/expired', () => {
    const confirmed = startChallenge(ctx, 'ars', kim, ARS);
    keypad(ctx, kim.phone, confirmed.code);
    fakeNow += 1000;
    const failed = startChallenge(ctx, 'ars', kim, ARS);
    keypad(ctx, kim.phone, wrong(failed));
    fakeNow += 1000;
    startChallenge(ctx, 'ars', kim, ARS); // replaced by the next 재요청: expired
    fakeNow += 1000;
    startChallenge(ctx, 'cloudSms', kim, CLOUD); // not a call
    deliverSms(ctx, kim.phone, 'first');
    fakeNow += 1000;
    startChallenge(ctx, 'ars', kim, ARS);
    smsFromPhone(ctx, kim.phone, 'second');

    const view = phoneView(ctx, kim.phone);
    assert.deepEqual(view.calls, [
      { state: 'confirmed', at: '2026-03-01T00:00:00.000Z' },
      { state: 'failed', at: '2026-03-01T00:00:01.000Z' },
      { state: 'expired', at: '2026-03-01T00:00:02.000Z' },
      { state: 'ringing', at: '2026-03-01T00:00:04.000Z' },
    ]);
    assert.deepEqual(
      view.sms.map((m) => [m.direction, m.text]),
      [
        ['in', 'first'],
        ['out', 'second'],
      ],
    );
  });

  it('a call past the backstop shows as expired', () => {
    const call = startChallenge(ctx, 'ars', kim, ARS);
    fakeNow = call.expiresAt + SERVER_DEADLINE_GRACE_MS;
    assert.deepEqual(
      phoneView(ctx, kim.phone).calls.map((c) => c.state),
      ['expired'],
    );
  });

  it('an unknown phone is empty', () => {
    assert.deepEqual(phoneView(ctx, '010-0000-0000'), { sms: [], calls: [] });
  });

  it('hands out copies: changing the view changes nothing stored', () => {
    deliverSms(ctx, kim.phone, 'original');
    phoneView(ctx, kim.phone).sms[0]!.text = 'changed';
    assert.equal(phoneView(ctx, kim.phone).sms[0]!.text, 'original');
  });
});
