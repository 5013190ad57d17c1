import { SERVER_DEADLINE_GRACE_MS } from '../rules.ts';
import type { Challenge, ChallengeKind, Customer } from '../domain/types.ts';
import { faulty } from '../faults.ts';
import { customerNow } from './clock.ts';
import { randomDigits, type BankContext } from './context.ts';

function ownerNow(ctx: BankContext, challenge: Challenge): number {
  return customerNow(ctx, ctx.store.getCustomer(challenge.userId)).getTime();
}

/** The server's backstop: a code nobody answered is expired 30 s after the browser's 0:00. */
export function refreshChallenge(ctx: BankContext, challenge: Challenge): Challenge {
  // Fault: the backstop is gone, so only the page's 0:00 ever expires a code.
  if (faulty(ctx, 'server-deadline-ignored')) return challenge;
  if (challenge.state === 'waiting' && ownerNow(ctx, challenge) >= challenge.expiresAt + SERVER_DEADLINE_GRACE_MS) {
    challenge.state = 'expired';
  }
  return challenge;
}

export function getChallenge(ctx: BankContext, id: string | undefined): Challenge | undefined {
  const challenge = id ? ctx.store.getChallenge(id) : undefined;
  return challenge && refreshChallenge(ctx, challenge);
}

/** The code of this kind still waiting on this phone, if any. */
export function currentChallenge(ctx: BankContext, phone: string, kind: ChallengeKind): Challenge | undefined {
  return ctx.store
    .challengesFor(phone)
    .map((c) => refreshChallenge(ctx, c))
    .find((c) => c.kind === kind && c.state === 'waiting');
}

/** A new code; any code of the same kind still waiting on that phone expires (a new 인증요청 or 재요청). */
export function startChallenge(
  ctx: BankContext,
  kind: ChallengeKind,
  customer: Customer,
  opts: { ttlMs: number; codeLength: number },
): Challenge {
  for (const old of ctx.store.challengesFor(customer.phone)) {
    if (old.kind === kind && old.state === 'waiting') old.state = 'expired';
  }
  const challenge: Challenge = {
    id: ctx.newId(),
    kind,
    phone: customer.phone,
    userId: customer.userId,
    code: randomDigits(ctx, opts.codeLength),
    state: 'waiting',
    createdAt: ctx.now(),
    expiresAt: customerNow(ctx, customer).getTime() + opts.ttlMs,
  };
  ctx.store.putChallenge(challenge);
  ctx.log('challenge.started', { kind, phone: customer.phone });
  return challenge;
}

/** One answer settles a waiting code: right → confirmed, wrong → failed. */
export function answerChallenge(ctx: BankContext, challenge: Challenge, answer: string): 'confirmed' | 'failed' {
  refreshChallenge(ctx, challenge);
  if (challenge.state !== 'waiting') return 'failed';
  challenge.state = answer === challenge.code ? 'confirmed' : 'failed';
  ctx.log('challenge.answered', { kind: challenge.kind, state: challenge.state });
  return challenge.state;
}

/** The browser's countdown reached 0:00: the server refuses that code from then on. */
export function expireChallenge(ctx: BankContext, challenge: Challenge): void {
  if (challenge.state === 'waiting') challenge.state = 'expired';
}

/** Milliseconds left on the browser's countdown, on the owner's clock. */
export function remainingMs(ctx: BankContext, challenge: Challenge): number {
  return Math.max(0, challenge.expiresAt - ownerNow(ctx, challenge));
}

/**
 * A code the customer types on a screen (아이디찾기, 모바일OTP SMS): a wrong one may be typed again,
 * a late one is refused.
 */
export function checkTypedCode(ctx: BankContext, challenge: Challenge, typed: string): 'confirmed' | 'wrong' | 'late' {
  refreshChallenge(ctx, challenge);
  if (challenge.state === 'confirmed') return 'confirmed';
  if (challenge.state !== 'waiting') return 'late';
  if (typed !== challenge.code) return 'wrong';
  challenge.state = 'confirmed';
  return 'confirmed';
}
