import { pathToFileURL } from 'node:url';
import type { TestResult } from 'allure-js-commons';
import { expect, test } from '../../fixtures/index.ts';
import { REQUIREMENTS } from '../../requirements/catalogue.ts';
import { buildMatrix, matrixFiles, writeMatrix } from '../../scripts/lib/traceability.ts';

// The traceability matrix's HTML page (scripts/lib/traceability.ts) in a real browser: built here from
// made-up results of this catalogue, so it does not depend on a report of the same run. No
// requirement of the bank: it checks the suite's own report.
const FAILED = REQUIREMENTS[1];

/** One passed desktop test per requirement, the second requirement's failed. */
function madeUpResults(): TestResult[] {
  return REQUIREMENTS.map(
    (entry, index) =>
      ({
        uuid: `uuid-${index}`,
        name: `verifies ${entry.id}`,
        fullName: `area/some.spec.ts › verifies ${entry.id}`,
        status: entry === FAILED ? 'failed' : 'passed',
        labels: [
          { name: 'suite', value: 'area/some.spec.ts' },
          { name: 'parentSuite', value: 'desktop' },
          { name: 'requirement', value: entry.id },
        ],
      }) as TestResult,
  );
}

test('the traceability page shows one table row per requirement, filters by section and status', async ({
  page,
}, testInfo) => {
  const files = matrixFiles(testInfo.outputPath('reports'));
  const matrix = buildMatrix({
    catalogue: REQUIREMENTS,
    results: madeUpResults(),
    declared: new Map(),
    commit: 'test',
  });
  writeMatrix(matrix, files, testInfo.outputPath('reports', 'allure-report'));

  await page.goto(pathToFileURL(files.html).href);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/요구사항 추적 매트릭스/);
  await expect(page.getByRole('table')).toHaveCount(1);
  // The header row, then one row per requirement.
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(REQUIREMENTS.length + 1);
  await expect(
    page.getByText(`요구사항 ${REQUIREMENTS.length}개: 통과 ${REQUIREMENTS.length - 1} · 실패 1`),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: `verifies ${REQUIREMENTS[0]?.id}` })).toHaveAttribute(
    'href',
    /^\.\.\/allure-report\/index\.html#\/[0-9a-f]{32}$/,
  );

  await page.getByLabel('상태').selectOption({ label: '실패' });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(FAILED?.id ?? '');

  await page.getByLabel('상태').selectOption({ label: '전체' });
  await page.getByLabel('절').selectOption({ label: '§2.4' });
  const inSection = REQUIREMENTS.filter((entry) => entry.section === '2.4').length;
  await expect(rows).toHaveCount(inSection + 1);
});
