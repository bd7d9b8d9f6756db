import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { smsAddress } from '../../mock-app/domain/mail.ts';
import { type MailCatcher, startMailCatcher } from '../../mock-app/mail/catcher.ts';
import { Inbox, InboxTimeout, linkIn } from '../../support/inbox.ts';

/** Resolves once this machine's clock reads `at` or later (a wait for the clock, not for the catcher). */
function untilClockPasses(at: Date): Promise<void> {
  return new Promise((done) => setTimeout(done, Math.max(0, at.getTime() - Date.now())));
}

/** Every message counts (the stand-in's messages carry fixed dates). */
const EPOCH = new Date(0);

/** A port the OS just gave out and took back: free for the catcher a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('mail catcher + inbox client (real SMTP into MailDev, read over its REST API)', () => {
  let catcher: MailCatcher;
  let inbox: Inbox;

  before(async () => {
    catcher = await startMailCatcher('127.0.0.1', await freePort(), await freePort());
    inbox = new Inbox({
      api: catcher.url,
      smsDomain: 'sms.cardwatch.test',
      timeoutMs: 1500,
      since: new Date(),
    });
  });
  after(() => catcher.close());

  it('hands out each message to a recipient once, oldest first, filtered by recipient', async () => {
    await catcher.mailer.send({ to: 'a@x.test', subject: 'one', text: 'first' });
    await catcher.mailer.send({ to: 'b@x.test', subject: 'other', text: 'not for a' });
    await catcher.mailer.send({ to: 'a@x.test', subject: 'two', text: 'second' });
    assert.equal((await inbox.next('a@x.test')).subject, 'one');
    assert.equal((await inbox.next('a@x.test')).subject, 'two');
    await assert.rejects(inbox.next('a@x.test', 'third email'), (e: Error) => {
      assert.ok(e instanceof InboxTimeout);
      assert.match(e.message, /no third email to a@x\.test arrived within \d+ s/);
      return true;
    });
  });

  it("ignores a message from before the scenario's start and waits for the scenario's own", async () => {
    // An earlier run left a confirmation code for the same account in the catcher.
    await catcher.mailer.send({ to: 'pool-1@x.test', subject: 'code 111111', text: 'old code' });
    const reader = new Inbox({ api: catcher.url, smsDomain: 's.test', timeoutMs: 1500, since: EPOCH });
    const stale = await reader.messagesTo('pool-1@x.test');
    assert.equal(stale.length, 1, 'the old message is in the catcher');
    // MailDev stamps whole seconds: the scenario starts in a later second than the old message.
    const scenarioStart = new Date(Date.parse(stale[0]!.time) + 1000);
    await untilClockPasses(scenarioStart);
    const scenario = new Inbox({
      api: catcher.url,
      smsDomain: 's.test',
      timeoutMs: 1500,
      since: scenarioStart,
    });
    await assert.rejects(scenario.next('pool-1@x.test', 'confirmation email'), (e: Error) => {
      assert.ok(e instanceof InboxTimeout);
      assert.match(
        e.message,
        /no confirmation email to pool-1@x\.test arrived within \d+ s \(1 older message\(s\) to it, from before the scenario started at .*, were not used\)/,
      );
      return true;
    });
    // Waiting: the read is already polling when the scenario's own message arrives.
    const waiting = scenario.next('pool-1@x.test', 'confirmation email');
    await catcher.mailer.send({ to: 'pool-1@x.test', subject: 'code 222222', text: 'new code' });
    await catcher.mailer.send({ to: 'pool-2@x.test', subject: 'code 333333', text: 'another account' });
    assert.equal((await waiting).subject, 'code 222222');
  });

  it('finds the link by its text in the HTML, and SMS by the phone digits', async () => {
    await catcher.mailer.send({
      to: 'c@x.test',
      subject: 'confirm',
      text: 'x',
      html: '<p>Hi</p><p><a href="http://127.0.0.1:1/confirm?token=abc&amp;x=1">Confirm</a></p>',
    });
    assert.equal(linkIn(await inbox.next('c@x.test'), 'Confirm'), 'http://127.0.0.1:1/confirm?token=abc&x=1');
    await catcher.mailer.send({
      to: smsAddress('+62 812 5555 0101', 'sms.cardwatch.test'),
      subject: 's',
      text: 'Wallet: $0.01 was debited',
    });
    assert.equal(inbox.smsAddress('+62 812 5555 0101'), '6281255550101@sms.cardwatch.test');
    assert.match((await inbox.nextSms('+62-812-5555-0101')).text, /\$0\.01/);
  });
});

describe('inbox flavours (a stand-in server speaking MailDev 2 and Mailpit)', () => {
  let server: import('node:http').Server;
  let api = '';
  const seen: string[] = [];

  before(async () => {
    const { createServer: createHttp } = await import('node:http');
    server = createHttp((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push(`${url.pathname}${url.search}`);
      const json = (body: unknown) =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/email')
        return json([
          {
            id: 'm2',
            subject: 'later',
            text: 'b',
            time: '2026-11-30T08:00:02Z',
            to: [{ address: 'a@x.test' }],
          },
          {
            id: 'm1',
            subject: 'first',
            text: 'a',
            time: '2026-11-30T08:00:01Z',
            to: [{ address: 'a@x.test' }],
          },
          {
            id: 'm3',
            subject: 'other',
            text: 'c',
            time: '2026-11-30T08:00:00Z',
            to: [{ address: 'b@x.test' }],
          },
        ]);
      if (url.pathname === '/api/v1/search')
        return json({
          messages: [
            { ID: 'p1', Subject: 'Verify', To: [{ Address: 'A@x.test' }], Created: '2026-11-30T08:00:00Z' },
          ],
        });
      if (url.pathname === '/api/v1/message/p1')
        return json({ Text: 'open it', HTML: '<a href="http://127.0.0.1:1/v?t=1">Verify email address</a>' });
      res.writeHead(404).end();
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    api = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  after(() => new Promise<void>((done) => server.close(() => done())));

  it('MailDev 2: GET /email, filtered by recipient, oldest first', async () => {
    const inbox = new Inbox({ api, smsDomain: 's.test', flavour: 'maildev2', timeoutMs: 500, since: EPOCH });
    assert.deepEqual(
      (await inbox.messagesTo('a@x.test')).map((m) => m.subject),
      ['first', 'later'],
    );
  });

  it('Mailpit: search by recipient, then the message body by ID', async () => {
    const inbox = new Inbox({ api, smsDomain: 's.test', flavour: 'mailpit', timeoutMs: 500, since: EPOCH });
    const mail = await inbox.next('a@x.test', 'verification email');
    assert.equal(mail.subject, 'Verify');
    assert.equal(linkIn(mail, 'Verify email address'), 'http://127.0.0.1:1/v?t=1');
    assert.ok(seen.some((s) => s.startsWith('/api/v1/search?query=to%3A%22a%40x.test%22')));
  });

  it("Mailpit: a message from before the scenario's start is neither used nor fetched", async () => {
    const before = seen.length;
    const inbox = new Inbox({
      api,
      smsDomain: 's.test',
      flavour: 'mailpit',
      timeoutMs: 300,
      since: new Date('2026-11-30T08:00:01Z'),
    });
    await assert.rejects(inbox.next('a@x.test'), /1 older message\(s\) to it/);
    assert.ok(!seen.slice(before).some((s) => s.startsWith('/api/v1/message/')));
  });

  it('a catcher whose clock is an hour behind ours: its receive times are read on its clock (HTTP Date)', async () => {
    const { createServer: createHttp } = await import('node:http');
    const hour = 3600_000;
    const theirs = (ms: number) => new Date(ms - hour);
    const start = Date.now();
    const skewed = createHttp((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json', date: theirs(Date.now()).toUTCString() }).end(
        JSON.stringify([
          {
            id: 'old',
            subject: 'old',
            time: theirs(start - 60_000).toISOString(),
            to: [{ address: 'a@x.test' }],
          },
          {
            id: 'new',
            subject: 'new',
            time: theirs(start + 1500).toISOString(),
            to: [{ address: 'a@x.test' }],
          },
        ]),
      ),
    );
    await new Promise<void>((done) => skewed.listen(0, '127.0.0.1', done));
    try {
      const port = (skewed.address() as { port: number }).port;
      const inbox = new Inbox({
        api: `http://127.0.0.1:${port}`,
        smsDomain: 's.test',
        timeoutMs: 500,
        since: new Date(start),
      });
      assert.equal((await inbox.next('a@x.test')).subject, 'new');
      await assert.rejects(inbox.next('a@x.test'), /1 older message\(s\)/);
    } finally {
      await new Promise<void>((done) => skewed.close(() => done()));
    }
  });

  it('a wrong flavour says which flavour it tried', async () => {
    const inbox = new Inbox({ api, smsDomain: 's.test', flavour: 'maildev3', timeoutMs: 500, since: EPOCH });
    await assert.rejects(
      inbox.next('a@x.test'),
      /answered 404 for \/api\/email: is inbox.flavour "maildev3" right/,
    );
  });
});
