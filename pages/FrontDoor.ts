import type { Locator, Page } from '@playwright/test';
import type { Door } from '../fixtures/door.ts';
import { InternetBankingHome } from './InternetBankingHome.ts';
import { StarBankingApp } from './StarBankingApp.ts';
import type { TermsPage } from './TermsPage.ts';

/** A front door (spec §1), whichever the project uses: what the full walks and the smoke test need. */
export interface FrontDoor {
  /** Opens the door's home screen. */
  goto(): Promise<void>;
  /** The first thing a customer uses there on the way to the certificate. */
  readonly entry: Locator;
  /** Walks the door's menus from home to the control that starts the issuance, and returns it. */
  walkToIssuance(): Promise<Locator>;
  /** Walks the menus and starts the issuance: the flow's first screen. */
  startIssuance(): Promise<TermsPage>;
}

/** The page object of `door`. */
export function frontDoorFor(page: Page, door: Door): FrontDoor {
  return door === 'web' ? new InternetBankingHome(page) : new StarBankingApp(page);
}
