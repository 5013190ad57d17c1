import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
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

function logLine(event: string, fields: Record<string, string | number | boolean> = {}): string {
  return JSON.stringify({ at: new Date().toISOString(), event, ...fields });
}

export const consoleLogger: Logger = (event, fields) => {
  console.log(logLine(event, fields));
};

/**
 * Appends each event to `path` (MOCK_BANK_LOG_FILE): the suite keeps its bank's log for the secrets
 * scan. Opened once at start-up, so a path that cannot be written stops the bank there; written
 * synchronously, so nothing is lost when the suite stops the bank.
 */
export function fileLogger(path: string): Logger {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'a');
  return (event, fields) => {
    writeSync(fd, `${logLine(event, fields)}\n`);
  };
}

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
