import {
  expect,
  FEATURES,
  labelTest,
  test,
  type Customer,
  type CustomerOptions,
  type RequirementId,
  verifies,
} from '../../fixtures/index.ts';
import type { AccountPage } from '../../pages/AccountPage.ts';
import {
  accountOf,
  expectLockAlert,
  expectRegistryTries,
  kbMobileCertPinOf,
  LIMITS,
  makeWrongTries,
  openKbMobileCert,
  openSecurityCardOrOtp,
  otherDigits,
  otpSecretOf,
  wrongOtp,
  type Counted,
} from './support.ts';

// Spec §2.4: wrong tries are counted per customer across flows, so a new flow neither forgets nor
// resets them: tries made in two flows lock at exactly the limit. (보안카드 has its own such test in
// security-card.spec.ts; these are the other three counters.)
interface Counter {
  counted: Exclude<Counted, 'securityCard'>;
  what: string;
  /** the limit's own requirement */
  requirement: RequirementId;
  holding?: CustomerOptions;
  /** From the account form to the screen where this counter's answer is asked. */
  open: (account: AccountPage, customer: Customer) => Promise<void>;
  /** One wrong answer on that screen. */
  tryWrong: (account: AccountPage, customer: Customer) => Promise<void>;
}

const COUNTERS: readonly Counter[] = [
  {
    counted: 'accountPassword',
    what: '계좌비밀번호',
    requirement: 'REQ-2.4-account-password-limit',
    open: async () => {},
    tryWrong: async (account, customer) => {
      const { number, password } = accountOf(customer);
      await account.enterAccount(number, otherDigits(password));
      await account.chooseSecurityCardOrOtp();
    },
  },
  {
    counted: 'otp',
    what: 'OTP',
    requirement: 'REQ-2.4-otp-limit',
    open: openSecurityCardOrOtp,
    tryWrong: async (account, customer) => {
      await account.enterOtp(wrongOtp(otpSecretOf(customer)));
      await account.confirm();
    },
  },
  {
    counted: 'kbMobileCert',
    what: 'KB모바일인증서 PIN',
    requirement: 'REQ-2.4-kb-mobile-cert-limit',
    holding: { media: ['kbMobileCert'] },
    open: openKbMobileCert,
    tryWrong: async (account, customer) => {
      await account.enterKbMobileCertPin(otherDigits(kbMobileCertPinOf(customer)));
      await account.confirm();
    },
  },
];

test.describe('Wrong-try limits across flows', { tag: '@negative' }, () => {
  for (const { counted, what, requirement, holding, open, tryWrong } of COUNTERS) {
    const limit = LIMITS[counted];

    test(`${what}: ${limit - 1} wrong tries in one flow and 1 in a new flow lock at ${limit}`, async ({
      makeCustomer,
      fastPath,
      testApi,
    }) => {
      await labelTest({
        feature: FEATURES.account,
        story: `${what}: count across flows`,
        severity: 'critical',
      });
      await verifies(requirement, 'REQ-2.4-limits-across-flows');
      // Two flows and as many submissions as the limit (up to 10): a full walk's screens and its triple time.
      test.slow();
      const customer = await makeCustomer(holding);
      const first = await fastPath.startAt(customer, 'account');
      await open(first, customer);
      await makeWrongTries(first, { times: limit - 1, limit, what }, () => tryWrong(first, customer));
      await expectRegistryTries(testApi, customer.userId, counted, { count: limit - 1, locked: false });

      const account = await fastPath.startAt(customer, 'account');
      // Opening 계좌/보안매체 인증 again keeps the count.
      await expectRegistryTries(testApi, customer.userId, counted, { count: limit - 1, locked: false });
      await open(account, customer);
      await tryWrong(account, customer);

      await expectLockAlert(account.alert);
      await expect(account.stepper.current).toHaveText('계좌/보안매체 인증');
      await expectRegistryTries(testApi, customer.userId, counted, { count: limit, locked: true });
    });
  }
});
