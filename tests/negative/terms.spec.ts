import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { REQUIRED_TERMS, TERMS, UserInfoPage, type TermName } from '../../pages/index.ts';
import { ALERT, formAnswer, openByUrl, startByLink } from './support.ts';

const ALL_BOXES: readonly TermName[] = [...REQUIRED_TERMS, TERMS.marketing];

// 약관동의 (spec §2.1): 다음 proceeds only with every (필수) box; 전체 동의 is consent to all of them.
test.describe('약관동의 refusals', { tag: '@negative' }, () => {
  for (const missing of REQUIRED_TERMS) {
    test(`refuses 다음 while "${missing}" is left unchecked`, async ({ page, door, flowMap }) => {
      await labelTest({
        feature: FEATURES.terms,
        story: 'A required box left unchecked',
        severity: 'critical',
      });
      await verifies('REQ-2.1-required-terms', 'REQ-2-server-validation');
      const terms = await startByLink(page, flowMap, door);
      for (const box of ALL_BOXES.filter((name) => name !== missing)) await terms.agreeTo(box);

      const answer = formAnswer(page);
      await terms.next();

      expect((await answer).status()).toBe(400);
      await expect(terms.alert.root).toHaveText(ALERT.termsRequired);
      await expect(terms.stepper.current).toHaveText('약관동의');
      // The screen comes back as the customer left it: only the missing box is unticked.
      await expect(terms.checkbox(missing)).not.toBeChecked();
      for (const box of ALL_BOXES.filter((name) => name !== missing)) {
        await expect(terms.checkbox(box)).toBeChecked();
      }
      // The server did not move the flow on: 사용자 정보 입력 is still out of reach.
      await openByUrl(page, flowMap, 'userInfo');
      await expect(terms.stepper.current).toHaveText('약관동의');
    });
  }

  test('lets 전체 동의 alone tick every box and pass to 사용자 정보 입력', async ({
    page,
    door,
    flowMap,
  }) => {
    await labelTest({ feature: FEATURES.terms, story: '전체 동의 alone', severity: 'critical' });
    await verifies('REQ-2.1-check-all');
    const terms = await startByLink(page, flowMap, door);

    await terms.agreeToAll();
    for (const box of ALL_BOXES) await expect(terms.checkbox(box)).toBeChecked();
    await terms.next();

    const userInfo = new UserInfoPage(page);
    await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
    await expect(userInfo.userIdField).toBeVisible();
    await expect(userInfo.alert.root).toHaveCount(0);
  });

  test('lets the (선택) marketing consent stay unchecked', async ({ page, door, flowMap }) => {
    await labelTest({ feature: FEATURES.terms, story: 'The optional box is optional', severity: 'normal' });
    await verifies('REQ-2.1-optional-marketing');
    const terms = await startByLink(page, flowMap, door);
    for (const box of REQUIRED_TERMS) await terms.agreeTo(box);
    await expect(terms.checkbox(TERMS.marketing)).not.toBeChecked();

    await terms.next();

    const userInfo = new UserInfoPage(page);
    await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
    await expect(userInfo.alert.root).toHaveCount(0);
  });

  test.describe('without the page script', () => {
    // Client-side checks are only a convenience (spec §2): here nothing ticks the other boxes for the
    // customer, so the server alone must count a ticked 전체 동의 as consent to every box.
    test.use({ javaScriptEnabled: false });

    test('counts a ticked 전체 동의 as consent to every box on the server', async ({
      page,
      door,
      flowMap,
    }) => {
      await labelTest({
        feature: FEATURES.terms,
        story: '전체 동의 is consent to every box (server side)',
        severity: 'critical',
      });
      await verifies('REQ-2.1-check-all-server');
      const terms = await startByLink(page, flowMap, door);

      await terms.agreeToAll();
      for (const box of ALL_BOXES) await expect(terms.checkbox(box)).not.toBeChecked();
      await terms.next();

      const userInfo = new UserInfoPage(page);
      await expect(userInfo.stepper.current).toHaveText('사용자 정보 입력');
      await expect(userInfo.alert.root).toHaveCount(0);
    });
  });
});
