import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMockConfig } from '../../mock-app/config.ts';
import { startMock } from '../../mock-app/server.ts';

/** Choosing the skin and seeding pool accounts with a wallet: validated before anything starts. */
describe('MOCK_SKIN and MOCK_SEED_WALLETS', () => {
  it('defaults to skin a; takes b; refuses anything else and skin b in Indonesian, naming the variable', () => {
    assert.equal(loadMockConfig({}).MOCK_SKIN, 'a');
    assert.equal(loadMockConfig({ MOCK_SKIN: 'b' }).MOCK_SKIN, 'b');
    assert.throws(() => loadMockConfig({ MOCK_SKIN: 'c' }), /- MOCK_SKIN: expected "a" or "b"/);
    assert.throws(
      () => loadMockConfig({ MOCK_SKIN: 'b', MOCK_LOCALE: 'id' }),
      /- MOCK_SKIN: skin "b" is English only/,
    );
  });

  it('refuses a wallet for an account that is not seeded, and a pair without a phone', () => {
    const seeded = { MOCK_SEED_ACCOUNTS: 'a@x.test', MOCK_SEED_PASSWORD: 'long-enough' };
    assert.throws(
      () => loadMockConfig({ ...seeded, MOCK_SEED_WALLETS: 'b@x.test=+62 812 5555 0101' }),
      /- MOCK_SEED_WALLETS: not in MOCK_SEED_ACCOUNTS: b@x.test/,
    );
    assert.throws(() => loadMockConfig({ ...seeded, MOCK_SEED_WALLETS: 'a@x.test' }), /MOCK_SEED_WALLETS/);
    const cfg = loadMockConfig({ ...seeded, MOCK_SEED_WALLETS: ' A@x.test = +62 812 5555 0101 ' });
    assert.deepEqual(cfg.MOCK_SEED_WALLETS, [{ email: 'a@x.test', phone: '+62 812 5555 0101' }]);
  });

  it('opens the seeded wallet accounts at start, with the phone their texts go to', async () => {
    const mock = await startMock(
      loadMockConfig({
        MOCK_SKIN: 'b',
        MOCK_PORT_BASE: process.env.SKIN_B_CONFIG_PORT_BASE ?? '6780',
        MOCK_DB: ':memory:',
        MOCK_CONTROL: 'off',
        MOCK_MAIL: 'off',
        MOCK_SEED_ACCOUNTS: 'plain@x.test,payer@x.test',
        MOCK_SEED_PASSWORD: 'long-enough',
        MOCK_SEED_WALLETS: 'payer@x.test=+62 812 5555 0177',
      }),
      () => {},
    );
    try {
      const { accounts, wallet } = mock.platform;
      const payer = accounts.authenticate('payer@x.test', 'long-enough')!;
      const plain = accounts.authenticate('plain@x.test', 'long-enough')!;
      assert.ok(wallet.isOpen(payer.id));
      assert.equal(wallet.account(payer.id)?.phone, '+62 812 5555 0177');
      assert.equal(wallet.isOpen(plain.id), false);
      const page = await fetch(`${mock.urls.shop}/account/login`);
      assert.match(await page.text(), /<h1>Log in<\/h1>/, 'skin B answers');
    } finally {
      await mock.close();
    }
  });
});
