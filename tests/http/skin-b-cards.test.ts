import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { StoredCard } from '../../mock-app/domain/cards.ts';
import type { Client } from './harness.ts';
import { assertBadPostsAre4xx, assertHonestPage, formAction, skinB } from './skin-b-helpers.ts';

/**
 * Skin B's card screens outside the wallet account: the direct page (R3), the help centre (R4), the
 * mobile app (R5), the mobile site (R6). Each: the way there, the list, removal through its own kind
 * of confirm step, another buyer's card answered 404, malformed posts answered 4xx.
 */
let s: ReturnType<typeof skinB>;
beforeEach(() => {
  s = skinB();
});

const listed = (html: string, card: StoredCard) => html.includes(`${card.brand} •••• ${card.last4}`);

/** One removal screen of skin B, described the same way for the shared checks. */
interface Screen {
  origin: 'wallet' | 'help' | 'mobileApp' | 'mobileSite';
  list: string;
  /** The address of the card's POST (removal) and, when it has one, of its confirm page. */
  post: (id: string) => string;
  confirmPage?: (id: string) => string;
  empty: string;
}

const SCREENS: Record<string, Screen> = {
  'wallet direct page (R3)': {
    origin: 'wallet',
    list: '/payment-cards',
    post: (id) => `/payment-cards/${id}/unlink`,
    confirmPage: (id) => `/payment-cards/${id}/unlink`,
    empty: 'You have no saved payment cards.',
  },
  'help centre (R4)': {
    origin: 'help',
    list: '/my-cards',
    post: (id) => `/my-cards/${id}/remove`,
    empty: 'There are no cards saved to your account.',
  },
  'mobile app (R5)': {
    origin: 'mobileApp',
    list: '/account/bank-cards',
    post: (id) => `/account/bank-cards/${id}/remove`,
    confirmPage: (id) => `/account/bank-cards/${id}/remove`,
    empty: 'You haven&#39;t added any bank cards.',
  },
  'mobile site (R6)': {
    origin: 'mobileSite',
    list: '/account/cards',
    post: (id) => `/account/cards/${id}/delete`,
    confirmPage: (id) => `/account/cards/${id}/delete`,
    empty: 'No saved cards.',
  },
};

for (const [name, screen] of Object.entries(SCREENS)) {
  describe(`skin B ${name}`, () => {
    let buyer: Client;
    beforeEach(() => {
      buyer = s.client(screen.origin, s.buyerId);
    });
    /** Opens the page holding the own card's POST form, as a buyer about to tamper with it would. */
    const openOwnForm = async (own: StoredCard) => {
      await buyer.get(screen.confirmPage ? screen.confirmPage(own.id) : screen.list);
      formAction(buyer.lastHtml, 'post', new RegExp(own.id));
    };

    it('sends a signed-out visitor to the shop log-in, and back', async () => {
      const res = await s.client(screen.origin).get(screen.list);
      assert.equal(res.status, 302);
      assert.match(
        res.headers.get('location') ?? '',
        /^http:\/\/127\.0\.0\.1:4310\/account\/login\?return_to=http/,
      );
    });

    it('lists the card, removes it through its confirm step, then shows the empty state', async () => {
      const card = s.linkCard();
      assert.equal((await buyer.get(screen.list)).status, 200);
      assertHonestPage(buyer.lastHtml, screen.list);
      assert.ok(listed(buyer.lastHtml, card), 'the card is listed');
      if (screen.confirmPage) {
        assert.equal((await buyer.get(screen.confirmPage(card.id))).status, 200);
        assertHonestPage(buyer.lastHtml, 'confirm page');
        assert.ok(listed(buyer.lastHtml, card), 'the confirm page names the card');
        assert.ok(s.mock.platform.cards.find(s.buyerId, card.id), 'opening the confirm page removes nothing');
      }
      assert.equal(formAction(buyer.lastHtml, 'post', new RegExp(card.id)), screen.post(card.id));
      const res = await buyer.post(screen.post(card.id), {});
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), screen.list);
      assert.equal(s.mock.platform.cards.find(s.buyerId, card.id), undefined);
      await buyer.get(screen.list);
      assert.ok(buyer.lastHtml.includes(screen.empty), 'the empty state is shown');
      assert.match(buyer.lastHtml, /role="status">[^<]*removed|unlinked|deleted/i);
    });

    it("answers 404 for another buyer's card, on the confirm page and the post, and keeps it", async () => {
      const theirs = s.linkCard('Mastercard', s.otherId);
      if (screen.confirmPage) assert.equal((await buyer.get(screen.confirmPage(theirs.id))).status, 404);
      await openOwnForm(s.linkCard());
      assert.equal((await buyer.post(screen.post(theirs.id), {})).status, 404);
      assert.match(buyer.lastHtml, /<h1>We could not find that page<\/h1>/);
      assert.ok(s.mock.platform.cards.find(s.otherId, theirs.id), "the other buyer's card is still there");
    });

    it('keeps the card under the fault remove-noop', async () => {
      s.mock.platform.faults.set(['remove-noop']);
      const card = s.linkCard();
      await openOwnForm(card);
      assert.equal((await buyer.post(screen.post(card.id), {})).status, 303);
      assert.ok(s.mock.platform.cards.find(s.buyerId, card.id));
    });

    it('answers malformed posts with a 4xx', async () => {
      const card = s.linkCard();
      await openOwnForm(card);
      await assertBadPostsAre4xx(buyer, screen.post, card.id);
      assert.ok(s.mock.platform.cards.find(s.buyerId, card.id));
    });
  });
}

