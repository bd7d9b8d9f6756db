import { setTimeout as delay } from 'node:timers/promises';
import type { Account } from '../../domain/accounts.ts';
import { captchaSvg } from '../../domain/captcha.ts';
import { cardLabel } from '../../domain/card-input.ts';
import type { StoredCard } from '../../domain/cards.ts';
import { validEmail } from '../../domain/wallet/forms.ts';
import { validateSecurity } from '../../domain/wallet.ts';
import { type Ctx, type MockContext, setFlash } from '../../http/origin.ts';
import { SLOW_WALLET_DELAY_MS } from '../../origins/wallet.ts';
import { field } from './layout.ts';
import { type Gate, isAnswer, shopFooter, skinOrigin } from './origin.ts';
import { PinHolder } from './pin-holder.ts';
import { B, fill } from './texts.ts';
import { PAY } from './texts-wallet.ts';
import { shopHeader } from './views/shop-header.ts';
import {
  activityView,
  confirmView,
  directView,
  extraView,
  newCardView,
  overviewView,
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
import { walletNoticesB } from './views/wallet-notices.ts';

/**
 * Skin B's wallet, "Northwind Pay": the direct page /payment-cards (R3, unlink via a confirm page),
 * joining in six pages /wallet/join/... (R2), /wallet overview and /wallet/activity as pages (R1),
 * /wallet/cards to add, remove (confirm page) and replace cards (R1, L2, F8, F9, F11). Each route makes
 * the wallet domain's calls (mock-app/domain/wallet.ts) and renders skin B's view of the answer.
 */
export function walletB(mock: MockContext) {
  const { platform } = mock;
  const { wallet } = platform;
  const { onboarding, linking } = wallet;
  const { app, show, problem, notFound, toLogin } = skinOrigin(mock, 'wallet', {
    name: PAY.site,
    header: (c) => shopHeader(c, mock),
    footer: () => shopFooter(mock),
  });
  const pins = new PinHolder(platform.clock);
  const notices = walletNoticesB(mock.urls.wallet!);

  // Fault slow-wallet, as on skin A's wallet origin.
  app.use(async (_c, next) => {
    if (platform.faults.has('slow-wallet')) await delay(SLOW_WALLET_DELAY_MS);
    await next();
  });

  /** The wallet trusts the shop's session (the domain's sessionBuyer: fault sso-broken forgets it). */
  const buyer = (c: Ctx): Gate<Account> => wallet.sessionBuyer(c.get('account')) ?? toLogin(c);

  // --- R3: the direct page ---------------------------------------------------------------------------

  app.get('/', (c) => c.redirect('/payment-cards', 302));

  app.get('/payment-cards', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const cards = wallet.directPage(account.id);
    if (cards === 'needsAccount') return c.redirect('/wallet', 302);
    return show(c, PAY.cardsTitle, directView(cards));
  });

  /** The confirm page; the domain may ask more than a press (fault remove-asks-birth-date). */
  const unlinkPage = (c: Ctx, card: StoredCard, missing = false) =>
    show(
      c,
      PAY.unlinkTitle,
      confirmView(c, {
        title: PAY.unlinkTitle,
        text: fill(PAY.unlinkText, { card: cardLabel(card) }),
        action: `/payment-cards/${card.id}/unlink`,
        confirm: PAY.unlinkConfirm,
        cancel: PAY.keep,
        back: '/payment-cards',
        fields: wallet.directRemovalAsks().includes('birthDate')
          ? field({
              id: 'birth-date',
              name: 'birthDate',
              type: 'date',
              autocomplete: 'bday',
              label: PAY.unlinkBirthDate,
              problem: missing ? PAY.unlinkBirthDateProblem : undefined,
            })
          : undefined,
      }),
      missing ? 422 : 200,
    );

  app.get('/payment-cards/:id/unlink', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const cards = wallet.directPage(account.id);
    const card = cards === 'needsAccount' ? undefined : cards.find((x) => x.id === c.req.param('id'));
    return card ? unlinkPage(c, card) : notFound(c);
  });

  app.post('/payment-cards/:id/unlink', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const id = c.req.param('id');
    const removed = wallet.removeOnDirectPage(account.id, id, c.get('form'));
    if (removed === 'missing') {
      const card = platform.cards.find(account.id, id);
      return card ? unlinkPage(c, card, true) : notFound(c);
    }
    if (!removed) return notFound(c);
    setFlash(c, mock, fill(PAY.unlinked, { card: cardLabel(removed) }));
    return c.redirect('/payment-cards', 303);
  });

  // --- R2: joining, one step per page ------------------------------------------------------------

  /** Where a buyer in the middle of joining belongs (the PIN waits here between its page and the questions). */
  const stepUrl = (accountId: string): string | undefined => {
    const status = onboarding.statusOf(accountId);
    if (status === 'confirmed') return pins.has(accountId) ? '/wallet/join/questions' : '/wallet/join/pin';
    if (status === 'secured') return '/wallet/join/identity';
    return undefined;
  };

  app.get('/wallet', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const next = stepUrl(account.id);
    if (next) return c.redirect(next, 302);
    if (!onboarding.isOpen(account.id)) return show(c, PAY.startTitle, startView());
    return show(c, PAY.overviewTitle, overviewView({ cards: wallet.home(account.id, 'account').cards }));
  });

  app.get('/wallet/activity', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (!onboarding.isOpen(account.id)) return c.redirect('/wallet', 302);
    return show(c, PAY.activity, activityView(wallet.home(account.id, 'history').history));
  });

  app.get('/wallet/join', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (onboarding.isOpen(account.id)) return c.redirect('/wallet', 302);
    const email = onboarding.pendingEmail(account.id) ?? account.email;
    return show(c, PAY.emailTitle, emailStepView(c, { email, errors: [] }));
  });

  const humanStep = (c: Ctx, email: string, errors: string[] = []) =>
    show(
      c,
      PAY.humanTitle,
      humanStepView(c, { email, captchaId: wallet.captchas.create(), errors }),
      errors.length ? 422 : 200,
    );
  const emailStep = (c: Ctx, email: string) =>
    show(c, PAY.emailTitle, emailStepView(c, { email: email.slice(0, 254), errors: ['email'] }), 422);

  // Step 1 only checks the address; the domain checks it again with the captcha (requestOpening).
  app.post('/wallet/join', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (onboarding.isOpen(account.id)) return c.redirect('/wallet', 303);
    const email = (c.get('form').email ?? '').trim();
    return validEmail(email) ? humanStep(c, email) : emailStep(c, email);
  });

  app.get('/wallet/captcha/:file', (c) => {
    const m = /^(cap_[\w-]{16})\.svg$/.exec(c.req.param('file'));
    const answer = m ? wallet.captchas.answerOf(m[1]!) : undefined;
    if (!answer) return notFound(c);
    c.header('Cache-Control', 'no-store');
    return c.body(captchaSvg(answer), 200, { 'Content-Type': 'image/svg+xml' });
  });

  app.post('/wallet/join/check', async (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (onboarding.isOpen(account.id)) return c.redirect('/wallet', 303);
    const form = c.get('form');
    const email = (form.email ?? '').trim();
    const { errors } = await onboarding.requestOpening(
      account.id,
      { email, captchaId: form.captcha_id ?? '', captcha: form.captcha ?? '' },
      notices,
    );
    if (errors.includes('email')) return emailStep(c, email);
    if (errors.length) return humanStep(c, email, errors);
    return c.redirect('/wallet/join/sent', 303);
  });

  app.get('/wallet/join/sent', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const email = onboarding.pendingEmail(account.id);
    if (!email) return c.redirect('/wallet', 302);
    return show(c, PAY.sentTitle, sentStepView(c, { email, again: c.req.query('again') === '1' }));
  });

  app.post('/wallet/join/resend', async (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    if (!(await onboarding.resendConfirmation(account.id, notices))) return c.redirect('/wallet', 303);
    return c.redirect('/wallet/join/sent?again=1', 303);
  });

  app.get('/wallet/verify-email', (c) => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const code = c.req.query('code') ?? '';
    if (!/^[\w-]{1,64}$/.test(code))
      return problem(c, 400, B.common.badRequestTitle, 'code: not a verification code.');
    const result = onboarding.confirm(account.id, code);
    if (result === 'unknown') return notFound(c);
    if (result === 'expired') return show(c, PAY.expiredTitle, expiredLinkView(c), 410);
    return c.redirect('/wallet/join/pin', 303);
  });

  /** The step a buyer may be on; anyone else is sent where they belong. */
  const atStep = (c: Ctx, step: 'confirmed' | 'secured'): Gate<Account> => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    const status = onboarding.statusOf(account.id);
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
    // The PIN's rules are the domain's (validateSecurity); the questions come on the next page.
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
    const { errors } = onboarding.secure(account.id, { ...form, password: pin, passwordRepeat: pin });
    if (errors.length) return show(c, PAY.questionsTitle, questionsStepView(c, { form, errors }), 422);
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
    const { errors } = onboarding.identify(account.id, form);
    if (errors.length) return show(c, PAY.aboutTitle, identityStepView(c, { form, errors }), 422);
    setFlash(c, mock, PAY.ready);
    return c.redirect('/wallet', 303);
  });

  // --- R1, L2, F8, F9, F11: "Your cards" ----------------------------------------------------------

  const walletBuyer = (c: Ctx): Gate<Account> => {
    const account = buyer(c);
    if (isAnswer(account)) return account;
    return onboarding.isOpen(account.id) ? account : c.redirect('/wallet', 303);
  };

  // Fault edit-cards-missing (the domain's home().editCards): the "Remove" controls are gone.
  app.get('/wallet/cards', (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const { cards, editCards } = wallet.home(account.id, 'account');
    return show(c, PAY.cardsPageTitle, yourCardsView({ cards, canRemove: editCards }));
  });

  app.get('/wallet/cards/:id/remove', (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const card = wallet.cards(account.id).find((x) => x.id === c.req.param('id'));
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
    const removed = platform.removeCard('wallet-home', account.id, c.req.param('id'));
    if (!removed) return notFound(c);
    setFlash(c, mock, fill(PAY.removedFlash, { card: cardLabel(removed) }));
    return c.redirect('/wallet/cards', 303);
  });

  app.get('/wallet/cards/new', (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const replacing = linking.replacing(account.id, c.req.query('replace')?.slice(0, 80));
    if (replacing === 'notYours') return notFound(c);
    return show(c, PAY.newCardTitle, newCardView(c, { replacing, form: {} }));
  });

  /** What the domain made of the card: skin B's page or redirect for each outcome. */
  type Outcome =
    | Awaited<ReturnType<typeof linking.addCard>>
    | Awaited<ReturnType<typeof linking.confirmHeld>>;
  const answer = (c: Ctx, outcome: Outcome, form: Record<string, string | undefined>, replaces?: string) => {
    switch (outcome.kind) {
      case 'notYours':
        return notFound(c);
      case 'invalid':
        if ('problems' in outcome) {
          const replacing = linking.replacing(c.get('account')!.id, replaces);
          return show(
            c,
            PAY.newCardTitle,
            newCardView(c, {
              replacing: replacing === 'notYours' ? undefined : replacing,
              form,
              cardProblems: outcome.problems,
            }),
            422,
          );
        }
        return show(
          c,
          PAY.extraTitle,
          extraView(c, { token: form.token ?? '', card: outcome.card, form, errors: outcome.errors }),
          422,
        );
      case 'held':
        return show(
          c,
          PAY.extraTitle,
          extraView(c, { token: outcome.token, card: outcome.card, form: {}, errors: [] }),
        );
      case 'expired':
        setFlash(c, mock, PAY.extraExpired);
        return c.redirect('/wallet/cards/new', 303);
      case 'refused':
        return show(
          c,
          PAY.newCardTitle,
          newCardView(c, { form: { name_on_card: outcome.holder }, refused: outcome.reason }),
          422,
        );
      case 'linked': {
        const label = cardLabel(outcome.card);
        const amount = outcome.checkAmount;
        setFlash(
          c,
          mock,
          outcome.replaced
            ? fill(PAY.replacedFlash, { card: label, old: cardLabel(outcome.replaced), amount })
            : fill(PAY.addedFlash, { card: label, amount }),
        );
        return c.redirect('/wallet/cards', 303);
      }
    }
  };

  app.post('/wallet/cards/new', async (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const form = c.get('form');
    const replaces = form.replace ? form.replace.slice(0, 80) : undefined;
    const input = {
      number: (form.number ?? '').slice(0, 40),
      expiry: (form.exp ?? '').slice(0, 10),
      cvc: (form.csc ?? '').slice(0, 10),
      holder: (form.name_on_card ?? '').slice(0, 200),
    };
    return answer(c, await linking.addCard(account.id, input, replaces, notices), form, replaces);
  });

  app.post('/wallet/cards/confirm-identity', async (c) => {
    const account = walletBuyer(c);
    if (isAnswer(account)) return account;
    const form = c.get('form');
    const token = (form.token ?? '').slice(0, 64);
    return answer(c, await linking.confirmHeld(account.id, token, form, notices), { ...form, token });
  });

  return app;
}
