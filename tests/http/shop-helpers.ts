import { validateCard } from '../../mock-app/domain/card-input.ts';
import { cookieNames, type MockContext } from '../../mock-app/http/origin.ts';
import { shopApp } from '../../mock-app/origins/shop.ts';
import { randomTestCard, type TestCard } from '../../support/test-cards.ts';
import { Client, testMock } from './harness.ts';

/** A mock with one buyer signed in to the shop, for the shop's HTTP tests. */
export function shopWithBuyer(country = 'ID', email = 'buyer@x.test') {
  const mock: MockContext = testMock();
  const buyerId = mock.platform.accounts.create({ email, password: 'secret-pw', name: 'B', country }).id;
  const shop = new Client(shopApp(mock));
  shop.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(buyerId));
  return { mock, buyerId, shop };
}

export function secondBuyer(mock: MockContext, country = 'ID') {
  const id = mock.platform.accounts.create({
    email: 'other@x.test',
    password: 'secret-pw',
    name: 'O',
    country,
  }).id;
  const client = new Client(shopApp(mock));
  client.signInAs(cookieNames('cwt').session, mock.platform.accounts.openSession(id));
  return { id, client };
}

export function cardForm(card: TestCard, extra: Record<string, string> = {}): Record<string, string> {
  return {
    product: 'p-phone-case',
    method: 'new',
    cardNumber: card.number,
    expiry: card.expiry,
    cvc: card.cvc,
    holder: card.holder,
    ...extra,
  };
}

/** Pays for the phone case at checkout with `form`, the way a browser would (GET the form first). */
export async function pay(shop: Client, form: Record<string, string>): Promise<Response> {
  await shop.get('/checkout');
  return shop.post('/checkout', form);
}

export function seedLinked(mock: MockContext, buyerId: string, card: TestCard = randomTestCard('VISA')) {
  const { card: valid } = validateCard(card, new Date(0));
  const link = mock.platform.cards.link(buyerId, valid!);
  if (!link.linked) throw new Error(`could not seed card: ${link.reason}`);
  return link.card;
}

/** The wallet's "Add card" as a browser posts it (GET the form first), with a valid expiry, CVC and holder. */
export async function addInWallet(wallet: Client, number: string, lang = 'en'): Promise<Response> {
  await wallet.get(`/account/cards/add?lang=${lang}`);
  return wallet.post('/account/cards/add', {
    cardNumber: number,
    expiry: '12/39',
    cvc: '123',
    holder: 'Wati Buyer',
  });
}
