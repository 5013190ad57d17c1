/**
 * `npm run e2e:faults [fault …] [playwright args …]`: the detection-power proof of issue 6. First the
 * suite runs against a bank with no fault that records which fault points each test reaches (it must be
 * green, or nothing after it means anything); then, once per fault of mock-bank/src/faults.ts (all, or
 * the ones named), the baseline tests that reached that fault's point (lib/faultPoints.ts), against a
 * fresh bank started with MOCK_BANK_FAULTS=<fault> on a free port. Each fault runs in one project: the
 * phone's (mobile) for PHONE_FAULTS, desktop for the rest, where every server rule runs; the baseline
 * runs the projects the chosen faults need. A fault is killed when at least one test went red. Prints
 * the kill matrix (fault → red tests, or SURVIVED), writes it to reports/fault-matrix.md and
 * reports/fault-matrix.json (read by the traceability matrix), and exits non-zero if any fault survived
 * or a run broke.
 *
 * Arguments up to the first one starting with `-` are fault names; the rest go to `playwright test`
 * (e.g. `--grep @account`; `--max-failures=1` stops each run at its first kill): they choose the
 * baseline, and every fault's selection is taken from it. Outputs of each run (JSON report, traces, the
 * bank's log, the test list): reports/faults/<run>/.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  FAULT_NAMES,
  FAULTS,
  parseFaults,
  PHONE_FAULTS,
  UNATTRIBUTED,
  type FaultName,
} from '../mock-bank/src/faults.ts';
import { startBank, type RunningBank } from './lib/bank.ts';
import {
  fetchFaultPoints,
  selectTests,
  writeTestList,
  type FaultPointRecord,
  type Selection,
} from './lib/faultPoints.ts';
import { rowsOrNone, seconds, type TestRow } from './lib/jsonReport.ts';
import { passThroughArgs, refuseArgs, runOutputs, runPlaywright } from './lib/playwright.ts';
import { gitCommit } from './lib/runFacts.ts';
import type { FaultMatrix } from './lib/traceability.ts';

const ROOT = resolve('reports/faults');
const MATRIX = resolve('reports/fault-matrix.md');
const MATRIX_JSON = resolve('reports/fault-matrix.json');

/** The project that can see `fault`: a phone's only for what only a phone shows. */
const projectOf = (fault: FaultName) => (PHONE_FAULTS.has(fault) ? 'mobile' : 'desktop');

interface Run {
  /** Exit code of `playwright test`. */
  code: number;
  wallMs: number;
  rows: TestRow[];
  red: TestRow[];
  /** Why the run proves nothing (the bank would not start, no report), if so. */
  broken?: string;
  /** The baseline's: which fault points each test reached. */
  points?: FaultPointRecord;
}

