import { randomBytes, randomInt } from 'node:crypto';
import type { FaultName, FaultPoints } from '../faults.ts';
import type { Store } from '../store.ts';

/** Logs events as one JSON line; callers pass no secret (PIN, OTP, password, 주민등록번호). */
export type Logger = (event: string, fields?: Record<string, string | number | boolean>) => void;

/** What every service needs; tests swap the clock and the randomness. */
export interface BankContext {
  store: Store;
  /** Real epoch ms (per-customer test clocks are added on top, see clock.ts). */
  now: () => number;
  /** 0..n-1 */
  randomInt: (n: number) => number;
  newId: () => string;
  log: Logger;
  /** Deliberate bugs switched on (faults.ts); empty = the bank as the spec says. */
  faults: ReadonlySet<FaultName>;
  /** Set when fault points are recorded (MOCK_BANK_RECORD_FAULT_POINTS=1). */
  faultPoints?: FaultPoints;
}

export const consoleLogger: Logger = (event, fields = {}) => {
  console.log(JSON.stringify({ at: new Date().toISOString(), event, ...fields }));
};

export function createContext(store: Store, overrides: Partial<BankContext> = {}): BankContext {
  return {
    store,
    now: () => Date.now(),
    randomInt: (n) => randomInt(n),
    newId: () => randomBytes(16).toString('base64url'),
    log: consoleLogger,
    faults: new Set(),
    ...overrides,
  };
}

export function randomDigits(ctx: BankContext, length: number): string {
  return Array.from({ length }, () => String(ctx.randomInt(10))).join('');
}
