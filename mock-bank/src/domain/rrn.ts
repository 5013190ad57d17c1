import { RRN_CHECK_WEIGHTS, RRN_MAX_PLACE_CODE, RRN_PLACEHOLDER_BACK_HALVES } from '../rules.ts';

export type RrnProblem = 'format' | 'date' | 'gender' | 'place' | 'placeholder';

/** The century the gender digit G stands for (spec §8). */
const CENTURY_BY_GENDER_DIGIT: Record<string, number> = {
  '1': 1900, '2': 1900, '5': 1900, '6': 1900,
  '3': 2000, '4': 2000, '7': 2000, '8': 2000,
  '9': 1800, '0': 1800,
};

export function rrnCheckDigit(first12: string): number {
  const sum = RRN_CHECK_WEIGHTS.reduce((acc, w, i) => acc + w * Number(first12[i]), 0);
  return (11 - (sum % 11)) % 10;
}

export function hasValidCheckDigit(rrn: string): boolean {
  return /^\d{13}$/.test(rrn) && rrnCheckDigit(rrn.slice(0, 12)) === Number(rrn[12]);
}

export function rrnBirthDate(rrn: string): { year: number; month: number; day: number } | null {
  const century = CENTURY_BY_GENDER_DIGIT[rrn[6] ?? ''];
  if (century === undefined) return null;
  const year = century + Number(rrn.slice(0, 2));
  const month = Number(rrn.slice(2, 4));
  const day = Number(rrn.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { year, month, day };
}

/**
 * What is wrong with a 13-digit 주민등록번호, or null when it is acceptable.
 * A bad check digit is accepted: numbers given since Oct 2020 may fail it (spec §8).
 */
export function rrnProblem(rrn: string): RrnProblem | null {
  if (!/^\d{13}$/.test(rrn)) return 'format';
  if ((RRN_PLACEHOLDER_BACK_HALVES as readonly string[]).includes(rrn.slice(6))) return 'placeholder';
  if (CENTURY_BY_GENDER_DIGIT[rrn[6] ?? ''] === undefined) return 'gender';
  if (!rrnBirthDate(rrn)) return 'date';
  if (Number(rrn.slice(7, 9)) > RRN_MAX_PLACE_CODE) return 'place';
  return null;
}

/** Joins the two halves typed on a screen; null unless they are 6 and 7 digits. */
export function joinRrn(front: string, back: string): string | null {
  const f = front.trim();
  const b = back.trim();
  return /^\d{6}$/.test(f) && /^\d{7}$/.test(b) ? f + b : null;
}
