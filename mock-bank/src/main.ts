import { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { readConfig } from './config.ts';
import { seedDemoCustomers } from './demo.ts';
import { FaultPoints } from './faults.ts';
import { createApp } from './http/app.ts';
import { consoleLogger, createContext, fileLogger } from './services/context.ts';
import { MemoryStore } from './store.ts';

/**
 * How long an idle keep-alive connection stays open. Clients (Playwright's API client, the browser) reuse
 * idle connections; when the server closes one first (Node's default: after 5 s idle), a request sent in
 * that instant dies with ECONNRESET, seen as a flaky "socket hang up" on a loaded machine. Holding idle
 * connections longer than any test leaves the closing to the client.
 */
const KEEP_ALIVE_MS = 10 * 60_000;

const config = readConfig();
const faults = config.MOCK_BANK_FAULTS;
const faultPoints = config.MOCK_BANK_RECORD_FAULT_POINTS ? new FaultPoints() : undefined;
const log = config.MOCK_BANK_LOG_FILE ? fileLogger(config.MOCK_BANK_LOG_FILE) : consoleLogger;
const bank = createContext(new MemoryStore(), { faults, faultPoints, log });
const app = createApp({
  bank,
  testToken: config.MOCK_BANK_TEST_TOKEN,
  flowPrefix: config.MOCK_BANK_FLOW_PREFIX,
  latency: { latencyMs: config.MOCK_BANK_LATENCY_MS, jitterMs: config.MOCK_BANK_JITTER_MS },
});

const server = serve(
  { fetch: app.fetch, hostname: config.MOCK_BANK_HOST, port: config.MOCK_BANK_PORT },
  (info) => {
    const testApi = config.MOCK_BANK_TEST_TOKEN ? 'test-support API on' : 'test-support API off';
    const address = `http://${info.address}:${info.port}/`;
    console.log(`mock bank listening on ${address} (${testApi})`);
    // Loud on purpose: a bank with faults on must never be mistaken for the real mock.
    if (config.MOCK_BANK_LATENCY_MS > 0) {
      console.log(
        `mock bank: every response delayed ${config.MOCK_BANK_LATENCY_MS} ± ${config.MOCK_BANK_JITTER_MS} ms`,
      );
    }
    if (faults.size > 0) console.log(`mock bank: FAULTS ON (deliberate bugs): ${[...faults].join(', ')}`);
    // `--demo` (npm run bank): customers to walk the flow by hand; the suite makes its own instead.
    if (process.argv.includes('--demo')) console.log(seedDemoCustomers(bank, address));
  },
);

// serve() makes a plain HTTP/1.1 server here (no TLS, no http2 options).
if (server instanceof Server) {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // Node requires the header timeout to outlast the keep-alive one.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
