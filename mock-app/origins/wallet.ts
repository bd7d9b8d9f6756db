import { setTimeout as delay } from 'node:timers/promises';
import { html } from 'hono/html';
import { cardLabel, type ValidCard, validateCard } from '../domain/card-input.ts';
import { smsAddress } from '../domain/mail.ts';
import {
  CHECK_DEBIT_CENTS,
  moneyText,
  validateExtraIdentity,
  validateIdentity,
  validateSecurity,
} from '../domain/wallet.ts';
import { createOrigin, errorPage, type Ctx, type MockContext, page, setFlash } from '../http/origin.ts';
import type { Html } from '../views/layout.ts';
import { WALLET_TEST_KEYS } from '../public.ts';
import { shopHeader } from '../views/shop/header.ts';
import {
  addCardView,
  editCardsView,
  extraIdentityView,
  homeView,
  manageCardsView,
  type WalletCard,
} from '../views/wallet/account.ts';
import { directView } from '../views/wallet/direct.ts';
import {
  identityView,
  landingView,
  linkExpiredView,
  openFormView,
  securityView,
  sentView,
} from '../views/wallet/open.ts';
import { captchaSvg } from '../domain/captcha.ts';

/** Fault slow-wallet: every wallet page answers this much later (above the monitor's degraded threshold). */
export const SLOW_WALLET_DELAY_MS = 1500;

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export function walletApp(mock: MockContext) {
  const app = createOrigin(mock, 'wallet');
  const { platform } = mock;
  const { wallet } = platform;

  app.use(async (_c, next) => {
    if (platform.faults.has('slow-wallet')) await delay(SLOW_WALLET_DELAY_MS);
    await next();
  });

  /** The wallet trusts the shop's session (one sign-in for both, like sibling hosts); sso-broken forgets it. */
  const buyerOr = (c: Ctx) => (platform.faults.has('sso-broken') ? undefined : c.get('account'));
  const toSignIn = (c: Ctx) => c.redirect(`${mock.urls.shop}/signin?next=${encodeURIComponent(c.req.url)}`);
  const show = (c: Ctx, title: string, body: Html, status: 200 | 404 | 410 | 422 = 200, flash?: string) =>
    c.html(page(c, { title, body, flash, header: shopHeader(c, mock.urls.shop!) }), status);
  const walletCards = (accountId: string): WalletCard[] =>
    platform
      .cardsOn('wallet-home', accountId)
      .map((card) => ({ ...card, state: wallet.stateOf(accountId, card) }));
  const notYours = (c: Ctx) => errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));

  // --- R3: the direct page -----------------------------------------------------------------------

  app.get('/', (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    if (platform.faults.has('direct-needs-registration') && !wallet.isOpen(account.id))
      return c.redirect('/account', 302);
    return show(
      c,
      c.get('t')('wallet.directTitle'),
      directView(c, platform.cardsOn('wallet-direct', account.id)),
    );
  });

  app.post('/cards/:id/delete', (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    const card = platform.cards.find(account.id, c.req.param('id'));
    if (!card || !platform.removeCard('wallet-direct', account.id, card.id)) return notYours(c);
    setFlash(c, mock, c.get('t')('wallet.cardDeleted', { card: cardLabel(card) }));
    return c.redirect('/', 303);
  });

  // --- R2: opening a wallet account ------------------------------------------------------------------

  app.get('/account', (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    const t = c.get('t');
    const status = wallet.account(account.id)?.status;
    if (status === 'confirmed') return c.redirect('/setup/security', 302);
    if (status === 'secured') return c.redirect('/setup/identity', 302);
    if (status !== 'active') return show(c, t('wallet.openTitle'), landingView(c));
    const tab = c.req.query('tab') === 'history' ? 'history' : 'account';
    return show(
      c,
      t('wallet.homeTitle'),
      homeView(c, {
        tab,
        cards: tab === 'account' ? walletCards(account.id) : [],
        history: tab === 'history' ? wallet.history(account.id) : [],
        editCards: !platform.faults.has('edit-cards-missing'),
      }),
    );
  });

  const openForm = (c: Ctx, email: string, errors: string[] = []) =>
    show(
      c,
      c.get('t')('wallet.openTitle'),
      openFormView(c, { email, captchaId: wallet.newCaptcha(), errors }),
      errors.length ? 422 : 200,
    );

  app.get('/open', (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    if (wallet.isOpen(account.id)) return c.redirect('/account', 302);
    return openForm(c, wallet.pendingEmail(account.id) ?? account.email);
  });

  app.get('/captcha/:file', (c) => {
    const m = /^(cap_[\w-]{16})\.svg$/.exec(c.req.param('file'));
    const answer = m ? wallet.captchaText(m[1]!) : undefined;
    if (!answer) return notYours(c);
    c.header('Cache-Control', 'no-store');
    return c.body(captchaSvg(answer), 200, { 'Content-Type': 'image/svg+xml' });
  });

  const sendConfirmation = async (c: Ctx, accountId: string, email: string) => {
    const t = c.get('t');
    const token = wallet.startOpening(accountId, email);
    if (platform.faults.has('mail-not-sent')) return;
    const link = `${mock.urls.wallet}/confirm?token=${token}`;
    await platform.mailer.send({
      to: email,
      subject: t('wallet.mail.confirmSubject'),
      text: t('wallet.mail.confirmText', { link }),
      html: String(
        await html`<p>${t('wallet.mail.confirmIntro')}</p><p><a href="${link}">${t('wallet.mail.confirmLink')}</a></p>`,
      ),
    });
  };

  app.post('/open', async (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    if (wallet.isOpen(account.id)) return c.redirect('/account', 303);
    const form = c.get('form');
    const email = (form.email ?? '').trim().slice(0, 254);
    const errors: string[] = [];
    if (!EMAIL.test(email)) errors.push('email');
    if (!wallet.solveCaptcha((form.captchaId ?? '').slice(0, 40), (form.captcha ?? '').slice(0, 64)))
      errors.push('captcha');
    if (errors.length) return openForm(c, email, errors);
    await sendConfirmation(c, account.id, email);
    return c.redirect('/open/sent', 303);
  });

  app.get('/open/sent', (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    const email = wallet.pendingEmail(account.id);
    if (!email) return c.redirect('/account', 302);
    return show(
      c,
      c.get('t')('wallet.sentTitle'),
      sentView(c, { email, again: c.req.query('again') === '1' }),
    );
  });

  app.post('/open/resend', async (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    const email = wallet.pendingEmail(account.id);
    if (!email) return c.redirect('/account', 303);
    await sendConfirmation(c, account.id, email);
    return c.redirect('/open/sent?again=1', 303);
  });

  app.get('/confirm', (c) => {
    const account = buyerOr(c);
    if (!account) return toSignIn(c);
    const token = c.req.query('token') ?? '';
    if (!/^[\w-]{1,64}$/.test(token)) return errorPage(c, 400, 'common.badRequestTitle');
    const result = wallet.confirm(account.id, token);
    if (result === 'unknown') return notYours(c);
    if (result === 'expired') return show(c, c.get('t')('wallet.linkExpiredTitle'), linkExpiredView(c), 410);
    return c.redirect('/setup/security', 303);
  });

  /** The step a buyer may be on: anything else sends them where they belong. */
  const atStep = (c: Ctx, step: 'confirmed' | 'secured') => {
    const account = buyerOr(c);
    if (!account) return { response: toSignIn(c) };
    const status = wallet.account(account.id)?.status;
    if (status === step) return { account };
    if (status === 'active') return { response: c.redirect('/account', 303) };
    if (status === 'secured') return { response: c.redirect('/setup/identity', 303) };
    if (status === 'confirmed') return { response: c.redirect('/setup/security', 303) };
    return { response: errorPage(c, 403, 'common.forbiddenTitle', c.get('t')('wallet.errors.notConfirmed')) };
  };

  app.get('/setup/security', (c) => {
    const gate = atStep(c, 'confirmed');
    if (!gate.account) return gate.response;
    return show(c, c.get('t')('wallet.securityTitle'), securityView(c, { form: {}, errors: [] }));
  });

  app.post('/setup/security', (c) => {
    const gate = atStep(c, 'confirmed');
    if (!gate.account) return gate.response;
    const form = c.get('form');
    const { value, errors } = validateSecurity(form);
    if (!value) return show(c, c.get('t')('wallet.securityTitle'), securityView(c, { form, errors }), 422);
    wallet.setSecurity(gate.account.id, value);
    return c.redirect('/setup/identity', 303);
  });

  app.get('/setup/identity', (c) => {
    const gate = atStep(c, 'secured');
    if (!gate.account) return gate.response;
    return show(
      c,
      c.get('t')('wallet.identityTitle'),
      identityView(c, {
        form: { fullName: gate.account.name, citizenship: gate.account.country },
        errors: [],
      }),
    );
  });

  app.post('/setup/identity', (c) => {
    const gate = atStep(c, 'secured');
    if (!gate.account) return gate.response;
    const form = c.get('form');
    const { value, errors } = validateIdentity(form, platform.clock.now(gate.account.id));
    if (!value) return show(c, c.get('t')('wallet.identityTitle'), identityView(c, { form, errors }), 422);
    wallet.setIdentity(gate.account.id, value);
    setFlash(c, mock, c.get('t')('wallet.walletReady'));
    return c.redirect('/account', 303);
  });

  // --- R1, F8, F9, F11: the wallet's cards -----------------------------------------------------------

  const walletBuyer = (c: Ctx) => {
    const account = buyerOr(c);
    if (!account) return { response: toSignIn(c) };
    if (!wallet.isOpen(account.id)) return { response: c.redirect('/account', 303) };
    return { account };
  };

  app.get('/account/cards/edit', (c) => {
    const gate = walletBuyer(c);
    if (!gate.account) return gate.response;
    return show(c, c.get('t')('wallet.editCardsTitle'), editCardsView(c, walletCards(gate.account.id)));
  });

  app.post('/account/cards/:id/remove', (c) => {
    const gate = walletBuyer(c);
    if (!gate.account) return gate.response;
    const card = platform.cards.find(gate.account.id, c.req.param('id'));
    if (!card || !platform.removeCard('wallet-home', gate.account.id, card.id)) return notYours(c);
    setFlash(c, mock, c.get('t')('wallet.cardRemoved', { card: cardLabel(card) }));
    return c.redirect('/account/cards/edit', 303);
  });

  app.get('/account/cards', (c) => {
    const gate = walletBuyer(c);
    if (!gate.account) return gate.response;
    return show(c, c.get('t')('wallet.manageTitle'), manageCardsView(c, walletCards(gate.account.id)));
  });

  app.get('/account/cards/add', (c) => {
    const gate = walletBuyer(c);
    if (!gate.account) return gate.response;
    const replaceId = c.req.query('replace');
    const replacing = replaceId ? platform.cards.find(gate.account.id, replaceId) : undefined;
    if (replaceId && !replacing) return notYours(c);
    return show(c, c.get('t')('wallet.addCard'), addCardView(c, { replacing, form: {} }));
  });

  /** Links a card in the wallet: pending verification for 24 hours, an SMS about the $0.01 check (F8). */
  const linkInWallet = async (c: Ctx, accountId: string, card: ValidCard, replaces?: string) => {
    const t = c.get('t');
    const old = replaces ? platform.cards.find(accountId, replaces) : undefined;
    if (replaces && !old) return notYours(c);
    if (old) platform.removeCard('wallet-home', accountId, old.id);
    const result = platform.cards.link(accountId, card);
    if (!result.linked)
      return show(
        c,
        t('wallet.addCard'),
        addCardView(c, { form: { expiry: '', holder: card.holder }, refused: result.reason }),
        422,
      );
    wallet.startVerification(accountId, result.card.id);
    const amount = moneyText(platform.faults.has('sms-amount') ? 100 * CHECK_DEBIT_CENTS : CHECK_DEBIT_CENTS);
    const phone = wallet.account(accountId)?.phone;
    const label = cardLabel(result.card);
    if (phone) {
      const text = t('wallet.mail.smsDebited', { amount, card: label });
      await platform.mailer.send({
        to: smsAddress(phone, WALLET_TEST_KEYS.smsGatewayDomain),
        subject: text,
        text,
      });
    }
    const shown = moneyText(CHECK_DEBIT_CENTS);
    setFlash(
      c,
      mock,
      old
        ? t('wallet.cardReplaced', { card: label, old: cardLabel(old), amount: shown })
        : t('wallet.cardAdded', { card: label, amount: shown }),
    );
    return c.redirect('/account/cards', 303);
  };

  app.post('/account/cards/add', async (c) => {
    const gate = walletBuyer(c);
    if (!gate.account) return gate.response;
    const t = c.get('t');
    const form = c.get('form');
    const replaces = form.replace || undefined;
    const replacing = replaces ? platform.cards.find(gate.account.id, replaces) : undefined;
    if (replaces && !replacing) return notYours(c);
    const { card, problems } = validateCard(
      {
        number: (form.cardNumber ?? '').slice(0, 40),
        expiry: (form.expiry ?? '').slice(0, 10),
        cvc: (form.cvc ?? '').slice(0, 10),
        holder: (form.holder ?? '').slice(0, 200),
      },
      new Date(platform.clock.now(gate.account.id)),
    );
    if (!card)
      return show(c, t('wallet.addCard'), addCardView(c, { replacing, form, cardProblems: problems }), 422);
    if (wallet.isRisky(card)) {
      const token = wallet.hold(gate.account.id, card, replaces);
      return show(
        c,
        t('wallet.extraTitle'),
        extraIdentityView(c, { token, card: cardLabel(card), form: {}, errors: [] }),
      );
    }
    return linkInWallet(c, gate.account.id, card, replaces);
  });

  app.post('/account/cards/confirm-identity', async (c) => {
    const gate = walletBuyer(c);
    if (!gate.account) return gate.response;
    const t = c.get('t');
    const form = c.get('form');
    const token = (form.token ?? '').slice(0, 64);
    const { value, errors } = validateExtraIdentity(form);
    if (!value) {
      // The held card stays held: peek at it only to name it again.
      const held = wallet.peek(gate.account.id, token);
      if (!held) return expiredHold(c);
      return show(
        c,
        t('wallet.extraTitle'),
        extraIdentityView(c, { token, card: cardLabel(held.card), form, errors }),
        422,
      );
    }
    const held = wallet.release(gate.account.id, token);
    if (!held) return expiredHold(c);
    wallet.setExtraIdentity(gate.account.id, value);
    return linkInWallet(c, gate.account.id, held.card, held.replaces);
  });

  const expiredHold = (c: Ctx) => {
    setFlash(c, mock, c.get('t')('wallet.extraExpired'));
    return c.redirect('/account/cards/add', 303);
  };

  return app;
}
