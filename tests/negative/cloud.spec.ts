import {
  expect,
  FEATURES,
  labelTest,
  test,
  type Customer,
  type FlowMap,
  verifies,
} from '../../fixtures/index.ts';
import { PasswordPage, splitRrn, type CloudIdentity, type CloudPage } from '../../pages/index.ts';
import { ALERT, anotherName, expectNothingIssued, formAnswer, openByUrl, otherTwoDigits } from './support.ts';

/** The customer's own details, as the cloud step asks for them. */
function detailsOf(customer: Customer): CloudIdentity {
  return { name: customer.name, phone: customer.phone, rrn: customer.rrn };
}

/** Someone else's details in one field, the customer's own in the others. */
const SOMEONE_ELSE: readonly {
  field: string;
  details: (customer: Customer, other: Customer) => CloudIdentity;
}[] = [
  { field: 'name', details: (customer) => ({ ...detailsOf(customer), name: anotherName(customer.name) }) },
  { field: 'phone number', details: (customer, other) => ({ ...detailsOf(customer), phone: other.phone }) },
  { field: '주민등록번호', details: (customer, other) => ({ ...detailsOf(customer), rrn: other.rrn }) },
];

/** Requests the SMS code with the customer's own details and returns it once shown. */
async function requestCode(cloud: CloudPage, customer: Customer): Promise<string> {
  await cloud.fill(detailsOf(customer));
  await cloud.agree();
  await cloud.request();
  return cloud.smsCode();
}

/** The flow did not move past the cloud step: 비밀번호 설정 opened by URL sends the customer back. */
async function expectStillAtCloudStep(cloud: CloudPage, flowMap: FlowMap): Promise<void> {
  await openByUrl(cloud.page, flowMap, 'password');
  await expect(cloud.stepper.current).toHaveText('인증서 설정');
  await expect(new PasswordPage(cloud.page).ownHeading).toBeHidden();
  await expect(cloud.page).toHaveURL(await flowMap.url('cloud'));
}

/** The code failed (wrong digits or time up): the alert, 재요청 offered, the code no longer shown. */
async function expectCodeFailed(cloud: CloudPage, alert: string): Promise<void> {
  await expect(cloud.alert.root).toHaveText(alert);
  await expect(cloud.reRequestButton).toBeVisible();
  await expect(cloud.smsCodeOutput).toBeHidden();
}

