import { setTimeout as delay } from 'node:timers/promises';
import type { Account } from '../domain/accounts.ts';
import { captchaSvg } from '../domain/captcha.ts';
import { cardInputFrom, cardLabel } from '../domain/card-input.ts';
import type { AddCardOutcome, ConfirmHeldOutcome, WalletStatus } from '../domain/wallet.ts';
import { createOrigin, type Ctx, errorPage, type MockContext, page, setFlash } from '../http/origin.ts';
import type { Html } from '../views/layout.ts';
import { shopHeader } from '../views/shop/header.ts';
import {
  addCardView,
  editCardsView,
  extraIdentityView,
  homeView,
  manageCardsView,
} from '../views/wallet/account.ts';
import { directView } from '../views/wallet/direct.ts';
import { walletNotices } from '../views/wallet/notices.ts';
import {
  identityView,
  landingView,
  linkExpiredView,
  openFormView,
  securityView,
  sentView,
} from '../views/wallet/open.ts';

/** Fault slow-wallet: every wallet page answers this much later (above the monitor's degraded threshold). */
export const SLOW_WALLET_DELAY_MS = 1500;

/** Where a buyer at each step of opening the wallet (R2) belongs. */
const STEP_PAGE: Record<WalletStatus | 'none', string> = {
  none: '/account',
  'email-sent': '/account',
  confirmed: '/setup/security',
  secured: '/setup/identity',
  active: '/account',
};

/**
 * The wallet origin (base+1): routes only. Each route reads the request, makes one call to the
 * wallet's domain (mock-app/domain/wallet.ts) and renders its answer with a view.
 */
