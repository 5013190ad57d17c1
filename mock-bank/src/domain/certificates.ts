import type { Certificate, CertificateStatus } from './types.ts';
import { newCertificateExpiry, reissueExpiry } from './validity.ts';

/** `expired` is derived: a certificate past its expiry no longer counts as active. */
export function certificateStatusAt(cert: Certificate, now: Date): CertificateStatus {
  if (cert.status !== 'revoked' && now.getTime() >= Date.parse(cert.expiresAt)) return 'expired';
  return cert.status;
}

function newestFirst(certs: readonly Certificate[]): Certificate[] {
  return [...certs].sort((a, b) => Date.parse(b.issuedAt) - Date.parse(a.issuedAt));
}

/** The person's active certificate (at most one, across banks). */
export function activeCertificate(certs: readonly Certificate[], now: Date): Certificate | undefined {
  return newestFirst(certs).find((c) => certificateStatusAt(c, now) === 'active');
}

/** The newest one not revoked (the test-support API's `certificate`). */
export function currentCertificate(certs: readonly Certificate[]): Certificate | undefined {
  return newestFirst(certs).find((c) => c.status !== 'revoked');
}

/** What the user-info step finds in the registry for this person. */
export type RegistryFinding = 'none' | 'active' | 'suspended';

export function registryFinding(certs: readonly Certificate[], now: Date): RegistryFinding {
  const statuses = certs.map((c) => certificateStatusAt(c, now));
  if (statuses.includes('suspended')) return 'suspended';
  if (statuses.includes('active')) return 'active';
  return 'none';
}

export interface IssuePlan {
  /** Serials to revoke everywhere before the new one is served (one per person, all banks). */
  revoke: string[];
  expiresAt: Date;
}

/** A new issue lasts three years; a reissue keeps the old active certificate's expiry. */
export function planIssue(certs: readonly Certificate[], now: Date, reissue: boolean): IssuePlan {
  const active = activeCertificate(certs, now);
  const revoke = certs.filter((c) => certificateStatusAt(c, now) === 'active').map((c) => c.serial);
  const expiresAt = reissue && active ? reissueExpiry(new Date(active.expiresAt)) : newCertificateExpiry(now);
  return { revoke, expiresAt };
}

export type PinTry = { outcome: 'right' } | { outcome: 'wrong'; count: number; limit: number } | { outcome: 'locked' };

/** (assumed) the certificate PIN at renewal: the 5th wrong try locks it; a right one resets the count. */
export function recordCertificatePinTry(cert: Certificate, pin: string, limit: number): PinTry {
  if (cert.locked) return { outcome: 'locked' };
  if (pin === cert.pin) {
    cert.pinErrors = 0;
    return { outcome: 'right' };
  }
  cert.pinErrors += 1;
  if (cert.pinErrors >= limit) {
    cert.locked = true;
    return { outcome: 'locked' };
  }
  return { outcome: 'wrong', count: cert.pinErrors, limit };
}
