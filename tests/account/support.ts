import {
  expect,
  otpCode,
  test,
  type Account,
  type Customer,
  type SuiteFixtures,
  type TestApi,
} from '../../fixtures/index.ts';
import type { AccountPage } from '../../pages/AccountPage.ts';
import { CustomerDetailsPage } from '../../pages/CustomerDetailsPage.ts';
import type { Alert } from '../../pages/components/Alert.ts';

// Shared by the specs of 계좌/보안매체 인증 (spec §2.4). Not a spec file: only `*.spec.ts` is collected.

/** What the registry counts per customer (GET /__test__/customers/{userId} `counters` / `locks`). */
export type Counted = 'accountPassword' | 'securityCard' | 'otp' | 'kbMobileCert';

/** The spec's limits (§2.4), counted per customer across flows: the try that reaches one locks. */
export const LIMITS: Readonly<Record<Counted, number>> = {
  accountPassword: 3,
  securityCard: 5,
  otp: 10,
  kbMobileCert: 5,
};

/** The wrong-try alert (spec §2.4): contains `일치하지 않습니다` and `(오류 {n}회/{limit}회)`. */
export async function expectWrongTryAlert(alert: Alert, count: number, limit: number): Promise<void> {
  await expect(alert.root).toContainText('일치하지 않습니다');
  await expect(alert.root).toContainText(`(오류 ${count}회/${limit}회)`);
}

/** The lock alert (spec §2.4): contains `오류 횟수를 초과` and how to reset it (영업점 or KB스타뱅킹). */
export async function expectLockAlert(alert: Alert): Promise<void> {
  await expect(alert.root).toContainText('오류 횟수를 초과');
  await expect(alert.root).toHaveText(/영업점|KB스타뱅킹/);
}

/** Polls the registry until `counted` of this customer has this wrong-try count and lock. */
export async function expectRegistryTries(
  testApi: TestApi,
  userId: string,
  counted: Counted,
  expected: { count: number; locked: boolean },
): Promise<void> {
  await expect
    .poll(
      async () => {
        const { counters, locks } = await testApi.getCustomer(userId);
        return { count: counters[counted], locked: locks[counted] };
      },
      { message: `registry: ${counted} tries and lock of ${userId}` },
    )
    .toEqual(expected);
}

/** Polls the registry until every counter is 0 and nothing is locked. */
export async function expectRegistryClean(testApi: TestApi, userId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const { counters, locks } = await testApi.getCustomer(userId);
        return {
          counters: Object.values(counters).every((count) => count === 0),
          locks: Object.values(locks).every((locked) => !locked),
        };
      },
      { message: `registry: no wrong tries and no locks for ${userId}` },
    )
    .toEqual({ counters: true, locks: true });
}

/** The customer's (first) withdrawal account. */
export function accountOf(customer: Customer): Account {
  const [account] = customer.accounts;
  if (!account) throw new Error(`Customer ${customer.userId} has no account`);
  return account;
}

/** A string of the same length whose every digit differs from the original's (each digit + 1 mod 10). */
export function otherDigits(digits: string): string {
  return digits.replace(/\d/g, (digit) => String((Number(digit) + 1) % 10));
}

/**
 * A card that answers every position wrongly: each code's digits shifted by one, so whatever two
 * positions the bank asks, both halves differ from the real card's.
 */
export function forgedCard(codes: readonly string[]): string[] {
  return codes.map(otherDigits);
}

/** A 6-digit code that is none of the codes of the five steps around now (so never accepted, even at a boundary). */
export function wrongOtp(secret: string): string {
  const near = new Set([-2, -1, 0, 1, 2].map((stepOffset) => otpCode(secret, { stepOffset })));
  let candidate = Number(otpCode(secret));
  let code: string;
  do {
    candidate = (candidate + 1) % 1_000_000;
    code = String(candidate).padStart(6, '0');
  } while (near.has(code));
  return code;
}

/** The two medium buttons of the account form. */
export type MediumChoice = '보안카드/OTP' | 'KB모바일인증서';

