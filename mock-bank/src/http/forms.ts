import type { Context } from 'hono';
import { hasValidCheckDigit, joinRrn, rrnProblem } from '../domain/rrn.ts';
import { MSG } from '../messages.ts';
import type { BankContext } from '../services/context.ts';

/**
 * The string fields of a submitted form; anything else (files, a body that is not a form) is ignored,
 * so a malformed submission reads as empty fields and gets the screen's own Korean message.
 */
export async function formFields(c: Context): Promise<Record<string, string>> {
  try {
    const body = await c.req.parseBody();
    const fields: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      if (typeof value === 'string') fields[key] = value;
    }
    return fields;
  } catch {
    return {};
  }
}

/** One trimmed field, '' when absent. */
export function field(fields: Record<string, string>, name: string): string {
  return (fields[name] ?? '').trim();
}

export type RrnRead = { ok: true; rrn: string } | { ok: false; message: string };

/**
 * The 주민등록번호 typed as its two halves, or the message saying what to fix. A bad check digit is
 * accepted, as numbers given since Oct 2020 may fail it (spec §8); the warning carries no number.
 */
export function readRrn(bank: BankContext, front: string, back: string): RrnRead {
  const rrn = joinRrn(front, back);
  if (!rrn) return { ok: false, message: MSG.rrnFormat };
  if (rrnProblem(rrn)) return { ok: false, message: MSG.rrnInvalid };
  if (!hasValidCheckDigit(rrn)) bank.log('rrn.checkDigitFailed', {});
  return { ok: true, rrn };
}
