import type { Account } from '../../domain/accounts.ts';
import { type CardProblem, validateCard } from '../../domain/card-input.ts';
import type { Payment } from '../../domain/checkout.ts';
import { isDisputeReason } from '../../domain/disputes.ts';
import { CATALOG, type Product } from '../../domain/orders.ts';
import { alternativesFor, isAltMethod } from '../../domain/payment-methods.ts';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, isSupportCategory } from '../../domain/tickets.ts';
import { validEmail } from '../../domain/wallet/forms.ts';
import {
  type Ctx,
  type MockContext,
  safeNext,
  setFlash,
  signInSession,
  signOutSession,
} from '../../http/origin.ts';
import { type Gate, isAnswer, LOGIN_PATH, shopFooter, skinOrigin } from './origin.ts';
import { countryOfPhone, isPlainText } from './rules.ts';
import { B, fill } from './texts.ts';
import { type CheckoutForm, checkoutView, type PayError, placedView } from './views/checkout.ts';
import { claimFormView, claimsView, purchasesView } from './views/purchases.ts';
import { shopHeader } from './views/shop-header.ts';
import {
  type ContactField,
  contactView,
  homeView,
  itemView,
  loginView,
  type RegisterField,
  receivedView,
  registerView,
} from './views/shop-pages.ts';

/**
 * Skin B's shop ("Northwind"): its own URLs (/account/login, /account/register, /item/:id, /pay,
 * /purchases, /claims, /contact), the same platform underneath.
 */
