import type { Page } from '@playwright/test';
import { expect, FEATURES, labelTest, test, type Customer, verifies } from '../../fixtures/index.ts';
import { CertCenterPage } from '../../pages/CertCenterPage.ts';
import { Dialog } from '../../pages/components/Dialog.ts';
import { IdentityPage } from '../../pages/IdentityPage.ts';
import type { IssuanceFlow } from '../../pages/IssuanceFlow.ts';
import type { UserInfoPage } from '../../pages/UserInfoPage.ts';
import { daysAfter, koreaEarlyMorning } from '../issue/koreaDates.ts';

// Spec §2.2: after a matching user ID and 주민등록번호 the registry is checked (one 금융인증서 per
// person, all banks). Only 약관동의 and 사용자 정보 입력 are walked: both are cheap.

const DIALOG_START = /^\s*이미 발급하신 금융인증서가 존재합니다\./;

/**
 * 인증센터 → 금융인증서 발급/재발급, 약관동의, then 사용자 정보 입력 submitted as `customer`. The
 * registry check does not depend on the door (the full walks cover both doors), so every project
 * starts at internet banking's 인증센터: the cheapest way in.
 */
async function submitUserInfo(
  page: Page,
  issuanceFlow: IssuanceFlow,
  customer: Customer,
): Promise<UserInfoPage> {
  await (await new CertCenterPage(page).goto()).startIssuance();
  const userInfo = await issuanceFlow.passTerms();
  await userInfo.fill({ userId: customer.userId, rrn: customer.rrn });
  await userInfo.next();
  return userInfo;
}

/** The flow went on to 본인인증, as a new issue or a reissue (the page heading says which). */
async function expectIdentityStepOf(
  page: Page,
  heading: '금융인증서 발급' | '금융인증서 재발급',
): Promise<void> {
  const identity = new IdentityPage(page);
  await expect(identity.stepper.current).toHaveText('본인인증');
  await expect(identity.arsOption).toBeVisible();
  await expect(identity.heading).toHaveText(heading);
}

test.describe('Existing certificate at 사용자 정보 입력', { tag: ['@reissue'] }, () => {
  // @door: the dialog's two ways out are also tried at phone width, where its buttons stack.
  test(
    'offers 재발급 진행 for an active KB국민은행 certificate, which turns the flow into a reissue',
    { tag: '@door' },
    async ({ page, makeCustomer, issuanceFlow, testApi }) => {
      await labelTest({
        feature: FEATURES.userInfo,
        story: 'Active KB certificate: reissue dialog',
        severity: 'critical',
      });
      await verifies('REQ-2.2-reissue-dialog', 'REQ-2-reissue-completion');
      const customer = await makeCustomer({ certificate: { expiresAt: koreaEarlyMorning(400) } });
      const before = await testApi.certificates(customer.rrn);

      const userInfo = await submitUserInfo(page, issuanceFlow, customer);

      const dialog = userInfo.existingCertificate;
      await expect(dialog.root).toBeVisible();
      await expect(dialog.root).toHaveText(DIALOG_START);
      await expect(dialog.button('재발급 진행')).toBeVisible();
      await expect(dialog.button('취소')).toBeVisible();
      await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
      await expect(userInfo.heading).toHaveText('금융인증서 발급');

      await dialog.proceedReissue();

      await expectIdentityStepOf(page, '금융인증서 재발급');
      await expect(new Dialog(page).root).toHaveCount(0);
      // Nothing is revoked before completion.
      expect(await testApi.certificates(customer.rrn)).toEqual(before);
      expect(before).toMatchObject([{ bank: 'KB국민은행', status: 'active' }]);
    },
  );

  test("shows the reissue dialog for another bank's certificate too", async ({
    page,
    makeCustomer,
    issuanceFlow,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.userInfo,
      story: "Another bank's certificate: reissue dialog",
      severity: 'critical',
    });
    await verifies('REQ-2.2-other-bank-dialog');
    const customer = await makeCustomer({ certificate: { bank: '신한은행' } });
    const before = await testApi.certificates(customer.rrn);

    const userInfo = await submitUserInfo(page, issuanceFlow, customer);

    await expect(userInfo.existingCertificate.root).toHaveText(DIALOG_START);
    await userInfo.existingCertificate.proceedReissue();
    await expectIdentityStepOf(page, '금융인증서 재발급');
    expect(await testApi.certificates(customer.rrn)).toEqual(before);
    expect(before).toMatchObject([{ bank: '신한은행', status: 'active' }]);
  });

  test(
    'goes back to 인증센터 on 취소, the registry unchanged',
    { tag: '@door' },
    async ({ page, makeCustomer, issuanceFlow, testApi }) => {
      await labelTest({ feature: FEATURES.userInfo, story: 'Reissue dialog: 취소', severity: 'normal' });
      await verifies('REQ-2.2-dialog-cancel');
      const customer = await makeCustomer({ certificate: {} });
      const before = await testApi.certificates(customer.rrn);
      const recordBefore = await testApi.getCustomer(customer.userId);

      const userInfo = await submitUserInfo(page, issuanceFlow, customer);
      await userInfo.existingCertificate.cancel();

      const certCenter = new CertCenterPage(page);
      await expect(certCenter.heading).toBeVisible();
      await expect(certCenter.issueLink).toBeVisible();
      await expect(new Dialog(page).root).toHaveCount(0);
      expect(await testApi.certificates(customer.rrn)).toEqual(before);
      expect((await testApi.getCustomer(customer.userId)).certificate).toEqual(recordBefore.certificate);
    },
  );

  test(
    'blocks a suspended certificate with 효력정지 and 효력회복, without the dialog or a step forward',
    { tag: ['@negative'] },
    async ({ page, makeCustomer, issuanceFlow, testApi }) => {
      await labelTest({
        feature: FEATURES.userInfo,
        story: 'Suspended certificate: blocked',
        severity: 'critical',
      });
      await verifies('REQ-2.2-suspended-blocked');
      const customer = await makeCustomer({ certificate: { status: 'suspended' } });
      const before = await testApi.certificates(customer.rrn);

      const userInfo = await submitUserInfo(page, issuanceFlow, customer);

      await expect(userInfo.alert.root).toContainText('현재 효력정지 상태입니다');
      await expect(userInfo.alert.root).toContainText('효력회복');
      await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
      await expect(userInfo.userIdField).toBeVisible();
      await expect(userInfo.existingCertificate.root).toHaveCount(0);
      await expect(new Dialog(page).root).toHaveCount(0);
      expect(await testApi.certificates(customer.rrn)).toEqual(before);
      expect(before).toMatchObject([{ status: 'suspended' }]);
    },
  );

  test('starts a new issue, without the dialog, over an expired certificate', async ({
    page,
    makeCustomer,
    issuanceFlow,
    testApi,
  }) => {
    await labelTest({
      feature: FEATURES.userInfo,
      story: 'Expired certificate: new issue',
      severity: 'critical',
    });
    await verifies('REQ-2.2-expired-new-issue', 'REQ-4-expired-not-active');
    const customer = await makeCustomer({ certificate: { expiresAt: daysAfter(Date.now(), -2) } });

    await submitUserInfo(page, issuanceFlow, customer);

    await expectIdentityStepOf(page, '금융인증서 발급');
    await expect(new Dialog(page).root).toHaveCount(0);
    expect(await testApi.certificates(customer.rrn)).toMatchObject([
      { bank: 'KB국민은행', status: 'expired' },
    ]);
  });
});
