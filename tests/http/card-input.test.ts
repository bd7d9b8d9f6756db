// Card input by the schemes' rules as the buyer meets it: checkout (L1, F9/L3) and the wallet's "Add card"
// (L2) show one clear sentence per problem, in English and Indonesian; names match across Unicode forms.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ValidCard } from '../../mock-app/domain/card-input.ts';
import { cookieNames } from '../../mock-app/http/origin.ts';
import { walletApp } from '../../mock-app/origins/wallet.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import { Client } from './harness.ts';
import { addInWallet, cardForm, pay, seedLinked, shopWithBuyer } from './shop-helpers.ts';

const VISA_19 = '4917 6100 0000 0000 003';

/** Each case: the typed number and the sentence the buyer must read, per language. */
const CASES: { case: string; number: string; en: RegExp; id: RegExp }[] = [
  { case: 'empty', number: '', en: /Enter the card number\./, id: /Masukkan nomor kartu\./ },
  {
    case: 'not digits',
    number: '4242 4242 4242 42x2',
    en: /A card number has digits only/,
    id: /Nomor kartu hanya berisi angka/,
  },
  {
    case: 'unknown scheme (AmEx)',
    number: '3782 822463 10005',
    en: /Only VISA and Mastercard cards are accepted: a VISA number starts with 4/,
    id: /Hanya kartu VISA dan Mastercard yang diterima/,
  },
  {
    case: 'wrong length for VISA',
    number: '4242 4242 4242 424',
    en: /A VISA card number has 13, 16, or 19 digits; this one has 15\./,
    id: /Nomor kartu VISA terdiri dari 13, 16, atau 19 digit; nomor ini 15 digit\./,
  },
  {
    case: 'wrong length for Mastercard',
    number: '5555 5555 5555 4444 0',
    en: /A Mastercard card number has 16 digits; this one has 17\./,
    id: /Nomor kartu Mastercard terdiri dari 16 digit; nomor ini 17 digit\./,
  },
  {
    case: 'Luhn failure',
    number: '4242 4242 4242 4241',
    en: /This card number has a typo: its last digit \(the check digit\)/,
    id: /Nomor kartu ini salah ketik/,
  },
];

/** The inline error of a field, as the page renders it. */
const inlineError = (html: string, field: string) =>
  new RegExp(`id="${field}-error" class="error">([^<]*)<`).exec(html)?.[1];

describe('checkout: card numbers by the schemes published rules', () => {
  it('accepts and links the 19-digit VISA 4917 6100 0000 0000 003', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const res = await pay(shop, cardForm({ ...randomTestCard('VISA'), number: VISA_19 }, { linkCard: 'on' }));
    assert.equal(res.status, 200);
    assert.match(shop.lastHtml, /VISA •••• 0003 is now linked to your wallet/);
    assert.deepEqual(
      mock.platform.cards.list(buyerId).map((c) => `${c.brand} ${c.last4}`),
      ['VISA 0003'],
    );
  });

  it('accepts a Mastercard of the 2-series and numbers typed with dashes or non-breaking spaces', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    for (const number of ['2223-0031-2200-3222', '4242\u00a04242\u00a04242\u00a04242'])
      assert.equal((await pay(shop, cardForm({ ...randomTestCard('VISA'), number }))).status, 200, number);
    assert.equal(mock.platform.orders.list(buyerId).length, 2);
  });

  for (const lang of ['en', 'id'] as const)
    for (const c of CASES)
      it(`${lang}: ${c.case} -> 422, one sentence at the card number field, no order`, async () => {
        const { shop, mock, buyerId } = shopWithBuyer();
        await shop.get(`/checkout?lang=${lang}`);
        const res = await shop.post('/checkout', cardForm({ ...randomTestCard('VISA'), number: c.number }));
        assert.equal(res.status, 422);
        const error = inlineError(shop.lastHtml, 'cardNumber');
        assert.ok(error, 'the card number field carries its error');
        assert.match(error, c[lang]);
        assert.match(
          shop.lastHtml,
          /id="cardNumber"[^>]*aria-invalid="true" aria-describedby="cardNumber-error"/,
        );
        assert.equal(inlineError(shop.lastHtml, 'expiry'), undefined, 'only the number is wrong');
        assert.equal(mock.platform.orders.list(buyerId).length, 0);
      });

  it('names each bad field once: expiry in the past, expiry malformed, CVC, holder', async () => {
    const { shop } = shopWithBuyer();
    await pay(shop, cardForm(randomTestCard('VISA'), { expiry: '01/20', cvc: '1', holder: ' ' }));
    assert.match(inlineError(shop.lastHtml, 'expiry') ?? '', /This card has expired/);
    assert.match(inlineError(shop.lastHtml, 'cvc') ?? '', /3-digit security code/);
    assert.match(inlineError(shop.lastHtml, 'holder') ?? '', /name on the card/);
    await pay(shop, cardForm(randomTestCard('VISA'), { expiry: '2029-12' }));
    assert.match(inlineError(shop.lastHtml, 'expiry') ?? '', /Enter the expiry date as MM\/YY\./);
  });
});

