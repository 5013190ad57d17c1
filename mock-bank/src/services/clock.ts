import type { Customer } from '../domain/types.ts';
import type { BankContext } from './context.ts';

/** This customer's "now": real time plus their test-clock offset (spec §3, §9). */
export function customerNow(ctx: BankContext, customer: Customer | undefined): Date {
  return new Date(ctx.now() + (customer?.clockOffsetSeconds ?? 0) * 1000);
}

export function setClockOffset(customer: Customer, offsetSeconds: number): void {
  customer.clockOffsetSeconds = offsetSeconds;
}
