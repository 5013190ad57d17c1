import type { Phone } from '../domain/types.ts';
import { faulty } from '../faults.ts';
import type { BankContext } from './context.ts';
import { answerChallenge, currentChallenge, refreshChallenge } from './challenges.ts';

export function phoneOf(ctx: BankContext, number: string): Phone {
  let phone = ctx.store.getPhone(number);
  if (!phone) {
    phone = { number, sms: [] };
    ctx.store.putPhone(phone);
  }
  return phone;
}

/** The bank sends an SMS to the customer's phone. */
export function deliverSms(ctx: BankContext, number: string, text: string): void {
  phoneOf(ctx, number).sms.push({ direction: 'in', text, at: new Date(ctx.now()).toISOString() });
  ctx.log('sms.delivered', { phone: number });
}

export type SmsOutcome = 'confirmed' | 'failed' | 'noCode';

/** The phone sends an SMS: while a cloud code waits, the next SMS from that phone is the answer. */
export function smsFromPhone(ctx: BankContext, number: string, text: string): SmsOutcome {
  phoneOf(ctx, number).sms.push({ direction: 'out', text, at: new Date(ctx.now()).toISOString() });
  const waiting = currentChallenge(ctx, number, 'cloudSms');
  if (!waiting) return 'noCode';
  return answerChallenge(ctx, waiting, text.trim());
}

export type KeypadOutcome = 'confirmed' | 'failed' | 'noCall';

/** Digits keyed into the ringing ARS call. */
export function keypad(ctx: BankContext, number: string, digits: string): KeypadOutcome {
  const ringing = currentChallenge(ctx, number, 'ars');
  if (!ringing) return 'noCall';
  // Fault: the check became "were digits keyed", so any digits confirm the call.
  if (faulty(ctx, 'ars-wrong-digits-accepted')) return answerChallenge(ctx, ringing, ringing.code);
  return answerChallenge(ctx, ringing, digits.trim());
}

export type CallState = 'ringing' | 'confirmed' | 'failed' | 'expired';
export interface PhoneView {
  sms: { direction: 'in' | 'out'; text: string; at: string }[];
  calls: { state: CallState; at: string }[];
}

/** What the phone shows, oldest first: its SMS and the bank's ARS calls. */
export function phoneView(ctx: BankContext, number: string): PhoneView {
  const sms = (ctx.store.getPhone(number)?.sms ?? []).map((m) => ({ ...m }));
  const calls = ctx.store
    .challengesFor(number)
    .filter((c) => c.kind === 'ars')
    .map((c) => refreshChallenge(ctx, c))
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((c) => ({
      state: c.state === 'waiting' ? ('ringing' as const) : c.state,
      at: new Date(c.createdAt).toISOString(),
    }));
  return { sms, calls };
}
