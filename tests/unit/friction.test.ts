// The friction record's counting rules (support/friction/record.ts, field-classes.ts) and the
// baseline comparison (compare.ts), with the mock profile's real labels.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { loadConfig } from '../../support/config.ts';
import { baselineOf, harderThan } from '../../support/friction/compare.ts';
import { fieldClassOf, labelKeyOf } from '../../support/friction/field-classes.ts';
import type { ProbeEvent } from '../../support/friction/probe.ts';
import { type FrictionRecord, FrictionTally } from '../../support/friction/record.ts';
import type { Labels } from '../../support/labels/index.ts';
import { loadTarget } from '../../support/load-target.ts';

let labels: Labels;
before(async () => {
  labels = (await loadTarget(loadConfig({ MOCK_LOCALE: 'en' }))).labels;
});

const submit = (action: string, ...fields: string[]): ProbeEvent => ({
  k: 'submit',
  method: 'post',
  action,
  fields: fields.map((label) => ({ label, type: 'text', required: true })),
});

describe('field classes by label key', () => {
  it('maps the identity form to personal data, and card, secret and captcha fields apart', () => {
    const w = labels.wallet;
    const keyed = [w.fullName, w.birthDate, w.citizenship, w.documentType, w.address, w.phone].map((l) =>
      fieldClassOf(labelKeyOf(l, labels)),
    );
    assert.deepEqual(keyed, ['name', 'date of birth', 'citizenship', 'document', 'address', 'phone']);
    assert.equal(fieldClassOf(labelKeyOf(labels.shop.cardNumber, labels)), 'card');
    assert.equal(fieldClassOf(labelKeyOf(w.paymentPassword, labels)), 'secret');
    assert.equal(fieldClassOf(labelKeyOf(w.captchaLabel, labels)), 'captcha');
  });

  it('matches a template label ("Answer {n}") and a required marker, and leaves unknown labels unclassed', () => {
    assert.equal(labelKeyOf(w2('securityAnswer', '2'), labels), 'wallet.securityAnswer');
    assert.equal(labelKeyOf(`${labels.wallet.phone} *`, labels), 'wallet.phone');
    assert.equal(labelKeyOf('Favourite colour', labels), undefined);
    assert.equal(fieldClassOf(undefined), 'other');
  });
});

function w2(key: 'securityAnswer', n: string): string {
  return labels.wallet[key].replace('{n}', n);
}

