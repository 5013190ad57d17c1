import { ERROR_LIMITS, type CountedMedium } from '../rules.ts';
import type { Customer } from './types.ts';

export type CountedTry = { outcome: 'wrong'; count: number; limit: number } | { outcome: 'locked'; limit: number };

export function emptyCounters(): Record<CountedMedium, number> {
  return { accountPassword: 0, securityCard: 0, otp: 0, kbMobileCert: 0 };
}

export function noLocks(): Record<CountedMedium, boolean> {
  return { accountPassword: false, securityCard: false, otp: false, kbMobileCert: false };
}

/**
 * Counts one wrong try; the try that reaches the limit locks the medium (per customer, across flows).
 * `lockAt` is the count that locks, the limit unless a caller says otherwise.
 */
export function recordWrongTry(
  customer: Customer,
  medium: CountedMedium,
  lockAt: number = ERROR_LIMITS[medium],
): CountedTry {
  const limit = ERROR_LIMITS[medium];
  const count = customer.counters[medium] + 1;
  customer.counters[medium] = count;
  if (count >= lockAt) {
    customer.locks[medium] = true;
    return { outcome: 'locked', limit };
  }
  return { outcome: 'wrong', count, limit };
}

/** A right answer resets that medium's counter. */
export function recordRightTry(customer: Customer, medium: CountedMedium): void {
  customer.counters[medium] = 0;
}

export function isLocked(customer: Customer, medium: CountedMedium): boolean {
  return customer.locks[medium];
}

export function resetLocks(customer: Customer): void {
  customer.counters = emptyCounters();
  customer.locks = noLocks();
}
