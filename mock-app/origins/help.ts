import { html } from 'hono/html';
import { cardLabel } from '../domain/card-input.ts';
import { createOrigin, type Ctx, errorPage, type MockContext, page, setFlash } from '../http/origin.ts';
import { helpCardsView } from '../views/help/cards.ts';
import { questionAnswerView } from '../views/help/question-answer.ts';
import { helpHeader } from '../views/help/header.ts';

export const HELP_ENTRY = '/buyercenter/questionAnswer.htm';
export const HELP_CARDS = '/buyercenter/cards';

/** R4: the buyer centre's help page, a sibling host of the shop that trusts its sign-in. */
export function helpApp(mock: MockContext) {
  const app = createOrigin(mock, 'help');
  const { platform } = mock;
  const helpPage = (c: Ctx, title: string, body: Parameters<typeof page>[1]['body'], omitLang = false) =>
    c.html(page(c, { title, body, header: helpHeader(c, mock.urls.shop!), omitLang }));
  /** Signed-out visitors sign in at the shop and come back here (a POST comes back to the list). */
  const toSignIn = (c: Ctx, next = c.req.url) =>
    c.redirect(`${mock.urls.shop}/signin?next=${encodeURIComponent(next)}`);

  // Fault help-500: every help page answers 500 (the health check still answers, as a broken app's would).
  app.use(async (c, next) => {
    if (!platform.faults.has('help-500') || c.req.path === '/healthz') return next();
    const t = c.get('t');
    return c.html(
      page(c, {
        title: t('common.errorTitle'),
        body: html`<h1>${t('common.errorTitle')}</h1><p>${t('help.unavailable')}</p>`,
      }),
      500,
    );
  });

  app.get('/', (c) => c.redirect(HELP_ENTRY));

  app.get(HELP_ENTRY, (c) => helpPage(c, c.get('t')('help.title'), questionAnswerView(c)));

  app.get(HELP_CARDS, (c) => {
    const account = c.get('account');
    if (!account) return toSignIn(c);
    // Fault help-lang-missing: the card page loses <html lang> (axe html-has-lang); the flow still works.
    return helpPage(
      c,
      c.get('t')('help.linkedCards'),
      helpCardsView(c, platform.cardsOn('help', account.id)),
      platform.faults.has('help-lang-missing'),
    );
  });

  app.post(`${HELP_CARDS}/:id/delete`, (c) => {
    const account = c.get('account');
    if (!account) return toSignIn(c, `${mock.urls.help}${HELP_CARDS}`);
    const card = platform.removeCard('help', account.id, c.req.param('id'));
    if (!card) return errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));
    setFlash(c, mock, c.get('t')('help.cardDeleted', { card: cardLabel(card) }));
    return c.redirect(HELP_CARDS, 303);
  });

  return app;
}
