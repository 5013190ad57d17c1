/**
 * The per-fault test selection of e2e:faults, derived from coverage. A bank started with
 * MOCK_BANK_RECORD_FAULT_POINTS=1 files every fault point (`faulty()` call) a request reaches under the
 * test that made it (its x-e2e-test-id header, fixtures/index.ts); a fault can only change what a test
 * sees if the test reaches its point, so each fault needs to run only those tests.
 */
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { UNATTRIBUTED, type FaultName } from '../../mock-bank/src/faults.ts';
import { TEST_TOKEN_HEADER } from '../../mock-bank/src/http/testApi.ts';
import type { TestRow } from './jsonReport.ts';

/** test id (or `unattributed`) → the fault points its requests reached. */
export type FaultPointRecord = Record<string, string[]>;

const recordSchema = z.record(z.string(), z.array(z.string()));

/** The bank's record so far (GET /__test__/fault-points); the bank must be recording. */
export async function fetchFaultPoints(baseURL: string, token: string): Promise<FaultPointRecord> {
  const res = await fetch(`${baseURL}/__test__/fault-points`, {
    headers: { [TEST_TOKEN_HEADER]: token },
    signal: AbortSignal.timeout(10_000),
  });
  const body: unknown = await res.json();
  if (!res.ok) throw new Error(`GET /__test__/fault-points answered ${res.status}: ${JSON.stringify(body)}`);
  return recordSchema.parse(body);
}

/** What one fault's run runs: the tests that reached its point, or (`tests` unset) the whole baseline. */
export interface Selection {
  tests?: TestRow[];
  /** Why, for the output and the matrix. */
  why: string;
}

/**
 * The baseline tests that reached `fault`'s point (none: the fault survives without a run). The whole
 * baseline instead when the point was also reached outside any test's request (who it matters to is
 * unknown), or when a title cannot be written into a test list.
 */
export function selectTests(
  fault: FaultName,
  record: FaultPointRecord,
  baseline: readonly TestRow[],
): Selection {
  if (record[UNATTRIBUTED]?.includes(fault)) {
    return { why: 'its point was also reached outside any test' };
  }
  const tests = baseline.filter((row) => row.testId !== undefined && record[row.testId]?.includes(fault));
  // Until a test reaches the point its run is the baseline's, fault or not: no test can see this fault.
  if (tests.length === 0) return { tests: [], why: 'no test reached its point, so none can see it' };
  // Playwright splits a test-list line at ›; a title holding one would match another test or none.
  if (tests.some((row) => row.titlePath.some((title) => title.includes('›')))) {
    return { why: 'a title holds ›, which a test list cannot express' };
  }
  return { tests, why: 'they reached its point' };
}

/** Writes `tests` as a file for `playwright test --test-list`: `[project] › file › describe › title`. */
export function writeTestList(file: string, tests: readonly TestRow[]): void {
  const lines = tests.map((row) => [`[${row.project}]`, row.file, ...row.titlePath].join(' › '));
  writeFileSync(file, `${lines.join('\n')}\n`);
}
