// @ts-check
// Allure 3 report of the e2e suite (`npm run report`, which is scripts/report.ts: it passes the run's facts
// in ALLURE_REPORT_VARIABLES). `npx allure generate` alone works too, just without those facts.
import { env } from 'node:process';
import { defineConfig } from 'allure';

/** @returns {Record<string, string>} */
function reportVariables() {
  try {
    return JSON.parse(env.ALLURE_REPORT_VARIABLES ?? '{}');
  } catch {
    return {};
  }
}

// allure-playwright marks a timed-out test "broken" and every other error "failed", whatever its cause;
// the categories below sort by the error itself. The first category that matches wins.
/** @type {('failed' | 'broken')[]} */
const NOT_PASSED = ['failed', 'broken'];
// The mock bank or the browser went away: nothing the test or the product under test did wrong.
// `Environment defect` is the suite's own word for it (fixtures/environment.ts).
const ENVIRONMENT =
  /Environment defect|ECONNREFUSED|ECONNRESET|EPIPE|socket hang up|net::ERR_(CONNECTION_(REFUSED|RESET|CLOSED)|EMPTY_RESPONSE)|Target crashed|Page crashed|Browser (has been )?closed|browser has disconnected|webServer/i;
// An expectation about the bank did not hold: the product is wrong (or the spec changed). Checked before
// timeouts, as a failed `expect.poll` also says "Timeout 500ms exceeded while waiting on the predicate".
const ASSERTION = /expect(\.soft|\.poll)?\(|toPass|does not match the spec/;
// Playwright's own clocks ran out while no expectation was pending: the test waited for something it never
// got (a wrong locator, a missing wait) or the machine was too slow.
const TIMEOUT = /Test timeout of \d+ms exceeded|Timeout \d+ms exceeded/;

export default defineConfig({
  name: 'KB국민은행 금융인증서 발급 E2E 회귀 테스트',
  output: 'reports/allure-report',
  resultsDir: 'reports/allure-results',
  // reports/ is git-ignored; the history outlives each report, so trends show across local runs.
  historyPath: 'reports/allure-history/history.jsonl',
  historyLimit: 50,
  // scripts/report.ts says 0 when it rebuilds from results already in the history.
  appendHistory: env.ALLURE_APPEND_HISTORY !== '0',
  variables: reportVariables(),
  // Runner bookkeeping that tells a reader nothing (scripts/lib/newestRun.ts reads `thread` from the raw results).
  hideLabels: ['host', 'thread', 'language', 'framework'],
  categories: [
    {
      id: 'environment-defects',
      name: '환경 결함: 목 뱅크·브라우저 연결 끊김 (Environment defects)',
      matchers: [
        { statuses: NOT_PASSED, message: ENVIRONMENT },
        { statuses: NOT_PASSED, trace: ENVIRONMENT },
        // Set by the suite when a failed test's bank restarted under it (fixtures/environment.ts DEFECT_LABEL).
        { statuses: NOT_PASSED, labels: { defect: 'environment' } },
      ],
    },
    {
      id: 'product-defects',
      name: '제품 결함: 검증 실패 (product defect: assertion failed)',
      matchers: { statuses: NOT_PASSED, message: ASSERTION },
    },
    {
      id: 'test-defects-timeout',
      name: '테스트 결함: 시간 초과 (test defect: timeout)',
      matchers: { statuses: NOT_PASSED, message: TIMEOUT },
    },
    {
      id: 'test-defects-other',
      name: '테스트 결함: 그 밖의 오류 (test defect: other error)',
      matchers: { statuses: NOT_PASSED },
    },
  ],
  plugins: {
    awesome: {
      options: {
        reportName: 'KB국민은행 금융인증서 발급 E2E 회귀 테스트',
        reportLanguage: 'kr',
        singleFile: false,
        // 금융인증서 › project (door) › area (feature, Korean) › branch (story), as fixtures/allure.ts labels
        // every test; the project level keeps the desktop and mobile twins of a test apart.
        groupBy: ['epic', 'parentSuite', 'feature', 'story'],
      },
    },
  },
});
