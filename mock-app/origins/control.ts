import { randomBytes, randomInt } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { validateCard } from '../domain/card-input.ts';
import { FAULT_NAMES } from '../domain/faults.ts';
import { CITIZENSHIPS } from '../domain/wallet.ts';
import { cookieNames, type MockContext } from '../http/origin.ts';

const newBuyer = z.object({
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .default('ID'),
  locale: z.enum(['en', 'id']).optional(),
  name: z.string().min(1).max(80).default('Test Buyer'),
  /** Open a wallet account for the buyer too (R1, L2): returns its payment password and phone. */
  walletAccount: z.boolean().default(false),
});
const seedCard = z.object({
  number: z.string(),
  expiry: z.string(),
  cvc: z.string(),
  holder: z.string(),
  /** Seed a card that has already expired (F9): checkout must mark it and refuse it. */
  allowExpired: z.boolean().optional(),
});

/**
 * Test-only JSON API, mounted only when MOCK_CONTROL is on: reset, buyers, sessions, ground truth, clock, faults.
 * The suite's sandbox mode never calls it.
 */
export function controlApp(mock: MockContext) {
  const app = new Hono();
  const { platform } = mock;
  const body = async (req: Request) => {
    const text = await req.text();
    return text ? (JSON.parse(text) as unknown) : {};
  };

  app.onError((err, c) => {
    const status =
      err instanceof SyntaxError || err instanceof z.ZodError || err instanceof RangeError ? 400 : 500;
    if (status === 500) mock.log(`[control] 500 ${c.req.path}: ${err.stack}`);
    return c.json({ error: err instanceof z.ZodError ? z.prettifyError(err) : err.message }, status);
  });

  /** A wallet account as R2 would leave it: a random 6-digit payment password and a phone for SMS. */
  const openWallet = (accountId: string, email: string, name: string, country: string) => {
    const paymentPassword = String(randomInt(1_000_000)).padStart(6, '0');
    const phone = `+62 812 ${String(randomInt(100_000_000)).padStart(8, '0')}`;
    platform.wallet.openDirectly(accountId, {
      email,
      paymentPassword,
      identity: {
        fullName: name,
        birthDate: '1990-01-15',
        citizenship: (CITIZENSHIPS as readonly string[]).includes(country) ? country : 'ID',
        documentType: 'passport',
        documentNumber: '',
        address: 'Jl. Contoh 1, Jakarta',
        phone,
      },
    });
    return { paymentPassword, phone };
  };

  app.get('/healthz', (c) => c.json({ ok: true, origin: 'control', urls: mock.urls }));

  app.post('/reset', (c) => {
    platform.reset();
    return c.json({ ok: true });
  });

  app.post('/buyers', async (c) => {
    const { walletAccount, ...input } = newBuyer.parse(await body(c.req.raw));
    const email = `buyer-${randomBytes(6).toString('hex')}@cardwatch.test`;
    const password = randomBytes(12).toString('base64url');
    const account = platform.accounts.create({ ...input, email, password });
    const wallet = walletAccount ? openWallet(account.id, email, input.name, account.country) : undefined;
    return c.json({ id: account.id, email, password, country: account.country, wallet }, 201);
  });

  app.post('/buyers/:id/session', (c) => {
    const account = platform.accounts.get(c.req.param('id'));
    if (!account) return c.json({ error: 'no such buyer' }, 404);
    return c.json(
      { name: cookieNames(mock.cookiePrefix).session, value: platform.accounts.openSession(account.id) },
      201,
    );
  });

  app.get('/buyers/:id/cards', (c) => {
    if (!platform.accounts.get(c.req.param('id'))) return c.json({ error: 'no such buyer' }, 404);
    return c.json(platform.cards.list(c.req.param('id')));
  });

  app.post('/buyers/:id/cards', async (c) => {
    if (!platform.accounts.get(c.req.param('id'))) return c.json({ error: 'no such buyer' }, 404);
    const seed = seedCard.parse(await body(c.req.raw));
    const { card, errors } = validateCard(seed, new Date(seed.allowExpired ? 0 : platform.clock.now()));
    if (!card) return c.json({ error: `invalid card: ${errors.join(', ')}` }, 400);
    const result = platform.cards.link(c.req.param('id'), card);
    return result.linked ? c.json(result.card, 201) : c.json({ error: result.reason }, 409);
  });

  // F4: a real buyer waits for the seller; the suite resolves the dispute here.
  app.get('/buyers/:id/disputes', (c) => {
    if (!platform.accounts.get(c.req.param('id'))) return c.json({ error: 'no such buyer' }, 404);
    return c.json(platform.disputes.list(c.req.param('id')));
  });

  app.get('/buyers/:id/balance', (c) => {
    if (!platform.accounts.get(c.req.param('id'))) return c.json({ error: 'no such buyer' }, 404);
    return c.json({ cents: platform.balance.of(c.req.param('id')) });
  });

  app.post('/disputes/:id/resolve', async (c) => {
    const { outcome } = z
      .object({ outcome: z.enum(['won', 'lost']).default('won') })
      .parse(await body(c.req.raw));
    const dispute = platform.disputes.get(c.req.param('id'));
    if (!dispute) return c.json({ error: 'no such dispute' }, 404);
    const resolved = platform.disputes.resolve(dispute.id, outcome);
    if (!resolved) return c.json({ error: `the dispute is already ${dispute.status}` }, 409);
    return c.json(resolved);
  });

  app.post('/clock', async (c) => {
    const { advanceHours, buyerId } = z
      .object({
        advanceHours: z
          .number()
          .positive()
          .max(24 * 365),
        /** Only this buyer's clock (24-hour rules of the wallet), so parallel scenarios stay independent. */
        buyerId: z.string().max(64).optional(),
      })
      .parse(await body(c.req.raw));
    if (buyerId && !platform.accounts.get(buyerId)) return c.json({ error: 'no such buyer' }, 404);
    return c.json({ now: platform.clock.advance(advanceHours * 3_600_000, buyerId) });
  });

  app.get('/faults', (c) => c.json({ active: platform.faults.list(), known: FAULT_NAMES }));
  app.put('/faults', async (c) => {
    const { active } = z.object({ active: z.array(z.enum(FAULT_NAMES)) }).parse(await body(c.req.raw));
    platform.faults.set(active);
    return c.json({ active: platform.faults.list() });
  });

  return app;
}
