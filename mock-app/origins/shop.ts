import { deleteCookie } from 'hono/cookie';
import { validateCard } from '../domain/card-input.ts';
import { CATALOG } from '../domain/orders.ts';
import {
  cookieNames,
  createOrigin,
  errorPage,
  type Ctx,
  type MockContext,
  page,
  safeNext,
  signInSession,
} from '../http/origin.ts';
import { catalogView, productView } from '../views/shop/catalog.ts';
import { checkoutView, orderPlacedView } from '../views/shop/checkout.ts';
import { shopHeader } from '../views/shop/header.ts';
import { signInForm } from '../views/shop/signin.ts';

export function shopApp(mock: MockContext) {
  const app = createOrigin(mock, 'shop');
  const { platform } = mock;
  const shopPage = (
    c: Ctx,
    title: string,
    body: Parameters<typeof page>[1]['body'],
    status: 200 | 422 = 200,
    flash?: string,
  ) => c.html(page(c, { title, body, flash, header: shopHeader(c, mock.urls.shop!) }), status);

  const requireBuyer = (c: Ctx) => {
    const account = c.get('account');
    if (!account) return { redirect: c.redirect(`/signin?next=${encodeURIComponent(c.req.url)}`) };
    return { account };
  };

  app.get('/', (c) => shopPage(c, c.get('t')('shop.catalog'), catalogView(c, CATALOG)));

  app.get('/product/:id', (c) => {
    const product = CATALOG.find((p) => p.id === c.req.param('id'));
    if (!product) return errorPage(c, 404, 'common.notFoundTitle');
    return shopPage(c, product.name, productView(c, product));
  });

  app.get('/signin', (c) =>
    shopPage(c, c.get('t')('common.signIn'), signInForm(c, { next: c.req.query('next') })),
  );

  app.post('/signin', (c) => {
    const form = c.get('form');
    const email = (form.email ?? '').slice(0, 200);
    const account = platform.accounts.authenticate(email, (form.password ?? '').slice(0, 200));
    if (!account)
      return shopPage(
        c,
        c.get('t')('common.signIn'),
        signInForm(c, { next: form.next, email, failed: true }),
        422,
      );
    signInSession(c, mock, account.id);
    return c.redirect(safeNext(mock, form.next, '/'), 303);
  });

  app.post('/signout', (c) => {
    const sid = c.get('sid');
    if (sid) platform.accounts.closeSession(sid);
    deleteCookie(c, cookieNames(mock.cookiePrefix).session, { path: '/' });
    return c.redirect('/', 303);
  });

  app.get('/checkout', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const product = CATALOG.find((p) => p.id === c.req.query('product')) ?? CATALOG[0]!;
    const saved = platform.cardsOn('checkout', gate.account.id);
    const body = checkoutView(c, {
      product,
      saved,
      form: {},
      errors: [],
      linkByDefault: !platform.faults.has('link-unticked'),
    });
    return shopPage(c, c.get('t')('shop.checkout'), body);
  });

  app.post('/checkout', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const { account } = gate;
    const t = c.get('t');
    const form = c.get('form');
    const product = CATALOG.find((p) => p.id === form.product);
    if (!product) return errorPage(c, 400, 'common.badRequestTitle', 'Unknown product.');
    const saved = platform.cardsOn('checkout', account.id);
    const method = form.method ?? 'new';
    const again = (errors: string[]) =>
      shopPage(
        c,
        t('shop.checkout'),
        checkoutView(c, {
          product,
          saved,
          form: { method, expiry: form.expiry, holder: form.holder, linkCard: form.linkCard === 'on' },
          errors,
          linkByDefault: true,
        }),
        422,
      );

    if (method.startsWith('card:')) {
      const card = platform.cards.find(account.id, method.slice(5));
      if (!card) return again(['savedCard']);
      const order = platform.orders.place({ accountId: account.id, product, method: 'card', card });
      return shopPage(c, t('shop.orderPlaced'), orderPlacedView(c, { order }));
    }
    if (method !== 'new') return errorPage(c, 400, 'common.badRequestTitle', 'Unknown payment method.');

    const { card, errors } = validateCard(
      {
        number: form.cardNumber ?? '',
        expiry: form.expiry ?? '',
        cvc: form.cvc ?? '',
        holder: form.holder ?? '',
      },
      new Date(platform.clock.now()),
    );
    if (!card) return again(errors);
    const order = platform.orders.place({ accountId: account.id, product, method: 'card', card });
    if (form.linkCard !== 'on') return shopPage(c, t('shop.orderPlaced'), orderPlacedView(c, { order }));
    const link = platform.cards.link(account.id, card);
    return shopPage(
      c,
      t('shop.orderPlaced'),
      orderPlacedView(c, {
        order,
        linked: link.linked ? link.card : undefined,
        notLinkedReason: link.linked ? undefined : t('shop.cardNotLinked'),
      }),
    );
  });

  return app;
}
