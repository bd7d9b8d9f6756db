import { html } from 'hono/html';
import { cardLabel } from '../domain/card-input.ts';
import type { StoredCard } from '../domain/cards.ts';
import type { Ctx } from '../http/origin.ts';
import { csrfField, type Html } from './layout.ts';

/** MM/YY, as every screen of the mock shows a card's expiry. */
export function expiryText(card: Pick<StoredCard, 'expMonth' | 'expYear'>): string {
  return `${String(card.expMonth).padStart(2, '0')}/${String(card.expYear % 100).padStart(2, '0')}`;
}

/** A bin icon: decorative, so the button's accessible name comes from its aria-label alone. */
const BIN_ICON = html`<svg aria-hidden="true" focusable="false" width="18" height="18" viewBox="0 0 24 24"><path fill="currentColor" d="M9 3h6l1 2h4v2H4V5h4l1-2zm-3 6h12l-1 12H7L6 9zm4 2v8h1.5v-8H10zm3.5 0v8H15v-8h-1.5z"/></svg>`;

/** Locale keys (with `{card}` where a card is named) of a removal that asks to confirm in a dialog. */
export interface ConfirmRemovalKeys {
  /** The button's visible text (or, with `icon`, its tooltip). */
  button: string;
  /** Its accessible name, "Delete card {card}". */
  buttonOf: string;
  title: string;
  text: string;
}

/** What each entry of the list offers next to the card. */
export type EntryControl<C extends StoredCard> =
  /** A button opening a confirm dialog whose form posts to `action(card)` (help, mobile site, wallet). */
  | {
      kind: 'confirm';
      action: (card: C) => string;
      keys: ConfirmRemovalKeys;
      icon?: boolean;
      /** Fields the confirm form demands besides the button (fault remove-asks-birth-date). */
      fields?: (card: C) => Html;
    }
  /** A button that posts at once, no confirm step (the mobile app). */
  | { kind: 'post'; action: (card: C) => string; keys: { button: string; buttonOf: string } }
  /** Anything else (the wallet's "Replace card" link). */
  | { kind: 'custom'; render: (card: C) => Html | string };

/** The keys of a screen's list by the locale tables' convention: `<area>.expires`, `<area>.noCards`. */
export function listKeys(area: string): CardListProps<StoredCard>['keys'] {
  return { expires: `${area}.expires`, empty: `${area}.noCards` };
}

/**
 * A removal confirmed in a dialog, its keys by the locale tables' convention:
 * `<area>.deleteCard`, `.deleteCardOf`, `.confirmDeleteTitle`, `.confirmDeleteText` ("remove": Remove).
 */
export function confirmRemoval<C extends StoredCard>(
  area: string,
  action: (card: C) => string,
  options: { verb?: 'delete' | 'remove'; icon?: boolean; fields?: (card: C) => Html } = {},
): EntryControl<C> {
  const verb = options.verb === 'remove' ? 'Remove' : 'Delete';
  const keys = {
    button: `${area}.${verb.toLowerCase()}Card`,
    buttonOf: `${area}.${verb.toLowerCase()}CardOf`,
    title: `${area}.confirm${verb}Title`,
    text: `${area}.confirm${verb}Text`,
  };
  return { kind: 'confirm', action, keys, icon: options.icon, fields: options.fields };
}

export interface CardListProps<C extends StoredCard> {
  cards: readonly C[];
  /** Locale keys: "expires {expiry}", and the sentence shown instead of an empty list. */
  keys: { expires: string; empty: string; state?: (state: string) => string };
  /** The id of the heading that names the list; without it the list is named by nothing of its own. */
  labelledBy?: string;
  control?: EntryControl<C>;
}

/**
 * The one card list of the mock: every screen that lists a buyer's cards renders it, with its own
 * texts and control. Each entry: "VISA •••• 4242 · expires 12/29" (· the wallet's state), then the control.
 */
export function cardList<C extends StoredCard & { state?: string }>(c: Ctx, p: CardListProps<C>): Html {
  const t = c.get('t');
  if (!p.cards.length) return html`<p>${t(p.keys.empty)}</p>`;
  const entry = (card: C) => {
    const label = cardLabel(card);
    const state =
      card.state && p.keys.state
        ? html` · <strong class="state-${card.state}">${t(p.keys.state(card.state))}</strong>`
        : '';
    return html`<li>
  <span>${label} · ${t(p.keys.expires, { expiry: expiryText(card) })}${state}</span>
  ${p.control ? control(c, p.control, card, label) : ''}
</li>`;
  };
  return html`<ul class="cards"${p.labelledBy ? html` aria-labelledby="${p.labelledBy}"` : ''}>
${p.cards.map(entry)}
</ul>`;
}

/** A section named by its heading (`<h2 id>`, or `<h1 id>` with `level: 1`) holding the card list. */
export function cardSection<C extends StoredCard & { state?: string }>(
  c: Ctx,
  section: { id: string; heading: string; level?: 1 | 2 },
  list: CardListProps<C>,
): Html {
  const heading =
    section.level === 1
      ? html`<h1 id="${section.id}">${section.heading}</h1>`
      : html`<h2 id="${section.id}">${section.heading}</h2>`;
  return html`<section aria-labelledby="${section.id}">
  ${heading}
  ${cardList(c, list)}
</section>`;
}

function control<C extends StoredCard>(c: Ctx, ctl: EntryControl<C>, card: C, label: string) {
  const t = c.get('t');
  const csrf = csrfField(c.get('csrf'));
  switch (ctl.kind) {
    case 'custom':
      return ctl.render(card);
    case 'post':
      return html`<form method="post" action="${ctl.action(card)}">
    ${csrf}
    <button type="submit" aria-label="${t(ctl.keys.buttonOf, { card: label })}">${t(ctl.keys.button)}</button>
  </form>`;
    case 'confirm': {
      const dialogId = `confirm-${card.id}`;
      const name = t(ctl.keys.buttonOf, { card: label });
      const button = ctl.icon
        ? html`<button type="button" class="icon" data-opens="${dialogId}" aria-label="${name}" title="${t(ctl.keys.button)}">${BIN_ICON}</button>`
        : html`<button type="button" data-opens="${dialogId}" aria-label="${name}">${t(ctl.keys.button)}</button>`;
      return html`${button}
  <dialog id="${dialogId}" aria-labelledby="${dialogId}-title">
    <h2 id="${dialogId}-title">${t(ctl.keys.title)}</h2>
    <p>${t(ctl.keys.text, { card: label })}</p>
    <form method="post" action="${ctl.action(card)}">
      ${csrf}
      ${ctl.fields ? ctl.fields(card) : ''}
      <button type="submit">${t('common.confirm')}</button>
      <button type="button" data-closes>${t('common.cancel')}</button>
    </form>
  </dialog>`;
    }
  }
}
