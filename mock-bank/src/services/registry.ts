import { randomBytes } from 'node:crypto';
import { BANK_NAME, SMS } from '../rules.ts';
import { activeCertificate, certificateStatusAt, planIssue } from '../domain/certificates.ts';
import type { Certificate, CertificateStatus, Customer, StoredCertificateStatus } from '../domain/types.ts';
import { renewedExpiry } from '../domain/validity.ts';
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
  const plan = planIssue(ctx.store.certificatesOf(customer.rrn), now, reissue);
  revoke(ctx, plan.revoke);
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
    expiresAt: plan.expiresAt.toISOString(),
  };
  ctx.store.putCertificate(cert);
  deliverSms(ctx, customer.phone, SMS.issued(customer.name));
  ctx.log('certificate.issued', { reissue, revoked: plan.revoke.length });
  return cert;
}

/** Renewal: a new serial, the old one revoked, expiry = old expiry + 1 day + 3 years. */
export function renewCertificate(ctx: BankContext, customer: Customer, old: Certificate): Certificate {
  const now = customerNow(ctx, customer);
  revoke(ctx, [old.serial]);
  const cert: Certificate = {
    ...old,
    // Renewed here, so KB issues the new one even when another bank issued the old.
    bank: BANK_NAME,
    serial: newSerial(),
    status: 'active',
    locked: false,
    pinErrors: 0,
    issuedAt: now.toISOString(),
    expiresAt: renewedExpiry(new Date(old.expiresAt)).toISOString(),
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
