// Drift diagnosis (support/drift): the diff of two aria snapshots, renames paired by similarity, the
// wanted name's closest names, the one-line summary the DOWN alert carries, and the snapshot store.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { changeItem } from '../../monitor/alerts.ts';
import type { StateChange } from '../../monitor/state.ts';
import {
  controlsOf,
  diffControls,
  driftReport,
  driftSummary,
  driftText,
  foldName,
} from '../../support/drift/diff.ts';
import { DriftStore, fileOf, formatStored, parseStored, SNAPSHOT_FORMAT } from '../../support/drift/store.ts';

// As Playwright's ariaSnapshot() writes them: the mobile app's home, before and under mobile-label-drift.
const HOME = `- heading "Home" [level=1]
- paragraph: Welcome, Ana
- navigation "Main menu":
  - list:
    - listitem:
      - link "Home":
        - /url: /
    - listitem:
      - link "My Profile":
        - /url: /profile
    - listitem:
      - link "Messages":
        - /url: /messages`;
const HOME_DRIFTED = HOME.replace('link "My Profile"', 'link "Profile"');

// The wallet home with its cards, before and with the "Edit cards" control gone (edit-cards-missing).
const WALLET = `- heading "My wallet" [level=1]
- tab "My Account" [selected]
- tab "History"
- list "Cards":
  - listitem: VISA •••• 4242
- button "Edit cards"
- link "Manage cards"`;
const WALLET_GONE = WALLET.replace('- button "Edit cards"\n', '').replace('4242', '1111');

// Northwind's app home (skin B) as the whole body: its tab bar is a nav OUTSIDE main; under
// mobile-label-drift the tab "Account" reads "Me" (nothing alike, but the same place in the bar).
const NW_MAIN = `- main:
  - heading "Home" [level=1]
  - paragraph: "Hello, nw-1@sandbox.cardwatch.test"`;
const NW_BODY = `- banner:
  - strong: Northwind
${NW_MAIN.replace(/^/gm, '')}
- navigation "Tabs":
  - list:
    - listitem:
      - link "Home":
        - /url: /
    - listitem:
      - link "Orders":
        - /url: /orders
    - listitem:
      - link "Inbox":
        - /url: /inbox
    - listitem:
      - link "Account":
        - /url: /account`;
const NW_BODY_DRIFTED = NW_BODY.replace('link "Account"', 'link "Me"');
const WANT_ACCOUNT = {
  text: 'Account',
  roles: ['button', 'link', 'menuitem', 'tab'],
  key: 'mobile.app.myProfile',
} as const;

describe('drift diff', () => {
  it('takes named controls, headings and containers; not plain text; numbers folded once', () => {
    const c = controlsOf(`${WALLET}\n- button "Delete VISA •••• 5555"\n- button "Delete VISA •••• 6666"`);
    assert.deepEqual(
      c.map((x) => `${x.role} ${x.name}`),
      [
        'heading My wallet',
        'tab My Account',
        'tab History',
        'list Cards',
        'button Edit cards',
        'link Manage cards',
        'button Delete VISA •••• 5555',
      ],
    );
    assert.equal(foldName('Delete  VISA •••• 4242 '), 'Delete VISA •••• #');
  });

  it('pairs a removed and an added control of the same role as renamed', () => {
    const d = diffControls(controlsOf(HOME), controlsOf(HOME_DRIFTED));
    assert.deepEqual(d.added, []);
    assert.deepEqual(d.removed, []);
    assert.equal(d.renamed.length, 1);
    assert.deepEqual(
      { ...d.renamed[0], score: Number(d.renamed[0]!.score.toFixed(2)) },
      {
        role: 'link',
        from: 'My Profile',
        to: 'Profile',
        score: 0.7,
      },
    );
  });

  it('does not pair different roles, nor names below the rename threshold', () => {
    const d = diffControls(
      [
        { role: 'button', name: 'Delete card' },
        { role: 'link', name: 'Help' },
      ],
      [
        { role: 'link', name: 'Delete card now' },
        { role: 'link', name: 'Orders and returns' },
      ],
    );
    assert.deepEqual(d.renamed, []);
    assert.deepEqual(
      d.removed.map((c) => c.name),
      ['Delete card', 'Help'],
    );
    assert.deepEqual(
      d.added.map((c) => c.name),
      ['Delete card now', 'Orders and returns'],
    );
  });

  it('pairs the best match first, each control once', () => {
    const d = diffControls(
      [
        { role: 'button', name: 'Delete card' },
        { role: 'button', name: 'Delete cart' },
      ],
      [{ role: 'button', name: 'Delete cards' }],
    );
    assert.deepEqual(
      d.renamed.map((r) => `${r.from}→${r.to}`),
      ['Delete card→Delete cards'],
    );
    assert.deepEqual(
      d.removed.map((c) => c.name),
      ['Delete cart'],
    );
  });

  it('a card of another number is not a change', () => {
    const d = diffControls(controlsOf(WALLET), controlsOf(WALLET.replace('4242', '1111')));
    assert.deepEqual(d, { added: [], removed: [], renamed: [] });
  });
});

