// Staging-like slowness on demand (spec §9: MOCK_BANK_LATENCY_MS ± MOCK_BANK_JITTER_MS, off by default).
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

export interface Latency {
  latencyMs: number;
  /** At most `latencyMs` (config.ts), so a delay is never negative. */
  jitterMs: number;
}

/** One response's delay: latency ± jitter, `random` in [0, 1) drawn per response (uniform). */
export function responseDelayMs({ latencyMs, jitterMs }: Latency, random: number): number {
  return Math.max(0, Math.round(latencyMs - jitterMs + random * 2 * jitterMs));
}

/** Holds every response (pages, form posts, polls, static files, the test-support API) for its delay. */
export function delayResponses(
  latency: Latency,
  random: () => number = Math.random,
): MiddlewareHandler<AppEnv> {
  return async (_c, next) => {
    await next();
    const ms = responseDelayMs(latency, random());
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  };
}
