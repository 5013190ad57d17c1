import { fakerKO } from '@faker-js/faker';
import { ADDRESS_MAX_LENGTH } from '../../fixtures/data/index.ts';
import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { CloudPage } from '../../pages/index.ts';
import { formAnswer } from './support.ts';

/** `address` edited by `suffix`, cut so it stays within the longest address allowed (the data may be that long). */
function withSuffix(address: string, suffix: string): string {
  return `${address.slice(0, ADDRESS_MAX_LENGTH - suffix.length)}${suffix}`;
}

// 고객정보 확인 (spec §2.4, after the medium): the customer's e-mail and address, editable; every
// test starts AT the screen through the fast path.
test.describe('고객정보 확인', { tag: '@negative' }, () => {
  test("shows the customer's e-mail and address, at stage 계좌/보안매체 인증", async ({
    fastPath,
    customer,
  }) => {
    await labelTest({
      feature: FEATURES.account,
      story: '고객정보 확인: the held values',
      severity: 'normal',
    });
    await verifies('REQ-2.4-details-prefilled', 'REQ-2-stepper');

    const details = await fastPath.startAt(customer, 'details');

    await expect(details.ownHeading).toBeVisible();
    await expect(details.stepper.current).toHaveText('계좌/보안매체 인증');
    await expect(details.emailField).toHaveValue(customer.email);
    await expect(details.addressField).toHaveValue(customer.address);
    await expect(details.emailField).toBeEditable();
    await expect(details.addressField).toBeEditable();
  });

  test('saves an edited e-mail and address to the customer record and goes on to the cloud step', async ({
    page,
    fastPath,
    customer,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.account,
      story: '고객정보 확인: edits are saved',
      severity: 'critical',
    });
    await verifies('REQ-2.4-details-saved');
    const edited = {
      email: `new.${fakerKO.string.alphanumeric({ length: 8, casing: 'lower' })}@example.com`,
      address: withSuffix(customer.address, ` ${fakerKO.number.int({ min: 100, max: 999 })}호`),
    };
    const details = await fastPath.startAt(customer, 'details');

    await details.edit(edited);
    await details.next();

    const cloud = new CloudPage(page);
    await expect(cloud.stepper.current).toHaveText('인증서 설정');
    await expect(cloud.nameField).toBeVisible();
    expect(await testApi.getCustomer(customer.userId)).toMatchObject(edited);
  });

  test('refuses a malformed e-mail with an alert, keeps the screen and the record', async ({
    page,
    fastPath,
    customer,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.account,
      story: '고객정보 확인: a malformed e-mail',
      severity: 'normal',
    });
    await verifies('REQ-2.4-details-email-validated', 'REQ-2-server-validation');
    const details = await fastPath.startAt(customer, 'details');

    const address = withSuffix(customer.address, ' 2층');
    await details.edit({ email: 'kim.example.com', address });
    const answer = formAnswer(page);
    await details.next();

    expect((await answer).status()).toBe(400);
    // The spec fixes the refusal, not its words: the alert must name the e-mail.
    await expect(details.alert.root).toContainText('이메일');
    await expect(details.ownHeading).toBeVisible();
    await expect(details.stepper.current).toHaveText('계좌/보안매체 인증');
    // Values typed stay (spec §2).
    await expect(details.emailField).toHaveValue('kim.example.com');
    await expect(details.addressField).toHaveValue(address);
    expect(await testApi.getCustomer(customer.userId)).toMatchObject({
      email: customer.email,
      address: customer.address,
    });
  });
});
