import { setTimeout as delay } from 'node:timers/promises';
import { captchaSvg } from '../../domain/captcha.ts';
import { cardLabel, validateCard } from '../../domain/card-input.ts';
import type { Account } from '../../domain/accounts.ts';
import { validateExtraIdentity, validateIdentity, validateSecurity } from '../../domain/wallet.ts';
import { type Ctx, type MockContext, setFlash } from '../../http/origin.ts';
import { SLOW_WALLET_DELAY_MS } from '../../origins/wallet.ts';
import { type Gate, isAnswer, shopFooter, skinOrigin } from './origin.ts';
import { EMAIL } from './rules.ts';
import { PAY } from './texts-wallet.ts';
import { B, fill } from './texts.ts';
import { shopHeader } from './views/shop-header.ts';
import {
  activityView,
  confirmView,
  directView,
  extraView,
  newCardView,
  overviewView,
  type WalletCard,
  yourCardsView,
} from './views/wallet-cards.ts';
import {
  emailStepView,
  expiredLinkView,
  humanStepView,
  identityStepView,
  pinStepView,
  questionsStepView,
  sentStepView,
  startView,
} from './views/wallet-join.ts';
import { linkCardInWallet, PinHolder, sendVerificationMail } from './wallet-steps.ts';

/**
 * Skin B's wallet, "Northwind Pay": the direct page /payment-cards (R3, unlink via a confirm page),
 * joining in six pages /wallet/join/... (R2), /wallet overview and /wallet/activity as pages (R1),
 * /wallet/cards to add, remove (confirm page) and replace cards (R1, L2, F8, F9, F11).
 */
