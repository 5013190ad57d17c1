/**
 * The requirements traceability matrix (요구사항 추적 매트릭스): for each requirement of
 * requirements/catalogue.ts, the tests that declare it (fixtures/requirements.ts `verifies`), how they
 * did in the run, and which faults of `npm run e2e:faults` were seen to break it and get caught.
 *
 * Statuses come from the run's Allure results (each carries its `requirement` labels, its project and
 * its uuid, which addresses it in the Allure report); the specs themselves are scanned only to tell a
 * requirement nobody tests ("untested") from one whose tests did not run this time ("not-run").
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { TestResult } from 'allure-js-commons';
import { REQUIREMENT_ID_PATTERN, REQUIREMENT_LABEL, type Requirement } from '../../requirements/catalogue.ts';
import { requirementsBrokenBy } from '../../requirements/faults.ts';
import { escapeMarkup } from './markup.ts';

export type TestStatus = 'passed' | 'failed' | 'skipped';
export type RequirementStatus = 'passed' | 'failed' | 'untested' | 'not-run';

export interface TracedTest {
  title: string;
  /** the spec, from the project root (`tests/account/otp.spec.ts`) */
  file: string;
  project: string;
  status: TestStatus;
  /** the test's id in the Allure 3 report (`index.html#/<id>`): md5 of the result's uuid */
  allureId: string;
}

export interface TracedRequirement {
  id: string;
  section: string;
  title: string;
  rule?: string;
  untestable?: string;
  tests: TracedTest[];
  status: RequirementStatus;
  /** faults of the catalogue that break this requirement and were killed in the last fault run */
  guardedBy: string[];
}

export interface Traceability {
  generatedAt: string;
  commit: string;
  requirements: TracedRequirement[];
}

/** `npm run e2e:faults`'s machine-readable matrix (reports/fault-matrix.json). */
export interface FaultMatrix {
  generatedAt: string;
  commit: string;
  /** `project`: the one the fault ran in (files written before it was recorded have none). */
  faults: { name: string; project?: string; killed: boolean; redTests: string[] }[];
}

const label = (result: TestResult, name: string) => result.labels.find((l) => l.name === name)?.value;

function testStatus(result: TestResult): TestStatus {
  if (result.status === 'passed') return 'passed';
  if (result.status === 'skipped') return 'skipped';
  return 'failed'; // failed, broken (a timeout), unknown
}

/**
 * One row per test and project: a retried test has several results, the last attempt counts (a test
 * that passed only on its retry is marked by CI itself, failOnFlakyTests).
 */
function lastAttempts(results: readonly TestResult[]): TestResult[] {
  const last = new Map<string, TestResult>();
  for (const result of results) {
    const key = result.historyId ?? result.uuid;
    const seen = last.get(key);
    if (!seen || (result.stop ?? 0) >= (seen.stop ?? 0)) last.set(key, result);
  }
  return [...last.values()];
}

function traced(result: TestResult): TracedTest {
  // fullName is `area/file.spec.ts › describe › title`; the `suite` label is the file under tests/.
  const name = result.name ?? '';
  const [file = '', ...titles] = (result.fullName ?? name).split(' › ');
  return {
    title: titles.length > 0 ? titles.join(' › ') : name,
    file: `tests/${label(result, 'suite') ?? file}`,
    project: label(result, 'parentSuite') ?? '',
    status: testStatus(result),
    allureId: createHash('md5').update(result.uuid).digest('hex'),
  };
}

function requirementStatus(tests: readonly TracedTest[], declared: boolean): RequirementStatus {
  if (tests.some((test) => test.status === 'failed')) return 'failed';
  if (tests.some((test) => test.status === 'passed')) return 'passed';
  return declared ? 'not-run' : 'untested';
}

export interface MatrixInputs {
  catalogue: readonly Requirement[];
  /** the run's Allure results (one run: scripts/lib/newestRun.ts) */
  results: readonly TestResult[];
  /** requirement id → spec files declaring it (scanDeclarations) */
  declared: ReadonlyMap<string, readonly string[]>;
  faultMatrix?: FaultMatrix | undefined;
  commit: string;
  now?: Date;
}

