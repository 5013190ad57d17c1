import { mask, maskRrn } from '../fixtures/mask.ts';
import { Alert } from './components/Alert.ts';
import { Countdown } from './components/Countdown.ts';
import { RrnFields } from './components/RrnFields.ts';
import { Screen } from './Screen.ts';
import { step } from './step.ts';

export interface IdLookupIdentity {
  name: string;
  rrn: string;
  phone: string;
}

const FOUND_ID = /고객님의 사용자ID는 (\S+) 입니다/;

/** 아이디찾기 (spec §6): identity and an SMS code, then the user ID. */
export class IdLookupPage extends Screen {
  readonly nameField = this.page.getByLabel('이름', { exact: true });
  readonly rrn = new RrnFields(this.page);
  readonly phoneField = this.page.getByLabel('휴대폰번호', { exact: true });
  readonly requestCodeButton = this.page.getByRole('button', { name: '인증번호 요청', exact: true });
  readonly codeField = this.page.getByLabel('인증번호', { exact: true });
  readonly confirmButton = this.page.getByRole('button', { name: '확인', exact: true });
  readonly countdown = new Countdown(this.page);
  /** `고객님의 사용자ID는 {ID} 입니다` */
  readonly foundIdText = this.page.getByText(FOUND_ID);
  readonly continueButton = this.page.getByRole('button', { name: '이 아이디로 계속', exact: true });
  readonly alert = new Alert(this.page);

  @step('Open 아이디찾기')
  async goto(): Promise<this> {
    await this.page.goto('/id-lookup');
    return this.waitUntilShown();
  }

  /** The lookup form or, once a code was asked for, the code field. */
  async waitUntilShown(): Promise<this> {
    await this.nameField.or(this.codeField).first().waitFor();
    return this.loaded();
  }

  @step(
    ({ name, rrn, phone }: IdLookupIdentity) => `Enter ${name}, 주민등록번호 ${maskRrn(rrn)} and ${phone}`,
  )
  async fill({ name, rrn, phone }: IdLookupIdentity): Promise<void> {
    await this.nameField.fill(name);
    await this.rrn.fill(rrn);
    await this.phoneField.fill(phone);
  }

  @step('Request an SMS code (인증번호 요청)')
  async requestCode(): Promise<void> {
    await this.requestCodeButton.click();
  }

  @step((code: string) => `Enter the SMS code ${mask(code)}`)
  async enterCode(code: string): Promise<void> {
    await this.codeField.fill(code);
  }

  @step('Confirm the code (확인)')
  async confirm(): Promise<void> {
    await this.confirmButton.click();
  }

  /** Waits for the found user ID and returns it. */
  async foundUserId(): Promise<string> {
    const text = await this.foundIdText.innerText();
    return FOUND_ID.exec(text)?.[1] ?? '';
  }

  @step('Continue with this ID (이 아이디로 계속)')
  async continueWithId(): Promise<void> {
    await this.continueButton.click();
  }
}