describe('drift report and summary', () => {
  const screen = 'mobileApp/ · Home';
  it('names the rename of the wanted control in one line', () => {
    const r = driftReport(screen, { snapshot: HOME, savedAt: '2026-11-30T09:00:00Z' }, HOME_DRIFTED, [
      { text: 'My Profile', roles: ['button', 'link', 'menuitem', 'tab'], key: 'mobile.app.myProfile' },
    ]);
    assert.equal(driftSummary(r), 'drift: link "My Profile" → "Profile" (0.70) on mobileApp/ · Home');
    assert.equal(r.wanted[0]!.closest[0]!.name, 'Profile');
    const text = driftText(r);
    assert.match(text, /renamed \(1\):\n {2}link "My Profile" → "Profile" \(0\.70\)/);
    assert.match(
      text,
      /wanted "My Profile" \(labels\.mobile\.app\.myProfile\) as button\/link\/menuitem\/tab/,
    );
    assert.match(text, /closest now: link "Profile" \(0\.70\)/);
  });

  it('names a vanished control with the closest name left', () => {
    const r = driftReport('wallet/ · My wallet', { snapshot: WALLET }, WALLET_GONE, [
      { text: 'Edit cards', roles: ['button', 'link'] },
    ]);
    assert.match(
      driftSummary(r),
      /^drift: button "Edit cards" removed on wallet\/ · My wallet; closest now /,
    );
    assert.deepEqual(r.diff, { added: [], removed: [{ role: 'button', name: 'Edit cards' }], renamed: [] });
  });

  it('without a wanted name: the changes; without changes: says so; without a snapshot: says so', () => {
    assert.equal(
      driftSummary(driftReport('s', { snapshot: WALLET }, WALLET_GONE, [])),
      'drift: button "Edit cards" removed on s',
    );
    assert.equal(
      driftSummary(
        driftReport('s', { snapshot: WALLET }, WALLET, [{ text: 'Edit cards', roles: ['button'] }]),
      ),
      'drift: no control changed on s since its last green run',
    );
    assert.equal(
      driftSummary(driftReport('s', undefined, WALLET, [])),
      'drift: no green snapshot of s to compare with',
    );
  });

  it('the DOWN alert line carries the summary', () => {
    const summary = 'drift: link "My Profile" → "Profile" (0.70) on mobileApp/ · Home';
    const change = {
      kind: 'down',
      procedure: 'R5',
      from: 'up',
      to: 'down',
      consecutiveFailures: 2,
      context: [],
      janitorWarnings: [],
      failureRate: { failed: 2, of: 2 },
      last: {
        runId: 'r1',
        scenario: 'Delete the only bank card',
        outcome: 'failed',
        flaky: false,
        durationMs: 1,
        procedureMs: 1,
        timeSource: 'duration',
        phases: {},
        step: 'the buyer chooses "My Profile" in the main menu',
        error: 'ScreenMismatch: the mobile app home does not show "My Profile"',
        drift: summary,
        reportPath: '/runs/r1/',
      },
    } as unknown as StateChange;
    const line = changeItem(change, 'http://monitor').line;
    assert.ok(line.startsWith('R5 DOWN: '), line);
    assert.ok(line.includes(`; ${summary}`), line);
    assert.ok(!line.includes('\n'));
  });
});

