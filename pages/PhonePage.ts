import type { Locator } from '@playwright/test';
import { mask } from '../fixtures/mask.ts';
import { Screen } from './Screen.ts';
import { step } from './step.ts';

/** The virtual phone as a person uses it, `/phone/{phone}` (spec §5). */
export class PhonePage extends Screen {
  readonly keypadField = this.page.getByLabel('키패드 입력', { exact: true });
  readonly pressButton = this.page.getByRole('button', { name: '누르기', exact: true });
  readonly messageField = this.page.getByLabel('문자 내용', { exact: true });
  readonly sendButton = this.page.getByRole('button', { name: '보내기', exact: true });

  heading(phone: string): Locator {
    return this.page.getByRole('heading', { name: phone, exact: true });
  }

  /** A message or call entry on the phone's list (newest first). */
  entry(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }

  @step((phone: string) => `Open the phone ${phone}`)
  async goto(phone: string): Promise<this> {
    await this.page.goto(`/phone/${encodeURIComponent(phone)}`);
    await this.heading(phone).waitFor();
    return this;
  }

  @step((digits: string) => `Key ${mask(digits)} on the keypad (누르기)`)
  async keyDigits(digits: string): Promise<void> {
    await this.keypadField.fill(digits);
    await this.pressButton.click();
  }

  @step((text: string) => `Send the SMS ${mask(text)} (보내기)`)
  async sendSms(text: string): Promise<void> {
    await this.messageField.fill(text);
    await this.sendButton.click();
  }
}
