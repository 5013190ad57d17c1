/**
 * Proves a run printed none of its secrets: reads the secrets the fixtures made (fixtures/secretLedger.ts)
 * and looks for each, plus any full 주민등록번호 shape, in the Allure results, the JUnit file and the
 * mock bank's log. Exits 1 naming the file and the kind of secret, never the secret itself, and writes
 * `secrets-junit.xml` so the scan counts in CI's summary line.
 *
 *   npm run scan:secrets                       # reports/, reports/.secret-ledger, the suite's bank log
 *   tsx scripts/scan-secrets.ts --dir /tmp/run  # a scratch run (its ledger: SECRET_LEDGER_DIR, its
 *                                               # bank's log: <dir>/mock-bank.log)
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { env } from '../fixtures/env.ts';
import { ledgerDir, readLedger } from '../fixtures/secretLedger.ts';
import { junitOf, scanAllureResults, scanFile } from './lib/secretScan.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const dir = values.dir ?? 'reports';
// The suite's own bank writes where MOCK_BANK_LOG_FILE says; a bank behind BASE_URL keeps its log.
const bankLog = values.dir === undefined ? env.bankLogFile : join(dir, 'mock-bank.log');
const ledger = ledgerDir();
const secrets = readLedger(ledger);

const results = [
  scanAllureResults(join(dir, 'allure-results'), secrets),
  scanFile('junit', join(dir, 'junit.xml'), secrets),
  ...(bankLog === undefined ? [] : [scanFile('server log', bankLog, secrets)]),
];
if (bankLog === undefined)
  console.log('scan-secrets: server log: not scanned, the bank runs elsewhere (BASE_URL)');
if (secrets.length === 0) {
  results.push({
    name: 'ledger',
    files: 0,
    missing: `${ledger} (no secrets recorded: did the e2e run?)`,
    findings: [],
  });
}
writeFileSync(join(dir, 'secrets-junit.xml'), junitOf(results));

const files = results.reduce((sum, r) => sum + r.files, 0);
console.log(
  `scan-secrets: checked ${secrets.length} secrets (plus the 주민등록번호 shape) in ${files} files`,
);
let failed = false;
for (const r of results) {
  if (r.missing) console.log(`scan-secrets: ${r.name}: not found: ${r.missing}`);
  for (const f of r.findings) console.log(`scan-secrets: ${r.name}: ${f.file} holds: ${f.kind}`);
  failed ||= Boolean(r.missing) || r.findings.length > 0;
}
console.log(failed ? 'scan-secrets: FAILED' : 'scan-secrets: no secret found');
process.exit(failed ? 1 : 0);
