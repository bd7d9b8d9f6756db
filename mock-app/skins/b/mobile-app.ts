import { html } from 'hono/html';
import type { Account } from '../../domain/accounts.ts';
import { cardLabel } from '../../domain/card-input.ts';
import { type Ctx, type MockContext, setFlash } from '../../http/origin.ts';
import type { Html } from './layout.ts';
import { type Gate, isAnswer, skinOrigin } from './origin.ts';
import { fill } from './texts.ts';
import { APP } from './texts-sites.ts';
import {
  type AppTab,
  accountView,
  appShell,
  bankCardsView,
  detailsView,
  removeCardView,
} from './views/mobile-app.ts';

/**
 * Skin B's mobile app (R5): tab bar "Account" -> "My bank cards" (a page with its own h1) -> "Remove"
 * -> a confirm screen -> back to the list. Signed-out visitors log in at the shop and come back.
 */
export function mobileAppB(mock: MockContext) {
  const { platform } = mock;
  const { app, notFound, toLogin } = skinOrigin(mock, 'mobile-app', {
    name: APP.name,
    header: () => html`<strong>${APP.name}</strong>`,
  });
  // Fault mobile-label-drift: the tab bar's "Account" is renamed (a release that changed a label).
  const accountLabel = () => (platform.faults.has('mobile-label-drift') ? APP.accountDrifted : APP.account);
  const screen = (c: Ctx, title: string, body: Html, current: AppTab, back?: string) =>
    c.html(appShell(c, { title, body, current, back, accountLabel: accountLabel() }));
  const buyer = (c: Ctx, next?: string): Gate<Account> => c.get('account') ?? toLogin(c, next);

  app.get('/', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return screen(
      c,
      APP.home,
      html`<h1>${APP.home}</h1><p>${fill(APP.hello, { email: account.email })}</p>`,
      'home',
    );
  });
  for (const [path, title, tab] of [
    ['/orders', APP.orders, 'orders'],
    ['/inbox', APP.inbox, 'inbox'],
  ] as const)
    app.get(path, (c) => {
      const account = buyer(c);
      if (isAnswer(account)) return account;
      return screen(c, title, html`<h1>${title}</h1><p>${APP.nothingYet}</p>`, tab);
    });

  app.get('/account', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return screen(c, accountLabel(), accountView(accountLabel()), 'account');
  });
  app.get('/account/details', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return screen(c, APP.details, detailsView(account), 'account', '/account');
  });
  app.get('/account/addresses', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return screen(
      c,
      APP.addresses,
      html`<h1>${APP.addresses}</h1><p>${APP.noAddresses}</p>`,
      'account',
      '/account',
    );
  });

  app.get('/account/bank-cards', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return screen(
      c,
      APP.bankCards,
      bankCardsView(platform.cardsOn('mobile-app', account.id)),
      'account',
      '/account',
    );
  });

  app.get('/account/bank-cards/:id/remove', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const card = platform.cardsOn('mobile-app', account.id).find((x) => x.id === c.req.param('id'));
    if (!card) return notFound(c);
    return screen(c, APP.confirmTitle, removeCardView(c, card), 'account', '/account/bank-cards');
  });

  app.post('/account/bank-cards/:id/remove', (c) => {
    const account = buyer(c, `${mock.urls.mobileApp}/account/bank-cards`);
    if (isAnswer(account)) return account;
    const card = platform.removeCard('mobile-app', account.id, c.req.param('id'));
    if (!card) return notFound(c);
    setFlash(c, mock, fill(APP.removed, { card: cardLabel(card) }));
    return c.redirect('/account/bank-cards', 303);
  });

  return app;
}
