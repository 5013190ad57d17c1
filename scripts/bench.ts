/**
 * `npm run bench`: runs the whole regression once (reports under reports/bench/) and prints what it cost:
 * wall time, tests per project, p50/p95/max test duration, the five slowest tests, and the time of one
 * full issuance walk from the same run (the @smoke tests titled "full walk"), and the browser build
 * that ran. Then it checks the targets of issue 12 and prints PASS/FAIL for each; any FAIL, or a red
 * run, exits non-zero.
 * Extra arguments go to `playwright test` (a slice is fine for trying it; the targets mean the whole run).
 */
import { rmSync } from 'node:fs';
import { chromiumBuild, isHeadedRun } from '../fixtures/browser.ts';
import { env } from '../fixtures/env.ts';
import { percentile, perProject, rowsOrNone, seconds, type TestRow } from './lib/jsonReport.ts';
import { outputEnv, passThroughArgs, refuseArgs, runOutputs, runPlaywright } from './lib/playwright.ts';

const TARGETS = {
  /** The whole run (both projects) in full walks' time of the same run; the goal beyond is 30. */
  wallInFullWalks: 40,
  /** Distinct cases (a test run by both projects counts once). */
  minTests: 100,
  p95Ms: 2_500,
  /** no test may take this long */
  maxMs: 10_000,
  countdownMs: 3_000,
};

const args = passThroughArgs();
refuseArgs(args, ['--repeat-each', '--reporter', '--shard', '--list', '--output'], 'bench');
const outputs = runOutputs('reports/bench');
rmSync(outputs.dir, { recursive: true, force: true });

// The wall time is what a person waits for `npm run e2e`: mock bank start-up and reporters included.
const run = await runPlaywright(
  ['test', `--output=${outputs.testResults}`, ...args],
  outputEnv(outputs, ['json']),
);
const rows = rowsOrNone(outputs.json);
const ran = rows.filter((row) => row.status !== 'skipped');
const distinctCases = new Set(ran.map((row) => [row.file, ...row.titlePath].join(' › '))).size;
const browser = env.PW_WS_ENDPOINT
  ? `remote (${env.PW_WS_ENDPOINT})`
  : chromiumBuild({ headless: !isHeadedRun(args), chromiumPath: env.CHROMIUM_PATH }).name;

/** A test's cost: its slowest attempt (a retry is another full attempt). */
const cost = (row: TestRow) => Math.max(0, ...row.attempts);
const durations = ran.map(cost);
const slowest = [...ran].sort((a, b) => cost(b) - cost(a));
const titled = (row: TestRow, pattern: RegExp) => pattern.test(row.titlePath.join(' › '));
const fullWalks = ran.filter((row) => row.tags.includes('@smoke') && titled(row, /full walk/i));
const countdowns = ran.filter((row) => row.tags.includes('@timer') || titled(row, /countdown/i));
const oneWalkMs =
  fullWalks.length > 0 ? fullWalks.reduce((sum, row) => sum + cost(row), 0) / fullWalks.length : 0;

console.log('\nbench: figures');
console.log(`  browser            ${browser}`);
console.log(`  wall time          ${seconds(run.wallMs)} (exit ${run.code})`);
console.log(
  `  tests              ${ran.length} run` +
    ` (${perProject(ran)}; ${distinctCases} distinct cases)` +
    `, ${rows.length - ran.length} skipped`,
);
console.log(
  `  test duration      p50 ${seconds(percentile(durations, 50))}, p95 ${seconds(percentile(durations, 95))}, ` +
    `max ${seconds(Math.max(0, ...durations))}`,
);
console.log('  slowest five');
for (const row of slowest.slice(0, 5)) console.log(`    ${seconds(cost(row)).padStart(9)}  ${row.label}`);
console.log('  full issuance walk (@smoke, "full walk")');
for (const row of fullWalks) console.log(`    ${seconds(cost(row)).padStart(9)}  ${row.label}`);
console.log(
  fullWalks.length > 0 ? `    one walk ≈ ${seconds(oneWalkMs)} (mean)` : '    none found in this run',
);

const slowCountdowns = countdowns.filter((row) => cost(row) >= TARGETS.countdownMs);
const failed = rows.filter((row) => row.status === 'unexpected' || row.status === 'flaky');
const checks: [target: string, pass: boolean, seen: string][] = [
  [
    'the run is green',
    run.code === 0 && failed.length === 0,
    `exit ${run.code}, ${failed.length} failed or flaky`,
  ],
  [
    `whole run ≤ ${TARGETS.wallInFullWalks} full walks`,
    oneWalkMs > 0 && run.wallMs <= TARGETS.wallInFullWalks * oneWalkMs,
    oneWalkMs > 0 ? `${(run.wallMs / oneWalkMs).toFixed(1)} walks` : 'no full walk measured',
  ],
  [`≥ ${TARGETS.minTests} distinct test cases`, distinctCases >= TARGETS.minTests, String(distinctCases)],
  [
    `p95 ≤ ${seconds(TARGETS.p95Ms)}`,
    percentile(durations, 95) <= TARGETS.p95Ms,
    seconds(percentile(durations, 95)),
  ],
  [
    `no test ≥ ${seconds(TARGETS.maxMs)}`,
    durations.every((ms) => ms < TARGETS.maxMs),
    `${durations.filter((ms) => ms >= TARGETS.maxMs).length} at or over`,
  ],
  [
    `every countdown/@timer test < ${seconds(TARGETS.countdownMs)}`,
    countdowns.length > 0 && slowCountdowns.length === 0,
    countdowns.length > 0
      ? `${countdowns.length} tests, max ${seconds(Math.max(...countdowns.map(cost)))}`
      : 'none found in this run',
  ],
];

console.log('\nbench: targets');
for (const [target, pass, seen] of checks)
  console.log(`  ${pass ? 'PASS' : 'FAIL'}  ${target.padEnd(38)} ${seen}`);
for (const row of slowCountdowns) console.log(`        too slow: ${seconds(cost(row))}  ${row.label}`);
for (const row of failed) console.log(`        red: ${row.label}: ${row.error ?? row.status}`);
process.exit(checks.every(([, pass]) => pass) ? 0 : 1);
