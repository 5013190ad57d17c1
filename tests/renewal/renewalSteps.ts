import type { Page } from '@playwright/test';
import type { Customer } from '../../fixtures/index.ts';
import { CertCenterPage } from '../../pages/CertCenterPage.ts';
import { RenewalPage } from '../../pages/RenewalPage.ts';

/**
 * Opens 금융인증서 갱신 and submits the identity step as `customer` (spec §7). Renewal is an
 * internet-banking screen, on both projects: `via: 'certCenter'` walks 인증센터 → 금융인증서 갱신 as a
 * customer does; the rule tests open `/renewal` directly (the way in is not what they are about).
 */
export async function submitRenewalIdentity(
  page: Page,
  customer: Customer,
  { via = 'url' }: { via?: 'certCenter' | 'url' } = {},
): Promise<RenewalPage> {
  const renewal =
    via === 'certCenter'
      ? await (await new CertCenterPage(page).goto()).openRenewal()
      : await new RenewalPage(page).goto();
  await renewal.fill({ userId: customer.userId, rrn: customer.rrn });
  await renewal.next();
  return renewal;
}

/** The certificate PIN the customer was seeded with. */
export function seededPin(customer: Customer): string {
  const pin = customer.certificate?.pin;
  if (!pin) throw new Error(`Customer ${customer.userId} was made without a certificate`);
  return pin;
}

/** A well-formed PIN that is not `pin` (each digit + 1, mod 10). */
export function wrongPin(pin: string): string {
  return [...pin].map((digit) => String((Number(digit) + 1) % 10)).join('');
}
