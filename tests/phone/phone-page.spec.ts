import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { PhonePage } from '../../pages/PhonePage.ts';

// Spec §5: the virtual phone as a person uses it. The suite drives phones through the test-support
// API; this checks the page a person would use instead: heading, messages newest first, keypad, SMS box.
test.describe('Virtual phone page', () => {
  test('shows the phone, its messages newest first, and sends what is typed in 문자 내용', async ({
    page,
    customer,
    phone,
    testApi,
  }) => {
    await labelTest({ feature: FEATURES.phone, story: '가상 휴대폰 화면', severity: 'normal' });
    await verifies('REQ-5-phone-page');
    await phone.sendSms('첫 번째');
    await phone.sendSms('두 번째');
    const phonePage = await new PhonePage(page).goto(customer.phone);

    await expect(phonePage.heading(customer.phone)).toBeVisible();
    const first = phonePage.entry('첫 번째');
    const second = phonePage.entry('두 번째');
    await expect(first).toBeVisible();
    // Newest first: the second message is above the first.
    const [firstBox, secondBox] = [await first.boundingBox(), await second.boundingBox()];
    expect(secondBox?.y ?? Infinity).toBeLessThan(firstBox?.y ?? -Infinity);
    await expect(phonePage.keypadField).toBeVisible();
    await expect(phonePage.pressButton).toBeVisible();

    await phonePage.sendSms('세 번째');
    await expect(phonePage.entry('세 번째')).toBeVisible();
    const { sms } = await testApi.phone(customer.phone);
    expect(sms.map(({ direction, text }) => ({ direction, text }))).toEqual([
      { direction: 'out', text: '첫 번째' },
      { direction: 'out', text: '두 번째' },
      { direction: 'out', text: '세 번째' },
    ]);
  });
});
