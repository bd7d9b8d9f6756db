import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { MemoryMailer } from '../../mock-app/domain/mail.ts';
import { WALLET_TEST_KEYS } from '../../mock-app/public.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import type { Client } from './harness.ts';
import { assertHonestPage, formAction, skinB } from './skin-b-helpers.ts';

/** Skin B's wallet "Northwind Pay": joining in six pages (R2), overview and activity (R1), "Your cards" (L2, F8, F9, F11). */
let s: ReturnType<typeof skinB>;
let pay: Client;
beforeEach(() => {
  s = skinB();
  pay = s.client('wallet', s.buyerId);
});

const sent = () => (s.mock.platform.mailer as MemoryMailer).sent;
const captchaId = (html: string) => /name="captcha_id" value="([^"]+)"/.exec(html)![1]!;

/** Steps 1-3: email, captcha (the test key), the mail; returns the verification link's path. */
async function sendLink(email = 'b@x.test'): Promise<string> {
  await pay.get('/wallet/join');
  await pay.post('/wallet/join', { email });
  const id = captchaId(pay.lastHtml);
  const res = await pay.post('/wallet/join/check', {
    email,
    captcha_id: id,
    captcha: WALLET_TEST_KEYS.captchaTestAnswer,
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/wallet/join/sent');
  const mail = sent().at(-1)!;
  assert.equal(mail.to, email);
  assert.equal(mail.subject, 'Verify your email for Northwind Pay');
  const link =
    /href="(http:\/\/127\.0\.0\.1:4311\/wallet\/verify-email\?code=[\w-]+)">Verify email address</.exec(
      mail.html!,
    )?.[1];
  assert.ok(link, 'the mail has a "Verify email address" link');
  return new URL(link).pathname + new URL(link).search;
}

const QUESTIONS = {
  question1: 'firstPet',
  answer1: 'Rex',
  question2: 'birthCity',
  answer2: 'Bandung',
  question3: 'firstCar',
  answer3: 'Kijang',
};
const IDENTITY = {
  fullName: 'Budi Santoso',
  birthDate: '1990-04-01',
  citizenship: 'ID',
  documentType: 'passport',
  documentNumber: 'A1234567',
  address: 'Jl. Merdeka 1, Jakarta',
  phone: '+62 812 5555 0101',
};

async function openWallet(): Promise<void> {
  await pay.get(await sendLink());
  await pay.get('/wallet/join/pin');
  await pay.post('/wallet/join/pin', { pin: '135790', pin_repeat: '135790' });
  await pay.get('/wallet/join/questions');
  await pay.post('/wallet/join/questions', QUESTIONS);
  await pay.get('/wallet/join/identity');
  const res = await pay.post('/wallet/join/identity', IDENTITY);
  assert.equal(res.status, 303);
  assert.ok(s.mock.platform.wallet.isOpen(s.buyerId));
}

describe('skin B joining Northwind Pay (R2), one step per page', () => {
  it('walks the six pages: email, captcha, inbox, PIN, questions, identity in fieldsets', async () => {
    await pay.get('/wallet');
    assert.match(
      pay.lastHtml,
      /<h1>Get started with Northwind Pay<\/h1>[\s\S]*<a class="button" href="\/wallet\/join">Create a Northwind Pay account<\/a>/,
    );
    await pay.get('/wallet/join');
    assertHonestPage(pay.lastHtml, 'step 1');
    assert.match(pay.lastHtml, /<legend>Where should we send the verification link\?<\/legend>/);
    assert.match(
      pay.lastHtml,
      /<input id="join-email" name="email" type="email" autocomplete="email" value="b@x.test"/,
    );
    assert.doesNotMatch(pay.lastHtml, /captcha/i, 'step 1 asks the email alone');
    await pay.post('/wallet/join', { email: 'b+pay@x.test' });
    assertHonestPage(pay.lastHtml, 'step 2');
    assert.match(
      pay.lastHtml,
      /<img src="\/wallet\/captcha\/cap_[\w-]{16}\.svg" alt="Characters to type, drawn as an image"/,
    );
    const svg = await pay.get(`/wallet/captcha/${captchaId(pay.lastHtml)}.svg`);
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    const link = await sendLink();
    await pay.get('/wallet/join/sent');
    assertHonestPage(pay.lastHtml, 'step 3');
    assert.match(
      pay.lastHtml,
      /<h1>Check your inbox<\/h1>[\s\S]*<button type="submit">Resend the email<\/button>/,
    );
    const verified = await pay.get(link);
    assert.equal(verified.headers.get('location'), '/wallet/join/pin');
    await pay.get('/wallet/join/pin');
    assertHonestPage(pay.lastHtml, 'step 4');
    assert.deepEqual(
      [...pay.lastHtml.matchAll(/<label for="[^"]+">([^<]+)</g)].map((m) => m[1]),
      ['Payment PIN', 'Repeat payment PIN'],
    );
    assert.equal((await pay.get('/wallet/join/questions')).status, 303, 'no questions before a PIN');
    await pay.post('/wallet/join/pin', { pin: '135790', pin_repeat: '135790' });
    await pay.get('/wallet/join/questions');
    assertHonestPage(pay.lastHtml, 'step 5');
    assert.deepEqual(
      [...pay.lastHtml.matchAll(/<legend>([^<]+)</g)].map((m) => m[1]),
      ['Question 1', 'Question 2', 'Question 3'],
    );
    await pay.post('/wallet/join/questions', QUESTIONS);
    await pay.get('/wallet/join/identity');
    assertHonestPage(pay.lastHtml, 'step 6');
    assert.deepEqual(
      [...pay.lastHtml.matchAll(/<legend>([^<]+)</g)].map((m) => m[1]),
      ['About you', 'Identity document', 'Contact details'],
    );
    const done = await pay.post('/wallet/join/identity', IDENTITY);
    assert.equal(done.headers.get('location'), '/wallet');
    await pay.get('/wallet');
    assert.match(pay.lastHtml, /<p role="status">Your Northwind Pay account is open\.<\/p>/);
    assert.match(pay.lastHtml, /<nav aria-label="Northwind Pay sections">/);
  });

  it('refuses a wrong captcha (422, a fresh picture) and sends no mail', async () => {
    await pay.get('/wallet/join');
    await pay.post('/wallet/join', { email: 'b@x.test' });
    const first = captchaId(pay.lastHtml);
    const res = await pay.post('/wallet/join/check', {
      email: 'b@x.test',
      captcha_id: first,
      captcha: 'nope',
    });
    assert.equal(res.status, 422);
    assert.match(pay.lastHtml, /<li>Characters in the picture: they did not match/);
    assert.notEqual(captchaId(pay.lastHtml), first);
    assert.equal(sent().length, 0);
  });

  it('refuses a PIN that is not 6 digits, or two different PINs, one line naming the field', async () => {
    await pay.get(await sendLink());
    await pay.get('/wallet/join/pin');
    for (const [pin, again, line] of [
      ['12345', '12345', 'Payment PIN'],
      ['1234567', '1234567', 'Payment PIN'],
      ['12a456', '12a456', 'Payment PIN'],
      ['123456', '654321', 'Repeat payment PIN'],
    ] as const) {
      assert.equal((await pay.post('/wallet/join/pin', { pin, pin_repeat: again })).status, 422);
      assert.deepEqual(
        [...pay.lastHtml.matchAll(/<li>([^:<]+):/g)].map((m) => m[1]),
        [line],
        pin,
      );
      assert.doesNotMatch(pay.lastHtml, new RegExp(`value="${pin}"`), 'a PIN is never echoed');
    }
  });

  it('refuses the same question twice and an empty answer', async () => {
    await pay.get(await sendLink());
    await pay.get('/wallet/join/pin');
    await pay.post('/wallet/join/pin', { pin: '135790', pin_repeat: '135790' });
    await pay.get('/wallet/join/questions');
    const res = await pay.post('/wallet/join/questions', {
      ...QUESTIONS,
      question2: 'firstPet',
      answer3: '',
    });
    assert.equal(res.status, 422);
    assert.deepEqual(
      [...pay.lastHtml.matchAll(/<li>([^:<]+):/g)].map((m) => m[1]),
      ['Question', 'Your answer'],
    );
  });

  it('answers a link older than 24 hours with 410 and "Resend the email"; the new link works', async () => {
    const old = await sendLink();
    s.mock.platform.clock.advance(25 * 3_600_000, s.buyerId);
    assert.equal((await pay.get(old)).status, 410);
    assert.match(pay.lastHtml, /<h1>This link has expired<\/h1>/);
    await pay.post('/wallet/join/resend', {});
    const fresh = /verify-email\?code=[\w-]+/.exec(sent().at(-1)!.text)![0];
    assert.equal((await pay.get(`/wallet/${fresh}`)).headers.get('location'), '/wallet/join/pin');
  });

  it('answers a malformed or foreign code with a 4xx', async () => {
    await sendLink();
    assert.equal((await pay.get('/wallet/verify-email?code=%3Cx%3E')).status, 400);
    assert.equal((await pay.get('/wallet/verify-email?code=nope')).status, 404);
  });
});

describe('skin B wallet with an account (R1, L2, F8, F9)', () => {
  beforeEach(openWallet);

  it('overview lists the card (a list); "Your cards" is a table with "Remove" -> confirm page; Activity records it', async () => {
    const card = s.linkCard();
    await pay.get('/wallet');
    assertHonestPage(pay.lastHtml, 'overview');
    assert.match(
      pay.lastHtml,
      new RegExp(`<ul><li>VISA •••• ${card.last4} · \\d\\d/\\d\\d · <strong>Verified</strong></li></ul>`),
    );
    assert.match(pay.lastHtml, /<a href="\/wallet\/cards">Your cards<\/a>/);
    await pay.get('/wallet/cards');
    assertHonestPage(pay.lastHtml, 'your cards');
    assert.match(pay.lastHtml, new RegExp(`<a href="/wallet/cards/${card.id}/remove">Remove</a>`));
    await pay.get(`/wallet/cards/${card.id}/remove`);
    assert.match(pay.lastHtml, /<h1>Remove this card from Northwind Pay\?<\/h1>/);
    assert.equal(formAction(pay.lastHtml, 'post', /remove/), `/wallet/cards/${card.id}/remove`);
    const res = await pay.post(`/wallet/cards/${card.id}/remove`, {});
    assert.equal(res.headers.get('location'), '/wallet/cards');
    assert.equal(s.mock.platform.cards.find(s.buyerId, card.id), undefined);
    await pay.get('/wallet/activity');
    assertHonestPage(pay.lastHtml, 'activity');
    assert.match(pay.lastHtml, new RegExp(`<td>Card removed: VISA •••• ${card.last4}</td>`));
  });

  it('the fault edit-cards-missing takes the "Remove" controls away, adding stays', async () => {
    s.linkCard();
    s.mock.platform.faults.set(['edit-cards-missing']);
    await pay.get('/wallet/cards');
    assert.doesNotMatch(pay.lastHtml, />Remove</);
    assert.match(pay.lastHtml, /<a class="button" href="\/wallet\/cards\/new">Add a card<\/a>/);
  });

  it('adding a card: pending, a text to the wallet phone about $0.01 (fault sms-amount: $1.00)', async () => {
    await pay.get('/wallet/cards/new');
    assertHonestPage(pay.lastHtml, 'add a card');
    const card = randomTestCard('VISA');
    const res = await pay.post('/wallet/cards/new', {
      number: card.number,
      exp: card.expiry,
      csc: card.cvc,
      name_on_card: card.holder,
    });
    assert.equal(res.headers.get('location'), '/wallet/cards');
    const sms = sent().at(-1)!;
    assert.equal(sms.to, `6281255550101@${WALLET_TEST_KEYS.smsGatewayDomain}`);
    assert.match(sms.text, /^Northwind Pay: we charged \$0\.01 to check your card VISA •••• \d{4}\./);
    await pay.get('/wallet/cards');
    assert.match(pay.lastHtml, /<p role="status">VISA •••• \d{4} added\. We charged \$0\.01/);
    assert.match(pay.lastHtml, /<td>Awaiting verification<\/td>/);
    s.mock.platform.faults.set(['sms-amount']);
    await pay.get('/wallet/cards/new');
    const other = randomTestCard('Mastercard');
    await pay.post('/wallet/cards/new', {
      number: other.number,
      exp: other.expiry,
      csc: other.cvc,
      name_on_card: other.holder,
    });
    assert.match(sent().at(-1)!.text, /\$1\.00/);
  });

  it('a risky card waits for extra identity data, then is linked', async () => {
    await pay.get('/wallet/cards/new');
    await pay.post('/wallet/cards/new', {
      number: '4000 6600 0000 0003',
      exp: '12/30',
      csc: '123',
      name_on_card: 'Budi',
    });
    assert.match(pay.lastHtml, /<h1>We need to confirm it is you<\/h1>/);
    assert.equal(s.mock.platform.cards.list(s.buyerId).length, 0);
    const token = /name="token" value="([^"]+)"/.exec(pay.lastHtml)![1]!;
    assert.equal(
      (await pay.post('/wallet/cards/confirm-identity', { token, documentNumber: '', placeOfBirth: 'X' }))
        .status,
      422,
    );
    await pay.post('/wallet/cards/confirm-identity', {
      token,
      documentNumber: 'A1234567',
      placeOfBirth: 'Bandung',
    });
    assert.deepEqual(
      s.mock.platform.cards.list(s.buyerId).map((c) => c.last4),
      ['0003'],
    );
  });

  it("another buyer's card: 404 on its confirm page, its removal and as a replacement", async () => {
    const theirs = s.linkCard('Mastercard', s.otherId);
    assert.equal((await pay.get(`/wallet/cards/${theirs.id}/remove`)).status, 404);
    assert.equal((await pay.get(`/wallet/cards/new?replace=${theirs.id}`)).status, 404);
    await pay.get('/wallet/cards/new');
    assert.equal((await pay.post(`/wallet/cards/${theirs.id}/remove`, {})).status, 404);
    assert.ok(s.mock.platform.cards.find(s.otherId, theirs.id));
  });
});

describe('skin B wallet forms never answer 5xx', () => {
  const MALFORMED = ['', 'x'.repeat(5_000), '<script>', "' OR 1=1 --", '\u0000\u001f', '-1', '1e309', '𝔘 🃏'];

  /** Posts every malformed value into each field of the form at `action` (a valid form otherwise). */
  async function sweep(action: string, valid: Record<string, string>) {
    for (const field of Object.keys(valid))
      for (const bad of MALFORMED) {
        const res = await pay.post(action, { ...valid, [field]: bad });
        assert.ok(
          res.status < 500,
          `${action} ${field}=${JSON.stringify(bad.slice(0, 20))} answered ${res.status}`,
        );
      }
  }

  it('on every join step, the card form and the extra-identity form', async () => {
    await pay.get('/wallet/join');
    await sweep('/wallet/join', { email: 'b@x.test' });
    await sweep('/wallet/join/check', {
      email: 'b@x.test',
      captcha_id: 'cap_xxxxxxxxxxxxxxxx',
      captcha: 'nope',
    });
    await pay.get(await sendLink());
    await pay.get('/wallet/join/pin');
    await sweep('/wallet/join/pin', { pin: '135790', pin_repeat: '135790' });
    await pay.post('/wallet/join/pin', { pin: '135790', pin_repeat: '135790' });
    await sweep('/wallet/join/questions', QUESTIONS);
    await pay.post('/wallet/join/questions', QUESTIONS);
    await sweep('/wallet/join/identity', IDENTITY);
    await pay.post('/wallet/join/identity', IDENTITY);
    assert.ok(s.mock.platform.wallet.isOpen(s.buyerId));
    await pay.get('/wallet/cards/new');
    const card = randomTestCard('VISA');
    await sweep('/wallet/cards/new', {
      number: card.number,
      exp: card.expiry,
      csc: card.cvc,
      name_on_card: card.holder,
      replace: '',
    });
    await sweep('/wallet/cards/confirm-identity', {
      token: 'nope',
      documentNumber: 'A1234',
      placeOfBirth: 'X',
    });
  });
});

describe("skin B wallet under the wallet's faults (domain calls, as on skin A)", () => {
  it('sso-broken: the wallet forgets the shop session', async () => {
    s.mock.platform.faults.set(['sso-broken']);
    const res = await pay.get('/payment-cards');
    assert.equal(res.status, 302);
    assert.match(res.headers.get('location') ?? '', /\/account\/login\?return_to=/);
  });

  it('direct-needs-registration: the direct page sends a buyer without a wallet account away', async () => {
    s.mock.platform.faults.set(['direct-needs-registration']);
    const res = await pay.get('/payment-cards');
    assert.equal(res.headers.get('location'), '/wallet');
  });

  it('mail-not-sent: the inbox stays empty; confirm-expired: the link is refused', async () => {
    s.mock.platform.faults.set(['mail-not-sent']);
    await pay.get('/wallet/join');
    await pay.post('/wallet/join', { email: 'b@x.test' });
    await pay.post('/wallet/join/check', {
      email: 'b@x.test',
      captcha_id: captchaId(pay.lastHtml),
      captcha: WALLET_TEST_KEYS.captchaTestAnswer,
    });
    assert.equal(sent().length, 0);
    s.mock.platform.faults.set(['confirm-expired']);
    const link = await sendLink();
    assert.equal((await pay.get(link)).status, 410);
  });
});
