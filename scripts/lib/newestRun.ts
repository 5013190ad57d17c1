/**
 * allure-playwright never empties its results folder, so after three `npm run e2e` reports/allure-results
 * holds three runs, and Allure would show the older two as retries of every test (and put them in the
 * trend as one run). This copies only the newest run of such a folder into a staging folder: its
 * results, the attachments they point to, and every other file no older result owns (environment,
 * containers, global errors). A folder holding one run is used as it is.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StepResult, TestResult } from 'allure-js-commons';
import { readResultsDir, runnerPid, type ResultsDir } from './runFacts.ts';

/** Attachment files of a result, its steps and their steps. */
function attachmentSources(item: TestResult | StepResult, into: Set<string>): Set<string> {
  for (const attachment of item.attachments) into.add(attachment.source);
  for (const step of item.steps) attachmentSources(step, into);
  return into;
}

export interface Staged {
  dir: ResultsDir;
  runs: number;
}

export function newestRun(dir: ResultsDir, stagingDir: string): Staged {
  const byRun = new Map<string, TestResult[]>();
  for (const result of dir.results) {
    const pid = runnerPid(result) ?? '';
    byRun.set(pid, [...(byRun.get(pid) ?? []), result]);
  }
  const runs = [...byRun.keys()].filter((pid) => pid !== '');
  if (runs.length <= 1) return { dir, runs: runs.length };

  const lastStop = (results: readonly TestResult[]) => Math.max(...results.map((result) => result.stop ?? 0));
  const newest = runs.reduce((a, b) =>
    lastStop(byRun.get(a) ?? []) >= lastStop(byRun.get(b) ?? []) ? a : b,
  );
  const newestResults = byRun.get(newest) ?? [];
  const newestStart = Math.min(...newestResults.map((result) => result.start ?? Infinity));
  // A result without a runner pid (a test the run never started) goes with the run it ended in.
  const keep = new Set(
    dir.results
      .filter(
        (result) =>
          (runnerPid(result) ?? '') === newest || (!runnerPid(result) && (result.stop ?? 0) >= newestStart),
      )
      .map((result) => result.uuid),
  );
  const drop = new Set<string>();
  for (const result of dir.results) {
    if (keep.has(result.uuid)) continue;
    drop.add(`${result.uuid}-result.json`);
    attachmentSources(result, drop);
  }
  for (const result of dir.results)
    if (keep.has(result.uuid)) for (const source of attachmentSources(result, new Set())) drop.delete(source);

  rmSync(stagingDir, { recursive: true, force: true });
  mkdirSync(stagingDir, { recursive: true });
  for (const file of readdirSync(dir.dir)) {
    if (!drop.has(file)) copyFileSync(join(dir.dir, file), join(stagingDir, file));
  }
  return { dir: readResultsDir(stagingDir), runs: runs.length };
}
