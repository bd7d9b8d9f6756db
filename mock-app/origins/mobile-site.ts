import { cardLabel } from '../domain/card-input.ts';
import { CATALOG } from '../domain/orders.ts';
import { createOrigin, type Ctx, errorPage, type MockContext, page, setFlash } from '../http/origin.ts';
import { mobileSiteHeader } from '../views/mobile-site/header.ts';
import {
  answerView,
  cardsView,
  categoriesView,
  helpCenterView,
  homeView,
  QUESTIONS,
  sureView,
} from '../views/mobile-site/pages.ts';

/**
 * R6: the mobile version of the site, opened on a desktop browser: three-bar menu -> Help Center ->
 * "How do I change my card information?" -> a link to the card page (delete + confirm). Menu and help
 * are public; the card page needs the shop's sign-in.
 */
export function mobileSiteApp(mock: MockContext) {
  const app = createOrigin(mock, 'mobile-site');
  const { platform } = mock;
  const sitePage = (c: Ctx, title: string, body: Parameters<typeof page>[1]['body']) =>
    c.html(page(c, { title, body, header: mobileSiteHeader(c) }));
  const toSignIn = (c: Ctx, next = c.req.url) =>
    c.redirect(`${mock.urls.shop}/signin?next=${encodeURIComponent(next)}`);

  const home = (c: Ctx) => sitePage(c, c.get('t')('mobile.site.name'), homeView(c, CATALOG, mock.urls.shop!));
  app.get('/', home);
  app.get('/index.htm', home);
  app.get('/categories', (c) =>
    sitePage(c, c.get('t')('mobile.site.categories'), categoriesView(c, CATALOG, mock.urls.shop!)),
  );
  app.get('/help', (c) => sitePage(c, c.get('t')('mobile.site.helpCenter'), helpCenterView(c)));
  app.get('/help/:slug', (c) => {
    const q = QUESTIONS.find((x) => x.slug === c.req.param('slug'));
    if (!q) return errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));
    return sitePage(c, c.get('t')(q.question), answerView(c, q));
  });

  app.get('/cards', (c) => {
    const account = c.get('account');
    if (!account) return toSignIn(c);
    return sitePage(
      c,
      c.get('t')('mobile.site.cardsTitle'),
      cardsView(c, platform.cardsOn('mobile-site', account.id)),
    );
  });

  app.post('/cards/:id/delete', (c) => {
    const account = c.get('account');
    if (!account) return toSignIn(c, `${mock.urls.mobileSite}/cards`);
    // Fault remove-extra-confirm-page: one more page ("Are you sure?") before the card goes.
    if (platform.faults.has('remove-extra-confirm-page') && c.get('form').sure !== 'yes') {
      const card = platform.cards.find(account.id, c.req.param('id'));
      if (!card) return errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));
      return sitePage(c, c.get('t')('mobile.site.sureTitle'), sureView(c, card));
    }
    const card = platform.removeCard('mobile-site', account.id, c.req.param('id'));
    if (!card) return errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));
    setFlash(c, mock, c.get('t')('mobile.site.cardDeleted', { card: cardLabel(card) }));
    return c.redirect('/cards', 303);
  });

  return app;
}
