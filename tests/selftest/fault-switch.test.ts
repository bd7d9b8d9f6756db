// Faults reach the mock both ways: MOCK_FAULTS at start and PUT /faults on the control API at run time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import { FAULT_TABLE, parseFaults } from '../../mock-app/domain/faults.ts';
import { controlApp } from '../../mock-app/origins/control.ts';
import { mockServerCommand } from '../../support/mock-server.ts';
import { loadConfig } from '../../support/config.ts';
import { randomTestCard } from '../../support/test-cards.ts';
import { EXPECTATIONS } from '../../selftest/expectations.ts';
import { testMock } from '../http/harness.ts';

const json = (body: unknown) => ({
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('fault switching', () => {
  it('PUT /faults switches a fault on and off while the mock runs', async () => {
    const mock = testMock();
    const control = controlApp(mock);
    const buyer = mock.platform.accounts.create({ email: 'f@x.test', password: 'secret-pw', name: 'F' }).id;
    const { card } = validateCard(randomTestCard('VISA'), new Date());
    const linked = (mock.platform.cards.link(buyer, card!) as { card: { id: string } }).card;

    const on = await control.request('/faults', json({ active: ['remove-noop'] }));
    assert.equal(on.status, 200);
    assert.deepEqual(((await on.json()) as { active: string[] }).active, ['remove-noop']);
    assert.equal(
      mock.platform.removeCard('wallet-direct', buyer, linked.id)?.id,
      linked.id,
      'the page says removed',
    );
    assert.equal(mock.platform.cards.list(buyer).length, 1, 'remove-noop keeps the card');

    await control.request('/faults', json({ active: [] }));
    const now = (await (await control.request('/faults')).json()) as { active: string[]; known: string[] };
    assert.deepEqual(now.active, []);
    assert.ok(now.known.includes('transient-503'));
    mock.platform.removeCard('wallet-direct', buyer, linked.id);
    assert.equal(mock.platform.cards.list(buyer).length, 0, 'without the fault the card is gone');
  });

  it('PUT /faults refuses an unknown fault with 400', async () => {
    const res = await controlApp(testMock()).request('/faults', json({ active: ['no-such-fault'] }));
    assert.equal(res.status, 400);
  });

  it('MOCK_FAULTS reaches the mock the suite starts, and unknown names stop it', () => {
    const cfg = loadConfig({ MOCK_FAULTS: 'remove-noop,slow-wallet', MOCK_PORT_BASE: '6010' });
    const target = { urls: { shop: 'http://127.0.0.1:6010/' }, control: { url: 'http://127.0.0.1:6019' } };
    const server = mockServerCommand(cfg, target as never);
    assert.equal(server.env.MOCK_FAULTS, 'remove-noop,slow-wallet');
    assert.deepEqual(parseFaults(server.env.MOCK_FAULTS), ['remove-noop', 'slow-wallet']);
    assert.throws(() => parseFaults('remove-noop,typo'), /unknown fault\(s\) typo/);
  });
});

describe('the fault table (mock-app/domain/fault-table.ts)', () => {
  it('every row says truly where it lives: its file asks for it by name', () => {
    for (const row of FAULT_TABLE) {
      const source = readFileSync(row.where.file, 'utf8');
      assert.ok(source.includes(`'${row.name}'`), `${row.where.file} does not mention '${row.name}'`);
    }
  });

  it('every row has a self-test expectation and a line in docs/faults.md; nothing else does', () => {
    const docs = readFileSync('docs/faults.md', 'utf8');
    const names = FAULT_TABLE.map((r) => r.name);
    assert.deepEqual(EXPECTATIONS.map((e) => e.fault).sort(), [...names].sort());
    for (const name of names)
      assert.match(docs, new RegExp(`^\\| \`${name}\` \\|`, 'm'), `docs/faults.md: ${name}`);
    const documented = [...docs.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(
      documented.filter((n) => !names.includes(n as never)),
      [],
      'docs list a fault the table lacks',
    );
  });
});
