import type { Customer } from './types.ts';

/** Any medium at all? A customer with none is offered 모바일OTP issuance. */
export function holdsAnyMedium(customer: Customer): boolean {
  const m = customer.media;
  return !!m && !!(m.securityCard || m.otp || m.kbMobileCert);
}

/** 해외출국 확인 passes only with an open departure record (departed, not returned). */
export function isAbroad(customer: Customer): boolean {
  return !!customer.abroad && customer.abroad.returnedAt === null;
}
