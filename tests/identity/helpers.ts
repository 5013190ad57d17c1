import type { Page, Request, Route } from '@playwright/test';
import {
  expect,
  mask,
  test,
  TestApiError,
  type CallState,
  type SuiteFixtures,
  type TestApi,
} from '../../fixtures/index.ts';
import { AccountPage, type IdentityPage } from '../../pages/index.ts';

/**
 * Keys digits into a phone's ARS call and returns the bank's HTTP status (200 when a call took them,
 * 409 when none rang), so a spec can expect a refusal without a failed step in the report.
 */
export async function keypadStatus(api: TestApi, phone: string, digits: string): Promise<number> {
  return test.step(
    `Key ${mask(digits)} on phone ${phone} (the bank may refuse)`,
    async () => {
      try {
        await api.keypad(phone, digits);
        return 200;
      } catch (error) {
        if (error instanceof TestApiError) return error.status;
        throw error;
      }
    },
    { box: true },
  );
}

/** The states of the phone's ARS calls, oldest first. */
export async function callStates(api: TestApi, phone: string): Promise<CallState[]> {
  return (await api.phone(phone)).calls.map((call) => call.state);
}

/** Two digits that are not `code` (the ARS code is two digits, like the cloud step's SMS code). */
export { otherTwoDigits } from '../negative/support.ts';

/**
 * `M:SS` of a fresh 3-minute countdown on a paused page clock: exactly what the server gave, which is
 * 3:00, or 2:59 when the server took over a second between the request and the page.
 */
export const FRESH_THREE_MINUTES = /^(3:00|2:59)$/;

/** Ahead of the clock's own time when pausing, so the pause never lands in its past on a busy machine. */
const PAUSE_AHEAD_MS = 3_000;

/**
 * Installs Playwright's clock, paused, before any page loads: countdowns then show exactly the time the
 * server gave them however slow the machine is, and move only when the test moves time
 * (`page.clock.fastForward`) or lets it flow again (`page.clock.resume()`, e.g. for the page's polling).
 */
export async function installPausedClock(page: Page): Promise<void> {
  await test.step('Install the page clock, paused', async () => {
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + PAUSE_AHEAD_MS);
  });
}

/** Pauses the page clock again after `page.clock.resume()`. */
export async function pauseClock(page: Page): Promise<void> {
  await test.step('Pause the page clock', async () => {
    const now = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(now + PAUSE_AHEAD_MS);
  });
}

/** Waits until the page's script (countdown, polling) has started, so moving time reaches its timers. */
export async function pageScriptsStarted(page: Page): Promise<void> {
  // app.js is a deferred script: it has run by the load event.
  await page.waitForLoadState('load');
}

/** A new call rings after the `earlier` ones: a two-digit code, a fresh 3-minute countdown, no alert. */
export async function expectFreshCall(
  identity: IdentityPage,
  api: TestApi,
  phone: string,
  earlier: readonly CallState[],
): Promise<void> {
  await expect(identity.arsCodeOutput).toHaveText(/^\d{2}$/);
  await expect(identity.countdown.root).toHaveText(FRESH_THREE_MINUTES);
  await expect(identity.alert.root).toHaveCount(0);
  expect(await callStates(api, phone)).toEqual([...earlier, 'ringing']);
}

/**
 * Lets the page clock flow again (its polling) and keys the shown code into the call; the page then
 * moves on by itself, to 계좌/보안매체 인증 when the bank confirms the call.
 */
export async function answerShownCode(
  identity: IdentityPage,
  phone: SuiteFixtures['phone'],
): Promise<AccountPage> {
  await identity.page.clock.resume();
  await phone.answerCall(await identity.arsCode());
  return new AccountPage(identity.page);
}

/** Hands what is given to whoever asks for it, in order, whichever comes first: the asking or the giving. */
function handOff<T>(): { give(item: T): void; next(): Promise<T> } {
  const given: T[] = [];
  const takers: ((item: T) => void)[] = [];
  return {
    give: (item) => {
      const taker = takers.shift();
      if (taker) taker(item);
      else given.push(item);
    },
    next: () =>
      new Promise((resolve) => {
        if (given.length > 0) resolve(given.shift() as T);
        else takers.push(resolve);
      }),
  };
}

/**
 * Holds the page's requests that `matches` so a test can order them against each other: `next()`
 * resolves with each held request's route, in the order the page sent them.
 */
export async function holdRequests(
  page: Page,
  matches: (request: Request) => boolean,
): Promise<{ next(): Promise<Route> }> {
  const routes = handOff<Route>();
  await page.route('**/*', async (route) => {
    if (!matches(route.request())) return route.fallback();
    routes.give(route);
  });
  return routes;
}

/**
 * Resolves each time the page has read the JSON of an answer (any fetch's): a `.then` that acts on it
 * runs next, in the same task. Signalled by the page itself, since Playwright cannot evaluate in a
 * page while a navigation is pending. Set up before the page loads.
 */
export async function jsonReads(page: Page): Promise<{ next(): Promise<void> }> {
  const reads = handOff<void>();
  await page.exposeBinding('__jsonRead', () => {
    reads.give();
  });
  await page.addInitScript(() => {
    const read = Response.prototype.json;
    Response.prototype.json = function (this: Response) {
      return read.call(this).then((value: unknown) => {
        // `?.`: Playwright drops a test's bindings and init scripts after it without waiting.
        void (window as unknown as { __jsonRead?(): Promise<void> }).__jsonRead?.();
        return value;
      });
    };
  });
  return reads;
}
