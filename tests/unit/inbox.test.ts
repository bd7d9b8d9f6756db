import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { smsAddress } from '../../mock-app/domain/mail.ts';
import { type MailCatcher, startMailCatcher } from '../../mock-app/mail/catcher.ts';
import { Inbox, InboxTimeout, linkIn } from '../../support/inbox.ts';

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
    inbox = new Inbox({ api: catcher.url, smsDomain: 'sms.cardwatch.test', timeoutMs: 1500 });
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