// 인증서 설정, the 금융결제원 cloud step (spec §2.5, timers §3): every test starts AT the step.
test.describe('금융결제원 cloud step refusals', { tag: '@negative' }, () => {
  for (const wrong of SOMEONE_ELSE) {
    test(`refuses someone else's ${wrong.field}`, async ({ page, fastPath, makeCustomer, testApi }) => {
      await labelTest({
        feature: FEATURES.certificateSetup,
        story: "Cloud: someone else's details",
        severity: 'critical',
      });
      await verifies('REQ-2.5-cloud-identity-match', 'REQ-2-server-validation');
      const customer = await makeCustomer();
      const other = await makeCustomer();
      const cloud = await fastPath.startAt(customer, 'cloud');
      const details = wrong.details(customer, other);

      await cloud.fill(details);
      await cloud.agree();
      const answer = formAnswer(page);
      await cloud.request();

      expect((await answer).status()).toBe(400);
      await expect(cloud.alert.root).toHaveText(ALERT.mismatch);
      await expect(cloud.smsCodeOutput).toBeHidden();
      await expect(cloud.stepper.current).toHaveText('인증서 설정');
      // Values typed stay, the secret half is cleared (spec §2).
      await expect(cloud.nameField).toHaveValue(details.name);
      await expect(cloud.phoneField).toHaveValue(details.phone);
      await expect(cloud.rrn.front).toHaveValue(splitRrn(details.rrn)[0]);
      await expect(cloud.rrn.back).toHaveValue('');
      await expectNothingIssued(testApi, customer);
    });
  }

  test('refuses the request without 금융인증서비스 이용약관 동의', async ({
    page,
    fastPath,
    customer,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.certificateSetup,
      story: 'Cloud: terms not agreed',
      severity: 'critical',
    });
    await verifies('REQ-2.5-cloud-consent');
    const cloud = await fastPath.startAt(customer, 'cloud');

    await cloud.fill(detailsOf(customer));
    const answer = formAnswer(page);
    await cloud.request();

    expect((await answer).status()).toBe(400);
    // The spec fixes the refusal, not its words: the alert must point at the terms.
    await expect(cloud.alert.root).toContainText('이용약관');
    await expect(cloud.smsCodeOutput).toBeHidden();
    await expect(cloud.consent).not.toBeChecked();
    await expect(cloud.nameField).toHaveValue(customer.name);
    await expectNothingIssued(testApi, customer);
  });

  test('shows a two-digit SMS code with 3:00 left, and moves on to 비밀번호 설정 once the phone sends it', async ({
    page,
    fastPath,
    customer,
    phone,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.certificateSetup,
      story: 'Cloud: the right SMS',
      severity: 'blocker',
    });
    await verifies('REQ-2.5-cloud-sms-code');
    // A paused clock holds the countdown at its first value, however slow the machine.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 1_000);
    const cloud = await fastPath.startAt(customer, 'cloud');

    const code = await requestCode(cloud, customer);
    await expect(cloud.smsCodeOutput).toHaveText(/^\d{2}$/);
    await expect(cloud.countdown.root).toHaveText('3:00');
    await expect(cloud.alert.root).toHaveCount(0);

    await page.clock.resume();
    await phone.sendSms(code);

    // The page polls and moves on by itself.
    const password = new PasswordPage(page);
    await expect(password.ownHeading).toBeVisible();
    await expect(password.stepper.current).toHaveText('인증서 설정');
    const { sms } = await testApi.phone(customer.phone);
    expect(sms.filter((message) => message.direction === 'out').map((message) => message.text)).toEqual([
      code,
    ]);
    // Setting the PIN is still to come: nothing is issued yet.
    await expectNothingIssued(testApi, customer);
  });

  test('accepts the code sent with spaces around it', async ({ page, fastPath, customer, phone }) => {
    await labelTest({
      feature: FEATURES.certificateSetup,
      story: 'Cloud: spaces trimmed',
      severity: 'normal',
    });
    await verifies('REQ-2.5-cloud-sms-code');
    const cloud = await fastPath.startAt(customer, 'cloud');
    const code = await requestCode(cloud, customer);

    await phone.sendSms(`  ${code} `);

    const password = new PasswordPage(page);
    await expect(password.ownHeading).toBeVisible();
    await expect(password.alert.root).toHaveCount(0);
  });

  test('fails the code on wrong digits with 재요청, and the right digits no longer count', async ({
    fastPath,
    flowMap,
    customer,
    phone,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.certificateSetup,
      story: 'Cloud: wrong digits',
      severity: 'critical',
    });
    await verifies('REQ-2.5-cloud-wrong-digits');
    const cloud = await fastPath.startAt(customer, 'cloud');
    const code = await requestCode(cloud, customer);

    await phone.sendSms(otherTwoDigits(code));

    await expectCodeFailed(cloud, ALERT.codeMismatch);
    await expect(cloud.stepper.current).toHaveText('인증서 설정');

    // The failed code takes no second answer.
    await phone.sendSms(code);
    await expectStillAtCloudStep(cloud, flowMap);
    await expectNothingIssued(testApi, customer);
  });

  test('times out at 0:00 with 재요청, and an SMS sent afterwards does not move the flow', async ({
    page,
    fastPath,
    flowMap,
    customer,
    phone,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.certificateSetup,
      story: 'Cloud: the countdown runs out',
      severity: 'critical',
    });
    await verifies('REQ-2.5-cloud-timeout', 'REQ-3-countdown');
    await page.clock.install();
    const cloud = await fastPath.startAt(customer, 'cloud');
    const code = await requestCode(cloud, customer);

    await page.clock.fastForward('03:01');

    await expectCodeFailed(cloud, ALERT.codeTimeout);

    await phone.sendSms(code);
    await expectStillAtCloudStep(cloud, flowMap);
    await expect(cloud.alert.root).toHaveText(ALERT.codeTimeout);
    await expectNothingIssued(testApi, customer);
  });

  test("refuses the code on the server's own deadline (3:30) even when the page never reported 0:00", async ({
    fastPath,
    flowMap,
    customer,
    phone,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.certificateSetup,
      story: "Cloud: the server's backstop deadline",
      severity: 'normal',
    });
    await verifies('REQ-3-server-deadline', 'REQ-9-test-clock');
    const cloud = await fastPath.startAt(customer, 'cloud');
    const code = await requestCode(cloud, customer);

    // The customer's server clock jumps past 3:00 + 30 s; the page's own countdown (real time) is far from 0:00.
    await testApi.setClock(customer.userId, 3 * 60 + 31);
    await phone.sendSms(code);

    // The page's poll learns the code is expired and shows the timeout.
    await expect(cloud.alert.root).toHaveText(ALERT.codeTimeout);
    await expect(cloud.reRequestButton).toBeVisible();
    await expectStillAtCloudStep(cloud, flowMap);
    await expectNothingIssued(testApi, customer);
  });
});
