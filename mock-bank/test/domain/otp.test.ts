import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OTP_PERIOD_SECONDS } from '../../src/rules.ts';
import { isBase32Secret, isValidOtp, newOtpSecret, otpCode } from '../../src/domain/otp.ts';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const STEP_MS = OTP_PERIOD_SECONDS * 1000;

describe('otp: TOTP codes', () => {
  // The RFC's 8-digit values, last six digits (HOTP truncates mod 10^digits).
  const vectors: { seconds: number; code: string }[] = [
    { seconds: 59, code: '287082' },
    { seconds: 1111111109, code: '081804' },
    { seconds: 1111111111, code: '050471' },
    { seconds: 1234567890, code: '005924' },
    { seconds: 2000000000, code: '279037' },
  ];
  for (const { seconds, code } of vectors) {
    it(`RFC 6238 vector at T=${seconds} → ${code}`, () => {
      assert.equal(otpCode(RFC_SECRET, seconds * 1000), code);
      assert.equal(isValidOtp(RFC_SECRET, code, seconds * 1000), true);
    });
  }

  // Middle of a step, so "the step before/after" is unambiguous.
  const now = Date.parse('2026-03-01T09:00:15Z');
  const window: { offsetSteps: number; accepted: boolean }[] = [
    { offsetSteps: -3, accepted: false },
    { offsetSteps: -2, accepted: false },
    { offsetSteps: -1, accepted: true },
    { offsetSteps: 0, accepted: true },
    { offsetSteps: 1, accepted: true },
    { offsetSteps: 2, accepted: false },
    { offsetSteps: 3, accepted: false },
  ];
  for (const { offsetSteps, accepted } of window) {
    it(`the code of step ${offsetSteps > 0 ? '+' : ''}${offsetSteps} is ${accepted ? 'accepted' : 'refused'}`, () => {
      const code = otpCode(RFC_SECRET, now + offsetSteps * STEP_MS);
      // Guard against a coincidental equal code, which would make the row meaningless.
      if (!accepted) {
        for (const near of [-1, 0, 1]) assert.notEqual(code, otpCode(RFC_SECRET, now + near * STEP_MS));
      }
      assert.equal(isValidOtp(RFC_SECRET, code, now), accepted);
    });
  }

  const malformed = ['28708', '2870820', ' 287082', '287082 ', '28708a', '２８７０８２', ''];
  for (const code of malformed) {
    it(`refuses the malformed code ${JSON.stringify(code)}`, () => {
      assert.equal(isValidOtp(RFC_SECRET, code, 59_000), false);
    });
  }

  it('refuses the right code for another secret', () => {
    const other = 'JBSWY3DPEHPK3PXP';
    assert.equal(isValidOtp(other, otpCode(RFC_SECRET, 59_000), 59_000), false);
  });
});

describe('otp: secrets', () => {
  const cases: { value: string; ok: boolean; why: string }[] = [
    { value: RFC_SECRET, ok: true, why: '20 bytes' },
    { value: RFC_SECRET.toLowerCase(), ok: true, why: 'lower case' },
    { value: 'GEZDGNBVGY3TQOJQ', ok: true, why: '10 bytes' },
    { value: 'JBSWY3DP', ok: false, why: '5 bytes is too short' },
    { value: 'GEZDGNBVGY3TQOJ1', ok: false, why: '1 is not base32' },
    { value: 'GEZDGNBVGY3TQOJ0', ok: false, why: '0 is not base32' },
    { value: 'GEZDGNBV GY3TQOJQ', ok: false, why: 'a space' },
    { value: '', ok: false, why: 'empty' },
  ];
  for (const { value, ok, why } of cases) {
    it(`isBase32Secret(${JSON.stringify(value)}) → ${ok} (${why})`, () => {
      assert.equal(isBase32Secret(value), ok);
    });
  }

  it('newOtpSecret makes valid, different secrets', () => {
    const secrets = Array.from({ length: 20 }, () => newOtpSecret());
    assert.ok(secrets.every(isBase32Secret));
    assert.equal(new Set(secrets).size, secrets.length);
  });
});