/** Enters the customer's own account and password, then chooses a medium (whatever the bank answers). */
export async function submitOwnAccount(account: AccountPage, customer: Customer, choice: MediumChoice) {
  const { number, password } = accountOf(customer);
  await account.enterAccount(number, password);
  if (choice === 'KB모바일인증서') await account.chooseKbMobileCert();
  else await account.chooseSecurityCardOrOtp();
}

/** Passes the account check with the customer's own account and opens the 보안카드/OTP screen. */
export async function openSecurityCardOrOtp(account: AccountPage, customer: Customer): Promise<void> {
  await submitOwnAccount(account, customer, '보안카드/OTP');
  await expect(account.confirmButton).toBeVisible();
}

/** Passes the account check with the customer's own account and opens the KB모바일인증서 screen. */
export async function openKbMobileCert(account: AccountPage, customer: Customer): Promise<void> {
  await submitOwnAccount(account, customer, 'KB모바일인증서');
  await expect(account.kbMobileCertPinField).toBeVisible();
}

/**
 * Submits `times` wrong answers on the current screen, one `submit` each, waiting after each for the
 * alert that counts it (`(오류 {n}회/{limit}회)`, n = 1, 2, …).
 */
export async function makeWrongTries(
  account: AccountPage,
  { times, limit, what }: { times: number; limit: number; what: string },
  submit: () => Promise<void>,
): Promise<void> {
  await test.step(
    `Make ${times} wrong ${what} tries`,
    async () => {
      for (let n = 1; n <= times; n += 1) {
        await submit();
        await expect(account.alert.root).toContainText(`(오류 ${n}회/${limit}회)`);
      }
    },
    { box: true },
  );
}

/** The 보안카드 codes the customer was seeded with. */
export function cardOf(customer: Customer): string[] {
  const codes = customer.media?.securityCard?.codes;
  if (!codes) throw new Error(`Customer ${customer.userId} holds no 보안카드`);
  return codes;
}

/** The secret of the customer's OTP. */
export function otpSecretOf(customer: Customer): string {
  const secret = customer.media?.otp?.secret;
  if (!secret) throw new Error(`Customer ${customer.userId} holds no OTP`);
  return secret;
}

/** The PIN of the customer's KB모바일인증서. */
export function kbMobileCertPinOf(customer: Customer): string {
  const pin = customer.media?.kbMobileCert?.pin;
  if (!pin) throw new Error(`Customer ${customer.userId} holds no KB모바일인증서`);
  return pin;
}

/**
 * A medium as its spec drives it on its open screen (spec §2.4): the counter it moves, its limit, and
 * how a right or a wrong answer is typed and confirmed with 확인.
 */
export interface MediumUnderTest {
  counted: Exclude<Counted, 'accountPassword'>;
  limit: number;
  /** What one try is called in step titles. */
  what: string;
  answerRightly(account: AccountPage, customer: Customer): Promise<void>;
  answerWrongly(account: AccountPage, customer: Customer): Promise<void>;
}

/** A medium whose answer `A` is typed by `enter`, then confirmed with 확인. */
function mediumUnderTest<A>(medium: {
  counted: MediumUnderTest['counted'];
  what: string;
  enter: (account: AccountPage, answer: A) => Promise<unknown>;
  right: (customer: Customer) => A;
  wrong: (customer: Customer) => A;
}): MediumUnderTest {
  const { counted, what, enter } = medium;
  const answer = async (account: AccountPage, value: A) => {
    await enter(account, value);
    await account.confirm();
  };
  return {
    counted,
    limit: LIMITS[counted],
    what,
    answerRightly: (account, customer) => answer(account, medium.right(customer)),
    answerWrongly: (account, customer) => answer(account, medium.wrong(customer)),
  };
}

export const SECURITY_CARD = mediumUnderTest({
  counted: 'securityCard',
  what: '보안카드',
  enter: (account, codes: readonly string[]) => account.answerSecurityCard(codes),
  right: cardOf,
  wrong: (customer) => forgedCard(cardOf(customer)),
});

