import { expect } from '@playwright/test';
import { mismatchedPaymentPassword, randomIdentity, runPaymentPassword } from '../fixtures/wallet.ts';
import type { Brand } from '../support/test-cards.ts';
import type { StepApi } from './api.ts';

/** R1, R2, L2/F8, F11: the wallet account, its opening, and adding cards in it. */
export function registerWalletAccountSteps({ Given, When, Then }: StepApi) {
  // --- arranging -----------------------------------------------------------------------------

  Given('a signed-in buyer with a wallet account', async function () {
    const buyer = await this.signInFreshBuyer({ walletAccount: true });
    if (!buyer.wallet) throw new Error(`target ${this.target.name} gave a buyer without a wallet account`);
    this.wallet.phone = buyer.wallet.phone;
  });

  // --- entering the wallet -------------------------------------------------------------------

  When('the buyer opens "My wallet" from the account panel', async function () {
    await this.screens.walletHome.enterFromAccountPanel();
  });

  Then('the wallet lets the buyer straight in, listing the card under "My Account"', async function () {
    const home = this.screens.walletHome;
    await expect(home.openWalletNow).toHaveCount(0);
    await expect(home.linkedCards, '"My Account" shows the linked cards at once').toBeVisible();
    await expect(home.card(this.card().last4)).toBeVisible();
  });

  // --- R2: opening a wallet account ----------------------------------------------------------

  When('the buyer chooses "Open wallet now"', async function () {
    await this.screens.openWallet.start();
  });

  When('the buyer starts opening a wallet', async function () {
    await this.screens.walletHome.open();
    await this.screens.openWallet.start();
  });

  Then("the email address is prefilled with the buyer's email and can be changed", async function () {
    const { email } = this.screens.openWallet;
    await expect(email).toHaveValue(this.buyer.email);
    await expect(email).toBeEditable();
  });

  Then('the captcha is shown as an image', async function () {
    await expect(await this.screens.openWallet.showCaptcha()).toBeVisible();
  });

  When('the buyer enters the captcha and sends the confirmation email', async function () {
    await this.screens.openWallet.sendConfirmation(this.wallet.captchaAnswer);
  });

  When('the buyer enters a wrong captcha and sends the confirmation email', async function () {
    await this.screens.openWallet.sendConfirmation(`wrong-${Date.now()}`);
  });

  Then('the captcha is refused', async function () {
    const open = this.screens.openWallet;
    await expect(open.captchaRefused).toBeVisible();
    await expect(open.sentHeading).toHaveCount(0);
  });

  Then('the wallet says the confirmation email was sent', async function () {
    await expect(this.screens.openWallet.sentHeading).toBeVisible();
  });

  When('the buyer follows the "Confirm" link in the email', async function () {
    const mail = await this.wallet.inbox.next(this.buyer.email, 'confirmation email');
    await this.screens.openWallet.followConfirmLink(mail);
  });

  When('the buyer follows the "Confirm" link in the new email', async function () {
    const mail = await this.wallet.inbox.next(this.buyer.email, 'new confirmation email');
    await this.screens.openWallet.followConfirmLink(mail);
  });

  When('{int} hours pass', async function (hours: number) {
    await this.wallet.advanceClock(hours, this.buyer.id);
  });

  Then('the link is refused as expired', async function () {
    await expect(this.screens.openWallet.linkExpiredHeading).toBeVisible();
  });

  When('the buyer sends the confirmation email again', async function () {
    await this.screens.openWallet.resend();
  });

  Then('the wallet asks for the security settings', async function () {
    await expect(this.screens.openWallet.securityHeading).toBeVisible();
  });

  Given('the buyer has confirmed the email for a new wallet', async function () {
    const open = this.screens.openWallet;
    await this.screens.walletHome.open();
    await open.start();
    await open.sendConfirmation(this.wallet.captchaAnswer);
    await open.followConfirmLink(await this.wallet.inbox.next(this.buyer.email, 'confirmation email'));
    await expect(open.securityHeading).toBeVisible();
  });

  When('the buyer sets a 6-digit payment password twice and answers 3 security questions', async function () {
    const password = runPaymentPassword();
    await this.screens.openWallet.setSecurity({
      password,
      repeat: password,
      answers: ['Milo', 'Bandung', 'SD 1'],
    });
  });

  When('the buyer sets the payment password {string} twice', async function (password: string) {
    await this.screens.openWallet.setSecurity({
      password,
      repeat: password,
      answers: ['Milo', 'Bandung', 'SD 1'],
    });
  });

  When('the buyer enters two different 6-digit payment passwords', async function () {
    const password = runPaymentPassword();
    const repeat = mismatchedPaymentPassword();
    await this.screens.openWallet.setSecurity({ password, repeat, answers: ['Milo', 'Bandung', 'SD 1'] });
  });

  Then('the payment password is refused', async function () {
    const open = this.screens.openWallet;
    await expect(open.passwordRefused.first()).toBeVisible();
    await expect(open.identityHeading).toHaveCount(0);
  });

  When('the buyer verifies their identity', async function () {
    const identity = randomIdentity();
    this.wallet.phone = identity.phone;
    await this.screens.openWallet.verifyIdentity(identity);
  });

  Then('the wallet shows the tabs "My Account" and "History"', async function () {
    const home = this.screens.walletHome;
    await expect(home.myAccountTab).toBeVisible();
    await expect(home.historyTab).toBeVisible();
  });

  Then('"My Account" lists the card', async function () {
    await expect(this.screens.walletHome.card(this.card().last4)).toBeVisible();
  });

  // --- R1: removing ----------------------------------------------------------------------------

  When('the buyer chooses "edit cards"', async function () {
    await this.screens.walletHome.chooseEditCards();
  });

  When('the buyer removes the card there and confirms', async function () {
    const dialog = await this.screens.walletEditCards.requestRemove(this.card().last4);
    await dialog.confirm();
  });

  Then("the wallet's History tab shows the card was removed", async function () {
    const home = this.screens.walletHome;
    await home.open();
    await home.showHistory();
    await expect(home.historyEntry('removed', this.card().last4)).toBeVisible();
  });

  // --- L2/F8, F11: adding a card in the wallet ----------------------------------------------

  When('the buyer opens "Manage your cards" in the wallet', async function () {
    const home = this.screens.walletHome;
    await home.open();
    await home.chooseManageCards();
  });

  When('the buyer adds a new {brand} card there', async function (brand: Brand) {
    await this.screens.walletManageCards.addCard(this.newCard(brand));
  });

  When('the buyer adds a card the wallet deems risky', async function () {
    await this.screens.walletManageCards.addCard(this.keepCard('the card', this.wallet.riskyCard()));
  });

  Then("an SMS to the buyer's phone says {string} was debited", async function (amount: string) {
    const phone = this.wallet.phone;
    if (!phone) throw new Error('the scenario knows no phone of the buyer (wallet account or identity step)');
    const sms = await this.wallet.inbox.nextSms(phone);
    expect(sms.text, 'the SMS about the check debit').toContain(amount);
    expect(sms.text, 'the SMS names the card').toContain(this.card().last4);
  });

  Then('the card is shown as pending verification', async function () {
    await expect(this.screens.walletManageCards.cardMarked(this.card().last4, 'pending')).toBeVisible();
  });

  Then('the card is shown as verified', async function () {
    const manage = this.screens.walletManageCards;
    await manage.refresh();
    await expect(manage.cardMarked(this.card().last4, 'verified')).toBeVisible();
  });

  Then('the wallet asks for extra identity data before linking the card', async function () {
    await expect(this.screens.walletManageCards.extraIdentityHeading).toBeVisible();
    const stored = await this.storedCards();
    if (stored)
      expect(
        stored.map((c) => c.last4),
        'linked before the identity check',
      ).not.toContain(this.card().last4);
  });

  When('the buyer gives the extra identity data', async function () {
    await this.screens.walletManageCards.giveExtraIdentity({
      documentNumber: 'A1234567',
      placeOfBirth: 'Bandung',
    });
  });
}