export function buildMatrix({
  catalogue,
  results,
  declared,
  faultMatrix,
  commit,
  now = new Date(),
}: MatrixInputs): Traceability {
  const testsOf = new Map<string, TracedTest[]>();
  for (const result of lastAttempts(results)) {
    const test = traced(result);
    for (const id of new Set(result.labels.filter((l) => l.name === REQUIREMENT_LABEL).map((l) => l.value))) {
      testsOf.set(id, [...(testsOf.get(id) ?? []), test]);
    }
  }
  const guards = new Map<string, string[]>();
  for (const fault of faultMatrix?.faults ?? []) {
    if (!fault.killed) continue;
    for (const id of requirementsBrokenBy(fault.name))
      guards.set(id, [...(guards.get(id) ?? []), fault.name]);
  }
  const order = (a: TracedTest, b: TracedTest) =>
    a.file.localeCompare(b.file) || a.title.localeCompare(b.title) || a.project.localeCompare(b.project);

  return {
    generatedAt: now.toISOString(),
    commit,
    requirements: catalogue.map((entry) => {
      const tests = [...(testsOf.get(entry.id) ?? [])].sort(order);
      return {
        id: entry.id,
        section: entry.section,
        title: entry.title,
        ...(entry.rule ? { rule: [entry.rule].flat().join(', ') } : {}),
        ...(entry.untestable ? { untestable: entry.untestable } : {}),
        tests,
        status: requirementStatus(tests, (declared.get(entry.id)?.length ?? 0) > 0),
        guardedBy: [...(guards.get(entry.id) ?? [])].sort(),
      };
    }),
  };
}

/** Every `*.spec.ts` under `dir`, from `root`. */
function specFiles(dir: string, root: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return specFiles(path, root);
    return entry.name.endsWith('.spec.ts') ? [relative(root, path)] : [];
  });
}

/**
 * Requirement ids written in the specs under `testsDir` → the files that write them. A static scan (no
 * run needed): what the gate checks and what tells "untested" from "not-run". `//` comment lines are
 * left out: an id mentioned in a comment declares nothing.
 */
export function scanDeclarations(testsDir: string, root = process.cwd()): Map<string, string[]> {
  const declared = new Map<string, string[]>();
  for (const file of specFiles(testsDir, root).sort()) {
    const code = readFileSync(join(root, file), 'utf8')
      .split('\n')
      .filter((line) => !line.trim().startsWith('//'))
      .join('\n');
    for (const [id] of code.matchAll(REQUIREMENT_ID_PATTERN)) {
      const files = declared.get(id) ?? [];
      if (!files.includes(file)) declared.set(id, [...files, file]);
    }
  }
  return declared;
}

/** The last fault run's matrix, or none (guardedBy stays empty) when no fault run left one. */
export function readFaultMatrix(file: string): FaultMatrix | undefined {
  if (!existsSync(file)) return undefined;
  const matrix = JSON.parse(readFileSync(file, 'utf8')) as Partial<FaultMatrix>;
  if (!Array.isArray(matrix.faults)) throw new Error(`${file}: no "faults" list`);
  return matrix as FaultMatrix;
}

export const STATUS_KO: Record<RequirementStatus | TestStatus, string> = {
  passed: '통과',
  failed: '실패',
  untested: '테스트 없음',
  'not-run': '실행 안 됨',
  skipped: '건너뜀',
};

export interface Totals {
  requirements: number;
  byStatus: Record<RequirementStatus, number>;
  guarded: number;
}

export function totals(matrix: Traceability): Totals {
  const byStatus: Record<RequirementStatus, number> = { passed: 0, failed: 0, untested: 0, 'not-run': 0 };
  for (const entry of matrix.requirements) byStatus[entry.status] += 1;
  return {
    requirements: matrix.requirements.length,
    byStatus,
    guarded: matrix.requirements.filter((entry) => entry.guardedBy.length > 0).length,
  };
}

