import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  ARS_CODE_TTL_MS,
  CLOUD_SMS_CODE_TTL_MS,
  SERVER_DEADLINE_GRACE_MS,
  SMS_CODE_LENGTH,
} from '../../src/rules.ts';
import type { Challenge, Customer } from '../../src/domain/types.ts';
import {
  answerChallenge,
  checkTypedCode,
  currentChallenge,
  expireChallenge,
  getChallenge,
  remainingMs,
  startChallenge,
} from '../../src/services/challenges.ts';
import { setClockOffset } from '../../src/services/clock.ts';
import { createContext, type BankContext } from '../../src/services/context.ts';
import { createCustomer } from '../../src/services/customers.ts';
import { MemoryStore } from '../../src/store.ts';

const ARS = { ttlMs: ARS_CODE_TTL_MS, codeLength: 2 };
const TYPED = { ttlMs: CLOUD_SMS_CODE_TTL_MS, codeLength: SMS_CODE_LENGTH };

let fakeNow: number;
let logLines: string[];
let ctx: BankContext;
let kim: Customer;
let lee: Customer;

function made(result: ReturnType<typeof createCustomer>): Customer {
  assert.ok(result.ok);
  return result.customer;
}

/** The code with its first digit changed: well-formed, but wrong. */
function wrong(challenge: Challenge): string {
  return String((Number(challenge.code[0]) + 1) % 10) + challenge.code.slice(1);
}

beforeEach(() => {
  fakeNow = Date.parse('2026-03-01T00:00:00Z');
  logLines = [];
  ctx = createContext(new MemoryStore(), {
    now: () => fakeNow,
    log: (event, fields) => logLines.push(JSON.stringify({ event, ...fields })),
  });
  kim = made(createCustomer(ctx, { userId: 'kimminjun', phone: '010-1111-2222' }));
  lee = made(createCustomer(ctx, { userId: 'leeseoyeon', phone: '010-3333-4444' }));
});

describe('challenges: a new code', () => {
  it('waits with a code of the asked length and counts down from its time to live', () => {
    const ars = startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(ars.state, 'waiting');
    assert.match(ars.code, /^\d{2}$/);
    assert.equal(ars.phone, kim.phone);
    assert.equal(ars.expiresAt, fakeNow + ARS_CODE_TTL_MS);
    assert.equal(remainingMs(ctx, ars), ARS_CODE_TTL_MS);
    fakeNow += 60_000;
    assert.equal(remainingMs(ctx, ars), ARS_CODE_TTL_MS - 60_000);
    assert.match(startChallenge(ctx, 'idLookup', kim, TYPED).code, /^\d{6}$/);
  });

  it('never writes the code to the log', () => {
    const c = startChallenge(ctx, 'idLookup', kim, TYPED);
    answerChallenge(ctx, c, c.code);
    assert.ok(logLines.length > 0);
    for (const line of logLines) {
      assert.ok(!Object.values(JSON.parse(line) as Record<string, unknown>).includes(c.code), line);
    }
  });
});

describe('challenges: the server backstop (0:00 + grace, on the customer clock)', () => {
  it('still waits until the grace has passed, then is expired', () => {
    const c = startChallenge(ctx, 'ars', kim, ARS);
    fakeNow = c.expiresAt;
    assert.equal(getChallenge(ctx, c.id)?.state, 'waiting', 'the browser reached 0:00, the server waits');
    assert.equal(remainingMs(ctx, c), 0);
    fakeNow = c.expiresAt + SERVER_DEADLINE_GRACE_MS - 1;
    assert.equal(getChallenge(ctx, c.id)?.state, 'waiting', 'the last ms of grace');
    fakeNow = c.expiresAt + SERVER_DEADLINE_GRACE_MS;
    assert.equal(getChallenge(ctx, c.id)?.state, 'expired');
    assert.equal(currentChallenge(ctx, kim.phone, 'ars'), undefined);
  });

  it("runs on the owner's clock: moving kim's clock expires kim's code, not lee's", () => {
    const kims = startChallenge(ctx, 'ars', kim, ARS);
    const lees = startChallenge(ctx, 'ars', lee, ARS);
    setClockOffset(kim, (ARS_CODE_TTL_MS + SERVER_DEADLINE_GRACE_MS) / 1000);
    assert.equal(getChallenge(ctx, kims.id)?.state, 'expired');
    assert.equal(getChallenge(ctx, lees.id)?.state, 'waiting');
    assert.equal(remainingMs(ctx, lees), ARS_CODE_TTL_MS);
  });

  it('a code started with the clock ahead ends ahead: its deadline is on that clock', () => {
    setClockOffset(kim, 3600);
    const c = startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(c.expiresAt, fakeNow + 3_600_000 + ARS_CODE_TTL_MS);
    assert.equal(remainingMs(ctx, c), ARS_CODE_TTL_MS);
  });

  it('an unknown id gives nothing', () => {
    assert.equal(getChallenge(ctx, 'nope'), undefined);
    assert.equal(getChallenge(ctx, undefined), undefined);
  });
});

