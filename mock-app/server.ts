import { randomBytes, randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { getRequestListener, RequestError } from '@hono/node-server';
import type { Hono } from 'hono';
import type { MockConfig } from './config.ts';
import { parseFaults } from './domain/faults.ts';
import { Platform } from './domain/platform.ts';
import { type MailCatcher, startMailCatcher } from './mail/catcher.ts';
import { badUrlAnswer, type MockContext } from './http/origin.ts';
import { controlApp } from './origins/control.ts';
import { helpApp } from './origins/help.ts';
import { mobileAppApp } from './origins/mobile-app.ts';
import { mobileSiteApp } from './origins/mobile-site.ts';
import { shopApp } from './origins/shop.ts';
import { walletApp } from './origins/wallet.ts';
import { skinBApps } from './skins/b/index.ts';
import { type OriginName, originUrls, SMTP_PORT_OFFSET } from './public.ts';
import { openDb } from './store/db.ts';

export interface RunningMock {
  platform: Platform;
  urls: Partial<Record<OriginName, string>>;
  close(): Promise<void>;
}

// biome-ignore lint/suspicious/noExplicitAny: each origin has its own Env type
type AnyApp = Hono<any>;

/** Starts every origin of the mock on its own 127.0.0.1 port. */
export async function startMock(
  cfg: MockConfig,
  log: (line: string) => void = console.error,
): Promise<RunningMock> {
  const all = originUrls(cfg.MOCK_HOST, cfg.MOCK_PORT_BASE);
  const faults = parseFaults(cfg.MOCK_FAULTS);
  const catcher: MailCatcher | undefined = cfg.MOCK_MAIL
    ? await startMailCatcher(
        cfg.MOCK_HOST,
        Number(new URL(all.mail).port),
        cfg.MOCK_PORT_BASE + SMTP_PORT_OFFSET,
      )
    : undefined;
  const platform = new Platform(openDb(cfg.dbPath), {
    secret: cfg.MOCK_SECRET ?? randomBytes(32).toString('hex'),
    faults,
    mailer: catcher?.mailer,
  });
  if (cfg.MOCK_CAPTCHA_TEST_ANSWER) platform.wallet.captchaTestAnswer = cfg.MOCK_CAPTCHA_TEST_ANSWER;
  // Sandbox posture: the pre-made accounts a real sandbox would hand out (created once, kept in the store).
  for (const email of cfg.MOCK_SEED_ACCOUNTS)
    if (!platform.accounts.emailTaken(email))
      platform.accounts.create({ email, password: cfg.MOCK_SEED_PASSWORD!, name: 'Sandbox Buyer' });
  for (const { email, phone } of cfg.MOCK_SEED_WALLETS)
    seedWallet(platform, email, cfg.MOCK_SEED_PASSWORD!, phone);
  const mock: MockContext = {
    platform,
    locale: cfg.MOCK_LOCALE,
    cookiePrefix: `cw${cfg.MOCK_PORT_BASE}`,
    urls: all,
    log,
  };
  const apps: Partial<Record<OriginName, AnyApp>> =
    cfg.MOCK_SKIN === 'b'
      ? skinBApps(mock)
      : {
          shop: shopApp(mock),
          wallet: walletApp(mock),
          help: helpApp(mock),
          mobileApp: mobileAppApp(mock),
          mobileSite: mobileSiteApp(mock),
        };
  if (cfg.MOCK_CONTROL) apps.control = controlApp(mock);

  const servers: Server[] = [];
  const urls: Partial<Record<OriginName, string>> = {};
  for (const [name, app] of Object.entries(apps) as [OriginName, AnyApp][]) {
    const port = Number(new URL(all[name]).port);
    servers.push(await listen(app, cfg.MOCK_HOST, port));
    urls[name] = all[name];
  }
  if (catcher) urls.mail = catcher.url;
  return {
    platform,
    urls,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
      await catcher?.close();
      platform.db.close();
    },
  };
}

function listen(app: AnyApp, hostname: string, port: number): Promise<Server> {
  // A request node-server cannot turn into a URL (a backslash in the path, an invalid Host) gets the
  // origin's own 400 page from its skin, instead of an empty 400.
  const listener = getRequestListener(app.fetch, {
    hostname,
    errorHandler: async (error) =>
      (error instanceof RequestError ? await badUrlAnswer(app) : undefined) ??
      new Response(null, { status: error instanceof RequestError ? 400 : 500 }),
  });
  return new Promise((resolve, reject) => {
    const server = createServer(listener);
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(
        err.code === 'EADDRINUSE'
          ? new Error(`port ${port} is in use: is another mock running? (MOCK_PORT_BASE)`)
          : err,
      ),
    );
    server.listen(port, hostname, () => resolve(server));
  });
}

/** A pre-made account that already holds a wallet account (R1, L2 on a sandbox), opened once. */
function seedWallet(platform: Platform, email: string, password: string, phone: string): void {
  const account = platform.accounts.authenticate(email, password);
  if (!account || platform.wallet.isOpen(account.id)) return;
  platform.wallet.openDirectly(account.id, {
    email,
    paymentPassword: String(randomInt(0, 1_000_000)).padStart(6, '0'),
    identity: {
      fullName: account.name || 'Sandbox Buyer',
      birthDate: '1990-01-15',
      citizenship: 'ID',
      documentType: 'passport',
      documentNumber: '',
      address: 'Jl. Contoh 1, Jakarta',
      phone,
    },
  });
}