/** The code of the current 30-s step; a wrong code is none of the steps around now. */
export const OTP = mediumUnderTest({
  counted: 'otp',
  what: 'OTP',
  enter: (account, code: string) => account.enterOtp(code),
  right: (customer) => otpCode(otpSecretOf(customer)),
  wrong: (customer) => wrongOtp(otpSecretOf(customer)),
});

export const KB_MOBILE_CERT = mediumUnderTest({
  counted: 'kbMobileCert',
  what: 'KB모바일인증서 PIN',
  enter: (account, pin: string) => account.enterKbMobileCertPin(pin),
  right: kbMobileCertPinOf,
  wrong: (customer) => otherDigits(kbMobileCertPinOf(customer)),
});

/** Answers the medium wrongly `times` times, each try counted by its alert. */
export async function answerWronglyTimes(
  account: AccountPage,
  customer: Customer,
  medium: MediumUnderTest,
  times: number,
): Promise<void> {
  await makeWrongTries(account, { times, limit: medium.limit, what: medium.what }, () =>
    medium.answerWrongly(account, customer),
  );
}

/** The medium passed: 고객정보 확인 with the customer's e-mail, still at stage 계좌/보안매체 인증. */
export async function expectOnCustomerDetails(
  account: AccountPage,
  customer: Customer,
): Promise<CustomerDetailsPage> {
  const details = new CustomerDetailsPage(account.page);
  await expect(details.ownHeading).toBeVisible();
  await expect(details.stepper.current).toHaveText('계좌/보안매체 인증');
  await expect(details.emailField).toHaveValue(customer.email);
  return details;
}

/** A right answer passes on to 고객정보 확인 and resets the medium's wrong-try counter to 0. */
export async function expectRightAnswerResets(
  account: AccountPage,
  testApi: TestApi,
  customer: Customer,
  medium: MediumUnderTest,
): Promise<void> {
  await medium.answerRightly(account, customer);
  await expect(new CustomerDetailsPage(account.page).ownHeading).toBeVisible();
  await expectRegistryTries(testApi, customer.userId, medium.counted, { count: 0, locked: false });
}

/**
 * Locked for good: in a new flow the customer's own right account and 보안카드/OTP meet the lock alert,
 * no OTP is asked for, and `counted` stays at its limit, locked.
 */
export async function expectLockedInNewFlow(
  fastPath: SuiteFixtures['fastPath'],
  testApi: TestApi,
  customer: Customer,
  counted: Counted,
): Promise<void> {
  const again = await fastPath.startAt(customer, 'account');
  await submitOwnAccount(again, customer, '보안카드/OTP');
  await expectLockAlert(again.alert);
  await expect(again.otpField).toHaveCount(0);
  await expectRegistryTries(testApi, customer.userId, counted, { count: LIMITS[counted], locked: true });
}

/**
 * Limit − 1 wrong answers (spec §2.4): each counted by its alert, the last still not the lock, and the
 * registry at limit − 1, unlocked.
 */
export async function expectNotLockedAtLimitMinusOne(
  account: AccountPage,
  testApi: TestApi,
  customer: Customer,
  medium: MediumUnderTest,
): Promise<void> {
  await answerWronglyTimes(account, customer, medium, medium.limit - 1);
  await expectWrongTryAlert(account.alert, medium.limit - 1, medium.limit);
  await expect(account.alert.root).not.toContainText('오류 횟수를 초과');
  await expectRegistryTries(testApi, customer.userId, medium.counted, {
    count: medium.limit - 1,
    locked: false,
  });
}

/** One more wrong answer after limit − 1 locks the medium: the lock alert, still at stage 4, locked. */
export async function expectLockedByOneMoreWrongAnswer(
  account: AccountPage,
  testApi: TestApi,
  customer: Customer,
  medium: MediumUnderTest,
): Promise<void> {
  await medium.answerWrongly(account, customer);
  await expectLockAlert(account.alert);
  await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
  await expectRegistryTries(testApi, customer.userId, medium.counted, { count: medium.limit, locked: true });
}
