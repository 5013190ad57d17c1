import type { FastPath } from '../../fixtures/fastPath.ts';
import { expect, labelTest, test } from '../../fixtures/index.ts';
import { blockingViolations } from './axe.ts';
import { SCREENS } from './screens.ts';

// Every screen of the flow, its menus, errors and side screens, scanned with axe-core on both projects
// (desktop door and phone). The table lives in screens.ts: adding a screen is one entry there.
test.describe('Accessibility of every screen', { tag: '@a11y' }, () => {
  for (const screen of SCREENS) {
    test(
      `${screen.name} has no serious or critical WCAG 2.1 A/AA violations`,
      { tag: [...(screen.tags ?? [])] },
      async ({ page, door, makeCustomer, phoneOf, fastPath, frontDoor, issuanceFlow, flowMap }) => {
        await labelTest({ feature: screen.feature, story: `접근성: ${screen.name}`, severity: 'critical' });
        // Late screens open through the fast path, at this project's door.
        const atDoor: Pick<FastPath, 'startAt'> = {
          startAt: (customer, at, options) => fastPath.startAt(customer, at, { door, ...options }),
        };

        const shown = await screen.open({
          page,
          makeCustomer,
          phoneOf,
          fastPath: atDoor,
          frontDoor,
          issuanceFlow,
          flowMap,
        });
        await expect(shown, `${screen.name} is on screen`).toBeVisible();

        expect(await blockingViolations(page), 'serious or critical axe violations').toEqual([]);
      },
    );
  }
});
