import { randomBytes } from 'node:crypto';
import { BANK_NAME, CERTIFICATE_VALIDITY_YEARS, SMS } from '../rules.ts';
import { activeCertificate, certificateStatusAt, planIssue } from '../domain/certificates.ts';
import type { Certificate, CertificateStatus, Customer, StoredCertificateStatus } from '../domain/types.ts';
import { addYearsKst, renewedExpiry } from '../domain/validity.ts';
import { faulty } from '../faults.ts';
import { customerNow } from './clock.ts';
import type { BankContext } from './context.ts';
import { deliverSms } from './phone.ts';

function newSerial(): string {
  return randomBytes(8).toString('hex').toUpperCase();
}

function revoke(ctx: BankContext, serials: readonly string[]): void {
  for (const serial of serials) {
    const cert = ctx.store.getCertificate(serial);
    if (cert) cert.status = 'revoked';
  }
}

/**
 * Completion of the flow: the old certificate (any bank) is revoked everywhere, the new one stored,
 * and the completion SMS sent, all before the completion page is served.
 */
export function issueCertificate(ctx: BankContext, customer: Customer, pin: string, reissue: boolean): Certificate {
  const now = customerNow(ctx, customer);
  // Fault: the expiry is planned as for a new issue, so a reissue gets a fresh three years.
  const keepsExpiry = reissue && !faulty(ctx, 'reissue-fresh-expiry');
  const plan = planIssue(ctx.store.certificatesOf(customer.rrn), now, keepsExpiry);
  let revoked = plan.revoke;
  // Fault: the reissue branch forgot the revocation; the old certificate stays active.
  if (reissue && faulty(ctx, 'reissue-keeps-old-active')) revoked = [];
  // Fault: only our own bank's certificates are revoked; another bank's stays active.
  if (faulty(ctx, 'other-bank-certificate-not-revoked')) {
    revoked = revoked.filter((serial) => ctx.store.getCertificate(serial)?.bank === BANK_NAME);
  }
  revoke(ctx, revoked);
  let expiresAt = plan.expiresAt;
  // Fault: one year (the old 공동인증서 term) instead of three.
  if (!reissue && faulty(ctx, 'validity-one-year')) expiresAt = addYearsKst(now, 1);
  if (!reissue && faulty(ctx, 'leap-day-expiry-rolls-over')) {
    // Fault: Date's own year arithmetic, which rolls 29 Feb over to 1 Mar.
    expiresAt = new Date(now);
    expiresAt.setUTCFullYear(now.getUTCFullYear() + CERTIFICATE_VALIDITY_YEARS);
  }
  const cert: Certificate = {
    serial: newSerial(),
    rrn: customer.rrn,
    ownerName: customer.name,
    bank: BANK_NAME,
    status: 'active',
    locked: false,
    pin,
    pinErrors: 0,
    issuedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
  ctx.store.putCertificate(cert);
  // Fault: the completion SMS was dropped.
  if (!faulty(ctx, 'completion-sms-missing')) deliverSms(ctx, customer.phone, SMS.issued(customer.name));
  ctx.log('certificate.issued', { reissue, revoked: revoked.length });
  return cert;
}

/** Renewal: a new serial, the old one revoked, expiry = old expiry + 1 day + 3 years. */
export function renewCertificate(ctx: BankContext, customer: Customer, old: Certificate): Certificate {
  const now = customerNow(ctx, customer);
  // Fault: the old certificate is not revoked; two stay active.
  if (!faulty(ctx, 'renewal-keeps-old-active')) revoke(ctx, [old.serial]);
  const oldExpiry = new Date(old.expiresAt);
  let expiresAt = renewedExpiry(oldExpiry);
  // Fault: three years from the old expiry, the extra day forgotten.
  if (faulty(ctx, 'renewal-expiry-no-extra-day')) {
    expiresAt = addYearsKst(oldExpiry, CERTIFICATE_VALIDITY_YEARS);
  }
  const cert: Certificate = {
    ...old,
    // Renewed here, so KB issues the new one even when another bank issued the old.
    bank: BANK_NAME,
    serial: newSerial(),
    status: 'active',
    locked: false,
    pinErrors: 0,
    issuedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
  ctx.store.putCertificate(cert);
  deliverSms(ctx, customer.phone, SMS.renewed(customer.name));
  ctx.log('certificate.renewed', {});
  return cert;
}

export interface SeededCertificate {
  bank: string;
  status: StoredCertificateStatus;
  pin: string;
  issuedAt: string;
  expiresAt: string;
  locked?: boolean;
}

/** A certificate the test-support API seeds (possibly from another bank). */
export function seedCertificate(ctx: BankContext, customer: Customer, seed: SeededCertificate): Certificate {
  const cert: Certificate = {
    serial: newSerial(),
    rrn: customer.rrn,
    ownerName: customer.name,
    bank: seed.bank,
    status: seed.status,
    locked: seed.locked ?? false,
    pin: seed.pin,
    pinErrors: 0,
    issuedAt: new Date(seed.issuedAt).toISOString(),
    expiresAt: new Date(seed.expiresAt).toISOString(),
  };
  ctx.store.putCertificate(cert);
  return cert;
}

export interface CertificateView {
  serial: string;
  bank: string;
  status: CertificateStatus;
  locked: boolean;
  issuedAt: string;
  expiresAt: string;
}

export function certificateView(cert: Certificate, now: Date): CertificateView {
  return {
    serial: cert.serial,
    bank: cert.bank,
    status: certificateStatusAt(cert, now),
    locked: cert.locked,
    issuedAt: cert.issuedAt,
    expiresAt: cert.expiresAt,
  };
}

/** Every certificate of a person, all banks, as the API shows them (dates judged on their clock). */
export function certificatesOfPerson(ctx: BankContext, rrn: string): CertificateView[] {
  const now = customerNow(ctx, ctx.store.findCustomerByRrn(rrn));
  return ctx.store
    .certificatesOf(rrn)
    .sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt))
    .map((c) => certificateView(c, now));
}

export function activeCertificateOf(ctx: BankContext, customer: Customer): Certificate | undefined {
  return activeCertificate(ctx.store.certificatesOf(customer.rrn), customerNow(ctx, customer));
}
