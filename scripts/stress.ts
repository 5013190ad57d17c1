/**
 * `npm run e2e:stress`: the flakiness proof. Runs the suite with `--repeat-each 5` while a CPU hog
 * (scripts/cpu-hog.ts, capped at STRESS_HOG_CAP_S seconds, default 10800) keeps one core busy, then reads
 * the JSON report (reports/stress/report.json) and requires 0 failed and 0 flaky over every repeat.
 * Extra arguments go to `playwright test`.
 */
import { rmSync } from 'node:fs';
import { startCpuHog } from './lib/cpuHog.ts';
import { countBy, rowsOrNone, seconds, testRows } from './lib/jsonReport.ts';
import {
  listTests,
  outputEnv,
  passThroughArgs,
  refuseArgs,
  runOutputs,
  runPlaywright,
  type RunResult,
} from './lib/playwright.ts';

const REPEAT = 5;
// A bound in case this script dies without stopping it, not a budget: the whole suite × 5 takes over an
// hour here, and the hog must outlast the run.
const HOG_CAP_S = Number(process.env.STRESS_HOG_CAP_S ?? 10_800);

const args = passThroughArgs();
refuseArgs(args, ['--repeat-each', '--reporter', '--shard', '--list', '--output', '--retries'], 'e2e:stress');
const outputs = runOutputs('reports/stress');
rmSync(outputs.dir, { recursive: true, force: true });
const listed = testRows(await listTests(args)).length;

const hog = startCpuHog(HOG_CAP_S);
let run: RunResult;
try {
  run = await runPlaywright(
    // One retry only to tell the two kinds of red apart: a test that passes on retry is reported
    // flaky (and fails this proof like any other), one that fails twice is failed.
    ['test', `--repeat-each=${REPEAT}`, '--retries=1', `--output=${outputs.testResults}`, ...args],
    outputEnv(outputs, ['json']),
  );
} finally {
  if (hog.ended()) console.warn(`stress: the CPU hog reached its ${HOG_CAP_S} s cap before the run ended`);
  await hog.stop();
}

const rows = rowsOrNone(outputs.json);
const statuses = countBy(rows, (row) => row.status);
const failed = statuses.get('unexpected') ?? 0;
const flaky = statuses.get('flaky') ?? 0;

console.log('\nstress: summary');
console.log(
  `  run                ${seconds(run.wallMs)}, exit ${run.code}, --repeat-each ${REPEAT}, CPU hog running (its share above)`,
);
console.log(
  `  test runs          ${rows.length} (expected: ${listed} tests × ${REPEAT} = ${listed * REPEAT})`,
);
console.log(
  `  passed ${statuses.get('expected') ?? 0}, failed ${failed}, flaky ${flaky}, skipped ${statuses.get('skipped') ?? 0}`,
);
// Which tests went red and in how many of their repeats: one red repeat in five is still a flake to fix.
const red = countBy(
  rows.filter((row) => row.status === 'unexpected' || row.status === 'flaky'),
  (row) => `${row.status === 'flaky' ? 'flaky ' : 'failed'}  ${row.label}: ${row.error ?? ''}`,
);
for (const [what, times] of red) console.log(`    ${times}/${REPEAT}  ${what}`);

const ok = run.code === 0 && failed === 0 && flaky === 0 && rows.length === listed * REPEAT;
console.log(ok ? '  PASS: 0 failed, 0 flaky' : '  FAIL');
process.exit(ok ? 0 : 1);
