import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { inspect } from 'node:util';
import { describe, it } from 'node:test';
import { type BuyerSource, buyerSourceFor } from '../../fixtures/buyers.ts';
import { PoolBuyers } from '../../fixtures/sandbox-buyers.ts';
import { skipReason } from '../../support/capabilities.ts';
import { loadConfig } from '../../support/config.ts';
import { guardHosts, hostAllowed, loadTarget, TargetRefused } from '../../support/load-target.ts';
import { nextTestCard } from '../../support/profile-cards.ts';
import { redactText } from '../../support/redact.ts';
import { classify, Secret } from '../../support/secrets.ts';
import { ProfileError, parseProfile, type TargetProfile } from '../../support/target.ts';
import mockSandboxProfile from '../../targets/mock-sandbox.ts';

const ENV = { SANDBOX_PASSWORD: 'unit-test-password-1' };
const raw = () => mockSandboxProfile() as Record<string, unknown>;
const sandbox = (): TargetProfile => parseProfile(raw(), 'targets/mock-sandbox.ts', ENV);

describe('sandbox target profile', () => {
  it('parses the mock in sandbox posture: pool accounts, test cards, no backdoor', () => {
    const p = sandbox();
    assert.equal(p.kind, 'sandbox');
    assert.equal(p.accounts.source, 'pool');
    assert.equal(p.capabilities.control, false);
    assert.ok(p.cards && p.cards.length >= 6);
  });

  it('names the field of every problem, and the env variable of a missing secret', () => {
    const bad = { ...raw(), urls: { ...(raw().urls as object), shop: 'not a url' }, cards: [] };
    assert.throws(
      () => parseProfile(bad, 'x.ts', {}),
      (e: unknown) => {
        assert.ok(e instanceof ProfileError);
        assert.match(e.message, /urls\.shop: /);
        assert.match(e.message, /accounts\.password: environment variable SANDBOX_PASSWORD is not set/);
        assert.match(e.message, /cards: /);
        return true;
      },
    );
  });

  it('refuses a password written into the profile', () => {
    const bad = { ...raw(), accounts: { source: 'pool', emails: ['a@b.test'], password: 'hunter2hunter2' } };
    assert.throws(
      () => parseProfile(bad, 'x.ts', ENV),
      /accounts\.password: a password must come from the environment/,
    );
  });

  it('refuses backdoors on a sandbox: control API, clock, store', () => {
    const bad = {
      ...raw(),
      capabilities: { control: true, clock: true, groundTruth: false, disputes: false },
      control: { url: 'http://127.0.0.1:5919' },
    };
    assert.throws(
      () => parseProfile(bad, 'x.ts', ENV),
      (e: unknown) =>
        /capabilities\.control: a sandbox grants no backdoor/.test(String(e)) &&
        /capabilities\.clock/.test(String(e)) &&
        /control: a sandbox has no control API/.test(String(e)),
    );
  });

  it('keeps secrets out of JSON, inspection and the buyer/card objects a step could print', () => {
    const p = sandbox();
    const text = JSON.stringify(p) + inspect(p, { depth: 10 });
    assert.ok(!text.includes(ENV.SANDBOX_PASSWORD));
    assert.ok(!text.includes('4111111111111111'));
    const card = nextTestCard(p, 'VISA', new Set());
    assert.equal(card.number, '4111111111111111');
    assert.ok(!JSON.stringify(card).includes('4111111111111111'));
    assert.ok(Secret.values().includes(ENV.SANDBOX_PASSWORD));
  });

  it('gives sandbox buyers from the pool, signed in through the UI, never from a control API', async () => {
    const buyers = buyerSourceFor(sandbox(), 0, 1);
    assert.ok(buyers instanceof PoolBuyers);
    assert.equal((buyers as BuyerSource).linkCardDirectly, undefined, 'cards are linked through checkout');
    const first = await buyers.fresh();
    assert.equal(first.email, 'buyer-1@sandbox.cardwatch.test');
    assert.equal(first.password, ENV.SANDBOX_PASSWORD);
    assert.ok(!JSON.stringify(first).includes(ENV.SANDBOX_PASSWORD));
    assert.equal(
      (await buyers.fresh()).email,
      'buyer-2@sandbox.cardwatch.test',
      'a second buyer: the next account',
    );
    await assert.rejects(buyers.fresh(), /@needs:fresh-buyer/);
    assert.equal(
      (buyerSourceFor(sandbox(), 1, 2) as PoolBuyers).account().email,
      'buyer-2@sandbox.cardwatch.test',
    );
  });

  it('hands out each test card once per scenario, then says the profile has no more', () => {
    const p = sandbox();
    const used = new Set<string>();
    const ends = Array.from({ length: 3 }, () => nextTestCard(p, 'Mastercard', used).last4);
    assert.equal(new Set(ends).size, 3);
    assert.throws(
      () => nextTestCard(p, 'Mastercard', used),
      /no unused Mastercard test card left .*\(profile: cards\)/,
    );
  });
});

