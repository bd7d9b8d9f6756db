// Adapter (docs/sandbox.md, "The adapter seam"): skin B opens a wallet account in six pages where
// the suite's page object expects skin A's three: the email alone first (the captcha one page later),
// then the payment PIN alone, then three security questions in fieldsets "Question 1".."Question 3"
// whose fields are all named "Question" and "Your answer". Profile data names texts and shapes of a
// screen; it cannot reorder a wizard's pages or tell fields apart by the fieldset around them.
import type { Locator, Page } from '@playwright/test';
import { OpenWalletPages } from '../../pages/wallet/open-wallet-pages.ts';
import type { TargetProfile } from '../../support/target.ts';

export class SkinBOpenWallet extends OpenWalletPages {
  private readonly emailContinue: Locator;

  constructor(page: Page, target: TargetProfile) {
    super(page, target);
    const main = page.getByRole('main');
    const { extra, wallet } = target.labels;
    // Step 1 labels its email field "Email for Northwind Pay" (labels.extra.walletEmail).
    (this as { email: Locator }).email = main.getByLabel(extra.walletEmail ?? 'Email', { exact: true });
    this.emailContinue = main.getByRole('button', { name: wallet.next, exact: true });
  }

  /** "Create a Northwind Pay account" -> step 1, the email (prefilled). */
  override async start(): Promise<void> {
    await this.openWalletNow.click();
    await this.email.waitFor();
  }

  /** The captcha is on step 2: continue past the email page (keeping its address) when still there. */
  override async showCaptcha(): Promise<Locator> {
    if (await this.email.isVisible()) await this.emailContinue.click();
    await this.captchaImage.waitFor();
    return this.captchaImage;
  }

  override async sendConfirmation(captchaAnswer: string, email?: string): Promise<void> {
    if (await this.email.isVisible()) {
      if (email !== undefined) await this.email.fill(email);
      await this.emailContinue.click();
    }
    await this.captcha.fill(captchaAnswer);
    await this.send.click();
    await this.sentHeading.or(this.captchaRefused).first().waitFor();
  }

  /** Step 4 (the PIN twice), then step 5 (three questions, each in its fieldset "Question n"). */
  override async setSecurity(p: {
    password: string;
    repeat: string;
    answers: [string, string, string];
  }): Promise<void> {
    const { wallet, extra } = this.target.labels;
    const main = this.page.getByRole('main');
    await this.typePaymentPassword(p);
    await this.next.click();
    const questionsHeading = this.page.getByRole('heading', { name: extra.questionsTitle ?? '', level: 1 });
    await questionsHeading.or(this.passwordRefused).first().waitFor();
    if (!(await questionsHeading.isVisible())) return;
    const questions = Object.values(wallet.questions).slice(0, 3);
    for (const [i, question] of questions.entries()) {
      const group = main.getByRole('group', {
        name: wallet.securityQuestion.replace('{n}', String(i + 1)),
        exact: true,
      });
      await group.getByLabel(extra.question ?? 'Question', { exact: true }).selectOption({ label: question });
      await group.getByLabel(wallet.securityAnswer, { exact: true }).fill(p.answers[i]!);
    }
    await this.next.click();
    await this.identityHeading.or(this.passwordRefused).first().waitFor();
  }
}
