import { html } from 'hono/html';
import { type CardField, type CardProblem, cardLabel } from '../../domain/card-input.ts';
import type { StoredCard } from '../../domain/cards.ts';
import type { CardState, HistoryEntry } from '../../domain/wallet.ts';
import type { Ctx } from '../../http/origin.ts';
import { cardFieldError } from '../card-problems.ts';
import { csrfField } from '../layout.ts';
import { expiryText } from './cards.ts';
import { input } from './form.ts';

export type WalletCard = StoredCard & { state: CardState };

function cardLine(c: Ctx, card: WalletCard) {
  const t = c.get('t');
  return html`<span>${cardLabel(card)} · ${t('wallet.expires', { expiry: expiryText(card) })} · <strong class="state-${card.state}">${t(`wallet.state.${card.state}`)}</strong></span>`;
}

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
  ${
    p.cards.length
      ? html`<ul class="cards" aria-labelledby="linked-cards">${p.cards.map((card) => html`<li>${cardLine(c, card)}</li>`)}</ul>`
      : html`<p>${t('wallet.noCards')}</p>`
  }
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

/** R1: "edit cards" -> the list with "remove card" next to each card -> confirm. */
export function editCardsView(c: Ctx, cards: WalletCard[]) {
  const t = c.get('t');
  return html`<h1>${t('wallet.editCardsTitle')}</h1>
<section aria-labelledby="linked-cards">
  <h2 id="linked-cards">${t('wallet.linkedCards')}</h2>
  ${
    cards.length
      ? html`<ul class="cards" aria-labelledby="linked-cards">${cards.map((card) => {
          const label = cardLabel(card);
          const dialogId = `confirm-${card.id}`;
          return html`<li>
  ${cardLine(c, card)}
  <button type="button" data-opens="${dialogId}" aria-label="${t('wallet.removeCardOf', { card: label })}">${t('wallet.removeCard')}</button>
  <dialog id="${dialogId}" aria-labelledby="${dialogId}-title">
    <h2 id="${dialogId}-title">${t('wallet.confirmRemoveTitle')}</h2>
    <p>${t('wallet.confirmRemoveText', { card: label })}</p>
    <form method="post" action="/account/cards/${card.id}/remove">
      ${csrfField(c.get('csrf'))}
      <button type="submit">${t('common.confirm')}</button>
      <button type="button" data-closes>${t('common.cancel')}</button>
    </form>
  </dialog>
</li>`;
        })}</ul>`
      : html`<p>${t('wallet.noCards')}</p>`
  }
</section>
<p><a href="/account">${t('wallet.backToAccount')}</a></p>`;
}

/** F8/F9: "Manage your cards": "Add card", and "Replace card" next to an expired one. */
export function manageCardsView(c: Ctx, cards: WalletCard[]) {
  const t = c.get('t');
  return html`<h1>${t('wallet.manageTitle')}</h1>
<p><a href="/account/cards/add" role="button">${t('wallet.addCard')}</a></p>
<section aria-labelledby="linked-cards">
  <h2 id="linked-cards">${t('wallet.linkedCards')}</h2>
  ${
    cards.length
      ? html`<ul class="cards" aria-labelledby="linked-cards">${cards.map(
          (card) => html`<li>
  ${cardLine(c, card)}
  ${
    card.state === 'expired'
      ? html`<a href="/account/cards/add?replace=${card.id}" aria-label="${t('wallet.replaceCardOf', { card: cardLabel(card) })}">${t('wallet.replaceCard')}</a>`
      : ''
  }
</li>`,
        )}</ul>`
      : html`<p>${t('wallet.noCards')}</p>`
  }
</section>
<p><a href="/account">${t('wallet.backToAccount')}</a></p>`;
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
