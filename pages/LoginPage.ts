import { mask } from '../fixtures/mask.ts';
import { Screen } from './Screen.ts';
import { step } from './step.ts';

/** Internet-banking login, `/login` (spec §1). */
export class LoginPage extends Screen {
  readonly userIdField = this.page.getByLabel('사용자ID', { exact: true });
  readonly passwordField = this.page.getByLabel('비밀번호', { exact: true });
  readonly loginButton = this.page.getByRole('button', { name: '로그인', exact: true });

  @step('Open the login page')
  async goto(): Promise<this> {
    await this.page.goto('/login');
    return this.waitUntilShown();
  }

  async waitUntilShown(): Promise<this> {
    await this.userIdField.waitFor();
    return this.loaded();
  }

  @step((userId: string, password: string) => `Log in as ${userId} with password ${mask(password)}`)
  async login(userId: string, password: string): Promise<void> {
    await this.userIdField.fill(userId);
    await this.passwordField.fill(password);
    await this.loginButton.click();
  }
}