describe('the friction tally', () => {
  it('counts only what happens inside a counted window (the procedure’s action steps)', () => {
    const tally = new FrictionTally(labels);
    tally.onProbe({ k: 'press', via: 'pointer', name: 'Sign in', t: 1000, id: 'a-0' });
    tally.begin(2000);
    tally.onProbe({ k: 'screen', url: 'http://x/', h1: 'Home', title: '', typed: true, t: 2100, id: 'a-1' });
    tally.onProbe({ k: 'press', via: 'pointer', name: 'Delete card', t: 2200, id: 'a-2' });
    tally.onNavigation('http://x/', 2150);
    tally.end(3000);
    tally.onProbe({ k: 'press', via: 'pointer', name: 'Check', t: 3500, id: 'a-3' });
    tally.onNavigation('http://x/oracle', 3600);
    // delivered late (after a navigation), but it happened in the window: counted
    tally.onProbe({ k: 'type', field: 'Phone', t: 2900, id: 'a-4' });
    const c = tally.counts();
    assert.deepEqual(c.breakdown, { presses: 1, typed: 1, selected: 0, addressesOpened: 1 });
    assert.equal(c.actions, 3);
    assert.equal(c.navigations, 1);
    assert.deepEqual(
      c.screens.map((s) => s.key),
      ['http://x/ · Home'],
    );
  });

  it('counts an event delivered twice (resent after an unload) once', () => {
    const tally = new FrictionTally(labels);
    tally.begin(0);
    const press: ProbeEvent = { k: 'press', via: 'pointer', name: 'Pay', t: 10, id: 'p-5' };
    tally.onProbe(press);
    tally.onProbe({ ...press });
    assert.equal(tally.counts().actions, 1);
  });

  it('counts presses of the profile’s confirm word as confirm steps', () => {
    const tally = new FrictionTally(labels);
    tally.begin(0);
    tally.onProbe({ k: 'press', via: 'pointer', name: labels.common.confirm, t: 1, id: '1' });
    tally.onProbe({ k: 'press', via: 'key', name: ` ${labels.common.confirm} `, t: 2, id: '2' });
    tally.onProbe({ k: 'press', via: 'pointer', name: labels.common.cancel, t: 3, id: '3' });
    assert.equal(tally.counts().confirmSteps, 2);
  });

  it('lists each demanded field once per form, with the personal ones by label key', () => {
    const tally = new FrictionTally(labels);
    tally.begin(0);
    const w = labels.wallet;
    tally.onProbe({ ...submit('/verify', w.fullName, w.birthDate, 'Nickname'), t: 1, id: '1' });
    // the same form sent again after a refusal demands nothing new
    tally.onProbe({ ...submit('/verify', w.fullName, w.birthDate, 'Nickname'), t: 2, id: '2' });
    tally.onProbe({ ...submit('/checkout', labels.shop.cardNumber), t: 3, id: '3' });
    const c = tally.counts();
    assert.equal(c.fields.length, 4);
    assert.equal(c.personalDataFields, 2);
    assert.deepEqual(
      c.fields.filter((f) => !f.key).map((f) => f.label),
      ['Nickname'],
    );
  });

  it('counts the required fields of the forms on a visited screen, submitted or not, once per card-folded form', () => {
    const tally = new FrictionTally(labels);
    const w = labels.wallet;
    const field = (label: string, required = true) => ({ label, type: 'date', required });
    const forms = (t: number, id: string): ProbeEvent => ({
      k: 'forms',
      // one confirm dialog per card, each demanding a date of birth; an optional field is not demanded
      forms: [
        { action: '/cards/card_a1b2c3d4/delete', fields: [field(w.birthDate), field('Note', false)] },
        { action: '/cards/card_e5f6g7h8/delete', fields: [field(w.birthDate)] },
      ],
      t,
      id,
    });
    tally.onProbe(forms(0.5, 'before')); // before the procedure (a Given): not demanded by it
    assert.equal(tally.counts().fields.length, 0);
    tally.begin(1);
    tally.onProbe(forms(2, 'shown'));
    const shown = tally.counts();
    assert.deepEqual(
      shown.fields.map((f) => [f.label, f.class, f.form, f.submitted]),
      [[w.birthDate, 'date of birth', '/cards/:id/delete', false]],
    );
    assert.equal(shown.personalDataFields, 1);
    // submitting the form later is the same field, now submitted
    tally.onProbe({ ...submit('/cards/card_a1b2c3d4/delete', w.birthDate), t: 3, id: 'sent' });
    const sent = tally.counts();
    assert.equal(sent.fields.length, 1);
    assert.equal(sent.fields[0]?.submitted, true);
    assert.equal(sent.personalDataFields, 1);
  });
});

function record(over: Partial<FrictionRecord>): FrictionRecord {
  return {
    version: 1,
    procedure: 'R3',
    scenario: 's',
    key: 'R3 | s',
    actions: 3,
    breakdown: { presses: 2, typed: 0, selected: 0, addressesOpened: 1 },
    navigations: 1,
    screens: [{ key: 'http://w/ · My wallet', url: 'http://w/', h1: 'My wallet' }],
    fields: [],
    personalDataFields: 0,
    confirmSteps: 1,
    seconds: 1,
    a11y: { screens: [], byImpact: { critical: 0, serious: 0, moderate: 0, minor: 0 } },
    ...over,
  };
}

