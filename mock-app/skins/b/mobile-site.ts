import { cardLabel } from '../../domain/card-input.ts';
import { CATALOG } from '../../domain/orders.ts';
import { type MockContext, setFlash } from '../../http/origin.ts';
import { skinOrigin } from './origin.ts';
import { fill } from './texts.ts';
import { SITE } from './texts-sites.ts';
import {
  answerView,
  categoriesView,
  customerServiceView,
  deleteCardView,
  FAQ,
  siteCardsView,
  siteHeader,
  siteHomeView,
  sureView,
} from './views/mobile-site.ts';

/**
 * Skin B's mobile site (R6): "Menu" (a disclosure showing a navigation) -> "Customer service" ->
 * "How do I update or remove a saved card?" -> "Manage saved cards" -> a table with "Delete" ->
 * a confirm page. Menu and answers are public; the card pages need the shop's log-in.
 */
export function mobileSiteB(mock: MockContext) {
  const { platform } = mock;
  const shop = mock.urls.shop!;
  const { app, show, notFound, toLogin } = skinOrigin(mock, 'mobile-site', {
    name: SITE.name,
    header: siteHeader,
  });

  app.get('/', (c) => show(c, SITE.name, siteHomeView(CATALOG, shop)));
  app.get('/categories', (c) => show(c, SITE.categories, categoriesView(CATALOG, shop)));
  app.get('/customer-service', (c) => show(c, SITE.customerService, customerServiceView()));
  app.get('/customer-service/:slug', (c) => {
    const q = FAQ.find((x) => x.slug === c.req.param('slug'));
    return q ? show(c, q.question, answerView(q)) : notFound(c);
  });

  app.get('/account/cards', (c) => {
    const account = c.get('account');
    if (!account) return toLogin(c);
    return show(c, SITE.cardsTitle, siteCardsView(platform.cardsOn('mobile-site', account.id)));
  });

  app.get('/account/cards/:id/delete', (c) => {
    const account = c.get('account');
    if (!account) return toLogin(c);
    const card = platform.cardsOn('mobile-site', account.id).find((x) => x.id === c.req.param('id'));
    return card ? show(c, SITE.confirmTitle, deleteCardView(c, card)) : notFound(c);
  });

  app.post('/account/cards/:id/delete', (c) => {
    const account = c.get('account');
    if (!account) return toLogin(c, `${mock.urls.mobileSite}/account/cards`);
    if (platform.faults.has('remove-extra-confirm-page') && c.get('form').sure !== 'yes') {
      const held = platform.cardsOn('mobile-site', account.id).find((x) => x.id === c.req.param('id'));
      return held ? show(c, SITE.sureTitle, sureView(c, held)) : notFound(c);
    }
    const card = platform.removeCard('mobile-site', account.id, c.req.param('id'));
    if (!card) return notFound(c);
    setFlash(c, mock, fill(SITE.deleted, { card: cardLabel(card) }));
    return c.redirect('/account/cards', 303);
  });

  return app;
}
