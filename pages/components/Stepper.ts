import type { Locator, Page } from '@playwright/test';

/** The five stages of the issuance flow, in order (spec §2). */
export const STAGES = [
  '약관동의',
  '사용자 정보 입력',
  '본인인증',
  '계좌/보안매체 인증',
  '인증서 설정',
] as const;
export type Stage = (typeof STAGES)[number];

/** The flow's stepper: one ordered list whose current item carries aria-current="step". */
export class Stepper {
  readonly root: Locator;
  /** The current stage's item; assert its text to know where the flow is. */
  readonly current: Locator;

  constructor(page: Page) {
    this.root = page
      .getByRole('list')
      .filter({ hasText: STAGES[0] })
      .filter({ hasText: STAGES[STAGES.length - 1] });
    // No role option exposes aria-current, hence the attribute next to the role.
    this.current = this.root.getByRole('listitem').and(page.locator('[aria-current="step"]'));
  }

  stage(name: Stage): Locator {
    return this.root.getByRole('listitem').filter({ hasText: name });
  }

  /** Waits until `name` is the current stage. */
  async waitForStage(name: Stage): Promise<void> {
    await this.current.filter({ hasText: name }).waitFor();
  }
}
