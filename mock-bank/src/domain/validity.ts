import { CERTIFICATE_VALIDITY_YEARS, RENEWAL_EXTRA_DAYS, RENEWAL_WINDOW_DAYS } from '../rules.ts';

const KST_OFFSET_MS = 9 * 3600_000; // Korea has no daylight saving time.
const DAY_MS = 86_400_000;

interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  msOfDay: number;
}

function toKst(instant: Date): WallTime {
  const shifted = new Date(instant.getTime() + KST_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    msOfDay: shifted.getTime() % DAY_MS,
  };
}

function fromKst(wall: WallTime): Date {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day) + wall.msOfDay - KST_OFFSET_MS);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Same month and day, Korea time, `years` later; 29 Feb becomes 28 Feb in a common year. */
export function addYearsKst(instant: Date, years: number): Date {
  const wall = toKst(instant);
  const year = wall.year + years;
  return fromKst({ ...wall, year, day: Math.min(wall.day, daysInMonth(year, wall.month)) });
}

/** (src) a new issue: valid three years. */
export function newCertificateExpiry(issuedAt: Date): Date {
  return addYearsKst(issuedAt, CERTIFICATE_VALIDITY_YEARS);
}

/** (src) a reissue keeps the old certificate's expiry. */
export function reissueExpiry(oldExpiresAt: Date): Date {
  return new Date(oldExpiresAt.getTime());
}

/** (src) renewal: old expiry + 1 day + 3 years. */
export function renewedExpiry(oldExpiresAt: Date): Date {
  return addYearsKst(new Date(oldExpiresAt.getTime() + RENEWAL_EXTRA_DAYS * DAY_MS), CERTIFICATE_VALIDITY_YEARS);
}

export type RenewalWindow = 'tooEarly' | 'open' | 'expired';

/** (src) renewal is allowed from 30 days (`windowDays`) before expiry until expiry. */
export function renewalWindow(
  expiresAt: Date,
  now: Date,
  windowDays: number = RENEWAL_WINDOW_DAYS,
): RenewalWindow {
  if (now.getTime() >= expiresAt.getTime()) return 'expired';
  if (now.getTime() < expiresAt.getTime() - windowDays * DAY_MS) return 'tooEarly';
  return 'open';
}

/** `YYYY.MM.DD` in Korea time, whatever the server's zone. */
export function formatKstDate(instant: Date): string {
  const { year, month, day } = toKst(instant);
  return `${year}.${String(month).padStart(2, '0')}.${String(day).padStart(2, '0')}`;
}

/** `YYYY.MM.DD HH:mm:ss` in Korea time (the virtual phone's message times). */
export function formatKstDateTime(instant: Date): string {
  const { msOfDay } = toKst(instant);
  const seconds = Math.floor(msOfDay / 1000);
  const clock = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return `${formatKstDate(instant)} ${clock}`;
}

export function formatValidity(issuedAt: Date, expiresAt: Date): string {
  return `${formatKstDate(issuedAt)} ~ ${formatKstDate(expiresAt)}`;
}

/** `2026-10-01` style dates of the departure record, read as Korea-time days. */
export function kstDayStart(isoDate: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const date = fromKst({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), msOfDay: 0 });
  return Number.isNaN(date.getTime()) || formatKstDate(date) !== `${m[1]}.${m[2]}.${m[3]}` ? null : date;
}
