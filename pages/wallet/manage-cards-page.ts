import type { Locator, Page } from '@playwright/test';
import type { TargetProfile } from '../../support/target.ts';
import type { TestCard } from '../../support/test-cards.ts';
import { Finder } from '../common/find.ts';
import { fillSecret } from '../common/secret-field.ts';
import type { WalletCardState } from './wallet-home-page.ts';

/** L2/F8, F11: "Manage your cards" -> "Add card" -> card details (-> extra identity for a risky card). */
export class WalletManageCardsPage {
  readonly screen = 'walletManageCards' as const;
  readonly where = 'wallet "Manage your cards" page';
  readonly find: Finder;
  readonly heading: Locator;
  readonly linkedCards: Locator;
  /** F11: the wallet asks for more personal data before it links the card. */
  readonly extraIdentityHeading: Locator;
  private readonly addCardButton: Locator;
  private readonly number: Locator;
  private readonly expiry: Locator;
  private readonly cvc: Locator;
  private readonly holder: Locator;
  private readonly submitCard: Locator;
  private readonly extraDocumentNumber: Locator;
  private readonly extraPlaceOfBirth: Locator;
  private readonly extraSubmit: Locator;

  constructor(
    private readonly page: Page,
    private readonly target: TargetProfile,
  ) {
    const { wallet } = target.labels;
    const main = page.getByRole('main');
    const find = new Finder(page, target, this.screen, this.where);
    this.find = find;
    this.heading = find.heading('wallet.manageTitle').locator;
    this.linkedCards = find.container('wallet.manageTitle').locator;
    this.addCardButton = find.control('wallet.addCard', { within: main }).locator;
    this.number = page.getByLabel(wallet.cardNumber, { exact: true });
    this.expiry = page.getByLabel(wallet.expiry, { exact: true });
    this.cvc = page.getByLabel(wallet.cvc, { exact: true });
    this.holder = page.getByLabel(wallet.holder, { exact: true });
    this.submitCard = main
      .locator('form')
      .getByRole('button', { name: wallet.submitCard ?? wallet.addCard, exact: true });
    this.extraIdentityHeading = page.getByRole('heading', { name: wallet.extraTitle, level: 1 });
    this.extraDocumentNumber = page.getByLabel(wallet.extraDocumentNumber, { exact: true });
    this.extraPlaceOfBirth = page.getByLabel(wallet.extraPlaceOfBirth, { exact: true });
    this.extraSubmit = main.getByRole('button', { name: wallet.extraSubmit, exact: true });
  }

  card(last4: string): Locator {
    return this.find.card(this.linkedCards, last4);
  }

  cardMarked(last4: string, state: WalletCardState): Locator {
    return this.card(last4).filter({
      has: this.page.getByText(this.target.labels.wallet.state[state], { exact: true }),
    });
  }

  /** Reloads the list (the wallet shows a card's state as of now). */
  async refresh(): Promise<void> {
    await this.page.reload();
    await this.heading.waitFor();
  }

  /** "Add card" -> the card's details -> submit; ends on the list, or on the extra identity check (F11). */
  async addCard(card: TestCard): Promise<void> {
    await this.find.click({ ...this.find.control('wallet.addCard'), locator: this.addCardButton });
    await fillSecret(this.number, card.number);
    await this.expiry.fill(card.expiry);
    await fillSecret(this.cvc, card.cvc);
    await this.holder.fill(card.holder);
    await this.submitCard.click();
    await this.find.need(this.find.heading('wallet.manageTitle'), this.find.heading('wallet.extraTitle'));
  }

  async giveExtraIdentity(data: { documentNumber: string; placeOfBirth: string }): Promise<void> {
    await this.extraDocumentNumber.fill(data.documentNumber);
    await this.extraPlaceOfBirth.fill(data.placeOfBirth);
    await this.extraSubmit.click();
    await this.heading.waitFor();
  }
}
