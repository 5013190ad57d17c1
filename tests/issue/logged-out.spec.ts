import { expect, FEATURES, labelTest, test, verifies } from '../../fixtures/index.ts';
import { InternetBankingHome } from '../../pages/InternetBankingHome.ts';
import { LoginPage } from '../../pages/LoginPage.ts';

// Spec §1, logged-out rule (seed): issuance runs only logged out. The login page is internet banking's
// (`/login`); the flow then starts from the project's own door.
test.describe('Logged-out rule', { tag: ['@issue', '@door'] }, () => {
  test('logs a logged-in customer out when the issuance starts and says so at 약관동의', async ({
    page,
    makeCustomer,
    frontDoor,
  }) => {
    await labelTest({
      feature: FEATURES.frontDoors,
      story: 'Starting the flow logged in logs the customer out',
      severity: 'critical',
    });
    await verifies('REQ-1-logged-out');
    const customer = await makeCustomer();
    const header = new InternetBankingHome(page);

    await (await new LoginPage(page).goto()).login(customer.userId, customer.loginPassword);
    // Logged in (the login lands on internet banking), then at the project's door: both greet by name.
    await expect(header.logoutButton).toBeVisible();
    await frontDoor.goto();
    await expect(header.customerName(customer.name)).toBeVisible();
    await expect(header.logoutButton).toBeVisible();

    const terms = await frontDoor.startIssuance();

    await expect(terms.stepper.current).toHaveText('약관동의');
    await expect(terms.loggedOutNotice).toBeVisible();
    await expect(terms.loggedOutNotice).toContainText('로그아웃 상태에서만');
    await expect(header.customerName(customer.name)).toBeHidden();
    await expect(header.logoutButton).toBeHidden();

    // The session itself is logged out: internet banking's header offers 로그인 again.
    await header.goto();
    await expect(header.loginLink).toBeVisible();
    await expect(header.customerName(customer.name)).toBeHidden();
  });

  test('shows no logout notice when the issuance starts logged out', async ({ page, frontDoor }) => {
    await labelTest({
      feature: FEATURES.frontDoors,
      story: 'Starting the flow logged out shows no notice',
      severity: 'normal',
    });
    await verifies('REQ-1-logged-out');
    const header = new InternetBankingHome(page);

    await frontDoor.goto();
    await expect(header.logoutButton).toBeHidden();
    const terms = await frontDoor.startIssuance();

    await expect(terms.stepper.current).toHaveText('약관동의');
    await expect(terms.allTerms).toBeVisible();
    await expect(terms.loggedOutNotice).toBeHidden();
  });
});
