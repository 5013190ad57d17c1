import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ERROR_LIMITS, type CountedMedium } from '../../src/rules.ts';
import {
  emptyCounters,
  isLocked,
  noLocks,
  recordRightTry,
  recordWrongTry,
  resetLocks,
} from '../../src/domain/limits.ts';
import type { Customer } from '../../src/domain/types.ts';

function customer(): Customer {
  return {
    userId: 'kbqa0193',
    loginPassword: 'pw12345678',
    name: '김민준',
    rrn: '9001011234568',
    phone: '010-1234-5678',
    email: 'kim@example.com',
    address: '서울',
    accounts: [],
    media: null,
    abroad: null,
    clockOffsetSeconds: 0,
    counters: emptyCounters(),
    locks: noLocks(),
  };
}

const MEDIA = Object.keys(ERROR_LIMITS) as CountedMedium[];

describe('limits: wrong tries per medium', () => {
  it('counts the spec limits: account password 3, 보안카드 5, OTP 10, KB모바일인증서 5', () => {
    assert.deepEqual({ ...ERROR_LIMITS }, { accountPassword: 3, securityCard: 5, otp: 10, kbMobileCert: 5 });
  });

  for (const medium of MEDIA) {
    const limit = ERROR_LIMITS[medium];

    it(`${medium}: ${limit - 1} wrong tries do not lock, the ${limit}th does`, () => {
      const c = customer();
      for (let n = 1; n < limit; n++) {
        assert.deepEqual(recordWrongTry(c, medium), { outcome: 'wrong', count: n, limit });
        assert.equal(isLocked(c, medium), false);
      }
      assert.deepEqual(recordWrongTry(c, medium), { outcome: 'locked', limit });
      assert.equal(isLocked(c, medium), true);
      for (const other of MEDIA.filter((m) => m !== medium)) {
        assert.equal(isLocked(c, other), false, `${other} untouched`);
        assert.equal(c.counters[other], 0, `${other} not counted`);
      }
    });

    it(`${medium}: a right answer resets the counter`, () => {
      const c = customer();
      for (let n = 1; n < limit; n++) recordWrongTry(c, medium);
      recordRightTry(c, medium);
      assert.equal(c.counters[medium], 0);
      for (let n = 1; n < limit; n++) {
        assert.equal(recordWrongTry(c, medium).outcome, 'wrong');
      }
      assert.equal(isLocked(c, medium), false);
    });

    it(`${medium}: stays locked after a right answer, until resetLocks`, () => {
      const c = customer();
      for (let n = 0; n < limit; n++) recordWrongTry(c, medium);
      recordRightTry(c, medium);
      assert.equal(isLocked(c, medium), true);
      resetLocks(c);
      assert.equal(isLocked(c, medium), false);
      assert.deepEqual(c.counters, emptyCounters());
      assert.deepEqual(c.locks, noLocks());
      assert.deepEqual(recordWrongTry(c, medium), { outcome: 'wrong', count: 1, limit });
    });
  }

  it('resetLocks clears every counter and lock at once', () => {
    const c = customer();
    for (const medium of MEDIA) {
      for (let n = 0; n < ERROR_LIMITS[medium]; n++) recordWrongTry(c, medium);
    }
    assert.ok(MEDIA.every((m) => isLocked(c, m)));
    resetLocks(c);
    assert.ok(MEDIA.every((m) => !isLocked(c, m) && c.counters[m] === 0));
  });
});
