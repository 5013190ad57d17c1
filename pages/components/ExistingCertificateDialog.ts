import type { Page } from '@playwright/test';
import { step } from '../step.ts';
import { Dialog } from './Dialog.ts';

/** Shown at 사용자 정보 입력 when the person already holds an active 금융인증서 (spec §2.2). */
export class ExistingCertificateDialog extends Dialog {
  constructor(page: Page) {
    super(page, '이미 발급하신 금융인증서가 존재합니다.');
  }

  /** 재발급 진행: on to 본인인증; the flow becomes a reissue. */
  @step('Proceed with the reissue (재발급 진행)')
  async proceedReissue(): Promise<void> {
    await this.button('재발급 진행').click();
  }

  /** 취소: back to 인증센터, nothing changed. */
  @step('Cancel the reissue (취소)')
  async cancel(): Promise<void> {
    await this.button('취소').click();
  }
}
