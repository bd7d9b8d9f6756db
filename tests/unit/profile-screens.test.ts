import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PoolBuyers } from '../../fixtures/sandbox-buyers.ts';
import { skipReason } from '../../support/capabilities.ts';
import { screenOptions } from '../../support/profile-screens.ts';
import { parseProfile } from '../../support/target.ts';
import mockSandboxProfile from '../../targets/mock-sandbox.ts';
import { SkinBOpenWallet } from '../../targets/skin-b-sandbox/open-wallet.ts';
import skinBSandbox from '../../targets/skin-b-sandbox.ts';

const ENV = { SANDBOX_PASSWORD: 'unit-test-password-1' };
const skinB = () =>
  skinBSandbox() as unknown as Record<string, unknown> & { screens: Record<string, unknown> };

describe('profile screens, forms, wallets and inbox flavour (support/profile-screens.ts)', () => {
  it('keeps the existing profiles valid, with the first skin as the default shape', () => {
    const p = parseProfile(mockSandboxProfile(), 'targets/mock-sandbox.ts', ENV);
    assert.deepEqual(p.screens, {});
    assert.equal(p.inbox?.flavour, 'maildev3');
    assert.equal(screenOptions(p.screens, 'walletDirect').confirm, 'dialog');
    assert.equal(screenOptions(p.screens, 'mobileAppCards').confirm, 'none');
    assert.deepEqual(screenOptions(p.screens, 'support').path?.clicks, [
      'shop.account.panel',
      'shop.account.support',
    ]);
  });

  it("parses skin B's profile: its screens over the defaults, its adapter, its sign-up form, its wallets", () => {
    const p = parseProfile(skinB(), 'targets/skin-b-sandbox.ts', ENV);
    assert.equal(screenOptions(p.screens, 'walletDirect').confirm, 'page');
    assert.equal(screenOptions(p.screens, 'walletDirect').confirmWith, 'extra.unlinkCard');
    assert.equal(
      screenOptions(p.screens, 'helpCards').path?.from,
      'helpCenter',
      'an unset field keeps its default',
    );
    assert.equal(screenOptions(p.screens, 'openWallet').adapter, SkinBOpenWallet);
    assert.deepEqual(Object.values(p.forms.signUp ?? {}), ['email', 'password', 'phone']);
    assert.equal(p.accounts.source === 'pool' && Object.keys(p.accounts.wallets).length, 2);
    assert.equal(skipReason(['@needs:wallet-account'], p), undefined);
    assert.match(
      skipReason(['@needs:wallet-account'], parseProfile(mockSandboxProfile(), 'm.ts', ENV)) ?? '',
      /needs a buyer with a wallet account, the pool lists none \(accounts\.wallets\)/,
    );
  });

  it('names every bad reference: label keys, url keys, unknown fields, a confirm without its title, a foreign wallet', () => {
    const bad = skinB();
    bad.screens = {
      ...bad.screens,
      support: { path: { from: 'nowhere', clicks: ['extra.footerHelp'] } },
      walletDirect: { confirm: 'maybe' },
      helpCards: { confirmWith: 'extra.nope' },
      mobileSite: { colour: 'red' },
      mobileAppCards: { adapter: () => ({}) },
    };
    const labels = bad.labels as { mobile: { app: Record<string, unknown> } };
    labels.mobile.app.confirmDeleteTitle = undefined;
    (bad.accounts as { wallets: Record<string, unknown> }).wallets = {
      'stranger@x.test': { phone: '+62 812 1' },
    };
    (bad as Record<string, unknown>).forms = { signUp: { 'shop.signUp.fax': 'fax' } };
    assert.throws(
      () => parseProfile(bad, 'x.ts', ENV),
      (e: Error) => {
        for (const line of [
          /screens\.walletDirect\.confirm: /,
          /screens\.mobileSite: Unrecognized key: "colour"/,
          /screens\.mobileAppCards\.adapter: a page-object class/,
          /forms\.signUp\.shop\.signUp\.fax: /,
        ])
          assert.match(e.message, line);
        return true;
      },
    );
    // References are checked once the shapes are right.
    const refs = skinB();
    refs.screens = {
      ...refs.screens,
      support: { path: { from: 'nowhere', clicks: ['extra.footerHelp'] } },
      helpCards: { confirmWith: 'extra.nope' },
      mobileAppCards: { confirm: 'page' },
    };
    (refs.labels as { mobile: { app: Record<string, unknown> } }).mobile.app.confirmDeleteTitle = undefined;
    (refs.accounts as { wallets: Record<string, unknown> }).wallets = {
      'stranger@x.test': { phone: '+62 812 1' },
    };
    assert.throws(
      () => parseProfile(refs, 'x.ts', ENV),
      (e: Error) => {
        for (const line of [
          /screens\.support\.path\.from: "nowhere" is not a key of urls/,
          /screens\.support\.path\.clicks\.0: labels\.extra\.footerHelp is not set/,
          /screens\.helpCards\.confirmWith: labels\.extra\.nope is not set/,
          /labels\.mobile\.app\.confirmDeleteTitle: required by R5 \(Remove in the mobile app\): screens\.mobileAppCards\.confirm is "page"/,
          /accounts\.wallets\.stranger@x\.test: not one of accounts\.emails/,
        ])
          assert.match(e.message, line);
        return true;
      },
    );
  });

  it('hands a pool account with a wallet to a scenario that asks for one, and says which field lacks it', async () => {
    const p = parseProfile(skinB(), 'targets/skin-b-sandbox.ts', ENV);
    const buyer = await new PoolBuyers(p, 0, 1).fresh({ walletAccount: true });
    assert.equal(buyer.wallet?.phone, '+62 812 5555 0100');
    const plain = parseProfile(mockSandboxProfile(), 'targets/mock-sandbox.ts', ENV);
    await assert.rejects(
      new PoolBuyers(plain, 0, 1).fresh({ walletAccount: true }),
      /is not in accounts\.wallets/,
    );
  });
});
