import { html } from 'hono/html';
import { type CardProblem, cardLabel } from '../../../domain/card-input.ts';
import type { StoredCard } from '../../../domain/cards.ts';
import type { HistoryEntry, WalletCard } from '../../../domain/wallet.ts';
import type { Ctx } from '../../../http/origin.ts';
import { expiryText } from '../../../views/card-list.ts';
import { csrfField } from '../../../views/layout.ts';
import { field, type Html, problems } from '../layout.ts';
import { B, fill } from '../texts.ts';
import { PAY } from '../texts-wallet.ts';
import { cardFieldProblem, cardProblemText } from './card-problems.ts';

/**
 * R3: "Payment cards", a table with a row per card. "Unlink" is a GET form: it opens a confirm page
 * holding the POST form (no dialog).
 */
export function directView(cards: StoredCard[]) {
  return html`<h1>${PAY.cardsTitle}</h1>
<p>${PAY.cardsIntro}</p>
${
  cards.length
    ? html`<table>
  <caption>${PAY.caption}</caption>
  <thead><tr><th scope="col">${PAY.card}</th><th scope="col">${PAY.expires}</th><th scope="col">${PAY.action}</th></tr></thead>
  <tbody>${cards.map(
    (card) => html`<tr><td>${cardLabel(card)}</td><td>${expiryText(card)}</td>
    <td><form method="get" action="/payment-cards/${card.id}/unlink"><button type="submit">${PAY.unlink}</button></form></td></tr>`,
  )}</tbody>
</table>`
    : html`<p>${PAY.noCards}</p>`
}`;
}

/** A confirm page: the card, what will happen, the POST form, and a way back. */
export function confirmView(
  c: Ctx,
  p: {
    title: string;
    text: string;
    action: string;
    confirm: string;
    cancel: string;
    back: string;
    /** Fields the step asks besides the button (fault remove-asks-birth-date). */
    fields?: Html;
  },
) {
  return html`<h1>${p.title}</h1>
<p>${p.text}</p>
<form method="post" action="${p.action}">
  ${csrfField(c.get('csrf'))}
  ${p.fields ?? ''}
  <button type="submit">${p.confirm}</button>
</form>
<p><a href="${p.back}">${p.cancel}</a></p>`;
}

const sections = (current: 'overview' | 'activity') =>
  html`<nav aria-label="${PAY.sections}"><ul>
  <li><a href="/wallet" ${current === 'overview' ? html`aria-current="page"` : ''}>${PAY.overview}</a></li>
  <li><a href="/wallet/activity" ${current === 'activity' ? html`aria-current="page"` : ''}>${PAY.activity}</a></li>
</ul></nav>`;

function stateText(card: WalletCard): string {
  return PAY.states[card.state];
}

/** R1: the overview (a page, not a tab): the cards as a list, and "Your cards" to change them. */
export function overviewView(p: { cards: WalletCard[] }) {
  return html`<h1>${PAY.overviewTitle}</h1>
${sections('overview')}
<section aria-labelledby="in-wallet">
  <h2 id="in-wallet">${PAY.cardsInWallet}</h2>
  ${
    p.cards.length
      ? html`<ul>${p.cards.map((card) => html`<li>${cardLabel(card)} · ${expiryText(card)} · <strong>${stateText(card)}</strong></li>`)}</ul>`
      : html`<p>${PAY.noCards}</p>`
  }
  <p><a href="/wallet/cards">${PAY.yourCards}</a></p>
</section>`;
}