export function walletApp(mock: MockContext) {
  const app = createOrigin(mock, 'wallet');
  const { platform } = mock;
  const { wallet } = platform;

  app.use(async (_c, next) => {
    if (platform.faults.has('slow-wallet')) await delay(SLOW_WALLET_DELAY_MS);
    await next();
  });

  const buyerOf = (c: Ctx) => wallet.sessionBuyer(c.get('account'));
  const toSignIn = (c: Ctx) => c.redirect(`${mock.urls.shop}/signin?next=${encodeURIComponent(c.req.url)}`);
  const show = (c: Ctx, title: string, body: Html, status: 200 | 404 | 410 | 422 = 200, flash?: string) =>
    c.html(page(c, { title, body, flash, header: shopHeader(c, mock.urls.shop!) }), status);
  const notYours = (c: Ctx) => errorPage(c, 404, 'common.notFoundTitle', c.get('t')('common.notFoundText'));
  const notices = (c: Ctx) => walletNotices(c, mock.urls.wallet!);

  /** A signed-in buyer (else sign in), and, with `step`, one at that step of opening (else where they belong). */
  const gate = (
    c: Ctx,
    step?: WalletStatus,
  ): { account: Account } | { response: Response | Promise<Response> } => {
    const account = buyerOf(c);
    if (!account) return { response: toSignIn(c) };
    if (!step) return { account };
    const status = wallet.onboarding.statusOf(account.id);
    if (status === step) return { account };
    if (step === 'active') return { response: c.redirect('/account', 303) };
    if (status === 'none' || status === 'email-sent')
      return {
        response: errorPage(c, 403, 'common.forbiddenTitle', c.get('t')('wallet.errors.notConfirmed')),
      };
    return { response: c.redirect(STEP_PAGE[status], 303) };
  };

  // --- R3: the direct page -----------------------------------------------------------------------

  app.get('/', (c) => {
    const g = gate(c);
    if ('response' in g) return g.response;
    const cards = wallet.directPage(g.account.id);
    if (cards === 'needsAccount') return c.redirect('/account', 302);
    return show(c, c.get('t')('wallet.directTitle'), directView(c, cards, wallet.directRemovalAsks()));
  });

  app.post('/cards/:id/delete', (c) => {
    const g = gate(c);
    if ('response' in g) return g.response;
    const removed = wallet.removeOnDirectPage(g.account.id, c.req.param('id'), c.get('form'));
    if (!removed) return notYours(c);
    if (removed === 'missing') {
      const cards = wallet.directPage(g.account.id);
      const body = directView(c, cards === 'needsAccount' ? [] : cards, wallet.directRemovalAsks(), true);
      return show(c, c.get('t')('wallet.directTitle'), body, 422);
    }
    setFlash(c, mock, c.get('t')('wallet.cardDeleted', { card: cardLabel(removed) }));
    return c.redirect('/', 303);
  });

  // --- R2: opening a wallet account ------------------------------------------------------------------

  app.get('/account', (c) => {
    const g = gate(c);
    if ('response' in g) return g.response;
    const t = c.get('t');
    const status = wallet.onboarding.statusOf(g.account.id);
    if (status === 'confirmed' || status === 'secured') return c.redirect(STEP_PAGE[status], 302);
    if (status !== 'active') return show(c, t('wallet.openTitle'), landingView(c));
    const tab = c.req.query('tab') === 'history' ? 'history' : 'account';
    return show(c, t('wallet.homeTitle'), homeView(c, { tab, ...wallet.home(g.account.id, tab) }));
  });

  const openForm = (c: Ctx, email: string, errors: string[] = []) =>
    show(
      c,
      c.get('t')('wallet.openTitle'),
      openFormView(c, { email, captchaId: wallet.captchas.create(), errors }),
      errors.length ? 422 : 200,
    );

  app.get('/open', (c) => {
    const g = gate(c);
    if ('response' in g) return g.response;
    if (wallet.isOpen(g.account.id)) return c.redirect('/account', 302);
    return openForm(c, wallet.onboarding.pendingEmail(g.account.id) ?? g.account.email);
  });

  app.get('/captcha/:file', (c) => {
    const m = /^(cap_[\w-]{16})\.svg$/.exec(c.req.param('file'));
    const answer = m ? wallet.captchas.answerOf(m[1]!) : undefined;
    if (!answer) return notYours(c);
    c.header('Cache-Control', 'no-store');
    return c.body(captchaSvg(answer), 200, { 'Content-Type': 'image/svg+xml' });
  });

  app.post('/open', async (c) => {
    const g = gate(c);
    if ('response' in g) return g.response;
    if (wallet.isOpen(g.account.id)) return c.redirect('/account', 303);
    const form = c.get('form');
    const typed = { email: form.email ?? '', captchaId: form.captchaId ?? '', captcha: form.captcha ?? '' };
    const { errors } = await wallet.onboarding.requestOpening(g.account.id, typed, notices(c));
    if (errors.length) return openForm(c, typed.email.trim().slice(0, 254), errors);
    return c.redirect('/open/sent', 303);
  });

  app.get('/open/sent', (c) => {
    const g = gate(c);
    if ('response' in g) return g.response;
    const email = wallet.onboarding.pendingEmail(g.account.id);
    if (!email) return c.redirect('/account', 302);
    return show(
      c,
      c.get('t')('wallet.sentTitle'),
      sentView(c, { email, again: c.req.query('again') === '1' }),
    );
  });

  app.post('/open/resend', async (c) => {
    const g = gate(c);
    if ('response' in g) return g.response;
    if (!(await wallet.onboarding.resendConfirmation(g.account.id, notices(c))))
      return c.redirect('/account', 303);
    return c.redirect('/open/sent?again=1', 303);
  });

  app.get('/confirm', (c) => {
    const g = gate(c);
    if ('response' in g) return g.response;
    const token = c.req.query('token') ?? '';
    if (!/^[\w-]{1,64}$/.test(token)) return errorPage(c, 400, 'common.badRequestTitle');
    const result = wallet.onboarding.confirm(g.account.id, token);
    if (result === 'unknown') return notYours(c);
    if (result === 'expired') return show(c, c.get('t')('wallet.linkExpiredTitle'), linkExpiredView(c), 410);
    return c.redirect('/setup/security', 303);
  });

  app.get('/setup/security', (c) => {
    const g = gate(c, 'confirmed');
    if ('response' in g) return g.response;
    return show(c, c.get('t')('wallet.securityTitle'), securityView(c, { form: {}, errors: [] }));
  });

  app.post('/setup/security', (c) => {
    const g = gate(c, 'confirmed');
    if ('response' in g) return g.response;
    const form = c.get('form');
    const { errors } = wallet.onboarding.secure(g.account.id, form);
    if (errors.length)
      return show(c, c.get('t')('wallet.securityTitle'), securityView(c, { form, errors }), 422);
    return c.redirect('/setup/identity', 303);
  });

  app.get('/setup/identity', (c) => {
    const g = gate(c, 'secured');
    if ('response' in g) return g.response;
    const form = { fullName: g.account.name, citizenship: g.account.country };
    return show(c, c.get('t')('wallet.identityTitle'), identityView(c, { form, errors: [] }));
  });

  app.post('/setup/identity', (c) => {
    const g = gate(c, 'secured');
    if ('response' in g) return g.response;
    const form = c.get('form');
    const { errors } = wallet.onboarding.identify(g.account.id, form);
    if (errors.length)
      return show(c, c.get('t')('wallet.identityTitle'), identityView(c, { form, errors }), 422);
    setFlash(c, mock, c.get('t')('wallet.walletReady'));
    return c.redirect('/account', 303);
  });

  // --- R1, F8, F9, F11: the wallet's cards -----------------------------------------------------------

  app.get('/account/cards/edit', (c) => {
    const g = gate(c, 'active');
    if ('response' in g) return g.response;
    return show(c, c.get('t')('wallet.editCardsTitle'), editCardsView(c, wallet.cards(g.account.id)));
  });

  app.post('/account/cards/:id/remove', (c) => {
    const g = gate(c, 'active');
    if ('response' in g) return g.response;
    const removed = platform.removeCard('wallet-home', g.account.id, c.req.param('id'));
    if (!removed) return notYours(c);
    setFlash(c, mock, c.get('t')('wallet.cardRemoved', { card: cardLabel(removed) }));
    return c.redirect('/account/cards/edit', 303);
  });

  app.get('/account/cards', (c) => {
    const g = gate(c, 'active');
    if ('response' in g) return g.response;
    return show(c, c.get('t')('wallet.manageTitle'), manageCardsView(c, wallet.cards(g.account.id)));
  });

  app.get('/account/cards/add', (c) => {
    const g = gate(c, 'active');
    if ('response' in g) return g.response;
    const replacing = wallet.linking.replacing(g.account.id, c.req.query('replace'));
    if (replacing === 'notYours') return notYours(c);
    return show(c, c.get('t')('wallet.addCard'), addCardView(c, { replacing, form: {} }));
  });

  /** The page after "Add card" or the extra identity step, whatever became of the card. */
  const afterLink = (
    c: Ctx,
    accountId: string,
    outcome: AddCardOutcome | ConfirmHeldOutcome,
    form: Record<string, string>,
  ) => {
    const t = c.get('t');
    switch (outcome.kind) {
      case 'notYours':
        return notYours(c);
      case 'invalid':
        return 'problems' in outcome
          ? show(
              c,
              t('wallet.addCard'),
              addCardView(c, {
                replacing: platform.cards.find(accountId, form.replace ?? ''),
                form,
                cardProblems: outcome.problems,
              }),
              422,
            )
          : show(
              c,
              t('wallet.extraTitle'),
              extraIdentityView(c, {
                token: form.token ?? '',
                card: outcome.card,
                form,
                errors: outcome.errors,
              }),
              422,
            );
      case 'held':
        return show(
          c,
          t('wallet.extraTitle'),
          extraIdentityView(c, { token: outcome.token, card: outcome.card, form: {}, errors: [] }),
        );
      case 'expired':
        setFlash(c, mock, t('wallet.extraExpired'));
        return c.redirect('/account/cards/add', 303);
      case 'refused':
        return show(
          c,
          t('wallet.addCard'),
          addCardView(c, { form: { expiry: '', holder: outcome.holder }, refused: outcome.reason }),
          422,
        );
      case 'linked': {
        const label = cardLabel(outcome.card);
        const amount = outcome.checkAmount;
        setFlash(
          c,
          mock,
          outcome.replaced
            ? t('wallet.cardReplaced', { card: label, old: cardLabel(outcome.replaced), amount })
            : t('wallet.cardAdded', { card: label, amount }),
        );
        return c.redirect('/account/cards', 303);
      }
    }
  };

  app.post('/account/cards/add', async (c) => {
    const g = gate(c, 'active');
    if ('response' in g) return g.response;
    const form = c.get('form');
    const replaces = form.replace || undefined;
    const outcome = await wallet.linking.addCard(g.account.id, cardInputFrom(form), replaces, notices(c));
    return afterLink(c, g.account.id, outcome, form);
  });

  app.post('/account/cards/confirm-identity', async (c) => {
    const g = gate(c, 'active');
    if ('response' in g) return g.response;
    const form = c.get('form');
    const token = (form.token ?? '').slice(0, 64);
    const outcome = await wallet.linking.confirmHeld(g.account.id, token, form, notices(c));
    return afterLink(c, g.account.id, outcome, { ...form, token });
  });

  return app;
}
