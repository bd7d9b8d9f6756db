// Faults reach the mock both ways: MOCK_FAULTS at start and PUT /faults on the control API at run time.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { validateCard } from '../../mock-app/domain/card-input.ts';
import {
  FAULT_TABLE,
  type FaultPlace,
  faultPlace,
  type NotOnSkin,
  parseFaults,
  type Skin,
} from '../../mock-app/domain/faults.ts';
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

/** The folders that hold each skin's own routes and views; the rest of mock-app/ both skins share. */
const SKIN_DIRS: Record<Skin, string[]> = {
  a: ['mock-app/origins', 'mock-app/views'],
  b: ['mock-app/skins/b'],
};
const SHARED_DIRS = ['mock-app/domain', 'mock-app/http'];

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** docs/faults.md's cell for a place: the file in backticks, then where in it. */
function docCell(place: FaultPlace | NotOnSkin): string {
  return 'notOnSkin' in place ? `not on this skin: ${place.notOnSkin}` : `\`${place.file}\`: ${place.at}`;
}

describe('the fault table (mock-app/domain/fault-table.ts)', () => {
  it("every row says truly where it lives on each skin: the place's file asks for it by name", () => {
    for (const row of FAULT_TABLE)
      for (const skin of ['a', 'b'] as const) {
        const place = faultPlace(row, skin);
        if ('notOnSkin' in place) continue;
        const source = readFileSync(place.file, 'utf8');
        assert.ok(source.includes(`'${row.name}'`), `${place.file} does not mention '${row.name}'`);
      }
  });

  it("a shared place is in the shared platform, a skin's place in that skin's folders", () => {
    for (const row of FAULT_TABLE) {
      if ('shared' in row.where) {
        const { file } = row.where.shared;
        assert.ok(
          SHARED_DIRS.some((d) => file.startsWith(`${d}/`)),
          `${row.name}: ${file} is not shared`,
        );
        continue;
      }
      for (const skin of ['a', 'b'] as const) {
        const place = faultPlace(row, skin);
        if ('notOnSkin' in place)
          assert.ok(place.notOnSkin.length > 10, `${row.name}: say why not on ${skin}`);
        else
          assert.ok(
            SKIN_DIRS[skin].some((d) => place.file.startsWith(`${d}/`)),
            `${row.name}: ${place.file} is not skin ${skin}'s`,
          );
      }
    }
  });

  it("every skin file that switches on a fault is that fault's place on its skin (nothing unlisted)", () => {
    for (const skin of ['a', 'b'] as const)
      for (const file of SKIN_DIRS[skin].flatMap(sourcesUnder)) {
        const asked = [...readFileSync(file, 'utf8').matchAll(/faults\.has\('([a-z0-9-]+)'\)/g)].map(
          (m) => m[1],
        );
        for (const name of asked) {
          const row = FAULT_TABLE.find((r) => r.name === name);
          assert.ok(row, `${file} asks for '${name}', which is not a row`);
          const place = faultPlace(row, skin);
          assert.ok(
            !('notOnSkin' in place) && place.file === file,
            `${file} switches on '${name}' but the table places it on skin ${skin} at ${docCell(place)}`,
          );
        }
      }
  });

  it('every row has a self-test expectation and lines in docs/faults.md; nothing else does', () => {
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

  it("docs/faults.md's per-skin table is the fault table's places, row for row", () => {
    const docs = readFileSync('docs/faults.md', 'utf8');
    const section = docs.slice(docs.indexOf('## Where each fault lives, per skin'));
    assert.ok(section.length < docs.length, 'docs/faults.md lacks "## Where each fault lives, per skin"');
    const lines = section.split('\n').filter((l) => l.startsWith('| `'));
    const expected = FAULT_TABLE.map((row) =>
      'shared' in row.where
        ? `| \`${row.name}\` | ${docCell(row.where.shared)} | the same (shared platform) |`
        : `| \`${row.name}\` | ${docCell(row.where.a)} | ${docCell(row.where.b)} |`,
    );
    assert.deepEqual(lines, expected);
  });
});