describe('harder than the baseline', () => {
  const base = baselineOf(record({}));

  it('is nothing when the same or easier', () => {
    assert.deepEqual(harderThan(baselineOf(record({})), base), []);
    assert.deepEqual(harderThan(baselineOf(record({ actions: 2 })), base), []);
  });

  it('names an extra confirm page: more actions, the new screen, the confirm steps', () => {
    const now = baselineOf(
      record({
        actions: 5,
        confirmSteps: 2,
        screens: [
          ...record({}).screens,
          { key: 'http://w/sure · Are you sure?', url: 'http://w/sure', h1: 'Are you sure?' },
        ],
      }),
    );
    const [change] = harderThan(now, base);
    assert.equal(change?.metric, 'actions');
    assert.match(
      change!.detail,
      /actions 3 → 5 \(\+2; new screen "http:\/\/w\/sure · Are you sure\?"; confirm steps 1 → 2\)/,
    );
  });

  it('names a new personal-data field', () => {
    const now = baselineOf(
      record({
        actions: 4,
        fields: [
          {
            label: 'Date of birth',
            key: 'wallet.birthDate',
            class: 'date of birth',
            personal: true,
            required: true,
            form: '/',
          },
        ],
        personalDataFields: 1,
      }),
    );
    const changes = harderThan(now, base);
    assert.deepEqual(
      changes.map((c) => c.metric),
      ['actions', 'personalData'],
    );
    assert.match(changes[1]!.detail, /personal-data fields 0 → 1 \(new: Date of birth \(date of birth\)\)/);
  });

  it('names a new serious accessibility violation, and ignores moderate ones and unscanned runs', () => {
    const scanned = (impact: 'serious' | 'moderate') =>
      record({
        a11y: {
          screens: [
            {
              screen: 'http://w/ · My wallet',
              violations: [{ rule: 'image-alt', impact, nodes: 1, help: 'h' }],
            },
          ],
          byImpact: { critical: 0, serious: 0, moderate: 0, minor: 0 },
        },
      });
    const [change] = harderThan(baselineOf(scanned('serious')), base);
    assert.match(change!.detail, /image-alt \(serious\) on http:\/\/w\/ · My wallet/);
    assert.deepEqual(harderThan(baselineOf(scanned('moderate')), base), []);
    const off = record({
      a11y: { skipped: 'AXE=off', screens: [], byImpact: scanned('serious').a11y.byImpact },
    });
    assert.deepEqual(harderThan(baselineOf(off), baselineOf(scanned('serious'))), []);
  });
});

describe('friction records read back from allure-results', () => {
  it('finds the record in a Playwright fixture step and in a cucumber-js after-hook container; the final attempt decides', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readFrictionRecords, representative } = await import('../../support/friction/results.ts');
    const dir = await mkdtemp(join(tmpdir(), 'cw-friction-'));
    const write = (name: string, body: unknown) => writeFile(join(dir, name), JSON.stringify(body));
    const result = (
      uuid: string,
      fullName: string,
      status: string,
      start: number,
      steps: unknown[] = [],
    ) => ({
      uuid,
      name: fullName,
      fullName,
      status,
      labels: [],
      parameters: [{ name: 'Project', value: 'desktop' }],
      steps,
      start,
      stop: start + 1,
    });
    const fixture = (source: string) => [
      {
        name: 'After Hooks',
        steps: [{ name: 'friction.json', attachments: [{ name: 'friction.json', source }] }],
      },
    ];
    await write('r3a.json', record({ actions: 9 }));
    await write('r3b.json', record({ actions: 3 }));
    await write('r4.json', record({ procedure: 'R4', key: 'R4 | s', actions: 4 }));
    // R3: a failed first attempt, then the retry that passed
    await write('1-result.json', result('1', 'R3 way', 'failed', 1, fixture('r3a.json')));
    await write('2-result.json', result('2', 'R3 way', 'passed', 5, fixture('r3b.json')));
    // R4 under cucumber-js: the attachment belongs to the after-hook fixture
    await write('3-result.json', result('3', 'R4 way', 'passed', 1));
    await write('c-container.json', {
      children: ['3'],
      afters: [{ name: 'scenario session', steps: fixture('r4.json')[0]!.steps }],
    });
    const read = await readFrictionRecords(dir);
    assert.deepEqual(read.map((r) => [r.record.procedure, r.record.actions, r.record.passed]).sort(), [
      ['R3', 3, true],
      ['R4', 4, true],
    ]);
    assert.equal(
      representative(
        read.map((r) => r.record),
        'R4',
      )?.actions,
      4,
    );
  });
});

describe('screen keys', () => {
  it('name the origin by the profile (no host or port in a baseline), keep unknown origins as they are', async () => {
    const { originNames, screenKey } = await import('../../support/friction/record.ts');
    const origins = originNames({
      shop: 'http://127.0.0.1:5100/',
      signIn: 'http://127.0.0.1:5100/signin',
      walletDirect: 'http://127.0.0.1:5101/',
    });
    assert.deepEqual(origins, { shop: 'http://127.0.0.1:5100', walletDirect: 'http://127.0.0.1:5101' });
    assert.equal(screenKey('http://127.0.0.1:5101/', 'My wallet', origins), 'walletDirect/ · My wallet');
    assert.equal(screenKey('http://other.test/x', '', origins), 'http://other.test/x');
    assert.equal(
      screenKey('http://127.0.0.1:5101/cards/card_1rP1UxAXOZ1OY8ig/delete', 'Sure?', origins),
      'walletDirect/cards/:id/delete · Sure?',
    );
  });
});
