// Skin B of the embedded mock ("Northwind" + "Northwind Pay") in sandbox posture, written the way
// docs/sandbox.md tells a QA engineer to write a profile for a shop it has never seen: URLs, wording and
// shape copied from the pages (every text below is on a skin B page), nothing from the mock's code.
//
//   TARGET=sandbox TARGET_PROFILE=targets/skin-b.ts SANDBOX_PASSWORD=... npm run e2e
//
// `localServer` starts `npm run mock:sandbox` with MOCK_SKIN=b (ports from 4430, English, store in data/).

const VISA =
  '4111111111111111,4012888888881881,4242424242424242,4000056655665556,4005519200000004,4000000000000077';
const MASTERCARD = '5555555555554444,5105105105105100,5200828282828210';
const list = (fromEnv: string | undefined, fallback: string) =>
  (fromEnv || fallback)
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);

export default function skinBProfile() {
  const env = process.env;
  const base = Number(env.MOCK_PORT_BASE || 4430);
  const at = (offset: number, path: string) => `http://127.0.0.1:${base + offset}${path}`;
  const cvc = env.SANDBOX_CVC || '737';
  const buyers = list(env.SKIN_B_ACCOUNTS, 'shopper-1@northwind.test,shopper-2@northwind.test');
  // Pool accounts that already hold a Northwind Pay account (R1, L2), with the phone it texts.
  const wallets = Object.fromEntries(
    list(env.SKIN_B_WALLET_ACCOUNTS, 'payer-1@northwind.test,payer-2@northwind.test').map((email, i) => [
      email,
      { phone: `+62 812 5555 01${String(i + 10)}` },
    ]),
  );
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
    locale: 'en',
    labels: {
      common: {
        signIn: 'Log in',
        signOut: 'Log out',
        email: 'Email address',
        password: 'Password',
        confirm: 'Unlink card',
        cancel: 'Keep it',
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
        orders: { title: 'Your purchases', openDispute: 'Open a claim', order: '{id}' },
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
          childhoodFriend: 'Your best friend as a child',
          firstCar: 'Make of your first car',
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
        countries: {
          ID: 'Indonesian',
          MY: 'Malaysian',
          SG: 'Singaporean',
          PH: 'Filipino',
          RU: 'Russian',
          US: 'American',
          GB: 'British',
          DE: 'German',
        },
        documents: {
          passport: 'Passport',
          nationalId: 'National identity card',
          insurancePolicy: 'Insurance policy',
        },
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
          helpCenter: 'Customer service',
          changeCardInfo: 'How do I update or remove a saved card?',
          removeCardLink: 'Manage saved cards',
          cardsTitle: 'Saved cards',
          deleteCard: 'Delete',
          confirmDeleteTitle: 'Delete this card?',
          noCards: 'No saved cards.',
        },
      },
      // Texts only this profile's click paths use.
      extra: { footerContact: 'Contact us' },
    },
    // How Northwind's screens differ in shape from the defaults (docs/sandbox.md, "screens").
    screens: {
      checkout: { container: 'group' },
      orders: { container: 'table' },
      support: { path: { from: 'shop', clicks: ['extra.footerContact'] } },
      walletDirect: { confirm: 'page', container: 'table' },
      walletHome: { container: 'region' },
      walletEditCards: {
        confirm: 'page',
        container: 'table',
        path: { from: 'walletAccount', clicks: ['wallet.editCards'] },
      },
      walletManageCards: {
        container: 'table',
        path: { from: 'walletAccount', clicks: ['wallet.manageCards'] },
      },
      helpCards: { confirm: 'dialog', container: 'list' },
      mobileAppCards: { confirm: 'page', container: 'page' },
      mobileSite: { container: 'navigation' },
      mobileSiteCards: { confirm: 'page', container: 'table' },
    },
    forms: {
      signUp: { 'common.email': 'email', 'common.password': 'password', 'shop.signUp.phone': 'phone' },
    },
    capabilities: { control: false, clock: false, groundTruth: false, disputes: false },
    accounts: {
      source: 'pool',
      emails: [...buyers, ...Object.keys(wallets)],
      password: { env: 'SANDBOX_PASSWORD' },
      wallets,
      // Sign-up asks a mobile number; its calling code (+62) makes the buyer Indonesian.
      signUp: {
        address: 'qa-{id}@northwind.test',
        password: { env: 'SANDBOX_PASSWORD' },
        country: 'ID',
        phone: '+62 812 {n}',
      },
    },
    cards: [
      ...list(env.SANDBOX_VISA_CARDS, VISA).map((number) => ({
        brand: 'VISA',
        number,
        expiry: '12/30',
        cvc,
      })),
      ...list(env.SANDBOX_MASTERCARD_CARDS, MASTERCARD).map((number) => ({
        brand: 'Mastercard',
        number,
        expiry: '12/30',
        cvc,
      })),
    ],
    inbox: { api: at(7, ''), flavour: 'maildev3', smsDomain: 'sms.cardwatch.test' },
    captcha: { testAnswer: env.SKIN_B_CAPTCHA_ANSWER || 'northwind-captcha-ok' },
    localServer: {
      command: 'npx tsx scripts/mock-sandbox.ts',
      healthUrl: at(0, '/healthz'),
      env: {
        MOCK_PORT_BASE: String(base),
        MOCK_SKIN: 'b',
        TARGET_PROFILE: 'targets/skin-b.ts',
        MOCK_SEED_WALLETS: Object.entries(wallets)
          .map(([email, w]) => `${email}=${w.phone}`)
          .join(','),
      },
    },
  };
}
