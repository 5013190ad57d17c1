import type { Page, Response } from '@playwright/test';
import {
  expect,
  test,
  type Customer,
  type Door,
  type FlowMap,
  type FlowScreenName,
  type TestApi,
} from '../../fixtures/index.ts';
import { CompletionPage, TermsPage, UserInfoPage, type PasswordPage } from '../../pages/index.ts';

/**
 * Opens the start link the door's menus end in (`금융인증서 발급/재발급` on internet banking, the app's
 * `금융인증서 발급`, which adds `door=app`): a new flow at 약관동의. Tests about the early steps start
 * here, as later ones start with the fast path; walking the menus is the front-door specs' business.
 */
export async function startByLink(page: Page, flowMap: FlowMap, door: Door): Promise<TermsPage> {
  return test.step(`Open the ${door} door's start link: a new flow at 약관동의`, async () => {
    // Where the door's start control goes, learned from the bank (the spec names only the doors).
    await page.goto(await flowMap.start(door));
    return new TermsPage(page).waitUntilShown();
  });
}

/** Agrees to all terms (전체 동의) and goes on: 사용자 정보 입력 of the same flow. */
export async function agreeAndGoOn(terms: TermsPage): Promise<UserInfoPage> {
  await terms.agreeToAll();
  await terms.next();
  return new UserInfoPage(terms.page).waitUntilShown();
}

/** Alert texts the spec fixes word for word (§2). */
export const ALERT = {
  termsRequired: '필수 약관에 모두 동의해 주세요.',
  mismatch: '입력하신 정보가 일치하지 않습니다.',
  userInfoLimit: '입력 오류 횟수를 초과하여 처음부터 다시 진행해 주세요.',
  codeMismatch: '인증번호가 일치하지 않습니다.',
  codeTimeout: '인증 시간이 초과되었습니다.',
  pinWeak: '연속되거나 동일한 숫자는 사용할 수 없습니다.',
  pinMismatch: '비밀번호가 일치하지 않습니다.',
} as const;

/** The completion SMS (spec §2, Completion): its presence means a certificate was issued. */
export const ISSUED_SMS = /인증서 발급완료/;

/**
 * The answer to the next form the page sends (a POST that loads the next page, wherever the bank's
 * form sends it), to check the status the spec gives a refusal (400: "a bad form submission re-renders
 * its screen with status 400"). Call before submitting.
 */
export function formAnswer(page: Page): Promise<Response> {
  return page.waitForResponse(
    (response) =>
      response.request().method() === 'POST' &&
      response.request().isNavigationRequest() &&
      response.frame() === page.mainFrame(),
  );
}

/** Opens a flow screen's URL directly (as learned from the bank), as a customer typing or bookmarking it would. */
export async function openByUrl(page: Page, flowMap: FlowMap, screen: FlowScreenName): Promise<void> {
  await test.step(`Open the ${screen} screen by its URL`, async () => {
    await page.goto(await flowMap.url(screen));
  });
}

/** The registry holds no certificate for the customer and their phone got no completion SMS. */
export async function expectNothingIssued(api: TestApi, customer: Customer): Promise<void> {
  await test.step('Registry: no certificate issued', async () => {
    expect((await api.getCustomer(customer.userId)).certificate).toBeNull();
    expect(await api.certificates(customer.rrn)).toEqual([]);
    const { sms } = await api.phone(customer.phone);
    expect(sms.filter((message) => ISSUED_SMS.test(message.text))).toEqual([]);
  });
}

/** No wrong-try counter above zero and no lock on the customer's record. */
export async function expectNoCountersOrLocks(api: TestApi, customer: Customer): Promise<void> {
  const { counters, locks } = await api.getCustomer(customer.userId);
  expect(Object.entries(counters).filter(([, count]) => count > 0)).toEqual([]);
  expect(Object.entries(locks).filter(([, locked]) => locked)).toEqual([]);
}

/** Two digits that are not `code`. */
export function otherTwoDigits(code: string): string {
  return String((Number(code) + 1) % 100).padStart(2, '0');
}

/** The same given name under another family name: a near miss that is someone else's name. */
export function anotherName(name: string): string {
  return `${name.startsWith('박') ? '최' : '박'}${name.slice(1)}`;
}

/** The same 주민등록번호 with another check digit: still well-formed (the bank accepts bad check digits, §8). */
export function nearMissRrn(rrn: string): string {
  return `${rrn.slice(0, 12)}${(Number(rrn.slice(12)) + 1) % 10}`;
}

/** Sets `pin` on 비밀번호 설정 and confirms: the completion page of a new issue, and the serial it shows. */
export async function issueWithPin(
  password: PasswordPage,
  pin: string,
): Promise<{ completion: CompletionPage; serial: string }> {
  await password.setPassword(pin);
  await password.confirm();
  const completion = new CompletionPage(password.page);
  await expect(completion.heading).toHaveText('금융인증서 발급이 완료되었습니다');
  const serial = (await completion.value('일련번호').innerText()).trim();
  return { completion, serial };
}
