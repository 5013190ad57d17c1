import { expect, FEATURES, labelTest, test, type Customer, verifies } from '../../fixtures/index.ts';
import {
  IdentityPage,
  REQUIRED_TERMS,
  splitRrn,
  TermsPage,
  type UserInfo,
  type UserInfoPage,
} from '../../pages/index.ts';
import {
  agreeAndGoOn,
  ALERT,
  expectNoCountersOrLocks,
  formAnswer,
  nearMissRrn,
  openByUrl,
  startByLink,
} from './support.ts';

/** The spec's limit (assumed): the 5th wrong pair in one flow discards it. */
const WRONG_PAIR_LIMIT = 5;

/**
 * Four well-formed pairs that do not match (one short of the limit): another person's 주민등록번호,
 * another person's ID, a near-miss 주민등록번호 (only the check digit differs), an ID nobody has.
 */
function fourWrongPairs(customer: Customer, other: Customer): UserInfo[] {
  const nobody = `zz${customer.userId}`.slice(0, 12);
  return [
    { userId: customer.userId, rrn: other.rrn },
    { userId: other.userId, rrn: customer.rrn },
    { userId: customer.userId, rrn: nearMissRrn(customer.rrn) },
    { userId: nobody, rrn: customer.rrn },
  ];
}

/**
 * The limit is five wrong pairs (spec §2.2), so these tests submit the form five or six times: as many
 * screens as a full walk, and they get the walk's triple time (IssuanceFlow.walk) on a loaded machine.
 */
function fiveSubmissions(): void {
  test.slow();
}

/** Submits a pair that must be refused as a mismatch, and waits for the screen to come back. */
async function expectMismatchRefused(userInfo: UserInfoPage, pair: UserInfo): Promise<void> {
  await test.step(`A wrong pair is refused (${pair.userId})`, async () => {
    await userInfo.fill(pair);
    await userInfo.next();
    // The back half is a secret: the screen that comes back has it empty (and it was filled before).
    await expect(userInfo.rrn.back).toHaveValue('');
    // The mismatch alert is 사용자 정보 입력's own: the flow was not discarded.
    await expect(userInfo.alert.root).toHaveText(ALERT.mismatch);
  });
}

/** Malformed 주민등록번호 halves: each gets its own format message and is not counted (spec §2.2, §8). */
const MALFORMED: readonly { label: string; rrn: (customer: Customer) => string }[] = [
  {
    label: 'a 5-digit front half',
    rrn: ({ rrn }) => {
      const [front, back] = splitRrn(rrn);
      return `${front.slice(0, 5)}-${back}`;
    },
  },
  { label: 'letters in the back half', rrn: ({ rrn }) => `${splitRrn(rrn)[0]}-abcdefg` },
  { label: 'the placeholder back half 1000000', rrn: ({ rrn }) => `${splitRrn(rrn)[0]}-1000000` },
];