function stamp(at: number): string {
  return new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** R1: "Activity", a page of its own: a table of every card added or removed. */
export function activityView(history: HistoryEntry[]) {
  return html`<h1>${PAY.activity}</h1>
${sections('activity')}
${
  history.length
    ? html`<table>
  <caption>${PAY.activityCaption}</caption>
  <thead><tr><th scope="col">${PAY.when}</th><th scope="col">${PAY.what}</th></tr></thead>
  <tbody>${history.map(
    (h) => html`<tr><td><time datetime="${new Date(h.at).toISOString()}">${stamp(h.at)}</time></td>
    <td>${fill(h.kind === 'added' ? PAY.added : PAY.removed, { card: cardLabel(h) })}</td></tr>`,
  )}</tbody>
</table>`
    : html`<p>${PAY.noActivity}</p>`
}`;
}

/**
 * R1, L2, F9 on one page (skin A has two): "Add a card", and a table row per card with "Remove"
 * (a link to a confirm page) and, for an expired card, "Replace".
 */
export function yourCardsView(p: { cards: WalletCard[]; canRemove: boolean }) {
  const { cards } = p;
  return html`<h1>${PAY.cardsPageTitle}</h1>
<p><a class="button" href="/wallet/cards/new">${PAY.addCard}</a></p>
${
  cards.length
    ? html`<table>
  <caption>${PAY.cardsPageTitle}</caption>
  <thead><tr><th scope="col">${PAY.card}</th><th scope="col">${PAY.expires}</th><th scope="col">${PAY.status}</th><th scope="col">${PAY.action}</th></tr></thead>
  <tbody>${cards.map(
    (card) => html`<tr><td>${cardLabel(card)}</td><td>${expiryText(card)}</td><td>${stateText(card)}</td>
    <td>${p.canRemove ? html`<a href="/wallet/cards/${card.id}/remove">${PAY.remove}</a>` : ''}
    ${card.state === 'expired' ? html` <a href="/wallet/cards/new?replace=${card.id}">${PAY.replace}</a>` : ''}</td></tr>`,
  )}</tbody>
</table>`
    : html`<p>${PAY.noCards}</p>`
}
<p><a href="/wallet">${PAY.back}</a></p>`;
}

/** L2/F8/F9: the card form; never echoes a number or a CVC. */
export function newCardView(
  c: Ctx,
  p: {
    replacing?: StoredCard;
    form: Record<string, string | undefined>;
    cardProblems?: readonly CardProblem[];
    refused?: 'limit' | 'duplicate';
  },
) {
  const cardProblems = p.cardProblems ?? [];
  return html`<h1>${p.replacing ? fill(PAY.replaceTitle, { card: cardLabel(p.replacing) }) : PAY.newCardTitle}</h1>
${problems([...cardProblems.map(cardProblemText), ...(p.refused ? [PAY.refused[p.refused]] : [])])}
<form method="post" action="/wallet/cards/new" novalidate>
  ${csrfField(c.get('csrf'))}
  ${p.replacing ? html`<input type="hidden" name="replace" value="${p.replacing.id}">` : ''}
  <fieldset>
    <legend>${PAY.cardLegend}</legend>
    ${field({ id: 'pay-number', name: 'number', label: PAY.cardNumber, inputmode: 'numeric', autocomplete: 'cc-number', problem: cardFieldProblem(cardProblems, 'cardNumber') })}
    ${field({ id: 'pay-expiry', name: 'exp', label: PAY.expiry, autocomplete: 'cc-exp', value: (p.form.exp ?? '').slice(0, 7), problem: cardFieldProblem(cardProblems, 'expiry') })}
    ${field({ id: 'pay-cvc', name: 'csc', label: PAY.cvc, type: 'password', inputmode: 'numeric', autocomplete: 'cc-csc', problem: cardFieldProblem(cardProblems, 'cvc') })}
    ${field({ id: 'pay-holder', name: 'name_on_card', label: PAY.holder, autocomplete: 'cc-name', value: (p.form.name_on_card ?? '').slice(0, 80), problem: cardFieldProblem(cardProblems, 'holder') })}
  </fieldset>
  <p><button type="submit">${PAY.save}</button></p>
</form>
<p><a href="/wallet/cards">${B.common.cancel}</a></p>`;
}

/** F11: a risky card waits (in memory) while the buyer says who they are. */
export function extraView(
  c: Ctx,
  p: {
    token: string;
    card: string;
    form: Record<string, string | undefined>;
    errors: ('documentNumber' | 'placeOfBirth')[];
  },
) {
  return html`<h1>${PAY.extraTitle}</h1>
<p>${fill(PAY.extraText, { card: p.card })}</p>
${problems(p.errors.map((e) => PAY.extraErrors[e]))}
<form method="post" action="/wallet/cards/confirm-identity" novalidate>
  ${csrfField(c.get('csrf'))}
  <input type="hidden" name="token" value="${p.token}">
  ${field({ id: 'documentNumber', label: PAY.extraDocument, value: (p.form.documentNumber ?? '').slice(0, 30), problem: p.errors.includes('documentNumber') ? PAY.extraErrors.documentNumber : undefined })}
  ${field({ id: 'placeOfBirth', label: PAY.extraBirthplace, value: (p.form.placeOfBirth ?? '').slice(0, 80), problem: p.errors.includes('placeOfBirth') ? PAY.extraErrors.placeOfBirth : undefined })}
  <p><button type="submit">${PAY.extraSubmit}</button></p>
</form>`;
}