describe('drift outside main (Northwind tab bar)', () => {
  const screen = 'mobileApp/ · Home';
  it('a tab renamed in a nav outside main is reported renamed, in place', () => {
    const r = driftReport(screen, { snapshot: NW_BODY }, NW_BODY_DRIFTED, [WANT_ACCOUNT]);
    assert.equal(driftSummary(r), 'drift: link "Account" → "Me" (same place) on mobileApp/ · Home');
    assert.deepEqual(r.diff?.added, []);
    assert.deepEqual(r.diff?.removed, []);
    assert.match(driftText(r), /renamed \(1\):\n {2}link "Account" → "Me" \(same place\)/);
  });

  it('closest names: controls of a wanted role before a paragraph', () => {
    const r = driftReport(screen, { snapshot: NW_BODY }, NW_BODY_DRIFTED, [WANT_ACCOUNT]);
    const closest = r.wanted[0]!.closest;
    assert.ok(closest.length > 0);
    assert.ok(
      closest.every((c) => WANT_ACCOUNT.roles.includes(c.role as 'link')),
      JSON.stringify(closest),
    );
    // with no control of a wanted role left, the rest still answer
    const bare = driftReport(screen, undefined, NW_MAIN, [WANT_ACCOUNT]).wanted[0]!.closest;
    assert.ok(
      bare.some((c) => c.role === 'paragraph'),
      JSON.stringify(bare),
    );
  });

  it('not in place: one more control of the role than before is an addition, not a rename', () => {
    const more = NW_BODY.replace('link "Account"', 'link "Me"').replace(
      '      - link "Home":',
      '      - link "Deals":\n        - /url: /deals\n    - listitem:\n      - link "Home":',
    );
    const r = driftReport(screen, { snapshot: NW_BODY }, more, [WANT_ACCOUNT]);
    assert.deepEqual(r.diff?.renamed, []);
    assert.match(driftSummary(r), /^drift: link "Account" removed on mobileApp\/ · Home; closest now link /);
  });
});

describe('drift store', () => {
  it('an old main-only snapshot (no format line) is not compared with; the next green run replaces it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cw-drift-'));
    try {
      const store = new DriftStore(root, 'northwind', 'en');
      const old = { screen: 'mobileApp/ · Home', url: 'http://x/', savedAt: '2026-11-29T09:00:00.000Z' };
      const { mkdir, writeFile } = await import('node:fs/promises');
      await mkdir(store.dir, { recursive: true });
      // planted as the previous code wrote it: three header lines, then the snapshot of main
      await writeFile(
        join(store.dir, fileOf(old.screen)),
        `# screen: ${old.screen}\n# url: ${old.url}\n# saved: ${old.savedAt}\n${NW_MAIN}\n`,
      );
      assert.equal(parseStored(formatStored({ ...old, snapshot: NW_MAIN, format: 1 }))?.format, 1);
      const before = await store.load(old.screen);
      assert.equal(before, undefined);
      assert.equal(
        driftSummary(driftReport(old.screen, before, NW_BODY_DRIFTED, [WANT_ACCOUNT])),
        'drift: no green snapshot of mobileApp/ · Home to compare with',
      );
      // the same-place fallback passes old files by too
      assert.equal(await store.load('mobileApp/ · Start'), undefined);
      const green = {
        ...old,
        savedAt: '2026-11-30T09:00:00.000Z',
        snapshot: NW_BODY,
        format: SNAPSHOT_FORMAT,
      };
      await store.save(green);
      assert.deepEqual(await store.load(old.screen), green);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('round-trips a snapshot; falls back to the same place when the h1 drifted', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cw-drift-'));
    try {
      const store = new DriftStore(root, 'mock', 'en');
      const s = {
        screen: 'wallet/ · My wallet',
        url: 'http://x/',
        savedAt: '2026-11-30T09:00:00.000Z',
        snapshot: WALLET,
        format: SNAPSHOT_FORMAT,
      };
      assert.deepEqual(parseStored(formatStored(s)), s);
      await store.save(s);
      assert.deepEqual(await store.load(s.screen), s);
      assert.deepEqual(await store.load('wallet/ · My wallet account'), s);
      assert.equal(await store.load('wallet/cards · My wallet'), undefined);
      assert.notEqual(fileOf('a/b'), fileOf('a_b'));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
