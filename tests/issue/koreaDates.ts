// Korea-time calendar arithmetic for the certificate dates the specs check (spec §4, §8), computed
// here independently of the bank: screens and SMS show Korea dates, the API speaks UTC instants.
// Shared by tests/issue, tests/reissue and tests/renewal (not a spec: no `.spec.ts`).

const KST_OFFSET_MS = 9 * 3_600_000; // Korea has no daylight saving time.
const DAY_MS = 86_400_000;

/** A Korea calendar day. */
export interface KoreaDay {
  year: number;
  month: number; // 1-12
  day: number;
}

/** The Korea calendar day of an instant (ISO string, Date or epoch ms). */
export function koreaDay(instant: string | Date | number): KoreaDay {
  const shifted = new Date(new Date(instant).getTime() + KST_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** `YYYY.MM.DD`, as the screens print a date. */
export function formatDay({ year, month, day }: KoreaDay): string {
  return `${year}.${String(month).padStart(2, '0')}.${String(day).padStart(2, '0')}`;
}

/** `YYYY.MM.DD` of an instant in Korea time. */
export function koreaDate(instant: string | Date | number): string {
  return formatDay(koreaDay(instant));
}

/** Same month and day `years` later; 29 Feb becomes 28 Feb in a common year (spec §4). */
export function plusYears({ year, month, day }: KoreaDay, years: number): KoreaDay {
  const target = year + years;
  const lastDay = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return { year: target, month, day: Math.min(day, lastDay) };
}

/** The calendar day `days` later. */
export function plusDays({ year, month, day }: KoreaDay, days: number): KoreaDay {
  const next = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** The screens' `유효기간`: `YYYY.MM.DD ~ YYYY.MM.DD`. */
export function validity(from: KoreaDay, to: KoreaDay): string {
  return `${formatDay(from)} ~ ${formatDay(to)}`;
}

/** An instant `days` after `instant` (negative: before), as ISO 8601. */
export function daysAfter(instant: string | Date | number, days: number): string {
  return new Date(new Date(instant).getTime() + days * DAY_MS).toISOString();
}

/**
 * An instant whose Korea day differs from its UTC day (01:00 in Korea = 16:00 UTC the day before),
 * `days` from now: dates computed in UTC instead of Korea time come out one day off.
 */
export function koreaEarlyMorning(days: number, now = Date.now()): string {
  const utcMidnight = Math.floor(now / DAY_MS) * DAY_MS;
  return new Date(utcMidnight + days * DAY_MS + 16 * 3_600_000).toISOString();
}

/** Seconds to put a customer's test clock ahead so that their "now" is `target` (spec §9). */
export function offsetTo(target: string | Date | number, now = Date.now()): number {
  return Math.round((new Date(target).getTime() - now) / 1000);
}