const args = passThroughArgs();
const firstOption = args.findIndex((arg) => arg.startsWith('-'));
const named = firstOption === -1 ? args : args.slice(0, firstOption);
const playwrightArgs = firstOption === -1 ? [] : args.slice(firstOption);
// A retry would hide a kill, another project or reporter would change what a run means.
refuseArgs(
  playwrightArgs,
  ['--project', '--reporter', '--output', '--retries', '--repeat-each', '--shard', '--list', '--test-list'],
  'e2e:faults',
);
let faults: FaultName[];
try {
  faults = named.length > 0 ? [...parseFaults(named.join(','))] : FAULT_NAMES;
} catch (error) {
  console.error(`e2e:faults: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

// Ctrl-C reaches Playwright and the bank directly (same process group); this only stops the loop.
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
  });
}

const label = (row: TestRow) => `${row.file} › ${row.titlePath.join(' › ')}`;
/** Playwright's error lines carry terminal colours; the matrix is read as plain text. */
// eslint-disable-next-line no-control-regex
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

/**
 * One run against a bank of its own: the baseline (no fault, fault points recorded) in `projects`, or
 * `fault` on with the tests `choice` holds, in the fault's project.
 */
async function runAgainst(
  fault: FaultName | undefined,
  projects: string[],
  choice?: Selection,
): Promise<Run> {
  const outputs = runOutputs(join(ROOT, fault ?? `baseline-${projects.join('+')}`));
  mkdirSync(outputs.dir, { recursive: true });
  const testList = join(outputs.dir, 'tests.txt');
  if (choice?.tests) writeTestList(testList, choice.tests);
  // A fresh secret per bank; it goes to the bank and the suite through the environment, never to a log.
  const token = randomBytes(24).toString('base64url');
  const record = fault === undefined;
  let bank: RunningBank;
  try {
    bank = await startBank({
      env: {
        MOCK_BANK_FAULTS: fault ?? '',
        MOCK_BANK_TEST_TOKEN: token,
        MOCK_BANK_RECORD_FAULT_POINTS: record ? '1' : '0',
      },
      logFile: join(outputs.dir, 'bank.log'),
    });
  } catch (error) {
    const broken = error instanceof Error ? error.message : String(error);
    return { code: 1, wallMs: 0, rows: [], red: [], broken };
  }
  try {
    // --reporter=json replaces the config's reporters, so a fault run neither overwrites `npm run e2e`'s
    // reports nor files Allure results for a deliberately broken bank. BASE_URL: the suite uses this
    // bank instead of starting its own.
    const run = await runPlaywright(
      [
        'test',
        ...projects.map((project) => `--project=${project}`),
        '--reporter=json',
        '--retries=0',
        `--output=${outputs.testResults}`,
        ...(choice?.tests ? [`--test-list=${testList}`] : []),
        ...playwrightArgs,
      ],
      { BASE_URL: bank.baseURL, MOCK_BANK_TEST_TOKEN: token, PLAYWRIGHT_JSON_OUTPUT_FILE: outputs.json },
    );
    const rows = rowsOrNone(outputs.json);
    const red = rows.filter((row) => row.status === 'unexpected' || row.status === 'flaky');
    const points = record ? await fetchFaultPoints(bank.baseURL, token) : undefined;
    const selected = choice?.tests?.length;
    // Tests --max-failures left out are still rows (skipped): another count means the list matched wrongly.
    const broken =
      rows.length === 0
        ? `no test results (exit ${run.code}); see ${relative(process.cwd(), outputs.dir)}`
        : selected !== undefined && rows.length !== selected
          ? `the test list selected ${selected} tests, the run had ${rows.length}`
          : undefined;
    return { ...run, rows, red, ...(broken ? { broken } : {}), ...(points ? { points } : {}) };
  } finally {
    await bank.stop();
  }
}

function outcome(run: Run): string {
  if (run.broken) return `ERROR: ${run.broken.split('\n')[0]}`;
  return run.red.length > 0 ? `killed by ${run.red.length} of ${run.rows.length}` : 'SURVIVED';
}

const started = Date.now();
/** The Playwright arguments as one would type them again (quoted where they hold spaces). */
const selection = playwrightArgs.map((arg) => (/[\s"']/.test(arg) ? ` '${arg}'` : ` ${arg}`)).join('');
const tests = (n: number) => `${n} test${n === 1 ? '' : 's'}`;
rmSync(ROOT, { recursive: true, force: true });

const baselineProjects = [...new Set(faults.map(projectOf))].sort();
const projectsText = baselineProjects.join(' + ');
console.log(`e2e:faults: baseline, ${projectsText}${selection}, against a bank with no fault`);
/**
 * One baseline run per project, merged: Playwright's JSON report keeps a test id only for a spec's first
 * project, and the fault points are filed by test id.
 */
async function runBaseline(projects: string[]): Promise<Run> {
  const runs: Run[] = [];
  for (const project of projects) {
    if (interrupted) break;
    runs.push(await runAgainst(undefined, [project]));
  }
  const points: FaultPointRecord = {};
  for (const [key, names] of runs.flatMap((run) => Object.entries(run.points ?? {}))) {
    points[key] = [...new Set([...(points[key] ?? []), ...names])].sort();
  }
  const broken = runs.flatMap((run) => (run.broken ? [run.broken] : []));
  return {
    code: Math.max(0, ...runs.map((run) => run.code)),
    wallMs: runs.reduce((sum, run) => sum + run.wallMs, 0),
    rows: runs.flatMap((run) => run.rows),
    red: runs.flatMap((run) => run.red),
    ...(broken.length > 0 ? { broken: broken.join('; ') } : {}),
    points,
  };
}
const baseline = await runBaseline(baselineProjects);
if (interrupted) {
  console.error('e2e:faults: interrupted during the baseline');
  process.exit(130);
}
if (baseline.broken || baseline.red.length > 0 || baseline.code !== 0) {
  console.error(`e2e:faults: the baseline is not green (${outcome(baseline)}, exit ${baseline.code}).`);
  for (const row of baseline.red) console.error(`  ${label(row)}: ${plain(row.error ?? '')}`);
  console.error('A fault run against a red baseline proves nothing: fix the suite or the bank first.');
  process.exit(1);
}
console.log(`  green: ${tests(baseline.rows.length)} in ${seconds(baseline.wallMs)}`);
const points = baseline.points ?? {};
const pointsFile = join(ROOT, 'baseline-fault-points.json');
writeFileSync(pointsFile, `${JSON.stringify(points, null, 2)}\n`);
const reaching = baseline.rows.filter((row) => row.testId !== undefined && points[row.testId]).length;
console.log(
  `  fault points: ${reaching} of ${tests(baseline.rows.length)} reached at least one; ` +
    `unattributed: ${points[UNATTRIBUTED]?.join(', ') || 'none'} (${relative(process.cwd(), pointsFile)})\n`,
);

/** The baseline's tests in the project that can see `fault`. */
const projectRows = (fault: FaultName) => baseline.rows.filter((row) => row.project === projectOf(fault));
/** `3 of 22 tests` or `all 22 tests` (of the fault's project): what a fault's run ran. */
const runSize = (fault: FaultName, choice: Selection) =>
  `${choice.tests ? `${choice.tests.length} of` : 'all'} ${tests(projectRows(fault).length)}`;
const results = new Map<FaultName, Run>();
const choices = new Map<FaultName, Selection>();
for (const [i, fault] of faults.entries()) {
  if (interrupted) break;
  const project = projectOf(fault);
  const choice = selectTests(fault, points, projectRows(fault));
  choices.set(fault, choice);
  console.log(
    `[${i + 1}/${faults.length}] ${fault} (${project}): running ${runSize(fault, choice)} (${choice.why})`,
  );
  const run: Run =
    choice.tests?.length === 0
      ? { code: 0, wallMs: 0, rows: [], red: [] }
      : await runAgainst(fault, [project], choice);
  results.set(fault, run);
  console.log(`[${i + 1}/${faults.length}] ${fault}: ${outcome(run)} (${seconds(run.wallMs)})`);
}

/** A fault is killed when its run went red without breaking. */
const isKilled = (run: Run) => !run.broken && run.red.length > 0;
const killed = [...results.values()].filter(isKilled).length;
const survived = [...results]
  .filter(([, run]) => !run.broken && run.red.length === 0)
  .map(([fault]) => fault);
const broken = [...results].filter(([, run]) => run.broken).map(([fault]) => fault);
const notRun = faults.filter((fault) => !results.has(fault));
const total =
  `${faults.length} faults: ${killed} killed, ${survived.length} survived` +
  (broken.length > 0 ? `, ${broken.length} broken runs` : '') +
  (notRun.length > 0 ? `, ${notRun.length} not run (interrupted)` : '');

console.log(
  `\ne2e:faults: kill matrix (${projectsText}${selection}; baseline ${tests(baseline.rows.length)} green)`,
);
const width = Math.max(...faults.map((fault) => fault.length));
const sizeWidth = Math.max(...[...choices].map(([fault, choice]) => runSize(fault, choice).length));
for (const [fault, run] of results) {
  const choice = choices.get(fault);
  const head = `  ${fault.padEnd(width)}  ${(choice ? runSize(fault, choice) : '').padEnd(sizeWidth)}  `;
  if (run.broken || run.red.length === 0) {
    console.log(`${head}${run.broken ? outcome(run) : 'SURVIVED'}`);
    continue;
  }
  run.red.forEach((row, n) => console.log(`${n === 0 ? head : ' '.repeat(head.length)}${label(row)}`));
}
console.log(`total: ${total}; ${seconds(Date.now() - started)}`);

/** Markdown table cells: no pipes, no line breaks. */
const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const lines = [
  '# Fault kill matrix',
  '',
  `\`npm run e2e:faults\` on ${new Date().toISOString()}, commit ${gitCommit()}. Each fault of`,
  'mock-bank/src/faults.ts was switched on alone (`MOCK_BANK_FAULTS=<fault>`) and its project run against it',
  `(\`mobile\` for what only a phone shows, \`desktop\` for the rest)${selection ? ` with \`${selection.trim()}\`` : ''};`,
  'a fault is killed when at least one test went red.',
  'Each fault ran only the baseline tests that reached its `faulty()` call (recorded per test by the',
  'baseline bank, MOCK_BANK_RECORD_FAULT_POINTS=1); the whole baseline where that was not known.',
  '',
  `Baseline (no fault): ${tests(baseline.rows.length)}, all green, ${seconds(baseline.wallMs)}.`,
  '',
  '| Fault | What it breaks | Project | Tests run | Tests that went red |',
  '| --- | --- | --- | --- | --- |',
  ...faults.map((fault) => {
    const run = results.get(fault);
    const red = !run
      ? 'not run (interrupted)'
      : run.broken
        ? `**${cell(outcome(run))}**`
        : run.red.length === 0
          ? '**SURVIVED**'
          : run.red.map((row) => cell(label(row))).join('<br>');
    const choice = choices.get(fault);
    const size = !choice
      ? ''
      : choice.tests
        ? runSize(fault, choice)
        : `${runSize(fault, choice)} (${cell(choice.why)})`;
    return `| \`${fault}\` | ${cell(FAULTS[fault])} | ${projectOf(fault)} | ${size} | ${red} |`;
  }),
  '',
  `**Total: ${total}.**`,
  '',
];
mkdirSync(resolve('reports'), { recursive: true });
writeFileSync(MATRIX, lines.join('\n'));
// The same verdicts for machines: the traceability matrix marks a requirement guarded by a killed fault.
const verdicts: FaultMatrix = {
  generatedAt: new Date().toISOString(),
  commit: gitCommit(),
  faults: [...results].map(([fault, run]) => ({
    name: fault,
    project: projectOf(fault),
    killed: isKilled(run),
    redTests: run.red.map(label),
  })),
};
writeFileSync(MATRIX_JSON, `${JSON.stringify(verdicts, null, 2)}\n`);
console.log(`matrix → ${relative(process.cwd(), MATRIX)}, ${relative(process.cwd(), MATRIX_JSON)}`);

process.exit(interrupted ? 130 : killed === faults.length ? 0 : 1);
