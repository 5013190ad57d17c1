/**
 * Running the Playwright CLI from the run-mode scripts (bench, stress, shards). One place knows the
 * binary, how a run's outputs are moved into their own folder and how `--list` is read, so the scripts
 * only say what differs.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { JSONReport } from '@playwright/test/reporter';

// The package's own entry rather than node_modules/.bin, so the scripts never depend on a shell shim.
const PLAYWRIGHT_CLI = createRequire(import.meta.url).resolve('@playwright/test/cli');

/** Reporters a run mode adds to the config's own (see PW_EXTRA_REPORTERS in playwright.config.ts). */
export type ExtraReporter = 'json' | 'blob';

/** Every output of one run, under one folder, so a mode never overwrites `npm run e2e`'s reports. */
export interface RunOutputs {
  dir: string;
  json: string;
  blob: string;
  html: string;
  junit: string;
  allureResults: string;
  testResults: string;
}

export function runOutputs(dir: string): RunOutputs {
  const root = resolve(dir);
  return {
    dir: root,
    json: join(root, 'report.json'),
    blob: join(root, 'blob'),
    html: join(root, 'html'),
    junit: join(root, 'junit.xml'),
    allureResults: join(root, 'allure-results'),
    testResults: join(root, 'test-results'),
  };
}

/**
 * The environment that sends the config's reporters (html, junit, allure) and the added ones to
 * `outputs`. Playwright's PLAYWRIGHT_*_OUTPUT_* variables win over the config's paths.
 */
export function outputEnv(outputs: RunOutputs, extra: readonly ExtraReporter[]): NodeJS.ProcessEnv {
  return {
    PW_EXTRA_REPORTERS: extra.join(','),
    PLAYWRIGHT_JSON_OUTPUT_FILE: outputs.json,
    PLAYWRIGHT_BLOB_OUTPUT_DIR: outputs.blob,
    PLAYWRIGHT_HTML_OUTPUT_DIR: outputs.html,
    // The HTML reporter would otherwise serve itself after a failure and never return.
    PLAYWRIGHT_HTML_OPEN: 'never',
    PLAYWRIGHT_JUNIT_OUTPUT_FILE: outputs.junit,
    ALLURE_RESULTS_DIR: outputs.allureResults,
  };
}

export interface RunResult {
  /** Exit code; a run ended by a signal counts as 1. */
  code: number;
  wallMs: number;
}

/** Runs `playwright <args>` with the terminal attached; resolves when it exits. */
export function runPlaywright(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<RunResult> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [PLAYWRIGHT_CLI, ...args], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    // Ctrl-C reaches the whole process group; a SIGTERM aimed at this script (CI cancel) must reach the run too.
    const forward = () => child.kill('SIGTERM');
    process.once('SIGTERM', forward);
    child.once('error', reject);
    child.once('exit', (code) => {
      process.removeListener('SIGTERM', forward);
      resolvePromise({ code: code ?? 1, wallMs: performance.now() - started });
    });
  });
}

/**
 * `playwright test --list` for the same arguments, as Playwright's JSON (specs without results): the
 * tests one full run would hold. Test filters in `args` (--project, --grep, files) apply; `--shard`,
 * `--repeat-each` and reporter choices must not be passed.
 */
export async function listTests(args: readonly string[] = []): Promise<JSONReport> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.PLAYWRIGHT_JSON_OUTPUT_FILE; // the JSON must come on stdout
  delete env.PLAYWRIGHT_JSON_OUTPUT_NAME;
  delete env.PLAYWRIGHT_JSON_OUTPUT_DIR;
  const child = spawn(process.execPath, [PLAYWRIGHT_CLI, 'test', '--list', '--reporter=json', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const code = await new Promise<number>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolvePromise(exitCode ?? 1));
  });
  const stdout = Buffer.concat(chunks).toString('utf8');
  if (code !== 0) throw new Error(`playwright test --list failed (exit ${code}):\n${stdout.slice(0, 2000)}`);
  return JSON.parse(stdout) as JSONReport;
}

/** The arguments after the script's name (`npm run bench -- --project=desktop`). */
export function passThroughArgs(): string[] {
  return process.argv.slice(2);
}

/** Refuses arguments a mode sets itself, so a user's `--shard` cannot silently break the mode's proof. */
export function refuseArgs(args: readonly string[], owned: readonly string[], mode: string): void {
  const clash = args.find((arg) => owned.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
  if (clash) throw new Error(`${mode} sets ${clash.split('=')[0]} itself; leave it out`);
}
