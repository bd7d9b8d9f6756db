// The doctor's walk through the wallet-opening pages (R2, @needs:fresh-buyer), driven by the screen's
// page object: the suite's OpenWalletPages, or the profile's adapter (screens.openWallet.adapter), so a
// six-page wizard is walked as the scenarios walk it. Before each action the labels the next action and
// its page need are checked on the page as it is (found / other role / missing + closest texts); the walk
// stops at the first problem and lists what it could not reach as "not checked".
//
// What it leaves on the target: sending the confirmation needs an account that may be half-opened (the
// wallet then resumes at the step it stopped at), so it runs on a throwaway account only: a control-API
// buyer (the mock) or a new sign-up (`accounts.signUp`), and stops before the identity form's submit:
// no wallet account is opened, no card is linked (nothing for the janitor). Without a throwaway account
// it walks, on a pool account without a wallet, only the pages before "send" (nothing is stored there).
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext } from '@playwright/test';
import { buyerSourceFor } from '../../fixtures/buyers.ts';
import { secretBuyer } from '../../fixtures/sandbox-buyers.ts';
import { signInLive } from '../../fixtures/signed-in-sessions.ts';
import { Finder, pageTexts } from '../../pages/common/find.ts';
import type { ExpectedLabel } from '../../pages/screen-catalog.ts';
import { Screens } from '../../pages/screens.ts';
import type { OpenWalletPages } from '../../pages/wallet/open-wallet-pages.ts';
import { Inbox, linkIn } from '../../support/inbox.ts';
import { labelAt } from '../../support/profile-screens.ts';
import type { TargetProfile } from '../../support/target.ts';
import { type Check, checkLabels, checkLocator, type Row } from './doctor-checks.ts';

const SCREEN = 'openWallet';

/** One page of the walk: how the page object gets there, then what must show on it. */
interface Stop {
  page: string;
  /** The page object's action that leads here (undefined: the walk's first page, opened by URL). */
  arrive?: (open: OpenWalletPages) => Promise<unknown>;
  check: (open: OpenWalletPages, find: Finder) => Promise<Check[]>;
  /** Only on a throwaway account (from here on the target stores the opening). */
  stores?: boolean;
}

const labels = (...keys: [string, ExpectedLabel['as']][]): ExpectedLabel[] =>
  keys.map(([key, as]) => ({ key, as }));

/** An account the walk may use, and how much of it: `all` = a throwaway account, `before-send` = a pool account. */
interface WalkAccount {
  context: BrowserContext;
  email: string;
  reach: 'all' | 'before-send';
  made: string;
}