// 사용자 정보 입력 (spec §2.2): wrong pairs, malformed pairs and the 5-wrong-pairs limit.
test.describe('사용자 정보 입력 refusals', { tag: '@negative' }, () => {
  test('refuses a wrong ID / 주민등록번호 pair, keeping the ID and clearing the back half', async ({
    page,
    door,
    flowMap,
    makeCustomer,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.userInfo, story: 'A wrong pair', severity: 'critical' });
    await verifies('REQ-2.2-pair-mismatch', 'REQ-2-server-validation');
    const customer = await makeCustomer();
    const other = await makeCustomer();
    const userInfo = await agreeAndGoOn(await startByLink(page, flowMap, door));

    await userInfo.fill({ userId: customer.userId, rrn: other.rrn });
    const answer = formAnswer(page);
    await userInfo.next();

    expect((await answer).status()).toBe(400);
    await expect(userInfo.alert.root).toHaveText(ALERT.mismatch);
    await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
    await expect(userInfo.userIdField).toHaveValue(customer.userId);
    await expect(userInfo.rrn.back).toHaveValue('');
    // Someone typing wrong pairs locks nothing of the customer's.
    await expectNoCountersOrLocks(testApi, customer);
  });

  for (const malformed of MALFORMED) {
    test(`gives ${malformed.label} its own message and does not count it`, async ({
      page,
      door,
      flowMap,
      makeCustomer,
    }) => {
      await labelTest({
        feature: FEATURES.userInfo,
        story: 'A malformed pair is not counted',
        severity: 'normal',
      });
      await verifies('REQ-2.2-malformed-rrn', 'REQ-8-rrn-placeholder');
      fiveSubmissions();
      const customer = await makeCustomer();
      const other = await makeCustomer();
      const userInfo = await agreeAndGoOn(await startByLink(page, flowMap, door));

      await userInfo.fill({ userId: customer.userId, rrn: malformed.rrn(customer) });
      const answer = formAnswer(page);
      await userInfo.next();

      expect((await answer).status()).toBe(400);
      // The spec leaves the words to the bank; it must name the field to fix, and not be the mismatch.
      await expect(userInfo.alert.root).toContainText('주민등록번호');
      await expect(userInfo.alert.root).not.toHaveText(ALERT.mismatch);
      await expect(userInfo.userIdField).toHaveValue(customer.userId);
      await expect(userInfo.rrn.back).toHaveValue('');

      // Had the malformed pair counted, the 4th wrong pair would be the 5th and discard the flow.
      for (const pair of fourWrongPairs(customer, other)) await expectMismatchRefused(userInfo, pair);
      await expect(userInfo.userIdField).toBeVisible();
    });
  }

  test('discards the flow at the 5th wrong pair: 약관동의 of a new flow with the limit alert', async ({
    page,
    door,
    flowMap,
    makeCustomer,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.userInfo, story: 'The 5th wrong pair', severity: 'critical' });
    await verifies('REQ-2.2-wrong-pair-limit');
    fiveSubmissions();
    const customer = await makeCustomer();
    const other = await makeCustomer();
    const userInfo = await agreeAndGoOn(await startByLink(page, flowMap, door));
    const pairs = fourWrongPairs(customer, other);
    expect(pairs).toHaveLength(WRONG_PAIR_LIMIT - 1);

    for (const pair of pairs) await expectMismatchRefused(userInfo, pair);
    await userInfo.fill({ userId: other.userId, rrn: nearMissRrn(other.rrn) });
    await userInfo.next();

    const terms = new TermsPage(page);
    await expect(terms.stepper.current).toHaveText('약관동의');
    await expect(terms.alert.root).toHaveText(ALERT.userInfoLimit);
    // A new flow: nothing agreed yet, and 사용자 정보 입력 is out of reach until the terms are agreed again.
    for (const box of REQUIRED_TERMS) await expect(terms.checkbox(box)).not.toBeChecked();
    await openByUrl(page, flowMap, 'userInfo');
    await expect(terms.stepper.current).toHaveText('약관동의');
    await expect(terms.allTerms).toBeVisible();
    // The limit is the flow's: the customer's own record holds no count and no lock.
    await expectNoCountersOrLocks(testApi, customer);
  });

  test('lets the right pair through to 본인인증 after 4 wrong ones', async ({
    page,
    door,
    flowMap,
    makeCustomer,
  }) => {
    await labelTest({
      feature: FEATURES.userInfo,
      story: 'The right pair after 4 wrong ones',
      severity: 'critical',
    });
    await verifies('REQ-2.2-wrong-pair-limit');
    fiveSubmissions();
    const customer = await makeCustomer();
    const other = await makeCustomer();
    const userInfo = await agreeAndGoOn(await startByLink(page, flowMap, door));

    for (const pair of fourWrongPairs(customer, other)) await expectMismatchRefused(userInfo, pair);
    await userInfo.fill({ userId: customer.userId, rrn: customer.rrn });
    await userInfo.next();

    const identity = new IdentityPage(page);
    await expect(identity.stepper.current).toHaveText('본인인증');
    await expect(identity.heading).toHaveText('금융인증서 발급');
    await expect(identity.arsOption).toBeVisible();
    await expect(identity.alert.root).toHaveCount(0);
  });
});
