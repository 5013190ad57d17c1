/**
 * Prints the one count line CI is judged by (`N passed, N failed[, N skipped]`), adding up the JUnit
 * files of the unit/API tests, of the Playwright suite and of the secrets scan. A missing file means
 * that stage never ran, which counts as a failure so a broken pipeline can never look green.
 */
import { existsSync, readFileSync } from 'node:fs';

const STAGES = [
  { name: 'unit and API tests', file: 'reports/unit-junit.xml' },
  { name: 'end-to-end suite', file: 'reports/junit.xml' },
  { name: 'secrets scan', file: 'reports/secrets-junit.xml' },
];

/**
 * Counts `<testcase>` elements, so nested suites and reporters that omit totals agree. A test that
 * passed only on a retry (`<flakyFailure>`/`<flakyError>`, Playwright's includeRetries) counts as
 * failed: failOnFlakyTests fails the run on it, and the count must say why.
 */
function count(xml: string) {
  const cases = xml.match(/<testcase\b[\s\S]*?(?:\/>|<\/testcase>)/g) ?? [];
  let failed = 0;
  let flaky = 0;
  let skipped = 0;
  for (const c of cases) {
    if (/<(failure|error)\b/.test(c)) failed++;
    else if (/<flaky(Failure|Error)\b/.test(c)) flaky++;
    else if (/<skipped\b/.test(c)) skipped++;
  }
  return { total: cases.length, failed: failed + flaky, flaky, skipped };
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const stage of STAGES) {
  if (!existsSync(stage.file)) {
    console.log(`summary: ${stage.name}: no results (${stage.file}); counted as one failure`);
    failed++;
    continue;
  }
  const c = count(readFileSync(stage.file, 'utf8'));
  console.log(
    `summary: ${stage.name}: ${c.total - c.failed - c.skipped} passed, ${c.failed} failed` +
      `${c.flaky ? ` (${c.flaky} of them flaky: passed only on retry)` : ''}, ${c.skipped} skipped`,
  );
  passed += c.total - c.failed - c.skipped;
  failed += c.failed;
  skipped += c.skipped;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
