/**
 * What an Allure report should say about the run(s) behind it: base URL, browser and version,
 * projects, git commit, faker seeds. Most of it is read back from the allure-results themselves (so a
 * merged CI report describes the shards that ran, not the machine that merges); the browser version is
 * asked of the browser the suite's own launch options pick.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestResult } from 'allure-js-commons';
import { parseEnvInfo } from 'allure-js-commons/sdk/reporter';

/** One allure-results folder as far as the report's facts go. */
export interface ResultsDir {
  dir: string;
  results: TestResult[];
  /** environment.properties written by allure-playwright at the end of the run (config environmentInfo). */
  environment: Record<string, string | undefined>;
}

export function readResultsDir(dir: string): ResultsDir {
  if (!existsSync(dir)) return { dir, results: [], environment: {} };
  const files = readdirSync(dir);
  const results = files
    .filter((file) => file.endsWith('-result.json'))
    .map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as TestResult);
  const environmentFile = join(dir, 'environment.properties');
  const environment = existsSync(environmentFile) ? parseEnvInfo(readFileSync(environmentFile, 'utf8')) : {};
  return { dir, results, environment };
}

const label = (result: TestResult, name: string) => result.labels.find((l) => l.name === name)?.value;
const parameter = (result: TestResult, name: string) => result.parameters.find((p) => p.name === name)?.value;
const distinct = (values: Iterable<string | undefined>) =>
  [...new Set([...values].filter((value): value is string => value !== undefined && value !== ''))].sort();

/** The Playwright runner that wrote a result: its pid, from the `thread` label (`pid-<runner>-worker-<n>`). */
export function runnerPid(result: TestResult): string | undefined {
  return /^pid-(\d+)-/.exec(label(result, 'thread') ?? '')?.[1];
}

export function projects(dirs: readonly ResultsDir[]): string[] {
  // allure-playwright files each test under its project as the parent suite.
  return distinct(dirs.flatMap((dir) => dir.results.map((result) => label(result, 'parentSuite'))));
}

export function environmentValues(dirs: readonly ResultsDir[], key: string): string[] {
  return distinct(dirs.map((dir) => dir.environment[key]));
}

/** The faker seeds (fixtures/seed.ts records each test's as the parameter "faker seed"). */
export function fakerSeeds(dirs: readonly ResultsDir[]): string[] {
  return distinct(dirs.flatMap((dir) => dir.results.map((result) => parameter(result, 'faker seed'))));
}

/** The commit under test: CI's own variable first (a container checkout may refuse `git`), else git. */
export function gitCommit(): string {
  if (process.env.GITHUB_SHA) return process.env.GITHUB_SHA.slice(0, 12);
  try {
    const git = (...args: string[]) =>
      execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', '--short=12', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit} (+ 커밋 안 된 변경)` : commit;
  } catch {
    return '알 수 없음';
  }
}

export interface BrowserFacts {
  /** e.g. "Chromium 131.0.6778.204" */
  name: string;
  /** the executable, Playwright's own build, or the remote endpoint */
  where: string;
}

/**
 * The browser the suite launches: the remote one (PW_WS_ENDPOINT) or the local Chromium chosen by
 * fixtures/browser.ts, asked for its version (a wrapper script's `--version` can differ from the engine's).
 */
export async function browserVersion(): Promise<BrowserFacts> {
  const { chromium } = await import('@playwright/test');
  const { chromiumBuild, chromiumLaunchOptions } = await import('../../fixtures/browser.ts');
  const { env } = await import('../../fixtures/env.ts');
  // The build a headless run launches (reports come from headless runs: CI, bench, npm run e2e).
  const build = chromiumBuild({ headless: true, chromiumPath: env.CHROMIUM_PATH });
  const where = env.PW_WS_ENDPOINT ? `원격 ${env.PW_WS_ENDPOINT}` : build.name;
  try {
    const browser = env.PW_WS_ENDPOINT
      ? await chromium.connect(env.PW_WS_ENDPOINT, { timeout: 15_000 })
      : await chromium.launch({ ...chromiumLaunchOptions(build), timeout: 30_000 });
    const version = browser.version();
    await browser.close();
    return { name: `Chromium ${version}`, where };
  } catch (error) {
    console.warn(`report: could not start the browser for its version: ${String(error).split('\n')[0]}`);
    return { name: 'Chromium (버전 알 수 없음)', where };
  }
}
