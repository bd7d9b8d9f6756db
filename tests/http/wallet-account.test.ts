import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import { MemoryMailer } from '../../mock-app/domain/mail.ts';
import type { Identity } from '../../mock-app/domain/wallet.ts';
import { cookieNames, type MockContext } from '../../mock-app/http/origin.ts';
import { walletApp } from '../../mock-app/origins/wallet.ts';
import { WALLET_TEST_KEYS } from '../../mock-app/public.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import { Client, testMock } from './harness.ts';
import { addInWallet } from './shop-helpers.ts';

const IDENTITY = {
  fullName: 'Siti Rahma',
  birthDate: '1990-04-02',
  citizenship: 'ID',
  documentType: 'passport',
  documentNumber: '',
  address: 'Jl. Merdeka 1, Jakarta',
  phone: '+62 812 5555 0101',
} satisfies Identity;

const SECURITY = {
  password: '482913',
  passwordRepeat: '482913',
  question1: 'firstPet',
  answer1: 'Milo',
  question2: 'birthCity',
  answer2: 'Bandung',
  question3: 'firstSchool',
  answer3: 'SD 1',
};

describe('wallet account over HTTP (R1, R2)', () => {
  let mock: MockContext;
  let mailer: MemoryMailer;
  let wallet: Client;
  let buyerId: string;

  const newBuyer = (email: string) =>
    mock.platform.accounts.create({ email, password: 'secret-pw', name: 'Siti' }).id;
  const signIn = (client: Client, id = buyerId) =>
    client.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(id));
  const linkCard = (id = buyerId) => {
    const { card } = validateCard(randomTestCard('VISA'), new Date());
    const link = mock.platform.cards.link(id, card!);
    assert.ok(link.linked);
    return link.card;
  };
  const openWallet = (id = buyerId) =>
    mock.platform.wallet.openDirectly(id, {
      email: 'w@x.test',
      paymentPassword: '123456',
      identity: IDENTITY,
    });
  const captchaId = () => /name="captchaId" value="([^"]+)"/.exec(wallet.lastHtml)![1]!;
  const lastLink = () => {
    const mail = mailer.sent.at(-1);
    assert.ok(mail, 'a confirmation email was sent');
    return new URL(/http:\/\/\S+\/confirm\?token=[\w-]+/.exec(mail.text)![0]);
  };
  /** Through the open form with the right captcha answer (read from the store, as a human reads the image). */
  const requestConfirmation = async () => {
    await wallet.get('/open');
    const id = captchaId();
    return wallet.post('/open', {
      email: 'siti@x.test',
      captchaId: id,
      captcha: mock.platform.wallet.captchaText(id)!,
    });
  };
  const confirmEmail = async () => {
    await requestConfirmation();
    const res = await wallet.get(lastLink().pathname + lastLink().search);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/setup/security');
  };

  beforeEach(() => {
    mock = testMock();
    mailer = mock.platform.mailer as MemoryMailer;
    assert.ok(mailer instanceof MemoryMailer);
    buyerId = newBuyer('siti@x.test');
    wallet = new Client(walletApp(mock));
  });

  it('opens a wallet: captcha, 24-hour confirm link, 6-digit password twice, questions, identity (R2)', async () => {
    signIn(wallet);
    await wallet.get('/account');
    assert.match(wallet.lastHtml, /Open wallet now/);
    await wallet.get('/open');
    assert.match(wallet.lastHtml, /name="email" type="email"[^>]*value="siti@x.test"/, 'email prefilled');
    const id = captchaId();
    const answer = mock.platform.wallet.captchaText(id)!;
    assert.ok(!wallet.lastHtml.includes(answer), 'the captcha answer is not in the page');
    const image = await wallet.get(`/captcha/${id}.svg`);
    assert.equal(image.headers.get('content-type'), 'image/svg+xml');
    const svg = await image.text();
    assert.ok(!/<text/.test(svg), 'the image draws strokes, no text');
    await wallet.get('/open');
    const res = await requestConfirmation();
    assert.equal(res.status, 303);
    assert.equal(mailer.sent.length, 1);
    assert.equal(mailer.sent[0]!.to, 'siti@x.test');
    assert.match(mailer.sent[0]!.html ?? '', />Confirm<\/a>/);
    await wallet.get(lastLink().pathname + lastLink().search);
    await wallet.get('/setup/security');
    assert.equal((await wallet.post('/setup/security', SECURITY)).status, 303);
    await wallet.get('/setup/identity');
    const done = await wallet.post('/setup/identity', IDENTITY);
    assert.equal(done.status, 303);
    assert.equal(done.headers.get('location'), '/account');
    await wallet.get('/account');
    assert.match(wallet.lastHtml, /role="tab"[^>]*>My Account</);
    assert.match(wallet.lastHtml, /role="tab"[^>]*>History</);
    assert.ok(mock.platform.wallet.isOpen(buyerId));
  });

  it('refuses a wrong captcha (422) and sends nothing; accepts the configured test answer', async () => {
    signIn(wallet);
    await wallet.get('/open');
    const wrong = await wallet.post('/open', {
      email: 'siti@x.test',
      captchaId: captchaId(),
      captcha: '00000x',
    });
    assert.equal(wrong.status, 422);
    assert.match(wallet.lastHtml, /do not match the image/);
    assert.equal(mailer.sent.length, 0);
    const id = captchaId();
    const right = mock.platform.wallet.captchaText(id)!;
    await wallet.post('/open', { email: 'siti@x.test', captchaId: captchaId(), captcha: 'nope' });
    assert.equal(
      (await wallet.post('/open', { email: 'siti@x.test', captchaId: id, captcha: right })).status,
      422,
      'a captcha is used up by one try',
    );
    await wallet.get('/open');
    const test = await wallet.post('/open', {
      email: 'siti@x.test',
      captchaId: captchaId(),
      captcha: WALLET_TEST_KEYS.captchaTestAnswer,
    });
    assert.equal(test.status, 303);
    assert.equal(mailer.sent.length, 1);
  });

  it('refuses a confirm link older than 24 hours (410); a resent one works', async () => {
    signIn(wallet);
    await requestConfirmation();
    const old = lastLink();
    mock.platform.clock.advance(24 * 3_600_000 + 60_000);
    const expired = await wallet.get(old.pathname + old.search);
    assert.equal(expired.status, 410);
    assert.match(wallet.lastHtml, /has expired/);
    assert.equal((await wallet.post('/open/resend', {})).status, 303);
    assert.equal(mailer.sent.length, 2);
    const fresh = lastLink();
    assert.notEqual(fresh.search, old.search);
    const ok = await wallet.get(fresh.pathname + fresh.search);
    assert.equal(ok.status, 303);
    assert.equal(ok.headers.get('location'), '/setup/security');
  });

  it("moves one buyer's clock without expiring another buyer's link", async () => {
    const other = new Client(walletApp(mock));
    const otherId = newBuyer('other@x.test');
    signIn(other, otherId);
    await other.get('/open');
    const id = /name="captchaId" value="([^"]+)"/.exec(other.lastHtml)![1]!;
    await other.post('/open', {
      email: 'other@x.test',
      captchaId: id,
      captcha: WALLET_TEST_KEYS.captchaTestAnswer,
    });
    const otherLink = lastLink();
    signIn(wallet);
    await requestConfirmation();
    const mine = lastLink();
    mock.platform.clock.advance(25 * 3_600_000, buyerId);
    assert.equal((await wallet.get(mine.pathname + mine.search)).status, 410);
    assert.equal((await other.get(otherLink.pathname + otherLink.search)).status, 303);
  });

  it('refuses a payment password that is not 6 digits, or not repeated exactly (422)', async () => {
    signIn(wallet);
    await confirmEmail();
    for (const [password, repeat] of [
      ['12345', '12345'],
      ['1234567', '1234567'],
      ['12a456', '12a456'],
      ['', ''],
      ['123456', '123465'],
    ]) {
      await wallet.get('/setup/security');
      const res = await wallet.post('/setup/security', {
        ...SECURITY,
        password: password!,
        passwordRepeat: repeat!,
      });
      assert.equal(res.status, 422, `password "${password}" / "${repeat}"`);
      assert.match(wallet.lastHtml, /aria-invalid="true" aria-describedby="password(Repeat)?-error"/);
      assert.ok(!wallet.lastHtml.includes(`value="${password}"`) || password === '', 'no password echoed');
    }
    await wallet.get('/setup/security');
    const same = await wallet.post('/setup/security', { ...SECURITY, question2: 'firstPet' });
    assert.equal(same.status, 422, 'three different questions');
  });

  it("refuses another buyer's confirm link (404) and steps out of order", async () => {
    const other = new Client(walletApp(mock));
    signIn(other, newBuyer('other@x.test'));
    signIn(wallet);
    await requestConfirmation();
    const link = lastLink();
    assert.equal((await other.get(link.pathname + link.search)).status, 404);
    assert.equal((await other.get('/setup/security')).status, 403);
    assert.equal((await wallet.get('/setup/identity')).status, 403, 'the email is confirmed first');
  });

  it("lets a wallet holder straight in and removes a card after confirm (R1); another buyer's card is 404", async () => {
    openWallet();
    const mine = linkCard();
    const theirsOwner = newBuyer('o@x.test');
    const theirs = linkCard(theirsOwner);
    signIn(wallet);
    await wallet.get('/account');
    assert.match(wallet.lastHtml, new RegExp(`VISA •••• ${mine.last4}`));
    assert.match(wallet.lastHtml, /aria-label="Edit cards"/);
    await wallet.get('/account/cards/edit');
    assert.match(wallet.lastHtml, /Remove card VISA •••• \d{4}/);
    assert.equal((await wallet.post(`/account/cards/${theirs.id}/remove`, {})).status, 404);
    assert.equal(mock.platform.cards.list(theirsOwner).length, 1);
    assert.equal((await wallet.post(`/account/cards/${mine.id}/remove`, {})).status, 303);
    assert.equal(mock.platform.cards.list(buyerId).length, 0);
    await wallet.get('/account?tab=history');
    assert.match(wallet.lastHtml, new RegExp(`VISA •••• ${mine.last4} removed`));
    assert.match(wallet.lastHtml, new RegExp(`VISA •••• ${mine.last4} linked`));
  });

  it('refuses forms without the CSRF token (403)', async () => {
    openWallet();
    const card = linkCard();
    signIn(wallet);
    await wallet.get('/account/cards/edit');
    assert.equal((await wallet.post(`/account/cards/${card.id}/remove`, {}, { csrf: null })).status, 403);
    assert.equal((await wallet.post('/account/cards/add', {}, { csrf: 'x'.repeat(32) })).status, 403);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });

  it('answers bad input with 4xx, never 5xx', async () => {
    signIn(wallet);
    await wallet.get('/open');
    const cases: [string, Record<string, string>][] = [
      ['/open', {}],
      ['/open', { email: 'x'.repeat(300), captchaId: '<script>', captcha: '"><img>' }],
      ['/open', { email: 'a@b.c', captchaId: 'cap_'.padEnd(200, 'x'), captcha: 'x'.repeat(5000) }],
      ['/setup/security', { password: '1'.repeat(3000) }],
      ['/setup/identity', { birthDate: '2020-02-31' }],
      ['/account/cards/add', { cardNumber: 'abc' }],
      ['/account/cards/confirm-identity', { token: '../../etc' }],
    ];
    for (const [path, form] of cases) {
      const res = await wallet.post(path, form);
      assert.ok(res.status >= 300 && res.status < 500, `${path} answered ${res.status}`);
    }
    for (const path of [
      '/confirm?token=%3Cscript%3E',
      '/confirm',
      '/captcha/nope.svg',
      '/captcha/cap_x.png',
    ]) {
      const res = await wallet.get(path);
      assert.ok(res.status >= 400 && res.status < 500, `${path} answered ${res.status}`);
    }
    assert.equal(
      (await wallet.post('/open', {}, { contentType: 'application/json', rawBody: '{}' })).status,
      415,
    );
  });

  it('validates identity fields (422) and keeps the wallet closed until they are right', async () => {
    signIn(wallet);
    await confirmEmail();
    await wallet.get('/setup/security');
    await wallet.post('/setup/security', SECURITY);
    await wallet.get('/setup/identity');
    const res = await wallet.post('/setup/identity', {
      ...IDENTITY,
      birthDate: '2015-01-01',
      phone: '12',
      citizenship: 'XX',
    });
    assert.equal(res.status, 422);
    for (const f of ['birthDate', 'phone', 'citizenship'])
      assert.match(wallet.lastHtml, new RegExp(`aria-describedby="${f}-error"`));
    assert.ok(!mock.platform.wallet.isOpen(buyerId));
  });
});