/** CSV for Excel: UTF-8 with a BOM (else Excel reads Korean as ANSI), CRLF, every field quoted. */
export function toCsv(matrix: Traceability): string {
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;
  const header = ['요구사항 ID', '절', '요구사항', '근거 규칙', '상태', '테스트', '결함 주입으로 검증됨'];
  const rows = matrix.requirements.map((entry) => [
    entry.id,
    entry.section,
    entry.title,
    entry.rule ?? '',
    entry.untestable ? `${STATUS_KO[entry.status]} (${entry.untestable})` : STATUS_KO[entry.status],
    entry.tests
      .map((test) => `[${test.project}] ${test.file} › ${test.title}: ${STATUS_KO[test.status]}`)
      .join('\n'),
    entry.guardedBy.join(', '),
  ]);
  return `\uFEFF${[header, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/**
 * The matrix as one offline, printable Korean page: totals, filters by section and status (a small
 * inline script; without it every row shows), one `<tbody>` row per requirement, each test linked to
 * its entry in the Allure report at `allureReport` (a path relative to the page).
 */
export function toHtml(matrix: Traceability, allureReport: string): string {
  const sum = totals(matrix);
  const sections = [...new Set(matrix.requirements.map((entry) => entry.section))];
  const option = (value: string, text: string) =>
    `<option value="${escapeMarkup(value)}">${escapeMarkup(text)}</option>`;
  const testItem = (test: TracedTest) =>
    `<li class="${test.status}"><a href="${escapeMarkup(`${allureReport}/index.html#/${test.allureId}`)}">` +
    `${escapeMarkup(test.title)}</a> <span class="where">[${escapeMarkup(test.project)}] ${escapeMarkup(test.file)}</span> ` +
    `<span class="status">${STATUS_KO[test.status]}</span></li>`;
  const row = (entry: TracedRequirement) =>
    `<tr data-section="${escapeMarkup(entry.section)}" data-status="${entry.status}" class="${entry.status}">` +
    `<td class="id">${escapeMarkup(entry.id)}</td><td class="section">${escapeMarkup(entry.section)}</td>` +
    `<td>${escapeMarkup(entry.title)}${entry.rule ? `<div class="rule">rules.ts: ${escapeMarkup(entry.rule)}</div>` : ''}</td>` +
    `<td class="status">${STATUS_KO[entry.status]}${entry.untestable ? `<div>${escapeMarkup(entry.untestable)}</div>` : ''}</td>` +
    `<td>${entry.tests.length > 0 ? `<ul>${entry.tests.map(testItem).join('')}</ul>` : '—'}</td>` +
    `<td>${entry.guardedBy.length > 0 ? escapeMarkup(entry.guardedBy.join(', ')) : '—'}</td></tr>`;
  const count = (status: RequirementStatus) => `${STATUS_KO[status]} ${sum.byStatus[status]}`;

  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<title>요구사항 추적 매트릭스 — 금융인증서 발급</title>
<style>
body { font-family: system-ui, 'Noto Sans CJK KR', sans-serif; margin: 1.5rem; color: #222; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #bbb; padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
thead th { background: #eee; position: sticky; top: 0; }
td.id { font-family: ui-monospace, monospace; }
/* id, section and status take what they need on one line; the title and the tests share the rest */
td.id, td.section, td.status { white-space: nowrap; width: 1%; }
td.status div { white-space: normal; }
tr.passed td.status { color: #176b2c; } tr.failed td.status { color: #b00020; font-weight: bold; }
tr.untested td.status, tr.not-run td.status { color: #8a5a00; font-weight: bold; }
li.failed .status { color: #b00020; } .where, .rule { color: #666; font-size: 0.8rem; }
ul { margin: 0; padding-left: 1.1rem; }
@media print { .filters { display: none; } thead th { position: static; } tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<h1>요구사항 추적 매트릭스 — KB국민은행 금융인증서 발급</h1>
<p>생성: ${escapeMarkup(matrix.generatedAt)} · 커밋: ${escapeMarkup(matrix.commit)}</p>
<p class="totals">요구사항 ${sum.requirements}개: ${count('passed')} · ${count('failed')} · ${count('untested')} · ${count('not-run')} · 결함 주입으로 검증됨 ${sum.guarded}</p>
<form class="filters">
<label>절 <select id="section-filter"><option value="">전체</option>${sections.map((s) => option(s, `§${s}`)).join('')}</select></label>
<label>상태 <select id="status-filter"><option value="">전체</option>${(['passed', 'failed', 'untested', 'not-run'] as const).map((s) => option(s, STATUS_KO[s])).join('')}</select></label>
</form>
<table>
<caption>요구사항별 검증 테스트와 이번 실행 결과</caption>
<thead><tr><th scope="col">요구사항 ID</th><th scope="col">절</th><th scope="col">요구사항</th><th scope="col">상태</th><th scope="col">테스트 (Allure 보고서로 연결)</th><th scope="col">결함 주입으로 검증됨</th></tr></thead>
<tbody>
${matrix.requirements.map(row).join('\n')}
</tbody>
</table>
<script>
const section = document.getElementById('section-filter');
const status = document.getElementById('status-filter');
function filter() {
  for (const row of document.querySelectorAll('tbody tr')) {
    row.hidden = (section.value !== '' && row.dataset.section !== section.value) ||
      (status.value !== '' && row.dataset.status !== status.value);
  }
}
section.addEventListener('change', filter);
status.addEventListener('change', filter);
</script>
</body>
</html>
`;
}

export interface MatrixFiles {
  json: string;
  html: string;
  csv: string;
}

/** The three forms of the matrix under `reportsDir`; the HTML links tests into `allureReport`. */
export function matrixFiles(reportsDir: string): MatrixFiles {
  return {
    json: join(reportsDir, 'traceability.json'),
    html: join(reportsDir, 'traceability', 'index.html'),
    csv: join(reportsDir, 'traceability.csv'),
  };
}

export function writeMatrix(matrix: Traceability, files: MatrixFiles, allureReport: string): void {
  mkdirSync(dirname(files.html), { recursive: true });
  writeFileSync(files.json, `${JSON.stringify(matrix, null, 2)}\n`);
  writeFileSync(files.csv, toCsv(matrix));
  writeFileSync(files.html, toHtml(matrix, relative(dirname(files.html), allureReport).split(sep).join('/')));
}
