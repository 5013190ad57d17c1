import { expect, otpCode, test, type Account, type Customer, type TestApi } from '../../fixtures/index.ts';
import type { AccountPage } from '../../pages/AccountPage.ts';
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