export function walletB(mock: MockContext) {
  const { platform } = mock;
  const { wallet } = platform;
  const { app, show, problem, notFound, toLogin } = skinOrigin(mock, 'wallet', {
    name: PAY.site,
    header: (c) => shopHeader(c, mock),
    footer: () => shopFooter(mock),
  });
  const pins = new PinHolder(platform);

  app.use(async (_c, next) => {
    if (platform.faults.has('slow-wallet')) await delay(SLOW_WALLET_DELAY_MS);
    await next();
  });

  /** The wallet trusts the shop's session; the fault sso-broken makes it forget it. */
  const buyer = (c: Ctx): Gate<Account> =>
    (platform.faults.has('sso-broken') ? undefined : c.get('account')) ?? toLogin(c);
  const walletCards = (accountId: string): WalletCard[] =>
    platform
      .cardsOn('wallet-home', accountId)
      .map((card) => ({ ...card, state: wallet.stateOf(accountId, card) }));

  // --- R3: the direct page ---------------------------------------------------------------------------

  app.get('/', (c) => c.redirect('/payment-cards', 302));

  app.get('/payment-cards', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (platform.faults.has('direct-needs-registration') && !wallet.isOpen(account.id))
      return c.redirect('/wallet', 302);
    return show(c, PAY.cardsTitle, directView(platform.cardsOn('wallet-direct', account.id)));
  });

  app.get('/payment-cards/:id/unlink', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const card = platform.cardsOn('wallet-direct', account.id).find((x) => x.id === c.req.param('id'));
    if (!card) return notFound(c);
    const text = fill(PAY.unlinkText, { card: cardLabel(card) });
    return show(
      c,
      PAY.unlinkTitle,
      confirmView(c, {
        title: PAY.unlinkTitle,
        text,
        action: `/payment-cards/${card.id}/unlink`,
        confirm: PAY.unlinkConfirm,
        cancel: PAY.keep,
        back: '/payment-cards',
      }),
    );
  });

  app.post('/payment-cards/:id/unlink', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const card = platform.cards.find(account.id, c.req.param('id'));
    if (!card || !platform.removeCard('wallet-direct', account.id, card.id)) return notFound(c);
    setFlash(c, mock, fill(PAY.unlinked, { card: cardLabel(card) }));
    return c.redirect('/payment-cards', 303);
  });

  // --- R2: joining, one step per page ------------------------------------------------------------

  /** Where a buyer in the middle of joining belongs. */
  const stepUrl = (accountId: string): string | undefined => {
    const status = wallet.account(accountId)?.status;
    if (status === 'confirmed') return pins.has(accountId) ? '/wallet/join/questions' : '/wallet/join/pin';
    if (status === 'secured') return '/wallet/join/identity';
    return undefined;
  };

  app.get('/wallet', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const next = stepUrl(account.id);
    if (next) return c.redirect(next, 302);
    if (!wallet.isOpen(account.id)) return show(c, PAY.startTitle, startView());
    return show(
      c,
      PAY.overviewTitle,
      overviewView({
        cards: walletCards(account.id),
        manageLink: !platform.faults.has('edit-cards-missing'),
      }),
    );
  });

  app.get('/wallet/activity', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (!wallet.isOpen(account.id)) return c.redirect('/wallet', 302);
    return show(c, PAY.activity, activityView(wallet.history(account.id)));
  });

  app.get('/wallet/join', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (wallet.isOpen(account.id)) return c.redirect('/wallet', 302);
    return show(
      c,
      PAY.emailTitle,
      emailStepView(c, { email: wallet.pendingEmail(account.id) ?? account.email, errors: [] }),
    );
  });

  const humanStep = (c: Ctx, email: string, errors: string[] = []) =>
    show(
      c,
      PAY.humanTitle,
      humanStepView(c, { email, captchaId: wallet.newCaptcha(), errors }),
      errors.length ? 422 : 200,
    );

  app.post('/wallet/join', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (wallet.isOpen(account.id)) return c.redirect('/wallet', 303);
    const email = (c.get('form').email ?? '').trim().slice(0, 254);
    if (!EMAIL.test(email))
      return show(c, PAY.emailTitle, emailStepView(c, { email, errors: ['email'] }), 422);
    return humanStep(c, email);
  });

  app.get('/wallet/captcha/:file', (c) => {
    const m = /^(cap_[\w-]{16})\.svg$/.exec(c.req.param('file'));
    const answer = m ? wallet.captchaText(m[1]!) : undefined;
    if (!answer) return notFound(c);
    c.header('Cache-Control', 'no-store');
    return c.body(captchaSvg(answer), 200, { 'Content-Type': 'image/svg+xml' });
  });

  app.post('/wallet/join/check', async (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (wallet.isOpen(account.id)) return c.redirect('/wallet', 303);
    const form = c.get('form');
    const email = (form.email ?? '').trim().slice(0, 254);
    if (!EMAIL.test(email))
      return show(c, PAY.emailTitle, emailStepView(c, { email, errors: ['email'] }), 422);
    if (!wallet.solveCaptcha((form.captcha_id ?? '').slice(0, 40), (form.captcha ?? '').slice(0, 64)))
      return humanStep(c, email, ['captcha']);
    await sendVerificationMail(mock, account.id, email);
    return c.redirect('/wallet/join/sent', 303);
  });

  app.get('/wallet/join/sent', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const email = wallet.pendingEmail(account.id);
    if (!email) return c.redirect('/wallet', 302);
    return show(c, PAY.sentTitle, sentStepView(c, { email, again: c.req.query('again') === '1' }));
  });

  app.post('/wallet/join/resend', async (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const email = wallet.pendingEmail(account.id);
    if (!email) return c.redirect('/wallet', 303);
    await sendVerificationMail(mock, account.id, email);
    return c.redirect('/wallet/join/sent?again=1', 303);
  });

  app.get('/wallet/verify-email', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const code = c.req.query('code') ?? '';
    if (!/^[\w-]{1,64}$/.test(code))
      return problem(c, 400, B.common.badRequestTitle, 'code: not a verification code.');
    const result = wallet.confirm(account.id, code);
    if (result === 'unknown') return notFound(c);
    if (result === 'expired') return show(c, PAY.expiredTitle, expiredLinkView(c), 410);
    return c.redirect('/wallet/join/pin', 303);
  });

  /** The step a buyer may be on; anyone else is sent where they belong. */
  const atStep = (c: Ctx, step: 'confirmed' | 'secured'): Gate<Account> => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const status = wallet.account(account.id)?.status;
    if (status === step) return account;
    if (status === 'active') return c.redirect('/wallet', 303);
    const next = stepUrl(account.id);
    if (next) return c.redirect(next, 303);
    return problem(c, 403, PAY.errors.notConfirmed);
  };

  app.get('/wallet/join/pin', (c) => {
    const account = atStep(c, 'confirmed');
    if (isAnswer(account)) return account;
    return show(c, PAY.pinTitle, pinStepView(c, { errors: [] }));
  });

  app.post('/wallet/join/pin', (c) => {
    const account = atStep(c, 'confirmed');
    if (isAnswer(account)) return account;
    const form = c.get('form');
    const pin = (form.pin ?? '').slice(0, 20);
    // The PIN rules are the domain's (validateSecurity); the questions come on the next page.
    const { errors } = validateSecurity({
      password: pin,
      passwordRepeat: (form.pin_repeat ?? '').slice(0, 20),
    });
    const pinErrors = errors.filter((e) => e === 'password' || e === 'passwordRepeat');
    if (pinErrors.length) return show(c, PAY.pinTitle, pinStepView(c, { errors: pinErrors }), 422);
    pins.hold(account.id, pin);
    return c.redirect('/wallet/join/questions', 303);
  });

  app.get('/wallet/join/questions', (c) => {
    const account = atStep(c, 'confirmed');
    if (isAnswer(account)) return account;
    if (!pins.has(account.id)) return c.redirect('/wallet/join/pin', 303);
    return show(c, PAY.questionsTitle, questionsStepView(c, { form: {}, errors: [] }));
  });

  app.post('/wallet/join/questions', (c) => {
    const account = atStep(c, 'confirmed');
    if (isAnswer(account)) return account;
    const pin = pins.peek(account.id);
    if (!pin) return show(c, PAY.pinTitle, pinStepView(c, { errors: [], note: PAY.errors.pinExpired }), 422);
    const form = c.get('form');
    const { value, errors } = validateSecurity({ ...form, password: pin, passwordRepeat: pin });
    if (!value) return show(c, PAY.questionsTitle, questionsStepView(c, { form, errors }), 422);
    wallet.setSecurity(account.id, value);
    pins.drop(account.id);
    return c.redirect('/wallet/join/identity', 303);
  });

  app.get('/wallet/join/identity', (c) => {
    const account = atStep(c, 'secured');
    if (isAnswer(account)) return account;
    return show(c, PAY.aboutTitle, identityStepView(c, { form: { fullName: account.name }, errors: [] }));
  });

  app.post('/wallet/join/identity', (c) => {
    const account = atStep(c, 'secured');
    if (isAnswer(account)) return account;
    const form = c.get('form');
    const { value, errors } = validateIdentity(form, platform.clock.now(account.id));
    if (!value) return show(c, PAY.aboutTitle, identityStepView(c, { form, errors }), 422);
    wallet.setIdentity(account.id, value);
    setFlash(c, mock, PAY.ready);
    return c.redirect('/wallet', 303);
  });

  // --- R1, L2, F8, F9, F11: "Your cards" ----------------------------------------------------------

  const walletBuyer = (c: Ctx): Gate<Account> => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return wallet.isOpen(account.id) ? account : c.redirect('/wallet', 303);
  };

  app.get('/wallet/cards', (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    if (platform.faults.has('edit-cards-missing')) return notFound(c);
    return show(c, PAY.cardsPageTitle, yourCardsView(walletCards(account.id)));
  });

  app.get('/wallet/cards/:id/remove', (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const card = platform.cardsOn('wallet-home', account.id).find((x) => x.id === c.req.param('id'));
    if (!card) return notFound(c);
    return show(
      c,
      PAY.removeTitle,
      confirmView(c, {
        title: PAY.removeTitle,
        text: fill(PAY.removeText, { card: cardLabel(card) }),
        action: `/wallet/cards/${card.id}/remove`,
        confirm: PAY.removeConfirm,
        cancel: PAY.keep,
        back: '/wallet/cards',
      }),
    );
  });

  app.post('/wallet/cards/:id/remove', (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const card = platform.cards.find(account.id, c.req.param('id'));
    if (!card || !platform.removeCard('wallet-home', account.id, card.id)) return notFound(c);
    setFlash(c, mock, fill(PAY.removedFlash, { card: cardLabel(card) }));
    return c.redirect('/wallet/cards', 303);
  });

  app.get('/wallet/cards/new', (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const replaceId = c.req.query('replace');
    const replacing = replaceId ? platform.cards.find(account.id, replaceId.slice(0, 80)) : undefined;
    if (replaceId && !replacing) return notFound(c);
    return show(c, PAY.newCardTitle, newCardView(c, { replacing, form: {} }));
  });

  const linked = async (
    c: Ctx,
    account: Account,
    card: Parameters<typeof linkCardInWallet>[2],
    replaces?: string,
  ) => {
    const result = await linkCardInWallet(mock, account.id, card, replaces);
    if (result.kind === 'notYours') return notFound(c);
    if (result.kind === 'refused')
      return show(
        c,
        PAY.newCardTitle,
        newCardView(c, { form: { name_on_card: card.holder }, refused: result.reason }),
        422,
      );
    setFlash(
      c,
      mock,
      result.replaced
        ? fill(PAY.replacedFlash, {
            card: result.label,
            old: cardLabel(result.replaced),
            amount: result.amountShown,
          })
        : fill(PAY.addedFlash, { card: result.label, amount: result.amountShown }),
    );
    return c.redirect('/wallet/cards', 303);
  };

  app.post('/wallet/cards/new', async (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const form = c.get('form');
    const replaces = form.replace ? form.replace.slice(0, 80) : undefined;
    const replacing = replaces ? platform.cards.find(account.id, replaces) : undefined;
    if (replaces && !replacing) return notFound(c);
    const { card, problems } = validateCard(
      {
        number: (form.number ?? '').slice(0, 40),
        expiry: (form.exp ?? '').slice(0, 10),
        cvc: (form.csc ?? '').slice(0, 10),
        holder: (form.name_on_card ?? '').slice(0, 200),
      },
      new Date(platform.clock.now(account.id)),
    );
    if (!card)
      return show(c, PAY.newCardTitle, newCardView(c, { replacing, form, cardProblems: problems }), 422);
    if (wallet.isRisky(card)) {
      const token = wallet.hold(account.id, card, replaces);
      return show(c, PAY.extraTitle, extraView(c, { token, card: cardLabel(card), form: {}, errors: [] }));
    }
    return linked(c, account, card, replaces);
  });

  app.post('/wallet/cards/confirm-identity', async (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const form = c.get('form');
    const token = (form.token ?? '').slice(0, 64);
    const { value, errors } = validateExtraIdentity(form);
    if (!value) {
      const held = wallet.peek(account.id, token);
      if (!held) return expiredHold(c);
      return show(c, PAY.extraTitle, extraView(c, { token, card: cardLabel(held.card), form, errors }), 422);
    }
    const held = wallet.release(account.id, token);
    if (!held) return expiredHold(c);
    wallet.setExtraIdentity(account.id, value);
    return linked(c, account, held.card, held.replaces);
  });

  const expiredHold = (c: Ctx) => {
    setFlash(c, mock, PAY.extraExpired);
    return c.redirect('/wallet/cards/new', 303);
  };

  return app;
}