describe('wallet "Add card": the same rules, the same sentences', () => {
  const walletBuyer = () => {
    const { mock, buyerId } = shopWithBuyer();
    mock.platform.wallet.openDirectly(buyerId, {
      email: 'w@x.test',
      paymentPassword: '123456',
      identity: {
        fullName: 'B',
        birthDate: '1990-01-01',
        citizenship: 'ID',
        documentType: 'passport',
        documentNumber: '',
        address: 'Jl. Contoh 1',
        phone: '+62 812 5555 0101',
      },
    });
    const wallet = new Client(walletApp(mock));
    wallet.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(buyerId));
    return { mock, buyerId, wallet };
  };
  it('links the 19-digit VISA', async () => {
    const { wallet, mock, buyerId } = walletBuyer();
    assert.equal((await addInWallet(wallet, VISA_19)).status, 303);
    assert.deepEqual(
      mock.platform.cards.list(buyerId).map((c) => c.last4),
      ['0003'],
    );
  });

  for (const lang of ['en', 'id'] as const)
    for (const c of CASES)
      it(`${lang}: ${c.case} -> 422 with the sentence at the card number`, async () => {
        const { wallet, mock, buyerId } = walletBuyer();
        assert.equal((await addInWallet(wallet, c.number, lang)).status, 422);
        assert.match(inlineError(wallet.lastHtml, 'cardNumber') ?? '', c[lang]);
        assert.equal(mock.platform.cards.list(buyerId).length, 0);
      });
});

describe('checkout: the reissue (F9/L3) across Unicode forms of the holder name', () => {
  const nfc = 'José Nuñez'.normalize('NFC');
  const nfd = 'José Nuñez'.normalize('NFD');

  it('an expired card held by "José Nuñez" (NFC) is replaced by the card typed "José Nuñez" in NFD', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const old = seedLinked(mock, buyerId, randomTestCard('VISA', { expiresInYears: -1, holder: nfc }));
    assert.equal(mock.platform.cards.list(buyerId)[0]?.holder, nfc, 'stored composed');
    const reissued = randomTestCard('VISA', { holder: nfd });
    assert.equal((await pay(shop, cardForm(reissued))).status, 200);
    assert.match(shop.lastHtml, new RegExp(`replaces the expired card VISA •••• ${old.last4}`));
    assert.deepEqual(
      mock.platform.cards.list(buyerId).map((c) => [c.last4, c.holder]),
      [[reissued.last4, nfc]],
      'the reissue took the expired card’s place, its holder stored composed',
    );
  });

  it('also when the expired card was stored decomposed (before names were normalised)', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    const expired = randomTestCard('VISA', { expiresInYears: -1 });
    const legacy: ValidCard = {
      brand: 'VISA',
      last4: expired.last4,
      expMonth: 12,
      expYear: new Date().getUTCFullYear() - 1,
      holder: nfd,
      pan: expired.number.replace(/\D/g, ''),
    };
    assert.ok(mock.platform.cards.link(buyerId, legacy).linked);
    const reissued = randomTestCard('VISA', { holder: nfc.toUpperCase() });
    await pay(shop, cardForm(reissued));
    assert.match(shop.lastHtml, /replaces the expired card/);
    assert.deepEqual(
      mock.platform.cards.list(buyerId).map((c) => c.last4),
      [reissued.last4],
    );
  });

  it('a different name is still not a reissue', async () => {
    const { shop, mock, buyerId } = shopWithBuyer();
    seedLinked(mock, buyerId, randomTestCard('VISA', { expiresInYears: -1, holder: nfc }));
    await pay(shop, cardForm(randomTestCard('VISA', { holder: 'Jose Nunez' })));
    assert.match(shop.lastHtml, /was not linked|not linked/);
    assert.equal(mock.platform.cards.list(buyerId).length, 1);
  });
});