describe('challenges: a new request expires the waiting one', () => {
  it('of the same kind on the same phone only', () => {
    const first = startChallenge(ctx, 'ars', kim, ARS);
    const cloud = startChallenge(ctx, 'cloudSms', kim, ARS);
    const lees = startChallenge(ctx, 'ars', lee, ARS);
    const second = startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(first.state, 'expired');
    assert.equal(second.state, 'waiting');
    assert.equal(cloud.state, 'waiting', 'another kind is untouched');
    assert.equal(lees.state, 'waiting', 'another phone is untouched');
    assert.equal(currentChallenge(ctx, kim.phone, 'ars'), second);
    assert.equal(answerChallenge(ctx, first, first.code), 'failed', 'the old code no longer counts');
  });

  it('leaves a settled one as it was', () => {
    const first = startChallenge(ctx, 'ars', kim, ARS);
    answerChallenge(ctx, first, first.code);
    startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(first.state, 'confirmed');
  });
});

describe('challenges: answering (ARS keypad, cloud SMS)', () => {
  it('the right answer confirms', () => {
    const c = startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(answerChallenge(ctx, c, c.code), 'confirmed');
    assert.equal(c.state, 'confirmed');
  });

  it('a wrong answer fails it for good', () => {
    const c = startChallenge(ctx, 'ars', kim, ARS);
    assert.equal(answerChallenge(ctx, c, wrong(c)), 'failed');
    assert.equal(c.state, 'failed');
    assert.equal(answerChallenge(ctx, c, c.code), 'failed');
    assert.equal(c.state, 'failed');
  });

  it('a confirmed code is not settled again', () => {
    const c = startChallenge(ctx, 'ars', kim, ARS);
    answerChallenge(ctx, c, c.code);
    assert.equal(answerChallenge(ctx, c, wrong(c)), 'failed');
    assert.equal(c.state, 'confirmed');
  });

  it('a late answer (after the backstop) is refused and the code stays expired', () => {
    const c = startChallenge(ctx, 'ars', kim, ARS);
    fakeNow = c.expiresAt + SERVER_DEADLINE_GRACE_MS;
    assert.equal(answerChallenge(ctx, c, c.code), 'failed');
    assert.equal(c.state, 'expired');
  });

  it("an answer after the browser's 0:00 was reported is refused", () => {
    const c = startChallenge(ctx, 'ars', kim, ARS);
    expireChallenge(ctx, c);
    assert.equal(c.state, 'expired');
    assert.equal(answerChallenge(ctx, c, c.code), 'failed');
    assert.equal(c.state, 'expired');
  });

  it('reporting 0:00 does not undo a confirmed code', () => {
    const c = startChallenge(ctx, 'ars', kim, ARS);
    answerChallenge(ctx, c, c.code);
    expireChallenge(ctx, c);
    assert.equal(c.state, 'confirmed');
  });
});

describe('challenges: a code typed on a screen (아이디찾기, 모바일OTP)', () => {
  it('a wrong code may be typed again, then the right one confirms', () => {
    const c = startChallenge(ctx, 'idLookup', kim, TYPED);
    assert.equal(checkTypedCode(ctx, c, wrong(c)), 'wrong');
    assert.equal(c.state, 'waiting');
    assert.equal(checkTypedCode(ctx, c, wrong(c)), 'wrong');
    assert.equal(checkTypedCode(ctx, c, c.code), 'confirmed');
    assert.equal(c.state, 'confirmed');
    assert.equal(checkTypedCode(ctx, c, c.code), 'confirmed', 'a second submit of the same form');
  });

  it('a late code is refused, even the right one', () => {
    const c = startChallenge(ctx, 'idLookup', kim, TYPED);
    fakeNow = c.expiresAt + SERVER_DEADLINE_GRACE_MS;
    assert.equal(checkTypedCode(ctx, c, c.code), 'late');
    assert.equal(c.state, 'expired');
  });

  it('a code whose countdown ran out in the browser is late', () => {
    const c = startChallenge(ctx, 'mobileOtp', kim, TYPED);
    expireChallenge(ctx, c);
    assert.equal(checkTypedCode(ctx, c, c.code), 'late');
  });

  it('a code replaced by a new request is late', () => {
    const c = startChallenge(ctx, 'idLookup', kim, TYPED);
    startChallenge(ctx, 'idLookup', kim, TYPED);
    assert.equal(checkTypedCode(ctx, c, c.code), 'late');
  });
});
