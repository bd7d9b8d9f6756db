import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { skipReason } from '../../support/capabilities.ts';
import { neededLabels, screenInScope } from '../../support/profile-scope.ts';
import { labelAt } from '../../support/profile-screens.ts';
import { ProfileError, parseProfile } from '../../support/target.ts';
import skinBSandbox from '../../targets/skin-b-sandbox.ts';

const ENV = { SANDBOX_PASSWORD: 'unit-test-password-1' };
type Raw = Record<string, unknown> & { labels: Record<string, Record<string, unknown>> };
const skinB = () => skinBSandbox() as unknown as Raw;

/**
 * A target with fewer capabilities: a shop with checkout, the wallet's direct link and a help page, no
 * wallet account, no mobile app, no mobile site, no disputes or support form (L1, R3, R4 only). Its
 * profile gives only the labels those use.
 */
function minimal(): Raw {
  const p = skinB();
  p.procedures = ['L1', 'R3', 'R4'];
  const { common, shop, wallet, help, extra } = p.labels as Record<string, Record<string, unknown>>;
  p.labels = {
    common: { ...common },
    shop: Object.fromEntries(
      [
        'checkout',
        'paymentMethod',
        'savedCards',
        'newCard',
        'cardNumber',
        'expiry',
        'cvc',
        'holder',
        'linkCard',
        'pay',
        'orderPlaced',
      ].map((k) => [k, shop![k]]),
    ),
    wallet: Object.fromEntries(
      ['directTitle', 'cardInformation', 'deleteCard', 'confirmDeleteTitle', 'noCards'].map((k) => [
        k,
        wallet![k],
      ]),
    ),
    help: { ...help },
    extra: { ...extra },
  };
  // The sign-up form (F1, R2) and the wallet account (R1, R2, L2) are not covered either.
  delete p.forms;
  (p.accounts as Record<string, unknown>).wallets = {};
  delete (p.accounts as Record<string, unknown>).signUp;
  p.screens = Object.fromEntries(
    Object.entries(p.screens as Record<string, unknown>).filter(([k]) =>
      ['checkout', 'walletDirect', 'helpCards'].includes(k),
    ),
  );
  return p;
}

const problems = (raw: unknown): string[] => {
  try {
    parseProfile(raw, 'x.ts', ENV);
  } catch (error) {
    assert.ok(error instanceof ProfileError, String(error));
    return error.message.split('\n').slice(1);
  }
  return [];
};

describe('profile scope: labels are required for the procedures the profile covers (support/profile-scope.ts)', () => {
  it('validates a minimal profile that covers L1, R3, R4 and leaves out every other label', () => {
    assert.deepEqual(problems(minimal()), []);
    const p = parseProfile(minimal(), 'x.ts', ENV);
    assert.deepEqual(p.procedures, ['L1', 'R3', 'R4']);
    // Left-out keys read as unset, and hold a text that matches nothing (never `undefined`: a locator
    // named undefined would match any control).
    assert.equal(labelAt(p.labels, 'mobile.app.mainMenu'), undefined);
    assert.match(p.labels.mobile.app.mainMenu, /not in the profile: labels\.mobile\.app\.mainMenu/);
    assert.deepEqual(p.labels.wallet.questions, {});
    assert.equal(labelAt(p.labels, 'help.checkCards'), 'View my saved cards');
    assert.ok(screenInScope(p, 'helpCards'));
    assert.ok(!screenInScope(p, 'mobileAppCards') && !screenInScope(p, 'walletHome'));
  });

  it('skips the scenarios of procedures the profile does not cover, with the reason', () => {
    const p = parseProfile(minimal(), 'x.ts', ENV);
    assert.equal(skipReason(['@proc:R4', '@fact:F5'], p), undefined);
    assert.equal(
      skipReason(['@proc:R5', '@severity:critical'], p),
      'target skin-b-sandbox does not cover R5 (Remove in the mobile app) (profile procedures)',
    );
    // No @proc tag: the @fact tags decide.
    assert.match(skipReason(['@fact:F10'], p) ?? '', /does not cover F10 \(Contact support\)/);
    assert.match(
      skipReason(['@proc:R1', '@needs:wallet-account'], p) ?? '',
      /does not cover R1 .*; lacks: needs a buyer with a wallet account/,
    );
  });

  it('names one missing key per line, with the covered procedures that need it', () => {
    const p = minimal();
    delete p.labels.help!.checkCards;
    delete p.labels.shop!.pay;
    assert.deepEqual(problems(p), [
      '  - labels.shop.pay: required by L1 (Link at checkout), R3 (Remove via the wallet\'s direct link), R4 (Remove via the help page)',
      '  - labels.help.checkCards: required by R4 (Remove via the help page)',
    ]);
  });

  it('requires a screen\'s default click path and confirm controls only where the screen is covered', () => {
    const p = minimal();
    // helpCards' default path clicks help.checkCards; skin B's confirm controls are its own (extra.*).
    const cards = p.screens as Record<string, Record<string, unknown>>;
    delete cards.helpCards!.confirmWith;
    delete p.labels.common!.confirm;
    assert.deepEqual(problems(p), ['  - labels.common.confirm: required by R4 (Remove via the help page)']);
    const keys = neededLabels(parseProfile(minimal(), 'x.ts', ENV)).map((n) => n.key);
    assert.ok(keys.includes('help.checkCards') && !keys.some((k) => k.startsWith('mobile.')));
  });

  it('a profile that covers everything (no `procedures`) still needs every key: the mobile app\'s too', () => {
    const p = skinB();
    delete (p.labels.mobile as Record<string, Record<string, unknown>>).app!.mainMenu;
    (p.labels.wallet as Record<string, unknown>).sentTitle = '';
    assert.deepEqual(problems(p), [
      '  - labels.wallet.sentTitle: Too small: expected string to have >=1 characters',
      '  - labels.mobile.app.mainMenu: required by R5 (Remove in the mobile app)',
    ]);
    (p.labels.wallet as Record<string, unknown>).sentTitle = 'Check your inbox';
    assert.deepEqual(problems(p), ['  - labels.mobile.app.mainMenu: required by R5 (Remove in the mobile app)']);
  });

  it('refuses an unknown procedure id', () => {
    const p = minimal();
    p.procedures = ['L1', 'R9'];
    assert.equal(problems(p).length, 1);
    assert.match(problems(p)[0]!, /procedures\.1: Invalid option: expected one of "F1"\|/);
  });
});
