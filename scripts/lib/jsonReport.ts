/**
 * Reading Playwright's JSON report (of a run, a merge or `--list`) as flat rows, one per test per
 * project and repeat, plus the few statistics the run-mode scripts print.
 */
import { existsSync, readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import type { JSONReport, JSONReportSuite, JSONReportTest } from '@playwright/test/reporter';

export interface TestRow {
  /** project › file:line:column › titles: the same test in a list, a run and a merged report. */
  key: string;
  project: string;
  file: string;
  /** describe titles and the test title (without the file). */
  titlePath: string[];
  /** `[project] file › describe › title`, for people. */
  label: string;
  /**
   * Playwright's id of the test (`testInfo.testId`). The JSON report keeps one id per spec, that of its
   * first project's test, so a later project's row of a multi-project report has none.
   */
  testId?: string;
  tags: string[];
  status: JSONReportTest['status'];
  /** Duration of each attempt (a retry is a second attempt), in ms; empty in a `--list` report. */
  attempts: number[];
  /** First line of the first error, when an attempt failed. */
  error?: string;
  /** Types of the annotations the test carries, those added while it ran included. */
  annotations: string[];
  /** When each attempt started (epoch ms); empty in a `--list` report. */
  startTimes: number[];
}

export function readJsonReport(file: string): JSONReport {
  if (!existsSync(file))
    throw new Error(`no JSON report at ${file}: the run ended before its reporters finished`);
  return JSON.parse(readFileSync(file, 'utf8')) as JSONReport;
}

/** The rows of a run's JSON report, or none (with a warning) when the run died before writing it. */
export function rowsOrNone(file: string): TestRow[] {
  try {
    return testRows(readJsonReport(file));
  } catch (error) {
    console.warn(String(error instanceof Error ? error.message : error));
    return [];
  }
}

export function testRows(report: JSONReport): TestRow[] {
  const rows: TestRow[] = [];
  const walk = (suite: JSONReportSuite, titles: string[]) => {
    for (const spec of suite.specs) {
      const titlePath = [...titles, spec.title];
      for (const [index, test] of spec.tests.entries()) {
        const errorResult = test.results.find((result) => result.error);
        // Playwright colours its messages; the scripts print plain lines.
        const error = stripVTControlCharacters(errorResult?.error?.message ?? '')
          .split('\n')
          .find((line) => line.trim() !== '');
        rows.push({
          key: `${test.projectName} › ${spec.file}:${spec.line}:${spec.column} › ${titlePath.join(' › ')}`,
          project: test.projectName,
          file: spec.file,
          titlePath,
          label: `[${test.projectName}] ${spec.file} › ${titlePath.join(' › ')}`,
          ...(index === 0 ? { testId: spec.id } : {}),
          tags: spec.tags.map((tag) => (tag.startsWith('@') ? tag : `@${tag}`)),
          status: test.status,
          attempts: test.results.map((result) => result.duration),
          annotations: [
            ...new Set(
              [...test.annotations, ...test.results.flatMap((result) => result.annotations ?? [])].map(
                (a) => a.type,
              ),
            ),
          ],
          startTimes: test.results.map((result) => Date.parse(result.startTime)),
          ...(error ? { error } : {}),
        });
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  // Top-level suites are files: their title is the file path, already in each row's `file`.
  for (const fileSuite of report.suites) walk(fileSuite, []);
  return rows;
}

/** How many times each key occurs (a test repeated or run in two shards occurs twice). */
export function countKeys(rows: readonly TestRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.key, (counts.get(row.key) ?? 0) + 1);
  return counts;
}

export function countBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

/** `desktop 62, mobile 62`: how many rows each project has. */
export function perProject(rows: readonly TestRow[]): string {
  return [...countBy(rows, (row) => row.project)].map(([project, n]) => `${project} ${n}`).join(', ');
}

/** Nearest-rank percentile (p in 0..100) of unsorted values; 0 for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