describe('skin B ways to the card screens', () => {
  it('direct page: "Unlink" is a GET form in the card\'s table row, leading to the confirm page', async () => {
    const card = s.linkCard();
    const wallet = s.client('wallet', s.buyerId);
    await wallet.get('/payment-cards');
    assert.match(wallet.lastHtml, /<caption>Your payment cards<\/caption>/);
    const row = /<tr><td>VISA •••• \d{4}<\/td>[\s\S]*?<\/tr>/.exec(wallet.lastHtml)?.[0] ?? '';
    assert.match(
      row,
      new RegExp(
        `<form method="get" action="/payment-cards/${card.id}/unlink"><button type="submit">Unlink</button>`,
      ),
    );
    assert.doesNotMatch(row, /method="post"/, 'no POST form in the row');
    await wallet.get(`/payment-cards/${card.id}/unlink`);
    assert.match(wallet.lastHtml, /<h1>Unlink this card\?<\/h1>/);
    assert.match(
      wallet.lastHtml,
      /<button type="submit">Unlink card<\/button>[\s\S]*<a href="\/payment-cards">Keep it<\/a>/,
    );
  });

  it('help centre: home -> article -> "View my saved cards" (a link) -> "Remove" opens an alertdialog', async () => {
    const card = s.linkCard();
    const help = s.client('help', s.buyerId);
    await help.get('/');
    assertHonestPage(help.lastHtml, 'help home');
    assert.match(help.lastHtml, /<a href="\/articles\/remove-a-saved-card">Remove a saved card<\/a>/);
    await help.get('/articles/remove-a-saved-card');
    assertHonestPage(help.lastHtml, 'article');
    assert.match(help.lastHtml, /<a href="\/my-cards">View my saved cards<\/a>/);
    await help.get('/my-cards');
    assert.match(
      help.lastHtml,
      new RegExp(`<button type="button" data-dialog="remove-${card.id}">Remove</button>`),
    );
    assert.match(
      help.lastHtml,
      new RegExp(
        `<dialog id="remove-${card.id}" role="alertdialog" aria-modal="true" aria-labelledby="remove-${card.id}-title"`,
      ),
    );
    assert.match(help.lastHtml, /<h2 id="[^"]+">Remove this card\?<\/h2>/);
    assert.match(
      help.lastHtml,
      /<button type="submit">Yes, remove it<\/button>\s*<button type="button" data-dismiss>No, keep it<\/button>/,
    );
    // The dialogs follow the list: no form inside a list item.
    const items = help.lastHtml.match(/<li>[\s\S]*?<\/li>/g) ?? [];
    assert.ok(items.length >= 1 && items.every((li) => !li.includes('<form')));
  });

  it('help centre: the fault help-500 answers 500 on every page but /healthz', async () => {
    s.mock.platform.faults.set(['help-500']);
    const help = s.client('help', s.buyerId);
    assert.equal((await help.get('/my-cards')).status, 500);
    assert.equal((await help.get('/healthz')).status, 200);
  });

  it('mobile app: tab bar "Account" -> "My bank cards", a page with its own h1 (no tabs)', async () => {
    s.linkCard('Mastercard');
    const app = s.client('mobileApp', s.buyerId);
    await app.get('/');
    assertHonestPage(app.lastHtml, 'app home');
    assert.match(
      app.lastHtml,
      /<nav class="tabs" aria-label="Main navigation">[\s\S]*<a href="\/account" >Account<\/a>/,
    );
    await app.get('/account');
    assertHonestPage(app.lastHtml, 'app account');
    assert.match(app.lastHtml, /<a href="\/account\/bank-cards">My bank cards<\/a>/);
    await app.get('/account/bank-cards');
    assert.match(app.lastHtml, /<h1>My bank cards<\/h1>/);
    assert.doesNotMatch(app.lastHtml, /role="tab/);
    assert.match(app.lastHtml, /<a href="\/account\/bank-cards\/card_[^"]+\/remove">Remove<\/a>/);
  });

  it('mobile app: the fault mobile-label-drift renames "Account"', async () => {
    s.mock.platform.faults.set(['mobile-label-drift']);
    const app = s.client('mobileApp', s.buyerId);
    await app.get('/');
    assert.match(app.lastHtml, /<a href="\/account" >Me<\/a>/);
    assert.doesNotMatch(app.lastHtml, />Account</);
  });

  it('mobile site: "Menu" is a disclosure of a navigation (no dialog) -> Customer service -> answer -> cards table', async () => {
    s.linkCard();
    const site = s.client('mobileSite', s.buyerId);
    await site.get('/');
    assertHonestPage(site.lastHtml, 'mobile site home');
    assert.match(
      site.lastHtml,
      /<button type="button" aria-expanded="false" aria-controls="site-menu">[\s\S]*?Menu<\/span><\/button>/,
    );
    assert.match(site.lastHtml, /<nav id="site-menu" aria-label="Site menu" hidden/);
    assert.doesNotMatch(site.lastHtml, /<dialog/);
    assert.match(site.lastHtml, /<a href="\/customer-service">Customer service<\/a>/);
    await site.get('/customer-service');
    assert.match(
      site.lastHtml,
      /<a href="\/customer-service\/saved-cards">How do I update or remove a saved card\?<\/a>/,
    );
    await site.get('/customer-service/saved-cards');
    assert.match(site.lastHtml, /<a href="\/account\/cards">Manage saved cards<\/a>/);
    await site.get('/account/cards');
    assert.match(
      site.lastHtml,
      /<caption>Saved cards<\/caption>[\s\S]*<th scope="row">VISA •••• \d{4}<\/th>[\s\S]*>Delete<\/a>/,
    );
    assert.equal((await site.get('/customer-service/nope')).status, 404);
  });
});

describe('skin B under the friction faults (issue 15), as on skin A', () => {
  it("remove-asks-birth-date: the direct page's confirm page asks it; without it nothing is removed (422)", async () => {
    s.mock.platform.faults.set(['remove-asks-birth-date']);
    const card = s.linkCard();
    const wallet = s.client('wallet', s.buyerId);
    await wallet.get(`/payment-cards/${card.id}/unlink`);
    assertHonestPage(wallet.lastHtml, 'confirm page asking the date of birth');
    assert.match(wallet.lastHtml, /<label for="birth-date">Your date of birth<\/label>/);
    assert.equal((await wallet.post(`/payment-cards/${card.id}/unlink`, {})).status, 422);
    assert.match(wallet.lastHtml, /<p class="problem" id="birth-date-problem">Your date of birth: enter it/);
    assert.ok(s.mock.platform.cards.find(s.buyerId, card.id));
    const res = await wallet.post(`/payment-cards/${card.id}/unlink`, { birthDate: '1990-01-15' });
    assert.equal(res.status, 303);
    assert.equal(s.mock.platform.cards.find(s.buyerId, card.id), undefined);
  });

  it('remove-extra-confirm-page: the mobile site asks "Are you sure?" on one more page', async () => {
    s.mock.platform.faults.set(['remove-extra-confirm-page']);
    const card = s.linkCard();
    const site = s.client('mobileSite', s.buyerId);
    await site.get(`/account/cards/${card.id}/delete`);
    assert.equal((await site.post(`/account/cards/${card.id}/delete`, {})).status, 200);
    assertHonestPage(site.lastHtml, 'are you sure');
    assert.match(
      site.lastHtml,
      /<h1>Are you sure\?<\/h1>[\s\S]*name="sure" value="yes"[\s\S]*>Yes, delete it</,
    );
    assert.ok(s.mock.platform.cards.find(s.buyerId, card.id));
    assert.equal((await site.post(`/account/cards/${card.id}/delete`, { sure: 'yes' })).status, 303);
    assert.equal(s.mock.platform.cards.find(s.buyerId, card.id), undefined);
  });

  it("help-lang-missing: the help centre's card page loses <html lang>, nothing else", async () => {
    const help = s.client('help', s.buyerId);
    await help.get('/my-cards');
    assert.match(help.lastHtml, /<html lang="en">/);
    s.mock.platform.faults.set(['help-lang-missing']);
    await help.get('/my-cards');
    assert.match(help.lastHtml, /<html>/);
    await help.get('/');
    assert.match(help.lastHtml, /<html lang="en">/);
  });
});