export async function examineOpenWallet(
  browser: Browser,
  target: TargetProfile,
  blocks: string,
  started: Date,
): Promise<{ rows: Row[]; left: string }> {
  const rows: Row[] = [];
  const row = (page: string, c: Check) => rows.push({ screen: `${SCREEN}: ${page}`, blocks, ...c });
  const account = await walkAccount(browser, target).catch((error: Error) => error);
  if (account instanceof Error || !account) {
    row('(account)', {
      label: '(an account without a wallet)',
      text: '',
      expected: 'signed in',
      result: 'not checked',
      detail:
        account instanceof Error
          ? `could not get one: ${account.message.split('\n')[0]}`
          : 'no account without a wallet: give accounts.signUp, or a pool account not in accounts.wallets',
    });
    return { rows, left: 'nothing (the wallet opening was not walked)' };
  }
  const page = await account.context.newPage();
  page.setDefaultTimeout(5000);
  const open = new Screens(page, target).openWallet;
  const find = new Finder(page, target, SCREEN, 'wallet opening pages');
  const inbox = target.inbox ? new Inbox({ ...target.inbox, since: started, timeoutMs: 10_000 }) : undefined;
  const answer = target.captcha?.testAnswer;
  const pin = String(100000 + (randomBytes(3).readUIntBE(0, 3) % 900000));
  let mail: Awaited<ReturnType<Inbox['next']>> | undefined;
  const text = (key: string) => labelAt(target.labels, key) ?? '';

  const stops: Stop[] = [
    {
      page: 'start',
      check: async (_o, f) => {
        await page.goto(target.urls.walletAccount);
        return checkLabels(f, labels(['wallet.openNow', 'control']));
      },
    },
    {
      page: 'email',
      arrive: (o) => o.start(),
      check: async (o) => [
        await checkLocator(o.email, await pageTexts(page), 'common.email', text('common.email'), 'field'),
      ],
    },
    {
      page: 'captcha',
      arrive: (o) => o.showCaptcha(),
      check: async (o, f) => [
        await checkLocator(
          o.captchaImage,
          await pageTexts(page),
          'wallet.captchaImage',
          text('wallet.captchaImage'),
          'image',
        ),
        ...(await checkLabels(
          f,
          labels(['wallet.captchaLabel', 'field'], ['wallet.sendConfirmation', 'control']),
        )),
      ],
    },
    {
      page: 'sent',
      stores: true,
      arrive: async (o) => {
        if (!answer) throw new Error('the profile gives no captcha test answer (captcha.testAnswer)');
        await o.sendConfirmation(answer);
      },
      check: async (o, f) => [
        await checkLocator(
          o.sentHeading,
          await pageTexts(page),
          'wallet.sentTitle',
          text('wallet.sentTitle'),
          'heading',
        ),
        ...(await checkLabels(f, labels(['wallet.resend', 'control']))),
      ],
    },
    {
      page: 'confirmation email',
      stores: true,
      arrive: async () => {
        if (!inbox)
          throw new Error('the profile names no inbox (inbox): the confirmation email cannot be read');
        mail = await inbox.next(account.email, 'confirmation email');
      },
      check: async () => {
        const link = text('wallet.mail.confirmLink');
        const found = mail && linkIn(mail, link);
        return [
          {
            label: 'wallet.mail.confirmLink',
            text: link,
            expected: 'link in the email',
            result: found ? 'found' : 'missing',
            detail: found
              ? `in "${mail!.subject}"`
              : `the email "${mail?.subject}" has no link with that text`,
          },
        ];
      },
    },
    {
      page: 'security',
      stores: true,
      arrive: (o) => o.followConfirmLink(mail!),
      check: async (o, f) => [
        await checkLocator(
          o.securityHeading,
          await pageTexts(page),
          'wallet.securityTitle',
          text('wallet.securityTitle'),
          'heading',
        ),
        ...(await checkLabels(
          f,
          labels(
            ['wallet.paymentPassword', 'field'],
            ['wallet.paymentPasswordRepeat', 'field'],
            ['wallet.next', 'control'],
          ),
        )),
      ],
    },
    {
      page: 'identity',
      stores: true,
      // The security questions are walked by the page object itself (an adapter's fieldsets included).
      arrive: (o) => o.setSecurity({ password: pin, repeat: pin, answers: ['Milo', 'Bandung', 'SD 1'] }),
      check: async (o, f) => [
        await checkLocator(
          o.identityHeading,
          await pageTexts(page),
          'wallet.identityTitle',
          text('wallet.identityTitle'),
          'heading',
        ),
        ...(await checkLabels(
          f,
          labels(
            ['wallet.fullName', 'field'],
            ['wallet.birthDate', 'field'],
            ['wallet.citizenship', 'field'],
            ['wallet.documentType', 'field'],
            ['wallet.documentNumber', 'field'],
            ['wallet.address', 'field'],
            ['wallet.phone', 'field'],
            ['wallet.submit', 'control'],
          ),
        )),
        ...(await checkOptions(f)),
      ],
    },
  ];

  let stopped: string | undefined;
  try {
    for (const stop of stops) {
      if (stopped) {
        row(stop.page, { label: '', text: '', expected: 'page', result: 'not checked', detail: stopped });
        continue;
      }
      if (stop.stores && account.reach !== 'all') {
        stopped = `not reached: from "send" on, the target stores the opening; the doctor walks it only on a new account (accounts.signUp), not on pool account ${account.email}`;
        row(stop.page, { label: '', text: '', expected: 'page', result: 'not checked', detail: stopped });
        continue;
      }
      if (stop.arrive) {
        try {
          await stop.arrive(open);
        } catch (error) {
          const line = (error as Error).message.split('\n')[0]!;
          row(stop.page, {
            label: '(page object)',
            text: '',
            expected: `reach the ${stop.page} page`,
            result: 'missing',
            detail: `${open.constructor.name} could not get here: ${line}`,
          });
          stopped = `not reached: the ${stop.page} step failed`;
          continue;
        }
      }
      const checks = await stop.check(open, find);
      for (const c of checks) row(stop.page, c);
      if (checks.some((c) => c.result === 'missing' || c.result === 'other role'))
        stopped = `not reached: a label on the ${stop.page} page is missing (above)`;
    }
  } finally {
    await account.context.close();
  }
  return { rows, left: `${account.email}: ${account.made}` };
}

/** The identity form's citizenship and document choices the scenarios pick (labels.wallet.countries.ID, documents.passport). */
async function checkOptions(find: Finder): Promise<Check[]> {
  const out: Check[] = [];
  const { wallet } = find.target.labels;
  for (const [field, key, value] of [
    ['wallet.citizenship', 'wallet.countries.ID', wallet.countries.ID],
    ['wallet.documentType', 'wallet.documents.passport', wallet.documents.passport],
  ] as const) {
    if (!value) continue;
    const select = find.field(field).locator;
    const options = await select
      .locator('option')
      .allTextContents()
      .catch(() => [] as string[]);
    const found = options.some((o) => o.trim() === value);
    out.push({
      label: key,
      text: value,
      expected: `option of ${field}`,
      result: found ? 'found' : 'missing',
      detail: found ? '' : `the choices are: ${options.map((o) => `"${o.trim()}"`).join(', ') || 'none'}`,
    });
  }
  return out;
}

/**
 * The walk's account and what it leaves: one from the control API or a new sign-up (throwaway: the
 * whole walk), else a pool account without a wallet (the pages before "send" only).
 */
async function walkAccount(browser: Browser, target: TargetProfile): Promise<WalkAccount | undefined> {
  const context = await browser.newContext();
  const { accounts } = target;
  try {
    if (accounts.source === 'control') {
      const buyers = buyerSourceFor(target, 0, 1);
      const buyer = await buyers.fresh({});
      await buyers.signIn(context, buyer);
      return {
        context,
        email: buyer.email,
        reach: 'all',
        made: 'a buyer from the control API (no wallet account opened)',
      };
    }
    if (accounts.signUp) {
      const { address, password, country, name } = accounts.signUp;
      const email = address.replace(
        '{id}',
        `doctor${Date.now().toString(36)}${randomBytes(2).toString('hex')}`,
      );
      const page = await context.newPage();
      await new Screens(page, target).signUp.signUp({ email, password: password.reveal(), name, country });
      await page.close();
      return {
        context,
        email,
        reach: 'all',
        made: 'a new account (accounts.signUp) whose wallet opening stops before the identity submit: no wallet, no card; one confirmation email',
      };
    }
    const plain = accounts.emails.find((e) => !(e in accounts.wallets));
    if (!plain) {
      await context.close();
      return undefined;
    }
    await signInLive(context, target, secretBuyer(plain, accounts.password));
    return {
      context,
      email: plain,
      reach: 'before-send',
      made: 'nothing (the pages before "send" store nothing)',
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}
