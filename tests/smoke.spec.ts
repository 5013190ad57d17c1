import { expect, FEATURES, labelTest, test, verifies } from '../fixtures/index.ts';

// Proves the wiring (config, browser, mock bank, fixtures, page objects) on each project's door.
test('the front door leads to 금융인증서 발급', { tag: '@smoke' }, async ({ door, frontDoor }) => {
  await labelTest({
    feature: FEATURES.frontDoors,
    story: 'The door shows the way to the certificate',
    severity: 'blocker',
  });
  await verifies(door === 'web' ? 'REQ-1-web-door' : 'REQ-1-app-door');

  await frontDoor.goto();
  await expect(frontDoor.entry).toBeVisible();

  const start = await frontDoor.walkToIssuance();
  await expect(start).toBeVisible();
});