describe('wallet cards over HTTP (L2/F8, F9, F11)', () => {
  let mock: MockContext;
  let mailer: MemoryMailer;
  let wallet: Client;
  let buyerId: string;

  beforeEach(() => {
    mock = testMock();
    mailer = mock.platform.mailer as MemoryMailer;
    buyerId = mock.platform.accounts.create({ email: 'w@x.test', password: 'pw', name: 'W' }).id;
    mock.platform.wallet.openDirectly(buyerId, {
      email: 'w@x.test',
      paymentPassword: '123456',
      identity: IDENTITY,
    });
    wallet = new Client(walletApp(mock));
    wallet.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(buyerId));
  });

  const add = (number: string) => addInWallet(wallet, number);

  it('adds a card: SMS "$0.01 debited" to the phone, pending for 24 hours, then verified', async () => {
    const card = randomTestCard('Mastercard');
    assert.equal((await add(card.number)).status, 303);
    const sms = mailer.sent.at(-1)!;
    assert.equal(sms.to, `6281255550101@${WALLET_TEST_KEYS.smsGatewayDomain}`);
    assert.match(sms.text, /\$0\.01 was debited/);
    assert.ok(!sms.text.includes(card.number));
    await wallet.get('/account/cards');
    assert.match(
      wallet.lastHtml,
      new RegExp(`${card.last4} · expires 12/39 · <strong class="state-pending">pending verification`),
    );
    mock.platform.clock.advance(24 * 3_600_000 + 1000);
    await wallet.get('/account');
    assert.match(
      wallet.lastHtml,
      new RegExp(`${card.last4} · expires 12/39 · <strong class="state-verified">verified`),
    );
  });

  it('states a wrong amount under the sms-amount fault', async () => {
    mock.platform.faults.set(['sms-amount']);
    await add(randomTestCard('VISA').number);
    assert.match(mailer.sent.at(-1)!.text, /\$1\.00 was debited/);
  });

  it('asks for extra identity data before linking a risky card (F11)', async () => {
    const risky = `${WALLET_TEST_KEYS.riskyCardPrefix}0000000003`;
    const res = await add(risky);
    assert.equal(res.status, 200);
    assert.match(wallet.lastHtml, /Confirm it is you/);
    assert.ok(!wallet.lastHtml.includes(risky), 'the number is not put back into the page');
    assert.equal(mock.platform.cards.list(buyerId).length, 0, 'not linked before the extra check');
    const token = /name="token" value="([^"]+)"/.exec(wallet.lastHtml)![1]!;
    assert.equal(
      (await wallet.post('/account/cards/confirm-identity', { token, documentNumber: '', placeOfBirth: 'B' }))
        .status,
      422,
    );
    const ok = await wallet.post('/account/cards/confirm-identity', {
      token,
      documentNumber: 'A1234567',
      placeOfBirth: 'Bandung',
    });
    assert.equal(ok.status, 303);
    assert.deepEqual(
      mock.platform.cards.list(buyerId).map((c) => c.last4),
      ['0003'],
    );
    assert.equal(
      (
        await wallet.post('/account/cards/confirm-identity', {
          token,
          documentNumber: 'A1234567',
          placeOfBirth: 'Bandung',
        })
      ).status,
      303,
      'a used token only sends back to the form',
    );
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });

  it('marks an expired card and replaces it (F9)', async () => {
    const { card: old } = validateCard({ ...randomTestCard('VISA'), expiry: '01/20' }, new Date(0));
    const linked = mock.platform.cards.link(buyerId, old!);
    assert.ok(linked.linked);
    await wallet.get('/account/cards');
    assert.match(wallet.lastHtml, /state-expired">expired/);
    assert.match(wallet.lastHtml, new RegExp(`href="/account/cards/add\\?replace=${linked.card.id}"`));
    const fresh = randomTestCard('VISA');
    await wallet.get(`/account/cards/add?replace=${linked.card.id}`);
    const res = await wallet.post('/account/cards/add', {
      replace: linked.card.id,
      cardNumber: fresh.number,
      expiry: fresh.expiry,
      cvc: fresh.cvc,
      holder: 'Wati Buyer',
    });
    assert.equal(res.status, 303);
    assert.deepEqual(
      mock.platform.cards.list(buyerId).map((c) => c.last4),
      [fresh.last4],
    );
    assert.equal((await wallet.get('/account/cards/add?replace=card_not_mine')).status, 404);
  });
});

