/**
 * `npm run report`: the Allure 3 report (reports/allure-report) of the last `npm run e2e`, from
 * reports/allure-results, with the run's environment, defect categories and the trend history kept in
 * reports/allure-history (see allurerc.mjs). Other results folders may be given instead, e.g. every
 * shard's, and another output folder:
 *   npm run report -- --output reports/ci-report reports/shards/1/allure-results reports/shards/2/allure-results
 * `--no-history` builds without adding the run to the trend (a slice, a proof run).
 * Open it with `npx allure open reports/allure-report`.
 *
 * Then the requirements traceability matrix of the same results (scripts/lib/traceability.ts):
 * reports/traceability.json, reports/traceability/index.html (its tests linked into that Allure report)
 * and reports/traceability.csv, with the faults of the last `npm run e2e:faults`
 * (reports/fault-matrix.json) where there is one.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REQUIREMENTS } from '../requirements/catalogue.ts';
import { buildAllureReport } from './lib/allure.ts';
import { gitCommit } from './lib/runFacts.ts';
import {
  buildMatrix,
  matrixFiles,
  readFaultMatrix,
  scanDeclarations,
  STATUS_KO,
  totals,
  writeMatrix,
} from './lib/traceability.ts';

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

  const matrix = buildMatrix({
    catalogue: REQUIREMENTS,
    results: built.reported.flatMap((dir) => dir.results),
    declared: scanDeclarations('tests'),
    faultMatrix: readFaultMatrix(resolve('reports/fault-matrix.json')),
    commit: gitCommit(),
  });
  const files = matrixFiles(resolve('reports'));
  writeMatrix(matrix, files, built.output);
  const sum = totals(matrix);
  const counts = Object.entries(sum.byStatus).map(
    ([status, n]) => `${STATUS_KO[status as keyof typeof STATUS_KO]} ${n}`,
  );
  console.log(
    `traceability: ${sum.requirements} requirements (${counts.join(', ')}; guarded by a killed fault ${sum.guarded}) → ` +
      `${relative(process.cwd(), files.html)}, ${relative(process.cwd(), files.json)}, ${relative(process.cwd(), files.csv)}`,
  );
} catch (error) {
  console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
