// Skin B of the mock ("Northwind", MOCK_SKIN=b) in sandbox posture, reached like any real sandbox:
// its pages and its inbox only. Its wording, URLs and markup differ from skin A on every screen; this
// profile says how with data alone (labels, screens, forms, accounts.wallets): no adapter is needed.
//
//   TARGET=sandbox TARGET_PROFILE=targets/skin-b-sandbox.ts SANDBOX_PASSWORD=... npm run e2e
//
// Texts are copied from skin B's pages, as a QA engineer would copy them from a real shop.

import { SkinBOpenWallet } from './skin-b-sandbox/open-wallet.ts';

const VISA = [
  '4111111111111111',
  '4012888888881881',
  '4242424242424242',
  '4000056655665556',
  '4005519200000004',
  '4000000000000077',
];
const MASTERCARD = ['5555555555554444', '5105105105105100', '5200828282828210'];

export default function skinBSandbox() {
  const env = process.env;
  // `npm run mock:sandbox` ports (MOCK_PORT_BASE, default 4430 here): shop +0, wallet +1, help +2,
  // mobile app +3, mobile site +4, mail catcher +7.
  const base = Number(env.MOCK_PORT_BASE || 4430);
  const at = (offset: number, path: string) => `http://127.0.0.1:${base + offset}${path}`;
  const emails = (env.SKIN_B_ACCOUNTS || 'nw-1@sandbox.cardwatch.test,nw-2@sandbox.cardwatch.test')
    .split(',')
    .map((e) => e.trim());
  // Every pool account already holds a Northwind Pay account (R1, L2): its SMS go to this phone.
  const wallets = Object.fromEntries(
    emails.map((email, i) => [email, { phone: `+62 812 5555 01${String(i).padStart(2, '0')}` }]),
  );
  const cvc = env.SANDBOX_CVC || '737';
  return {
    name: 'skin-b-sandbox',
    kind: 'sandbox',
    urls: {
      shop: at(0, '/'),
      signIn: at(0, '/account/login'),
      checkout: at(0, '/pay?item=p-phone-case'),
      walletDirect: at(1, '/payment-cards'),
      walletAccount: at(1, '/wallet'),
      signUp: at(0, '/account/register'),
      orders: at(0, '/purchases'),
      disputes: at(0, '/claims'),
      support: at(0, '/contact'),
      helpCenter: at(2, '/articles/remove-a-saved-card'),
      helpCards: at(2, '/my-cards'),
      mobileApp: at(3, '/'),
      mobileAppCards: at(3, '/account/bank-cards'),
      mobileSite: at(4, '/'),
      mobileSiteCards: at(4, '/account/cards'),
    },
    labels: {
      common: {
        signIn: 'Log in',
        signOut: 'Log out',
        email: 'Email address',
        password: 'Password',
        // Skin B names each confirm control after its screen: see screens.*.confirmWith.
        confirm: 'Remove card',
        cancel: 'Cancel',
        notFoundTitle: 'We could not find that page',
      },
      shop: {
        checkout: 'Secure checkout',
        paymentMethod: 'Other ways to pay',
        savedCards: 'Saved cards',
        newCard: 'New debit or credit card',
        cardNumber: 'Card number',
        expiry: 'Expiry date (MM/YY)',
        cvc: 'Security code',
        holder: 'Name on card',
        linkCard: 'Save this card to Northwind Pay',
        pay: 'Place order',
        orderPlaced: 'Thank you for your order',
        expiredCard: '{card}, expired {expiry}',
        cardLimitReached:
          'We did not save the card: Northwind Pay keeps up to {max} cards. Unlink one to make room.',
        cardLinked: '{card} is now saved in Northwind Pay.',
        cardReissued: '{card} is saved in Northwind Pay in place of the expired {old}.',
        methods: {
          card: 'New debit or credit card',
          balance: 'Northwind Pay balance: {amount}',
          webMoneyUsd: 'WebMoney USD',
          webMoneyRub: 'WebMoney RUB',
          qiwi: 'QIWI Wallet',
          westernUnion: 'Western Union transfer',
        },
        account: { panel: 'Your account', orders: 'Purchases', disputes: 'Claims', support: 'Contact us' },
        signUp: { title: 'Create your account', phone: 'Mobile number', submit: 'Create account' },
        countries: {},
        orders: { title: 'Your purchases', openDispute: 'Open a claim', order: 'Order {id}' },
        disputes: {
          title: 'Your claims',
          reason: 'What went wrong?',
          submit: 'Open claim',
          reasons: {
            notReceived: 'It never arrived',
            notAsDescribed: 'It is not what was described',
            damaged: 'It arrived damaged',
          },
          dispute: 'Claim for order {id}',
          status: { open: 'Waiting for the seller', won: 'Decided in your favour' },
          refund: { balance: '{amount} back to your Northwind Pay balance', card: '{amount} back to {card}' },
        },
        support: {
          title: 'Contact us',
          category: 'What is it about?',
          categories: {
            payment: 'A payment',
            linkCard: 'Saving a card',
            removeCard: 'Unlinking a card',
            refund: 'A refund',
            other: 'Something else',
          },
          description: 'Your message',
          submit: 'Send message',
          ticket: 'Your reference is {ticket}. Quote it if you write to us again.',
        },
      },
      wallet: {
        directTitle: 'Payment cards',
        cardInformation: 'Your payment cards',
        deleteCard: 'Unlink',
        confirmDeleteTitle: 'Unlink this card?',
        noCards: 'You have no saved payment cards.',
        myWallet: 'Northwind Pay',
        openTitle: 'Get started with Northwind Pay',
        openNow: 'Create a Northwind Pay account',
        captchaImage: 'Characters to type, drawn as an image',
        captchaLabel: 'Characters in the picture',
        sendConfirmation: 'Email me a link',
        sentTitle: 'Check your inbox',
        resend: 'Resend the email',
        linkExpiredTitle: 'This link has expired',
        mail: { confirmLink: 'Verify email address' },
        securityTitle: 'Choose a payment PIN',
        paymentPassword: 'Payment PIN',
        paymentPasswordRepeat: 'Repeat payment PIN',
        securityQuestion: 'Question {n}',
        securityAnswer: 'Your answer',
        next: 'Continue',
        questions: {
          firstPet: 'Name of your first pet',
          birthCity: 'Town you were born in',
          firstSchool: 'Your first school',
        },
        identityTitle: 'Confirm who you are',
        fullName: 'Legal name',
        birthDate: 'Date of birth',
        citizenship: 'Nationality',
        documentType: 'Document',
        documentNumber: 'Document number (optional)',
        address: 'Home address',
        phone: 'Mobile number',
        submit: 'Open my account',
        countries: { ID: 'Indonesian' },
        documents: { passport: 'Passport' },
        errors: {
          captcha: 'Characters in the picture: they did not match. Try this new picture.',
          password: 'Payment PIN: exactly 6 digits.',
          passwordRepeat: 'Repeat payment PIN: the two PINs differ.',
        },
        homeTitle: 'Northwind Pay',
        myAccountTab: 'Overview',
        historyTab: 'Activity',
        linkedCards: 'Cards in your wallet',
        editCards: 'Your cards',
        manageCards: 'Your cards',
        state: { pending: 'Awaiting verification', verified: 'Verified', expired: 'Expired' },
        historyAdded: 'Card added: {card}',
        historyRemoved: 'Card removed: {card}',
        editCardsTitle: 'Your cards',
        removeCard: 'Remove',
        confirmRemoveTitle: 'Remove this card from Northwind Pay?',
        manageTitle: 'Your cards',
        addCard: 'Add a card',
        submitCard: 'Save card',
        cardNumber: 'Card number',
        expiry: 'Expiry date (MM/YY)',
        cvc: 'Security code',
        holder: 'Name on card',
        extraTitle: 'We need to confirm it is you',
        extraDocumentNumber: 'ID document number',
        extraPlaceOfBirth: 'Place of birth',
        extraSubmit: 'Confirm and save card',
      },
      help: {
        title: 'Remove a saved card',
        checkCards: 'View my saved cards',
        linkedCards: 'My saved cards',
        deleteCard: 'Remove',
        confirmDeleteTitle: 'Remove this card?',
        noCards: 'There are no cards saved to your account.',
      },
      mobile: {
        app: {
          mainMenu: 'Main navigation',
          myProfile: 'Account',
          myBankCards: 'My bank cards',
          delete: 'Remove',
          noCards: "You haven't added any bank cards.",
          confirmDeleteTitle: 'Remove this card?',
        },
        site: {
          menu: 'Menu',
          menuName: 'Site menu',
          helpCenter: 'Customer service',
          changeCardInfo: 'How do I update or remove a saved card?',
          removeCardLink: 'Manage saved cards',
          cardsTitle: 'Saved cards',
          deleteCard: 'Delete',
          confirmDeleteTitle: 'Delete this card?',
          noCards: 'No saved cards.',
        },
      },
      // Confirm controls named per screen (used by screens.*.confirmWith / cancelWith).
      extra: {
        // Used by the open-wallet adapter (targets/skin-b-sandbox/open-wallet.ts).
        walletEmail: 'Email for Northwind Pay',
        questionsTitle: 'Security questions',
        question: 'Question',
        unlinkCard: 'Unlink card',
        keepIt: 'Keep it',
        yesRemoveIt: 'Yes, remove it',
        noKeepIt: 'No, keep it',
        deleteCard: 'Delete card',
        back: 'Back',
      },
    },
    // How skin B's screens differ in shape from the defaults (docs/sandbox.md, "screens").
    screens: {
      // R2: a six-page wizard in another order than the suite's page object walks: an adapter.
      openWallet: { adapter: SkinBOpenWallet },
      // R3: a table; "Unlink" is a GET form leading to a confirm page holding the POST form.
      walletDirect: {
        container: 'table',
        confirm: 'page',
        confirmWith: 'extra.unlinkCard',
        cancelWith: 'extra.keepIt',
      },
      // R1: "Overview" and "Activity" are pages (links), the cards a section.
      walletHome: { container: 'region' },
      // R1: "Your cards" is a table; "Remove" is a link to a confirm page.
      walletEditCards: { container: 'table', confirm: 'page' },
      walletManageCards: { container: 'table' },
      // R4: "My saved cards" is a page of its own; "Remove" opens an alertdialog.
      helpCards: {
        container: 'page',
        confirm: 'dialog',
        confirmWith: 'extra.yesRemoveIt',
        cancelWith: 'extra.noKeepIt',
      },
      // R5: the app's main menu is the bottom tab bar; "My bank cards" a page; removing asks on a page.
      mobileApp: { container: 'navigation' },
      mobileAppCards: { container: 'page', confirm: 'page', cancelWith: 'extra.back' },
      // R6: the three-bar "Menu" shows a navigation "Site menu"; cards in a table; confirm on a page.
      mobileSite: { container: 'navigation' },
      mobileSiteCards: { container: 'table', confirm: 'page', confirmWith: 'extra.deleteCard' },
      // F10: support is in the footer ("Contact us"), not in the account menu.
      support: { path: { from: 'shop', clicks: ['shop.account.support'] } },
    },
    // The sign-up form asks email, password and a mobile number (no name, no country).
    forms: {
      signUp: { 'common.email': 'email', 'common.password': 'password', 'shop.signUp.phone': 'phone' },
    },
    locale: 'en',
    capabilities: { control: false, clock: false, groundTruth: false, disputes: false },
    accounts: {
      source: 'pool',
      emails,
      password: { env: 'SANDBOX_PASSWORD' },
      wallets,
      signUp: {
        address: 'nw-{id}@sandbox.cardwatch.test',
        password: { env: 'SANDBOX_PASSWORD' },
        country: 'ID',
        phone: '+62 812 {n}',
      },
    },
    cards: [
      ...VISA.map((number) => ({ brand: 'VISA', number, expiry: '12/30', cvc })),
      ...MASTERCARD.map((number) => ({ brand: 'Mastercard', number, expiry: '12/30', cvc })),
    ],
    inbox: { api: at(7, ''), flavour: 'maildev3', smsDomain: 'sms.cardwatch.test' },
    captcha: { testAnswer: env.SANDBOX_CAPTCHA_ANSWER || 'cardwatch-test' },
    localServer: {
      command: 'npx tsx scripts/mock-sandbox.ts',
      healthUrl: at(0, '/healthz'),
      env: {
        MOCK_PORT_BASE: String(base),
        TARGET_PROFILE: 'targets/skin-b-sandbox.ts',
        MOCK_SKIN: 'b',
        MOCK_DB: env.MOCK_DB || `data/skin-b-sandbox-${base}.db`,
        // The pool's wallet accounts, opened at start when missing (the mock's seeding, not the suite's).
        MOCK_SEED_WALLETS: Object.entries(wallets)
          .map(([email, w]) => `${email}=${w.phone}`)
          .join(','),
      },
    },
  };
}
