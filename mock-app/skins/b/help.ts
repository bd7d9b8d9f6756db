import { cardLabel } from '../../domain/card-input.ts';
import { type MockContext, setFlash } from '../../http/origin.ts';
import { skinOrigin } from './origin.ts';
import { B, fill } from './texts.ts';
import { HELP } from './texts-sites.ts';
import { ARTICLES, articleView, helpCardsView, helpHeader, helpHomeView } from './views/help.ts';

/** Skin B's help centre (R4): home -> article "Remove a saved card" -> "View my saved cards" -> Remove. */
export function helpB(mock: MockContext) {
  const { platform } = mock;
  const { app, show, notFound, toLogin } = skinOrigin(mock, 'help', {
    name: HELP.site,
    header: (c) => helpHeader(c, mock),
  });

  // Fault help-500: every page answers 500 (the health check still answers, as a broken app's would).
  app.use(async (c, next) => {
    if (!platform.faults.has('help-500') || c.req.path === '/healthz') return next();
    return c.html(
      `<!doctype html><html lang="en"><title>${B.common.errorTitle}</title><h1>${B.common.errorTitle}</h1><p>${HELP.unavailable}</p></html>`,
      500,
    );
  });

  app.get('/', (c) => show(c, HELP.home, helpHomeView()));

  app.get('/articles/:slug', (c) => {
    const article = ARTICLES.find((a) => a.slug === c.req.param('slug'));
    return article ? show(c, article.title, articleView(article)) : notFound(c);
  });

  app.get('/my-cards', (c) => {
    const account = c.get('account');
    if (!account) return toLogin(c);
    // Fault help-lang-missing: the card page loses <html lang> (axe html-has-lang); the flow still works.
    return show(c, HELP.cardsTitle, helpCardsView(c, platform.cardsOn('help', account.id)), 200, {
      lang: !platform.faults.has('help-lang-missing'),
    });
  });

  app.post('/my-cards/:id/remove', (c) => {
    const account = c.get('account');
    if (!account) return toLogin(c, `${mock.urls.help}/my-cards`);
    const card = platform.removeCard('help', account.id, c.req.param('id'));
    if (!card) return notFound(c);
    setFlash(c, mock, fill(HELP.removed, { card: cardLabel(card) }));
    return c.redirect('/my-cards', 303);
  });

  return app;
}
