/**
 * A mock bank of a script's own (e.g. e2e:faults, one bank per fault): started on a free loopback port
 * with the environment the script gives, waited for until it answers, and stopped again. The suite's
 * own webServer (playwright.config.ts) stays for `npm run e2e`; a script that starts many banks in a
 * row needs to choose each one's port and environment itself.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../mock-bank/src/main.ts', import.meta.url));
const HOST = '127.0.0.1';
const POLL_MS = 100;
const STOP_GRACE_MS = 5_000;
/** The end of the bank's output kept in memory, to say why it would not start. */
const TAIL_CHARS = 2_000;

export interface BankOptions {
  /** The bank's own variables (MOCK_BANK_TEST_TOKEN, MOCK_BANK_FAULTS …); host and port are set here. */
  env: Record<string, string>;
  /** Where its stdout and stderr go. */
  logFile: string;
  /** How long it may take to answer its first request. */
  startTimeoutMs?: number;
  /** A port of the caller's choice (a restart keeps the bank's address); left out = a free one. */
  port?: number;
}

export interface RunningBank {
  /** `http://127.0.0.1:<port>`, no trailing slash (what BASE_URL takes). */
  baseURL: string;
  /** Ends the bank (SIGTERM, then SIGKILL after a grace period) and waits until it is gone. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now, found by letting the OS pick one for a moment. */
export async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  server.listen(0, HOST);
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('bank: no free loopback port');
  return address.port;
}

/** Starts the bank and resolves once `GET /` answers 200; rejects with its output if it dies or stalls. */
export async function startBank({
  env,
  logFile,
  startTimeoutMs = 60_000,
  port: chosenPort,
}: BankOptions): Promise<RunningBank> {
  const port = chosenPort ?? (await freeLoopbackPort());
  const baseURL = `http://${HOST}:${port}`;
  // What `npx tsx mock-bank/src/main.ts` runs, minus the npx and tsx wrappers: the child is the bank
  // itself, so signalling it ends the bank and no wrapper process is left to forward (or not) signals.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...process.env, ...env, MOCK_BANK_HOST: HOST, MOCK_BANK_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile);
  let tail = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
    });
  }
  const closed = once(child, 'close').then(() => new Promise<void>((done) => log.end(done)));
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  // Never outlive the script, however it ends (a thrown error, process.exit).
  const killOnExit = () => {
    if (!gone()) child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async () => {
    if (!gone()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await closed;
      clearTimeout(timer);
    } else {
      await closed;
    }
    process.removeListener('exit', killOnExit);
  };

  const deadline = Date.now() + startTimeoutMs;
  for (;;) {
    if (gone()) {
      await stop();
      throw new Error(
        `bank: exited during start-up (code ${child.exitCode ?? child.signalCode}):\n${tail.trim()}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`bank: no answer from ${baseURL}/ within ${startTimeoutMs} ms:\n${tail.trim()}`);
    }
    try {
      const res = await fetch(`${baseURL}/`, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel(); // only the status matters; an unread body would hold the connection
      if (res.ok) return { baseURL, stop };
    } catch {
      // Not listening yet.
    }
    await sleep(POLL_MS);
  }
}
