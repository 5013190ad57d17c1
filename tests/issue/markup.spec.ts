import { makeCertificatePin } from '../../fixtures/data/index.ts';
import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { issuedSms, receivedSms } from './registry.ts';

// Spec §8: values from a customer record or a form are shown as text on every screen and SMS; markup in
// them is never interpreted. A name seeded as `<b>김</b>` shows those seven characters and makes no element.
const MARKUP_NAME = '<b>김</b>';
const MARKUP_ADDRESS = `서울 <img src="x" alt="주소"> 중구 '세종대로' & "110"`;

test.describe('Markup in customer data', { tag: ['@issue'] }, () => {
  test('shows a name and an address holding markup as text, on screens and in the SMS', async ({
    page,
    makeCustomer,
    fastPath,
    issuanceFlow,
    phoneOf,
  }) => {
    await labelTest({ feature: FEATURES.completion, story: 'Markup shown as text', severity: 'critical' });
    await verifies('REQ-8-markup-as-text');
    const customer = await makeCustomer({ name: MARKUP_NAME, address: MARKUP_ADDRESS });

    const details = await fastPath.startAt(customer, 'details');
    await expect(details.addressField).toHaveValue(MARKUP_ADDRESS);
    await expect(page.locator('main img')).toHaveCount(0);

    await fastPath.startAt(customer, 'password');
    const completion = await issuanceFlow.setPassword(makeCertificatePin());
    await expect(completion.value('소유자')).toHaveText(MARKUP_NAME);
    await expect(page.locator('main b')).toHaveCount(0);
    expect(await receivedSms(phoneOf(customer))).toEqual([issuedSms(MARKUP_NAME)]);
  });
});