describe('production guard', () => {
  it('matches hosts exactly, or subdomains with *.', () => {
    assert.ok(hostAllowed('127.0.0.1', ['127.0.0.1']));
    assert.ok(hostAllowed('shop.sandbox.example.com', ['*.sandbox.example.com']));
    assert.ok(!hostAllowed('sandbox.example.com.evil.io', ['*.sandbox.example.com']));
    assert.ok(!hostAllowed('www.example.com', ['example.com']));
  });

  it('refuses a profile with any host outside SANDBOX_ALLOWED_HOSTS, naming field and host', () => {
    const p = parseProfile(
      { ...raw(), urls: { ...(raw().urls as object), walletDirect: 'https://wallet.example.com/' } },
      'x.ts',
      ENV,
    );
    assert.throws(
      () => guardHosts(p, ['127.0.0.1', 'localhost'], 'targets/prod.ts'),
      (e: unknown) => {
        assert.ok(e instanceof TargetRefused);
        assert.match(e.message, /Refusing target "mock-sandbox-id" \(targets\/prod\.ts\)/);
        assert.match(e.message, /urls\.walletDirect: wallet\.example\.com/);
        assert.match(e.message, /SANDBOX_ALLOWED_HOSTS/);
        return true;
      },
    );
    assert.doesNotThrow(() => guardHosts(sandbox(), ['127.0.0.1'], 'x.ts'));
  });

  it('loadTarget applies it to TARGET=sandbox', async () => {
    const cfg = loadConfig({
      TARGET: 'sandbox',
      TARGET_PROFILE: 'targets/mock-sandbox.ts',
      SANDBOX_ALLOWED_HOSTS: 'sandbox.example.com',
    });
    process.env.SANDBOX_PASSWORD ??= ENV.SANDBOX_PASSWORD;
    await assert.rejects(loadTarget(cfg), TargetRefused);
  });

  it('npm run e2e stops before any browser starts, with the message and exit code 2', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/e2e.ts'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        TARGET: 'sandbox',
        TARGET_PROFILE: 'targets/mock-sandbox.ts',
        SANDBOX_PASSWORD: ENV.SANDBOX_PASSWORD,
        SANDBOX_ALLOWED_HOSTS: 'sandbox.example.com',
        REPORTS_DIR: '/tmp/cw-guard-test',
      },
    });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^Refusing target "mock-sandbox-id"/m);
    assert.doesNotMatch(run.stdout + run.stderr, /Running \d+ test|bddgen|at .*\.ts:\d+/);
  });
});

describe('capability tags', () => {
  it('skip with the reason what the target lacks; unknown needs are an error', () => {
    const p = sandbox();
    assert.equal(skipReason(['@smoke', '@proc:R3'], p), undefined);
    assert.match(skipReason(['@mock-only'], p)!, /lacks: needs the control API/);
    assert.match(skipReason(['@needs:clock', '@needs:inbox'], p)!, /needs to advance the target clock$/);
    assert.throws(() => skipReason(['@needs:time-travel'], p), /unknown tag @needs:time-travel/);
    assert.equal(skipReason(['@needs:second-buyer'], p, 1), undefined, '2 pool accounts, 1 worker');
    assert.match(skipReason(['@needs:second-buyer'], p, 2)!, /fewer than 2 per worker/);
  });
});

describe('redaction', () => {
  it('masks every spelling of a secret, and a CVC only where it stands as a value', () => {
    const set = classify(['S3cret pass&word', '4111111111111111', '737']);
    const out = redactText(
      'Fill "S3cret pass&word" | S3cret%20pass%26word | S3cret+pass%26word | 4111 1111 1111 1111 | cvc=737&x | "737" | "duration":737',
      set,
    );
    assert.ok(!/S3cret|4111|"737"|=737/.test(out), out);
    assert.match(out, /"duration":737/);
  });
});