describe('wallet faults', () => {
  let mock: MockContext;
  let mailer: MemoryMailer;
  let wallet: Client;
  let buyerId: string;

  beforeEach(() => {
    mock = testMock();
    mailer = mock.platform.mailer as MemoryMailer;
    buyerId = mock.platform.accounts.create({ email: 'f@x.test', password: 'pw', name: 'F' }).id;
    wallet = new Client(walletApp(mock));
    wallet.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(buyerId));
  });

  const send = async () => {
    await wallet.get('/open');
    return wallet.post('/open', {
      email: 'f@x.test',
      captchaId: /name="captchaId" value="([^"]+)"/.exec(wallet.lastHtml)![1]!,
      captcha: WALLET_TEST_KEYS.captchaTestAnswer,
    });
  };

  it('mail-not-sent: the page says sent, no mail leaves', async () => {
    mock.platform.faults.set(['mail-not-sent']);
    assert.equal((await send()).status, 303);
    assert.equal(mailer.sent.length, 0);
  });

  it('confirm-expired: a fresh link is refused as expired', async () => {
    mock.platform.faults.set(['confirm-expired']);
    await send();
    const link = new URL(/http:\/\/\S+/.exec(mailer.sent[0]!.text)![0]);
    assert.equal((await wallet.get(link.pathname + link.search)).status, 410);
  });

  it('direct-needs-registration, sso-broken, edit-cards-missing', async () => {
    mock.platform.faults.set(['direct-needs-registration']);
    const direct = await wallet.get('/');
    assert.equal(direct.headers.get('location'), '/account');
    mock.platform.faults.set(['sso-broken']);
    assert.match((await wallet.get('/account')).headers.get('location') ?? '', /\/signin\?next=/);
    mock.platform.faults.set(['edit-cards-missing']);
    mock.platform.wallet.openDirectly(buyerId, {
      email: 'f@x.test',
      paymentPassword: '123456',
      identity: IDENTITY,
    });
    await wallet.get('/account');
    assert.match(wallet.lastHtml, /Manage your cards/);
    assert.doesNotMatch(wallet.lastHtml, /Edit cards/);
  });

  it('remove-asks-birth-date: the direct page demands a date of birth to delete (422 without)', async () => {
    const { card } = validateCard(randomTestCard('VISA'), new Date());
    const linked = mock.platform.cards.link(buyerId, card!);
    assert.ok(linked.linked);
    await wallet.get('/');
    assert.doesNotMatch(wallet.lastHtml, /Date of birth/, 'no personal data without the fault (R3)');
    mock.platform.faults.set(['remove-asks-birth-date']);
    await wallet.get('/');
    assert.match(
      wallet.lastHtml,
      new RegExp(
        `<label for="birthDate-${linked.card.id}">Date of birth</label>\\s*<input id="birthDate-${linked.card.id}" name="birthDate" type="date" autocomplete="bday" required>`,
      ),
    );
    assert.equal((await wallet.post(`/cards/${linked.card.id}/delete`, {})).status, 422);
    assert.match(wallet.lastHtml, /role="alert">Enter a valid date of birth/);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
    assert.equal(
      (await wallet.post(`/cards/${linked.card.id}/delete`, { birthDate: '1990-01-15' })).status,
      303,
    );
    assert.equal(mock.platform.cards.list(buyerId).length, 0);
  });
});
