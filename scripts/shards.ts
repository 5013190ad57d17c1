/**
 * `npm run e2e:shards`: proves sharding on one machine. Runs the suite as 3 shards one after the other
 * (`--shard i/3`, blob reporter, each shard into reports/shards/<i>/ with its own allure-results), merges
 * the blobs with `playwright merge-reports` into one HTML report (reports/merged-html), checks that the
 * merged report holds exactly the tests `playwright test --list` names for one full run, and builds one
 * Allure report from every shard's allure-results (reports/shards/allure-report). Exits non-zero on a
 * mismatch, a failed merge or a failed test. Extra arguments (e.g. --project=desktop) go to every run.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { buildAllureReport } from './lib/allure.ts';
import { countKeys, perProject, rowsOrNone, seconds, testRows } from './lib/jsonReport.ts';
import {
  listTests,
  outputEnv,
  passThroughArgs,
  refuseArgs,
  runOutputs,
  runPlaywright,
  type RunOutputs,
} from './lib/playwright.ts';

const SHARDS = 3;
const ROOT = resolve('reports/shards');
const MERGED_HTML = resolve('reports/merged-html');
const MERGED_JSON = join(ROOT, 'merged.json');
const ALL_BLOBS = join(ROOT, 'all-blobs');

const args = passThroughArgs();
refuseArgs(args, ['--shard', '--reporter', '--list', '--repeat-each', '--output'], 'e2e:shards');
rmSync(ROOT, { recursive: true, force: true });
rmSync(MERGED_HTML, { recursive: true, force: true });

const listed = testRows(await listTests(args));
console.log(`shards: one full run holds ${listed.length} tests (${perProject(listed)})`);

interface ShardRun {
  index: number;
  outputs: RunOutputs;
  code: number;
  wallMs: number;
}
const shards: ShardRun[] = [];
for (let index = 1; index <= SHARDS; index++) {
  console.log(`\nshards: shard ${index}/${SHARDS}`);
  const outputs = runOutputs(join(ROOT, String(index)));
  // A failing shard must not stop the others: the merged report should still show every test.
  const run = await runPlaywright(
    ['test', `--shard=${index}/${SHARDS}`, `--output=${outputs.testResults}`, ...args],
    outputEnv(outputs, ['blob', 'json']),
  );
  shards.push({ index, outputs, ...run });
}

// merge-reports reads one folder; the shards' blob names (report-1.zip …) do not clash.
mkdirSync(ALL_BLOBS, { recursive: true });
for (const shard of shards) {
  if (!existsSync(shard.outputs.blob)) continue; // that shard died early; the comparison will show it
  for (const file of readdirSync(shard.outputs.blob))
    copyFileSync(join(shard.outputs.blob, file), join(ALL_BLOBS, file));
}
console.log('\nshards: merging the blob reports');
const merge = await runPlaywright(['merge-reports', '--reporter=html,json', ALL_BLOBS], {
  PLAYWRIGHT_HTML_OUTPUT_DIR: MERGED_HTML,
  PLAYWRIGHT_HTML_OPEN: 'never',
  PLAYWRIGHT_JSON_OUTPUT_FILE: MERGED_JSON,
});

// The proof: the merged report against the list, test by test (a count alone hides a swap).
const merged = merge.code === 0 ? rowsOrNone(MERGED_JSON) : [];
const expected = countKeys(listed);
const actual = countKeys(merged);
const missing = [...expected.keys()].filter((key) => !actual.has(key));
const extra = [...actual.keys()].filter((key) => !expected.has(key));
const duplicated = [...actual]
  .filter(([key, n]) => expected.has(key) && n !== expected.get(key))
  .map(([key]) => key);

console.log('\nshards: summary');
console.log(`  listed (one full run)   ${listed.length} tests (${perProject(listed)})`);
let shardTotal = 0;
let failedTests = 0;
for (const shard of shards) {
  const rows = rowsOrNone(shard.outputs.json);
  shardTotal += rows.length;
  failedTests += rows.filter((row) => row.status === 'unexpected' || row.status === 'flaky').length;
  console.log(
    `  shard ${shard.index}/${SHARDS}               ${rows.length} tests, exit ${shard.code}, ${seconds(shard.wallMs)}`,
  );
}
console.log(`  shards together         ${shardTotal} tests`);
console.log(
  `  merged report           ${merged.length} tests (${perProject(merged)}) → ${relative(process.cwd(), MERGED_HTML)}`,
);
console.log(
  `  missing ${missing.length}, not listed ${extra.length}, run more than once ${duplicated.length}`,
);
for (const key of [...missing, ...extra, ...duplicated].slice(0, 20)) console.log(`    ${key}`);

const countsMatch =
  merge.code === 0 &&
  merged.length === listed.length &&
  shardTotal === listed.length &&
  missing.length + extra.length + duplicated.length === 0;
console.log(countsMatch ? '  MATCH: the merged report holds exactly one full run' : '  MISMATCH');

// One Allure report from the shards' own results (merging blobs into Allure is known to break).
let allureOk: boolean;
try {
  const built = await buildAllureReport({
    resultsDirs: shards.map((shard) => shard.outputs.allureResults),
    output: join(ROOT, 'allure-report'),
    appendHistory: false, // a proof, often of a slice: it must not become a point of the local trend
  });
  allureOk = built.tests === listed.length;
  console.log(
    `  Allure report           ${built.tests} tests (${built.results} results) → ${relative(process.cwd(), built.output)}` +
      (allureOk ? '' : ` — expected ${listed.length}`),
  );
} catch (error) {
  allureOk = false;
  console.error(`  Allure report failed: ${error instanceof Error ? error.message : String(error)}`);
}

if (failedTests > 0) console.log(`  ${failedTests} test(s) failed or were flaky in the shards`);
process.exit(countsMatch && allureOk && failedTests === 0 && shards.every((s) => s.code === 0) ? 0 : 1);
