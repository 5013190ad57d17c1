import { availableParallelism, release } from 'node:os';
import { defineConfig, devices } from '@playwright/test';
import {
  chromiumBuild,
  chromiumLaunchOptions,
  isHeadedRun,
  videoRecordingAvailable,
} from './fixtures/browser.ts';
import type { SuiteOptions } from './fixtures/door.ts';
import { env } from './fixtures/env.ts';

const CI = env.isCI;

/** Headless runs launch a headless shell, headed ones (`--headed`, `--debug`, `--ui`) a full Chromium. */
const BROWSER = chromiumBuild({ headless: !isHeadedRun(), chromiumPath: env.CHROMIUM_PATH });

/**
 * What the phone (the `mobile` project, the app door) runs: what the door or a phone's screen changes.
 * The walks and the app's menu path (`@smoke`, `@door`), every screen's scan and keyboard walk (`@a11y`)
 * and baseline (`@visual`), dialogs at phone width (`@door`). The server's rules (limits, counters,
 * validity, registry, step order, renewal, lookup refusals) do not depend on the door: desktop alone.
 */
const PHONE_SLICE = /@smoke|@door|@a11y|@visual/;

// Run modes (scripts/shards.ts, bench.ts, stress.ts, CI shard jobs) add reporters by name, e.g.
// PW_EXTRA_REPORTERS=blob,json, and move each output with Playwright's own PLAYWRIGHT_*_OUTPUT_* variables
// and ALLURE_RESULTS_DIR. Added, not replacing: `--reporter` on the command line would drop Allure.
const extraReporters = (process.env.PW_EXTRA_REPORTERS ?? '')
  .split(',')
  .map((name) => name.trim())
  .filter((name) => name !== '')
  .map((name): [string] => [name]);

// A remote browser server records video with its own ffmpeg; PW_VIDEO=off where it has none.
const VIDEO =
  env.PW_VIDEO === 'auto' ? Boolean(env.PW_WS_ENDPOINT) || videoRecordingAvailable() : env.PW_VIDEO === 'on';

export default defineConfig<SuiteOptions>({
  testDir: 'tests',
  globalTeardown: './fixtures/globalTeardown.ts',
  testMatch: '**/*.spec.ts',
  outputDir: 'reports/test-results',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // A test that only passes on retry is a failure on CI: flaky tests hide real timing bugs.
  failOnFlakyTests: CI,
  // At least two: with the headless shell a test leaves CPU idle while it waits on the bank, and a
  // second worker fills it (bench, 2 cores: 161 s with two against 269.5 s with one, the walk itself
  // 4.30 s against 3.81 s). More cores: half of them, Playwright's own default.
  workers: CI ? 2 : Math.max(2, Math.floor(availableParallelism() / 2)),
  timeout: 30_000,
  expect: { timeout: 5_000 },

  reporter: [
    ['list'],
    ['html', { outputFolder: 'reports/html', open: 'never' }],
    [
      'allure-playwright',
      {
        resultsDir: process.env.ALLURE_RESULTS_DIR || 'reports/allure-results',
        // Playwright's own action steps echo typed values (PINs, passwords): keep only our test.step titles.
        detail: false,
        environmentInfo: {
          'Base URL': env.baseURL,
          'Mock bank': env.startsOwnBank ? 'started by the suite' : 'external (BASE_URL)',
          'Faker seed': env.FAKER_SEED === undefined ? 'random per test' : String(env.FAKER_SEED),
          Browser: env.PW_WS_ENDPOINT ? 'remote (PW_WS_ENDPOINT)' : BROWSER.name,
          Video: VIDEO ? 'on failure' : 'off',
          Node: process.version,
          OS: `${process.platform} ${release()}`,
          CI: String(CI),
        },
      },
    ],
    // includeRetries: a test that passed only on retry carries <flakyFailure>/<flakyError>, so CI's count shows it.
    ['junit', { outputFile: 'reports/junit.xml', includeRetries: true }],
    ...extraReporters,
  ],

  use: {
    baseURL: env.baseURL,
    // A page object waiting for a screen that never comes (a wrong stage, an error page) fails in 10 s
    // naming what it waited for, not at the test's timeout. Twice the assertions' timeout: waits, not checks.
    actionTimeout: 10_000,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    // Recorded only where it is needed: a failed test's retry on CI. Recording every test to keep the
    // failed ones' cost ~20 % of the run here; a first failure still has its screenshot, steps, error and
    // the bank's trail of its requests, and its attached re-run command records a trace locally.
    // DOM snapshots per action, no screencast (its frames cost ~15 % of the suite's CPU).
    trace: { mode: 'on-first-retry', screenshots: false },
    // Off here, taken by the `page` fixture instead (fixtures/index.ts): Playwright's 'only-on-failure'
    // shoots every page of every test as its context closes, before the outcome is final.
    screenshot: 'off',
    // Video needs Playwright's ffmpeg build, which only `npx playwright install ffmpeg` downloads.
    video: VIDEO ? 'retain-on-failure' : 'off',
    launchOptions: chromiumLaunchOptions(BROWSER),
    // A new context per test (Playwright's default): in the headless shell it costs no more than
    // resetting a reused one (measured, README), and nothing a page script does can reach the next test.
    // A remote browser reaches the suite's own loopback (where the mock bank listens) through the client.
    ...(env.PW_WS_ENDPOINT
      ? { connectOptions: { wsEndpoint: env.PW_WS_ENDPOINT, exposeNetwork: '<loopback>' } }
      : {}),
  },

  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], door: 'web' } },
    { name: 'mobile', use: { ...devices['Pixel 7'], door: 'app' }, grep: PHONE_SLICE },
  ],

  webServer: env.startsOwnBank
    ? {
        command: 'npx tsx mock-bank/src/main.ts',
        url: `${env.baseURL}/`,
        env: {
          MOCK_BANK_PORT: String(env.MOCK_BANK_PORT),
          MOCK_BANK_TEST_TOKEN: env.MOCK_BANK_TEST_TOKEN,
          MOCK_BANK_LOG_FILE: env.bankLogFile ?? '',
        },
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: 'ignore',
        stderr: 'pipe',
      }
    : undefined,
});
