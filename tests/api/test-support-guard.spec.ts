import { expect, FEATURES, labelTest, test, TestApiError, verifies } from '../../fixtures/index.ts';

// Spec §9: with a token configured, every test-support request must carry it in `x-test-token`, else
// 401. (The other half, "no token configured → 404 for every /__test__ path", needs a bank started
// without one: mock-bank/test covers it.) Door-independent: plain HTTP, no page.
const WITHOUT_TOKEN: readonly { who: string; headers: Record<string, string> }[] = [
  { who: 'no token', headers: {} },
  { who: 'a wrong token', headers: { 'x-test-token': 'not-the-token' } },
];

test.describe('Test-support API guard', () => {
  for (const { who, headers } of WITHOUT_TOKEN) {
    test(`answers 401 to a request with ${who}, and makes nothing`, async ({
      playwright,
      baseURL,
      testApi,
    }) => {
      await labelTest({
        feature: FEATURES.phone,
        story: 'Test-support API: token guard',
        severity: 'critical',
      });
      await verifies('REQ-9-token-guard');
      const userId = `guard${test
        .info()
        .testId.slice(0, 6)
        .replace(/[^a-z0-9]/gi, 'x')}`;
      const anonymous = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
      try {
        expect((await anonymous.get('/__test__/customers')).status()).toBe(401);
        expect((await anonymous.post('/__test__/customers', { data: { userId } })).status()).toBe(401);
        expect((await anonymous.post('/__test__/flows', { data: { userId, at: 'identity' } })).status()).toBe(
          401,
        );
      } finally {
        await anonymous.dispose();
      }
      const lookup = await testApi.getCustomer(userId).catch((error: unknown) => error);
      expect(lookup instanceof TestApiError && lookup.status, 'the refused POST created no customer').toBe(
        404,
      );
    });
  }
});
