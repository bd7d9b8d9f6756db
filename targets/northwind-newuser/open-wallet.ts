// Northwind Pay opens a wallet account in six pages (email; captcha; inbox; payment PIN alone;
// three "Question n" fieldsets whose fields are all named "Question" / "Your answer"; identity),
// where the suite's OpenWalletPages walks three. Only what differs is overridden.
import { OpenWalletPages } from '../../pages/wallet/open-wallet-pages.ts';

type Any = any; // the base class's parameter types are not documented

export class NorthwindOpenWallet extends OpenWalletPages {
  constructor(page: Any, target: Any) {
    super(page, target);
    // Step 1 names its email field "Email for Northwind Pay", not the sign-in's "Email address".
    (this as Any).email = page.getByRole('main').getByLabel(target.labels.extra.walletEmail, { exact: true });
  }

  get emailContinue() {
    return this.page.getByRole('button', { name: (this.target as Any).labels.wallet.next, exact: true });
  }

  override async start() {
    await this.openWalletNow.click();
    await this.email.waitFor();
  }

  override async showCaptcha() {
    if (await this.email.isVisible()) await this.emailContinue.click();
    await this.captchaImage.waitFor();
    return this.captchaImage;
  }

  // The email is on a page of its own before the captcha: type it there (when asked), go on, then the base.
  override async sendConfirmation(captchaAnswer: string, email?: string): Promise<void> {
    if (email !== undefined && (await this.email.isVisible())) await this.email.fill(email);
    await this.showCaptcha();
    await super.sendConfirmation(captchaAnswer);
  }

  // p is { password, repeat, answers: [3 strings] } (seen at run time; the base's types are not documented).
  override async setSecurity(p: { password: string; repeat: string; answers: string[] }) {
    const w = (this.target as Any).labels.wallet;
    const pin = p.password;
    const repeat = p.repeat;
    await this.typePaymentPassword({ password: pin, repeat: repeat ?? pin });
    await this.page.getByRole('button', { name: w.next, exact: true }).click();
    // A refused PIN stays on the PIN page with an alert; the scenario checks it.
    const q1 = this.page.getByRole('group', { name: 'Question 1', exact: true });
    await q1.or(this.page.getByRole('alert')).first().waitFor();
    if (!(await q1.isVisible())) return;
    const questionTexts: string[] = Object.values(w.questions as Record<string, string>);
    for (let n = 1; n <= 3; n++) {
      const group = this.page.getByRole('group', { name: `Question ${n}`, exact: true });
      const label = questionTexts[n - 1];
      const answer = p.answers?.[n - 1] ?? `answer ${n}`;
      await group.getByLabel(w.securityQuestion, { exact: true }).selectOption({ label });
      await group.getByLabel(w.securityAnswer, { exact: true }).fill(answer);
    }
    await this.page.getByRole('button', { name: w.next, exact: true }).click();
    await this.identityHeading.waitFor();
  }
}
