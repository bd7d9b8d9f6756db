import type { Locator, Page } from '@playwright/test';
import type { TestIdentity } from '../../fixtures/wallet.ts';
import { type InboxMessage, linkIn } from '../../support/inbox.ts';
import type { TargetProfile } from '../../support/target.ts';
import { Finder } from '../common/find.ts';
import { fillSecret } from '../common/secret-field.ts';

/**
 * R2 ("Method 1"): opening a wallet account. "Open wallet now" -> email (prefilled) + captcha ->
 * "Send confirmation email" -> the email's "Confirm" link -> security settings -> "Verify my identity".
 */
export class OpenWalletPages {
  readonly openWalletNow: Locator;
  readonly email: Locator;
  readonly captchaImage: Locator;
  readonly captchaRefused: Locator;
  readonly sentHeading: Locator;
  readonly linkExpiredHeading: Locator;
  readonly securityHeading: Locator;
  readonly passwordRefused: Locator;
  readonly identityHeading: Locator;
  // Protected: an adapter for a target whose wallet opening differs (targets/<name>/) builds on them.
  protected readonly captcha: Locator;
  protected readonly send: Locator;
  protected readonly resendButton: Locator;
  protected readonly password: Locator;
  protected readonly passwordRepeat: Locator;
  protected readonly next: Locator;
  protected readonly submit: Locator;
  protected readonly walletHome: Locator;

  constructor(
    protected readonly page: Page,
    protected readonly target: TargetProfile,
  ) {
    const { wallet, common } = target.labels;
    const main = page.getByRole('main');
    this.openWalletNow = new Finder(page, target, 'openWallet', 'wallet opening pages').control(
      'wallet.openNow',
      {
        within: main,
      },
    ).locator;
    this.email = main.getByLabel(common.email, { exact: true });
    this.captchaImage = main.getByRole('img', { name: wallet.captchaImage, exact: true });
    this.captcha = main.getByLabel(wallet.captchaLabel, { exact: true });
    this.send = main.getByRole('button', { name: wallet.sendConfirmation, exact: true });
    // A target may say it twice (the form's summary and the field's own problem).
    this.captchaRefused = main.getByText(wallet.errors.captcha).first();
    this.sentHeading = page.getByRole('heading', { name: wallet.sentTitle, level: 1 });
    this.resendButton = main.getByRole('button', { name: wallet.resend, exact: true });
    this.linkExpiredHeading = page.getByRole('heading', { name: wallet.linkExpiredTitle, level: 1 });
    this.securityHeading = page.getByRole('heading', { name: wallet.securityTitle, level: 1 });
    this.password = main.getByLabel(wallet.paymentPassword, { exact: true });
    this.passwordRepeat = main.getByLabel(wallet.paymentPasswordRepeat, { exact: true });
    this.next = main.getByRole('button', { name: wallet.next, exact: true });
    this.passwordRefused = main
      .getByText(wallet.errors.password)
      .or(main.getByText(wallet.errors.passwordRepeat));
    this.identityHeading = page.getByRole('heading', { name: wallet.identityTitle, level: 1 });
    this.submit = main.getByRole('button', { name: wallet.submit, exact: true });
    this.walletHome = page.getByRole('heading', { name: wallet.homeTitle, level: 1 });
  }

  /** On the wallet's "open your wallet" page: press "Open wallet now". */
  async start(): Promise<void> {
    await this.openWalletNow.click();
    await this.captchaImage.waitFor();
  }

  /** Where the captcha is shown: here, on the same page as the email (a target may show it one step later). */
  async showCaptcha(): Promise<Locator> {
    await this.captchaImage.waitFor();
    return this.captchaImage;
  }

  /** Types the captcha's answer (and the email, if given) and sends; ends on "check your email" or a refusal. */
  async sendConfirmation(captchaAnswer: string, email?: string): Promise<void> {
    if (email !== undefined) await this.email.fill(email);
    await this.captcha.fill(captchaAnswer);
    await this.send.click();
    await this.sentHeading.or(this.captchaRefused).first().waitFor();
  }

  /** "Send the email again" (on "check your email" or on the expired-link page). */
  async resend(): Promise<void> {
    await this.resendButton.click();
    await this.sentHeading.waitFor();
  }

  /** Opens the "Confirm" link of a confirmation email; ends on the security settings or "link expired". */
  async followConfirmLink(message: InboxMessage): Promise<void> {
    const text = this.target.labels.wallet.mail.confirmLink;
    const url = linkIn(message, text);
    if (!url) throw new Error(`the email "${message.subject}" has no "${text}" link`);
    await this.page.goto(url);
    await this.securityHeading.or(this.linkExpiredHeading).first().waitFor();
  }

  /**
   * Types the payment password and its repeat, kept out of step titles and pictures (fillSecret); an
   * adapter whose wizard differs types them through this too.
   */
  protected async typePaymentPassword(p: { password: string; repeat: string }): Promise<void> {
    await fillSecret(this.password, p.password);
    await fillSecret(this.passwordRepeat, p.repeat);
  }

  /** Security settings: the payment password twice and the first three questions with answers; "Next". */
  async setSecurity(p: {
    password: string;
    repeat: string;
    answers: [string, string, string];
  }): Promise<void> {
    const { wallet } = this.target.labels;
    await this.typePaymentPassword(p);
    const questions = Object.values(wallet.questions).slice(0, 3);
    for (const [i, question] of questions.entries()) {
      const n = String(i + 1);
      await this.page
        .getByLabel(wallet.securityQuestion.replace('{n}', n), { exact: true })
        .selectOption({ label: question });
      await this.page
        .getByLabel(wallet.securityAnswer.replace('{n}', n), { exact: true })
        .fill(p.answers[i]!);
    }
    await this.next.click();
    await this.identityHeading.or(this.passwordRefused).first().waitFor();
  }

  /** "Verify my identity": name, date of birth, citizenship, document, address, phone; "Submit". */
  async verifyIdentity(identity: TestIdentity): Promise<void> {
    const { wallet } = this.target.labels;
    const field = (label: string) => this.page.getByRole('main').getByLabel(label, { exact: true });
    await field(wallet.fullName).fill(identity.fullName);
    await field(wallet.birthDate).fill(identity.birthDate);
    await field(wallet.citizenship).selectOption({ label: wallet.countries[identity.citizenship]! });
    await field(wallet.documentType).selectOption({ label: wallet.documents[identity.documentType]! });
    await field(wallet.documentNumber).fill(identity.documentNumber);
    await field(wallet.address).fill(identity.address);
    await field(wallet.phone).fill(identity.phone);
    await this.submit.click();
    await this.walletHome.waitFor();
  }
}
