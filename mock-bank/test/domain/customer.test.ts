import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { holdsAnyMedium, isAbroad } from '../../src/domain/customer.ts';
import { emptyCounters, noLocks } from '../../src/domain/limits.ts';
import type { Customer, DepartureRecord, Media } from '../../src/domain/types.ts';

function customer(media: Media | null, abroad: DepartureRecord | null = null): Customer {
  return {
    userId: 'kbqa0193',
    loginPassword: 'pw12345678',
    name: '김민준',
    rrn: '9001011234568',
    phone: '010-1234-5678',
    email: 'kim@example.com',
    address: '서울',
    accounts: [],
    media,
    abroad,
    clockOffsetSeconds: 0,
    counters: emptyCounters(),
    locks: noLocks(),
  };
}

describe('customer: holdsAnyMedium', () => {
  const cases: { media: Media | null; holds: boolean; why: string }[] = [
    { media: null, holds: false, why: 'media null' },
    { media: {}, holds: false, why: 'no key' },
    { media: { securityCard: null, otp: null, kbMobileCert: null }, holds: false, why: 'every key null' },
    { media: { otp: { secret: 'GEZDGNBVGY3TQOJQ' } }, holds: true, why: 'an OTP' },
    { media: { otp: { secret: 'GEZDGNBVGY3TQOJQ', mobile: true } }, holds: true, why: 'a 모바일OTP' },
    { media: { securityCard: { codes: ['0412'] } }, holds: true, why: 'a 보안카드' },
    { media: { kbMobileCert: { pin: '135790' } }, holds: true, why: 'a KB모바일인증서' },
  ];
  for (const { media, holds, why } of cases) {
    it(`${why} → ${holds}`, () => {
      assert.equal(holdsAnyMedium(customer(media)), holds);
    });
  }
});

describe('customer: isAbroad (departed, not returned)', () => {
  const cases: { abroad: DepartureRecord | null; result: boolean; why: string }[] = [
    { abroad: null, result: false, why: 'no record' },
    { abroad: { departedAt: '2026-10-01', returnedAt: null }, result: true, why: 'departed' },
    { abroad: { departedAt: '2026-10-01', returnedAt: '2026-10-15' }, result: false, why: 'returned' },
  ];
  for (const { abroad, result, why } of cases) {
    it(`${why} → ${result}`, () => {
      assert.equal(isAbroad(customer(null, abroad)), result);
    });
  }
});
