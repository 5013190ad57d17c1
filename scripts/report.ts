/**
 * `npm run report`: the Allure 3 report (reports/allure-report) of the last `npm run e2e`, from
 * reports/allure-results, with the run's environment, defect categories and the trend history kept in
 * reports/allure-history (see allurerc.mjs). Other results folders may be given instead, e.g. every
 * shard's, and another output folder:
 *   npm run report -- --output reports/ci-report reports/shards/1/allure-results reports/shards/2/allure-results
 * `--no-history` builds without adding the run to the trend (a slice, a proof run).
 * Open it with `npx allure open reports/allure-report`.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { buildAllureReport } from './lib/allure.ts';

const { values, positionals } = parseArgs({
  options: { output: { type: 'string' }, 'no-history': { type: 'boolean' } },
  allowPositionals: true,
});

try {
  const built = await buildAllureReport({
    resultsDirs: positionals.length > 0 ? positionals : ['reports/allure-results'],
    ...(values.output ? { output: values.output } : {}),
    appendHistory: values['no-history'] !== true,
  });
  const where = relative(process.cwd(), built.output);
  console.log(
    `report: ${built.tests} tests (${built.results} results) → ${where}; open it with: npx allure open ${where}`,
  );
} catch (error) {
  console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
