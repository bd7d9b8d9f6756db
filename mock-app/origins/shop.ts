import { type CardProblem, cardInputFrom, validateCard } from '../domain/card-input.ts';
import type { Payment } from '../domain/checkout.ts';
import { isDisputeReason } from '../domain/disputes.ts';
import { CATALOG } from '../domain/orders.ts';
import { alternativesFor, isAltMethod, SIGN_UP_COUNTRIES } from '../domain/payment-methods.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, isSupportCategory } from '../domain/tickets.ts';
import {
  createOrigin,
  type Ctx,
  errorPage,
  type MockContext,
  page,
  safeNext,
  setFlash,
  signInSession,
  signOutSession,
} from '../http/origin.ts';
import { catalogView, productView } from '../views/shop/catalog.ts';
import { type CheckoutForm, checkoutView, orderPlacedView } from '../views/shop/checkout.ts';
import { shopHeader } from '../views/shop/header.ts';
import { disputeForm, disputesView, ordersView } from '../views/shop/orders.ts';
import { signInForm } from '../views/shop/signin.ts';
import { type SignUpField, signUpForm } from '../views/shop/signup.ts';
import { type SupportField, supportForm, ticketView } from '../views/shop/support.ts';
import type { Html } from '../views/layout.ts';

const EMAIL = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}\.[^\s@<>"]{2,}$/;
// Names and descriptions are plain text: no control characters, no markup brackets in a name.
const CONTROL = /(?![\n\r\t])\p{Cc}/u;

export function shopApp(mock: MockContext) {
  const app = createOrigin(mock, 'shop');
  const { platform } = mock;
  const shopPage = (c: Ctx, title: string, body: Html, status: 200 | 422 = 200) =>
    c.html(page(c, { title, body, header: shopHeader(c, mock.urls.shop!) }), status);
  const notFound = (c: Ctx) => errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));

  const requireBuyer = (c: Ctx) => {
    const account = c.get('account');
    if (!account) return { redirect: c.redirect(`/signin?next=${encodeURIComponent(c.req.url)}`) };
    return { account };
  };

  app.get('/', (c) => shopPage(c, c.get('t')('shop.catalog'), catalogView(c, CATALOG)));

  app.get('/product/:id', (c) => {
    const product = CATALOG.find((p) => p.id === c.req.param('id'));
    if (!product) return notFound(c);
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

  app.get('/signup', (c) =>
    shopPage(
      c,
      c.get('t')('shop.signUp.title'),
      signUpForm(c, { form: { next: c.req.query('next'), country: 'ID' }, errors: [] }),
    ),
  );

  app.post('/signup', (c) => {
    const t = c.get('t');
    const form = c.get('form');
    const email = (form.email ?? '').trim().toLowerCase();
    const password = form.password ?? '';
    const name = (form.name ?? '').trim();
    const country = form.country ?? '';
    const errors: SignUpField[] = [];
    if (email.length > 254 || !EMAIL.test(email)) errors.push('email');
    else if (platform.accounts.emailTaken(email)) errors.push('emailTaken');
    if (password.length < 8 || password.length > 200) errors.push('password');
    if (!name || name.length > 80 || CONTROL.test(name) || /[<>]/.test(name)) errors.push('name');
    if (!(SIGN_UP_COUNTRIES as readonly string[]).includes(country)) errors.push('country');
    if (errors.length) {
      const echo = {
        email: email.slice(0, 254),
        name: name.slice(0, 80),
        country,
        next: (form.next ?? '').slice(0, 500),
      };
      return shopPage(c, t('shop.signUp.title'), signUpForm(c, { form: echo, errors }), 422);
    }
    const account = platform.accounts.create({ email, password, name, country, locale: c.get('locale') });
    signInSession(c, mock, account.id);
    setFlash(c, mock, t('shop.signUp.welcome', { name }).slice(0, 250));
    return c.redirect(safeNext(mock, form.next, '/'), 303);
  });

  app.post('/signout', (c) => {
    signOutSession(c, mock);
    return c.redirect('/', 303);
  });

  const checkoutPage = (
    c: Ctx,
    accountId: string,
    country: string,
    product: (typeof CATALOG)[number],
    form: CheckoutForm,
    errors: string[],
    cardProblems: readonly CardProblem[] = [],
  ) =>
    shopPage(
      c,
      c.get('t')('shop.checkout'),
      checkoutView(c, {
        product,
        saved: platform.cardsOn('checkout', accountId),
        form,
        errors,
        cardProblems,
        linkByDefault: !platform.faults.has('link-unticked'),
        now: platform.clock.now(),
        balanceCents: platform.balance.of(accountId),
        alternatives: alternativesFor(country),
      }),
      errors.length || cardProblems.length ? 422 : 200,
    );

  app.get('/checkout', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const product = CATALOG.find((p) => p.id === c.req.query('product')) ?? CATALOG[0]!;
    return checkoutPage(c, gate.account.id, gate.account.country, product, {}, []);
  });

  app.post('/checkout', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const { account } = gate;
    const t = c.get('t');
    const form = c.get('form');
    const product = CATALOG.find((p) => p.id === form.product);
    if (!product) return errorPage(c, 400, 'common.badRequestTitle', 'Unknown product.');
    const method = form.method ?? 'new';
    const again = (errors: string[], cardProblems: readonly CardProblem[] = []) =>
      checkoutPage(
        c,
        account.id,
        account.country,
        product,
        { method, expiry: form.expiry, holder: form.holder, linkCard: form.linkCard === 'on' },
        errors,
        cardProblems,
      );

    let payment: Payment;
    if (method.startsWith('card:')) payment = { kind: 'saved', cardId: method.slice(5) };
    else if (method === 'balance') payment = { kind: 'balance' };
    else if (method.startsWith('alt:')) {
      const alt = method.slice(4);
      if (!isAltMethod(alt)) return errorPage(c, 400, 'common.badRequestTitle', 'Unknown payment method.');
      payment = { kind: 'alt', method: alt };
    } else if (method === 'new') {
      const { card, problems } = validateCard(cardInputFrom(form), new Date(platform.clock.now()));
      if (!card) return again([], problems);
      payment = { kind: 'new', card, link: form.linkCard === 'on' };
    } else return errorPage(c, 400, 'common.badRequestTitle', 'Unknown payment method.');

    const result = platform.checkout.pay(account, product, payment);
    if (!result.ok) return again([result.error]);
    return shopPage(c, t('shop.orderPlaced'), orderPlacedView(c, { order: result.order, link: result.link }));
  });

  app.get('/orders', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const id = gate.account.id;
    const disputed = new Set(platform.disputes.list(id).map((d) => d.orderId));
    return shopPage(
      c,
      c.get('t')('shop.orders.title'),
      ordersView(c, { orders: platform.orders.list(id), disputed, balanceCents: platform.balance.of(id) }),
    );
  });

  app.get('/orders/:id/dispute', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const order = platform.orders.get(gate.account.id, c.req.param('id'));
    if (!order) return notFound(c);
    if (platform.disputes.forOrder(gate.account.id, order.id)) return c.redirect('/disputes', 303);
    return shopPage(c, c.get('t')('shop.disputes.newTitle', { id: order.id }), disputeForm(c, order));
  });

  app.post('/orders/:id/dispute', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const reason = c.get('form').reason ?? '';
    if (!isDisputeReason(reason)) return errorPage(c, 400, 'common.badRequestTitle', 'Unknown reason.');
    const dispute = platform.disputes.open(gate.account.id, c.req.param('id'), reason);
    if (!dispute) return notFound(c);
    setFlash(c, mock, c.get('t')('shop.disputes.opened', { id: dispute.orderId }));
    return c.redirect('/disputes', 303);
  });

  app.get('/disputes', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const id = gate.account.id;
    return shopPage(
      c,
      c.get('t')('shop.disputes.title'),
      disputesView(c, { disputes: platform.disputes.list(id), balanceCents: platform.balance.of(id) }),
    );
  });

  app.get('/support', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    return shopPage(c, c.get('t')('shop.support.title'), supportForm(c, { errors: [] }));
  });

  app.post('/support', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const form = c.get('form');
    const category = form.category ?? '';
    const description = (form.description ?? '').trim();
    const errors: SupportField[] = [];
    if (!isSupportCategory(category)) errors.push('category');
    if (
      description.length < DESCRIPTION_MIN ||
      description.length > DESCRIPTION_MAX ||
      CONTROL.test(description)
    )
      errors.push('description');
    if (errors.length || !isSupportCategory(category))
      return shopPage(
        c,
        c.get('t')('shop.support.title'),
        supportForm(c, { category, description: description.slice(0, DESCRIPTION_MAX), errors }),
        422,
      );
    const ticket = platform.tickets.open(gate.account.id, category, description);
    return c.redirect(`/support/tickets/${ticket.id}`, 303);
  });

  app.get('/support/tickets/:id', (c) => {
    const gate = requireBuyer(c);
    if (gate.redirect) return gate.redirect;
    const ticket = platform.tickets.get(gate.account.id, c.req.param('id'));
    if (!ticket) return notFound(c);
    return shopPage(c, c.get('t')('shop.support.ticketTitle'), ticketView(c, ticket));
  });

  return app;
}
