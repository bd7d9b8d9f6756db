import { html } from 'hono/html';
import { type CardField, type CardProblem, cardLabel } from '../../domain/card-input.ts';
import type { StoredCard } from '../../domain/cards.ts';
import type { HistoryEntry, WalletCard } from '../../domain/wallet.ts';
import type { Ctx } from '../../http/origin.ts';
import { cardFieldError } from '../card-problems.ts';
import { cardList, cardSection, confirmRemoval, type EntryControl, listKeys } from '../card-list.ts';
import { csrfField, type Html } from '../layout.ts';
import { input } from './form.ts';

/** The keys every wallet card list shares: expiry, empty state, and the card's state. */
const WALLET_LIST = { ...listKeys('wallet'), state: (state: string) => `wallet.state.${state}` };

function stamp(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** R1/R2: the wallet profile, tabs "My Account" (linked cards) and "History". */
export function homeView(
  c: Ctx,
  p: { tab: 'account' | 'history'; cards: WalletCard[]; history: HistoryEntry[]; editCards: boolean },
) {
  const t = c.get('t');
  const tab = (id: 'account' | 'history', key: string) =>
    html`<a role="tab" id="tab-${id}" href="/account?tab=${id}" aria-selected="${String(p.tab === id)}" aria-controls="panel-${id}">${t(key)}</a>`;
  const panel =
    p.tab === 'account'
      ? html`<section role="tabpanel" id="panel-account" aria-labelledby="tab-account">
  <h2 id="linked-cards">${t('wallet.linkedCards')}</h2>
  <p>
    ${p.editCards ? html`<a href="/account/cards/edit" aria-label="${t('wallet.editCards')}" title="${t('wallet.editCards')}">✎</a>` : ''}
    <a href="/account/cards">${t('wallet.manageCards')}</a>
  </p>
  ${cardList(c, { cards: p.cards, labelledBy: 'linked-cards', keys: WALLET_LIST })}
</section>`
      : html`<section role="tabpanel" id="panel-history" aria-labelledby="tab-history">
  ${
    p.history.length
      ? html`<ul aria-labelledby="tab-history">${p.history.map(
          (h) =>
            html`<li><time datetime="${new Date(h.at).toISOString()}">${stamp(h.at)}</time> ${t(
              h.kind === 'added' ? 'wallet.historyAdded' : 'wallet.historyRemoved',
              { card: cardLabel(h) },
            )}</li>`,
        )}</ul>`
      : html`<p>${t('wallet.historyEmpty')}</p>`
  }
</section>`;
  return html`<h1>${t('wallet.homeTitle')}</h1>
<nav role="tablist" aria-label="${t('wallet.homeTitle')}">${tab('account', 'wallet.myAccountTab')} ${tab('history', 'wallet.historyTab')}</nav>
${panel}`;
}

/** A page of the wallet's linked cards under its heading (`titleKey`), and the way back to the account. */
function cardsPage(
  c: Ctx,
  titleKey: string,
  cards: WalletCard[],
  control: EntryControl<WalletCard>,
  before: Html | string = '',
) {
  const t = c.get('t');
  return html`<h1>${t(titleKey)}</h1>
${before}
${cardSection(
  c,
  { id: 'linked-cards', heading: t('wallet.linkedCards') },
  { cards, labelledBy: 'linked-cards', keys: WALLET_LIST, control },
)}
<p><a href="/account">${t('wallet.backToAccount')}</a></p>`;
}

/** R1: "edit cards" -> the list with "remove card" next to each card -> confirm. */
export function editCardsView(c: Ctx, cards: WalletCard[]) {
  const remove = confirmRemoval<WalletCard>('wallet', (card) => `/account/cards/${card.id}/remove`, {
    verb: 'remove',
  });
  return cardsPage(c, 'wallet.editCardsTitle', cards, remove);
}

/** F8/F9: "Manage your cards": "Add card", and "Replace card" next to an expired one. */
export function manageCardsView(c: Ctx, cards: WalletCard[]) {
  const t = c.get('t');
  const replace = (card: WalletCard) =>
    card.state === 'expired'
      ? html`<a href="/account/cards/add?replace=${card.id}" aria-label="${t('wallet.replaceCardOf', { card: cardLabel(card) })}">${t('wallet.replaceCard')}</a>`
      : '';
  const addCard = html`<p><a href="/account/cards/add" role="button">${t('wallet.addCard')}</a></p>`;
  return cardsPage(c, 'wallet.manageTitle', cards, { kind: 'custom', render: replace }, addCard);
}

/** The card form never echoes a number or a CVC back: after an error the buyer types them again. */
export function addCardView(
  c: Ctx,
  p: {
    replacing?: StoredCard;
    form: Record<string, string>;
    /** The typed card's refused fields. */
    cardProblems?: readonly CardProblem[];
    /** Why a valid card was not linked: the wallet is full, or holds it already. */
    refused?: 'limit' | 'duplicate';
  },
) {
  const t = c.get('t');
  const problems = p.cardProblems ?? [];
  const err = (f: CardField) => cardFieldError(c, problems, f);
  const numberError = err('cardNumber') ?? (p.refused ? t(`wallet.errors.${p.refused}`) : undefined);
  return html`<h1>${p.replacing ? t('wallet.replaceTitle', { card: cardLabel(p.replacing) }) : t('wallet.addCard')}</h1>
<form method="post" action="/account/cards/add">
  ${csrfField(c.get('csrf'))}
  ${p.replacing ? html`<input type="hidden" name="replace" value="${p.replacing.id}">` : ''}
  ${input(c, { id: 'cardNumber', label: t('wallet.cardNumber'), inputmode: 'numeric', autocomplete: 'cc-number', errorText: numberError })}
  ${input(c, { id: 'expiry', label: t('wallet.expiry'), autocomplete: 'cc-exp', value: (p.form.expiry ?? '').slice(0, 7), errorText: err('expiry') })}
  ${input(c, { id: 'cvc', label: t('wallet.cvc'), inputmode: 'numeric', autocomplete: 'cc-csc', errorText: err('cvc') })}
  ${input(c, { id: 'holder', label: t('wallet.holder'), autocomplete: 'cc-name', value: (p.form.holder ?? '').slice(0, 80), errorText: err('holder') })}
  <p><button type="submit">${t('wallet.addCard')}</button></p>
</form>`;
}

/** F11: a risky card waits (in memory) while the buyer confirms who they are. */
export function extraIdentityView(
  c: Ctx,
  p: { token: string; card: string; form: Record<string, string>; errors: string[] },
) {
  const t = c.get('t');
  return html`<h1>${t('wallet.extraTitle')}</h1>
<p>${t('wallet.extraText', { card: p.card })}</p>
<form method="post" action="/account/cards/confirm-identity">
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="token" value="${p.token}">
  ${input(c, {
    id: 'documentNumber',
    label: t('wallet.extraDocumentNumber'),
    value: (p.form.documentNumber ?? '').slice(0, 30),
    error: p.errors.includes('documentNumber') ? 'wallet.errors.extraDocumentNumber' : undefined,
  })}
  ${input(c, {
    id: 'placeOfBirth',
    label: t('wallet.extraPlaceOfBirth'),
    value: (p.form.placeOfBirth ?? '').slice(0, 80),
    error: p.errors.includes('placeOfBirth') ? 'wallet.errors.extraPlaceOfBirth' : undefined,
  })}
  <p><button type="submit">${t('wallet.extraSubmit')}</button></p>
</form>`;
}
