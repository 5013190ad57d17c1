import type { CountedMedium } from '../rules.ts';

export type { CountedMedium };

export interface Account {
  /** As registered: `123456-78-901234` (6-2-6) or the legacy 3-2-4-3 form. */
  number: string;
  password: string;
}

export interface Media {
  securityCard?: { codes: string[] } | null;
  otp?: { secret: string; mobile?: boolean } | null;
  kbMobileCert?: { pin: string } | null;
}

export interface DepartureRecord {
  departedAt: string;
  returnedAt: string | null;
}

export interface Customer {
  userId: string;
  loginPassword: string;
  name: string;
  /** 13 digits, no hyphen. */
  rrn: string;
  phone: string;
  email: string;
  address: string;
  accounts: Account[];
  /** null: the customer holds no medium at all. */
  media: Media | null;
  abroad: DepartureRecord | null;
  /** The per-customer test clock: this customer's "now" runs this far ahead of real time. */
  clockOffsetSeconds: number;
  counters: Record<CountedMedium, number>;
  locks: Record<CountedMedium, boolean>;
}

export type StoredCertificateStatus = 'active' | 'revoked' | 'suspended';
export type CertificateStatus = StoredCertificateStatus | 'expired';

export interface Certificate {
  serial: string;
  /** The owner's 주민등록번호: one active certificate per person, across banks. */
  rrn: string;
  ownerName: string;
  bank: string;
  status: StoredCertificateStatus;
  locked: boolean;
  pin: string;
  pinErrors: number;
  /** ISO 8601, UTC. */
  issuedAt: string;
  expiresAt: string;
}

export type ChallengeKind = 'ars' | 'cloudSms' | 'idLookup' | 'mobileOtp';
export type ChallengeState = 'waiting' | 'confirmed' | 'failed' | 'expired';

/** A timed code: an ARS call, the cloud step's SMS, an ID-lookup or 모바일OTP SMS code. */
export interface Challenge {
  id: string;
  kind: ChallengeKind;
  phone: string;
  /** Whose clock the deadline runs on. */
  userId: string;
  code: string;
  state: ChallengeState;
  /** Real epoch ms when it was made. */
  createdAt: number;
  /** Customer-clock epoch ms at which the browser's countdown reaches 0:00. */
  expiresAt: number;
}

export type SmsDirection = 'in' | 'out';
export interface SmsMessage {
  /** `in`: received by the phone; `out`: sent by the phone. */
  direction: SmsDirection;
  text: string;
  at: string;
}

export interface Phone {
  number: string;
  sms: SmsMessage[];
  /** A 모바일OTP issued to this phone lives here (the phone page shows its current code). */
  otpSecret?: string;
}
