import type { Locator } from '@playwright/test';
import { Alert } from './components/Alert.ts';
import { Stepper, type Stage } from './components/Stepper.ts';
import { Screen } from './Screen.ts';
import { step } from './step.ts';

/** A screen of the issuance flow (spec §2): page heading, stepper and alerts are common to all. */
export abstract class IssuanceScreen extends Screen {
  /** `금융인증서 발급`, or `금융인증서 재발급` once the flow is a reissue. */
  readonly heading = this.page.getByRole('heading', { name: /^금융인증서 (재)?발급$/ });
  readonly stepper = new Stepper(this.page);
  readonly alert = new Alert(this.page);

  /** The stage the stepper marks current on this screen; undefined where the spec does not say. */
  protected abstract readonly stage: Stage | undefined;
  /** Something only this screen shows (stage 4 and 5 hold several screens). */
  protected abstract readonly marker: Locator;

  /** Waits until the flow shows this screen; returns it for chaining. */
  async waitUntilShown(): Promise<this> {
    if (this.stage) await this.stepper.waitForStage(this.stage);
    await this.marker.waitFor();
    return this.loaded();
  }
}

/** A flow screen whose form is submitted with `다음`. */
export abstract class IssuanceFormScreen extends IssuanceScreen {
  readonly nextButton = this.page.getByRole('button', { name: '다음', exact: true });

  /** Submits the screen's form with `다음`. */
  @step('Go on (다음)')
  async next(): Promise<void> {
    await this.nextButton.click();
  }
}
