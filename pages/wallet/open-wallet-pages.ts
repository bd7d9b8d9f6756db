import type { Locator, Page } from '@playwright/test';
import type { TestIdentity } from '../../fixtures/wallet.ts';
import { type InboxMessage, linkIn } from '../../support/inbox.ts';
import type { TargetProfile } from '../../support/target.ts';
import { Finder } from '../common/find.ts';
import { fillSecret } from '../common/secret-field.ts';

/**
 * R2 ("Method 1"): opening a wallet account. "Open wallet now" -> email (prefilled) + captcha ->
 * "Send confirmation email" -> the email's "Confirm" link -> security settings -> "Verify my identity".
 *
 * The base class of the adapter seam for `screens.openWallet` (docs/sandbox.md, "The adapter seam"):
 * a target whose wallet opening differs extends it in targets/<name>/ and overrides what differs. The
 * page registry (pages/screens.ts) builds one per browser page, and the steps of
 * steps/wallet-account.steps.ts and the doctor (scripts/lib/doctor-open-wallet.ts) call its methods in
 * this order: start, showCaptcha, sendConfirmation (or resend), followConfirmLink, setSecurity,
 * verifyIdentity. Each method returns once the page it leads to is shown (or the target's refusal);
 * a wait that runs out throws Playwright's TimeoutError (the scenario fails there). The public
 * locators are what the steps assert on; an adapter may point them elsewhere in its constructor.
 */
export class OpenWalletPages {
  /** The wallet home's "Open wallet now" control (labels.wallet.openNow): any control role, in the main area. */
  readonly openWalletNow: Locator;
  /** The opening's email field, prefilled with the buyer's address (labels.common.email). */
  readonly email: Locator;
  /** The captcha, an image named labels.wallet.captchaImage. */
  readonly captchaImage: Locator;
  /** The refusal of a wrong captcha (labels.wallet.errors.captcha). */
  readonly captchaRefused: Locator;
  /** The h1 of "check your email" (labels.wallet.sentTitle). */
  readonly sentHeading: Locator;
  /** The h1 of the page an expired confirm link opens (labels.wallet.linkExpiredTitle). */
  readonly linkExpiredHeading: Locator;
  /** The h1 of the first page after the confirm link (labels.wallet.securityTitle). */
  readonly securityHeading: Locator;
  /** The refusal of a bad or mismatched payment password (labels.wallet.errors.password / passwordRepeat). */
  readonly passwordRefused: Locator;
  /** The h1 of "Verify my identity" (labels.wallet.identityTitle). */
  readonly identityHeading: Locator;
  // Protected: an adapter for a target whose wallet opening differs (targets/<name>/) builds on them.
  /** The captcha's answer field (labels.wallet.captchaLabel). */
  protected readonly captcha: Locator;
  /** "Send confirmation email" (labels.wallet.sendConfirmation), a button. */
  protected readonly send: Locator;
  /** "Send the email again" (labels.wallet.resend), a button. */
  protected readonly resendButton: Locator;
  /** The payment password and its repeat (labels.wallet.paymentPassword / paymentPasswordRepeat). */
  protected readonly password: Locator;
  protected readonly passwordRepeat: Locator;
  /** The security page's "Next" (labels.wallet.next), a button. */
  protected readonly next: Locator;
  /** The identity form's "Submit" (labels.wallet.submit), a button. */
  protected readonly submit: Locator;
  /** The wallet home's h1 (labels.wallet.homeTitle): where a finished opening lands. */
  protected readonly walletHome: Locator;

  /**
   * Builds the locators from the profile's labels; navigates nowhere. An adapter's constructor takes the
   * same two arguments, calls `super(page, target)` first, then replaces what differs (skin B: `email`).
   * @param page the scenario's browser page (signed in as a buyer without a wallet account)
   * @param target the parsed profile (labels, screens, captcha, inbox)
   */
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

  /**
   * On the wallet home of a buyer without a wallet (urls.walletAccount, opened by the caller): presses
   * "Open wallet now" and returns once the first page of the opening shows. Called by "the buyer
   * chooses / starts opening a wallet" and "has confirmed the email for a new wallet". Base: waits
   * for the captcha image (email and captcha on one page); skin B's adapter: for the email field alone.
   * @throws TimeoutError when the control or the page does not show
   */
  async start(): Promise<void> {
    await this.openWalletNow.click();
    await this.captchaImage.waitFor();
  }

  /**
   * Goes to where the captcha is shown, if it is not shown yet, and returns its image (the step
   * "the captcha is shown as an image" asserts it is visible). Called after `start()`. Base: the
   * captcha is on the first page, nothing to do; skin B: presses "Continue" on the email page.
   * @returns the captcha image's locator (visible when this returns)
   * @throws TimeoutError when no captcha image shows
   */
  async showCaptcha(): Promise<Locator> {
    await this.captchaImage.waitFor();
    return this.captchaImage;
  }

  /**
   * Types the captcha's answer (and the email, when given; else the prefilled one stays) and sends.
   * Returns on "check your email" (`sentHeading`) or on the captcha's refusal (`captchaRefused`):
   * the caller's step asserts which. Called after `start()` (with or without `showCaptcha()`).
   * @param captchaAnswer the profile's captcha.testAnswer, or a wrong one ("a wrong captcha is refused")
   * @param email another address to type first; undefined keeps the prefilled one
   * @throws TimeoutError when neither page shows
   */
  async sendConfirmation(captchaAnswer: string, email?: string): Promise<void> {
    if (email !== undefined) await this.email.fill(email);
    await this.captcha.fill(captchaAnswer);
    await this.send.click();
    await this.sentHeading.or(this.captchaRefused).first().waitFor();
  }

  /**
   * "Send the email again", on "check your email" or on the expired-link page; returns on "check your
   * email". Called by "the buyer sends the confirmation email again" (R2's expired-link scenario).
   * @throws TimeoutError when the control or the sent page does not show
   */
  async resend(): Promise<void> {
    await this.resendButton.click();
    await this.sentHeading.waitFor();
  }

  /**
   * Opens the link named labels.wallet.mail.confirmLink in a confirmation email, in this page; returns
   * on the security settings (`securityHeading`) or on "link expired" (`linkExpiredHeading`).
   * @param message the email, from the scenario's inbox (support/inbox.ts: only mail since the scenario's start)
   * @throws Error when the email has no such link; TimeoutError when neither page shows
   */
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

  /**
   * Security settings, from the page `followConfirmLink` ended on: the payment password and its repeat,
   * the first three of labels.wallet.questions with the answers, then "Next". Returns on "Verify my
   * identity" (`identityHeading`) or on the password's refusal (`passwordRefused`), which the steps
   * assert. Skin B's adapter walks two pages here (the PIN alone, then the questions in fieldsets).
   * @param p.password the payment password (the run's secret; typed with fillSecret, kept out of traces)
   * @param p.repeat its repeat (a different one: "two different payment passwords are refused")
   * @param p.answers the answers to the three questions, in order
   * @throws TimeoutError when a field or both outcome pages do not show
   */
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

  /**
   * "Verify my identity": full name, date of birth, citizenship (labels.wallet.countries[code]),
   * document type (labels.wallet.documents[key]) and number, address, phone; "Submit". Returns on the
   * wallet home (`walletHome`): the wallet account is open. The doctor never calls it.
   * @param identity made by fixtures/wallet.ts randomIdentity(); its phone receives the wallet's SMS
   * @throws TimeoutError when a field or the wallet home does not show
   */
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