export function shopB(mock: MockContext) {
  const { platform } = mock;
  const { app, show, problem, notFound, toLogin } = skinOrigin(mock, 'shop', {
    name: B.site,
    header: (c) => shopHeader(c, mock),
    footer: () => shopFooter(mock),
  });
  const buyer = (c: Ctx): Gate<Account> => c.get('account') ?? toLogin(c);

  app.get('/', (c) => show(c, B.home.title, homeView(CATALOG)));

  app.get('/item/:id', (c) => {
    const product = CATALOG.find((p) => p.id === c.req.param('id'));
    return product ? show(c, product.name, itemView(product)) : notFound(c);
  });

  // --- logging in and registering -----------------------------------------------------------------

  app.get(LOGIN_PATH, (c) =>
    show(c, B.login.title, loginView(c, { returnTo: c.req.query('return_to')?.slice(0, 500) })),
  );

  app.post(LOGIN_PATH, (c) => {
    const form = c.get('form');
    const email = (form.email ?? '').slice(0, 254);
    const account = platform.accounts.authenticate(email, (form.password ?? '').slice(0, 200));
    if (!account)
      return show(
        c,
        B.login.title,
        loginView(c, { returnTo: form.return_to?.slice(0, 500), email, failed: true }),
        422,
      );
    signInSession(c, mock, account.id);
    return c.redirect(safeNext(mock, form.return_to, '/'), 303);
  });

  app.get('/account/register', (c) =>
    show(
      c,
      B.register.title,
      registerView(c, { returnTo: c.req.query('return_to')?.slice(0, 500), errors: [] }),
    ),
  );

  app.post('/account/register', (c) => {
    const form = c.get('form');
    const email = (form.email ?? '').trim().toLowerCase();
    const password = form.password ?? '';
    const phone = (form.phone ?? '').trim();
    const country = countryOfPhone(phone);
    const errors: RegisterField[] = [];
    if (email.length > 254 || !validEmail(email)) errors.push('email');
    else if (platform.accounts.emailTaken(email)) errors.push('emailTaken');
    if (password.length < 8 || password.length > 200) errors.push('password');
    if (!country) errors.push('phone');
    if (errors.length || !country)
      return show(
        c,
        B.register.title,
        registerView(c, {
          email: email.slice(0, 254),
          phone: phone.slice(0, 30),
          returnTo: form.return_to?.slice(0, 500),
          errors,
        }),
        422,
      );
    // Skin B asks no name: the account's name stays empty (the wallet's identity step asks for one).
    const account = platform.accounts.create({ email, password, name: '', country, locale: 'en' });
    signInSession(c, mock, account.id);
    setFlash(c, mock, B.register.welcome);
    return c.redirect(safeNext(mock, form.return_to, '/'), 303);
  });

  app.post('/account/logout', (c) => {
    signOutSession(c, mock);
    return c.redirect('/', 303);
  });

  // --- checkout (L1, F1, F3, F6, F9, L3) ----------------------------------------------------------

  const checkoutPage = (
    c: Ctx,
    account: Account,
    product: Product,
    form: CheckoutForm,
    cardProblems: readonly CardProblem[] = [],
    payError?: PayError,
  ) =>
    show(
      c,
      B.checkout.title,
      checkoutView(c, {
        product,
        saved: platform.cardsOn('checkout', account.id),
        form,
        cardProblems,
        payError,
        saveByDefault: !platform.faults.has('link-unticked'),
        now: platform.clock.now(),
        balanceCents: platform.balance.of(account.id),
        alternatives: alternativesFor(account.country),
      }),
      cardProblems.length || payError ? 422 : 200,
    );

  app.get('/pay', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const product = CATALOG.find((p) => p.id === c.req.query('item'));
    return product ? checkoutPage(c, account, product, {}) : notFound(c);
  });

  app.post('/pay', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const form = c.get('form');
    const product = CATALOG.find((p) => p.id === form.item);
    if (!product) return problem(c, 400, B.common.badRequestTitle, 'item: not one of our items.');
    const method = form.method ?? 'new';
    const save = form.save_card === 'yes';
    const again = (cardProblems: readonly CardProblem[], payError?: PayError) =>
      checkoutPage(
        c,
        account,
        product,
        { method, expiry: form.exp, holder: form.name_on_card, saveCard: save },
        cardProblems,
        payError,
      );
    let payment: Payment;
    if (method.startsWith('card:')) payment = { kind: 'saved', cardId: method.slice(5, 80) };
    else if (method === 'balance') payment = { kind: 'balance' };
    else if (method.startsWith('alt:') && isAltMethod(method.slice(4)))
      payment = { kind: 'alt', method: method.slice(4) as Extract<Payment, { kind: 'alt' }>['method'] };
    else if (method === 'new') {
      const { card, problems } = validateCard(
        {
          number: (form.number ?? '').slice(0, 40),
          expiry: (form.exp ?? '').slice(0, 10),
          cvc: (form.csc ?? '').slice(0, 10),
          holder: (form.name_on_card ?? '').slice(0, 200),
        },
        new Date(platform.clock.now()),
      );
      if (!card) return again(problems);
      payment = { kind: 'new', card, link: save };
    } else return problem(c, 400, B.common.badRequestTitle, 'method: not a way to pay we offer.');

    const result = platform.checkout.pay(account, product, payment);
    if (!result.ok) return again([], result.error);
    return show(c, B.placed.title, placedView({ order: result.order, link: result.link }));
  });

  // --- purchases and claims (F4) ------------------------------------------------------------------

  app.get('/purchases', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const claimed = new Set(platform.disputes.list(account.id).map((d) => d.orderId));
    return show(
      c,
      B.purchases.title,
      purchasesView({
        orders: platform.orders.list(account.id),
        claimed,
        balanceCents: platform.balance.of(account.id),
      }),
    );
  });

  app.get('/purchases/:id/claim', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const order = platform.orders.get(account.id, c.req.param('id'));
    if (!order) return notFound(c);
    if (platform.disputes.forOrder(account.id, order.id)) return c.redirect('/claims', 303);
    return show(c, fill(B.claims.newTitle, { id: order.id }), claimFormView(c, order));
  });

  app.post('/purchases/:id/claim', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const reason = c.get('form').reason ?? '';
    if (!isDisputeReason(reason)) return problem(c, 400, B.common.badRequestTitle, 'reason: choose one.');
    const dispute = platform.disputes.open(account.id, c.req.param('id'), reason);
    if (!dispute) return notFound(c);
    setFlash(c, mock, fill(B.claims.opened, { id: dispute.orderId }));
    return c.redirect('/claims', 303);
  });

  app.get('/claims', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return show(
      c,
      B.claims.title,
      claimsView({
        disputes: platform.disputes.list(account.id),
        balanceCents: platform.balance.of(account.id),
      }),
    );
  });

  // --- contact us (F10): from the footer and this URL --------------------------------------------

  app.get('/contact', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return show(c, B.contact.title, contactView(c, { errors: [] }));
  });

  app.post('/contact', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const form = c.get('form');
    const topic = form.topic ?? '';
    const message = (form.message ?? '').trim();
    const errors: ContactField[] = [];
    if (!isSupportCategory(topic)) errors.push('topic');
    if (message.length < DESCRIPTION_MIN || message.length > DESCRIPTION_MAX || !isPlainText(message))
      errors.push('message');
    if (errors.length || !isSupportCategory(topic))
      return show(
        c,
        B.contact.title,
        contactView(c, { topic: topic.slice(0, 40), message: message.slice(0, DESCRIPTION_MAX), errors }),
        422,
      );
    const ticket = platform.tickets.open(account.id, topic, message);
    return c.redirect(`/contact/${ticket.id}`, 303);
  });

  app.get('/contact/:id', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const ticket = platform.tickets.get(account.id, c.req.param('id'));
    return ticket ? show(c, B.contact.receivedTitle, receivedView(ticket)) : notFound(c);
  });

  return app;
}
