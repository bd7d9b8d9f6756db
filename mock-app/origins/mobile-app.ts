import { html } from 'hono/html';
import { cardLabel } from '../domain/card-input.ts';
import { createOrigin, type Ctx, errorPage, type MockContext, setFlash } from '../http/origin.ts';
import { appScreen } from '../views/mobile-app/shell.ts';
import { homeView, profileView } from '../views/mobile-app/screens.ts';

/**
 * R5: the marketplace's mobile app, as a phone-sized web app on its own origin. It shares the
 * shop's sign-in; a signed-out visitor signs in at the shop and comes back.
 */
export function mobileAppApp(mock: MockContext) {
  const app = createOrigin(mock, 'mobile-app');
  const { platform } = mock;
  const toSignIn = (c: Ctx, next = c.req.url) =>
    c.redirect(`${mock.urls.shop}/signin?next=${encodeURIComponent(next)}`);
  // Fault mobile-label-drift: the main menu's "My Profile" is renamed (a release that changed a label).
  const profileLabel = (c: Ctx) =>
    c.get('t')(
      platform.faults.has('mobile-label-drift') ? 'mobile.app.myProfileDrifted' : 'mobile.app.myProfile',
    );

  app.get('/', (c) => {
    const account = c.get('account');
    if (!account) return toSignIn(c);
    return c.html(
      appScreen(c, {
        title: c.get('t')('mobile.app.home'),
        body: homeView(c, { account, profileLabel: profileLabel(c) }),
      }),
    );
  });

  // The menu's other entries, so that "My Profile" has to be found among several.
  for (const [path, key] of [
    ['/orders', 'mobile.app.orders'],
    ['/messages', 'mobile.app.messages'],
  ] as const) {
    app.get(path, (c) => {
      if (!c.get('account')) return toSignIn(c);
      const t = c.get('t');
      return c.html(
        appScreen(c, {
          title: t(key),
          back: '/',
          body: html`<h1>${t(key)}</h1><p>${t('mobile.app.nothingYet')}</p>`,
        }),
      );
    });
  }

  const profile = (c: Ctx, tab: 'details' | 'cards') => {
    const account = c.get('account');
    if (!account) return toSignIn(c);
    const cards = tab === 'cards' ? platform.cardsOn('mobile-app', account.id) : [];
    return c.html(
      appScreen(c, {
        title: profileLabel(c),
        back: '/',
        body: profileView(c, { account, profileLabel: profileLabel(c), tab, cards }),
      }),
    );
  };
  app.get('/profile', (c) => profile(c, 'details'));
  app.get('/profile/cards', (c) => profile(c, 'cards'));

  app.post('/profile/cards/:id/delete', (c) => {
    const account = c.get('account');
    if (!account) return toSignIn(c, `${mock.urls.mobileApp}/profile/cards`);
    const card = platform.removeCard('mobile-app', account.id, c.req.param('id'));
    if (!card) return errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));
    setFlash(c, mock, c.get('t')('mobile.app.cardDeleted', { card: cardLabel(card) }));
    return c.redirect('/profile/cards', 303);
  });

  return app;
}
