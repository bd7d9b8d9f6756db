import { cardLabel } from '../domain/card-input.ts';
import { createOrigin, errorPage, type Ctx, type MockContext, page, setFlash } from '../http/origin.ts';
import { shopHeader } from '../views/shop/header.ts';
import { directView } from '../views/wallet/direct.ts';

export function walletApp(mock: MockContext) {
  const app = createOrigin(mock, 'wallet');
  const { platform } = mock;

  /** The wallet trusts the shop's session (one sign-in for both, like sibling hosts). */
  const buyerOr = (c: Ctx) => c.get('account');
  const toSignIn = (c: Ctx) => c.redirect(`${mock.urls.shop}/signin?next=${encodeURIComponent(c.req.url)}`);

  app.get('/', (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    const t = c.get('t');
    return c.html(
      page(c, {
        title: t('wallet.directTitle'),
        header: shopHeader(c, mock.urls.shop!),
        body: directView(c, platform.cardsOn('wallet-direct', account.id)),
      }),
    );
  });

  app.post('/cards/:id/delete', (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    const card = platform.cards.find(account.id, c.req.param('id'));
    if (!card || !platform.removeCard('wallet-direct', account.id, card.id)) {
      return errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));
    }
    setFlash(c, mock, c.get('t')('wallet.cardDeleted', { card: cardLabel(card) }));
    return c.redirect('/', 303);
  });

  return app;
}
