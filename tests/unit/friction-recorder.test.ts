// The friction recorder in a real Chromium (pages served by page.route, no mock needed): what counts
// is the buyer's side of a procedure step; the page's own scripts, setup and checks do not; axe-core
// finds a planted accessibility fault. Needs a browser: run it under the shared browser lock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from '@playwright/test';
import { findChromium, QUIET_CHROMIUM_ARGS } from '../../support/browser.ts';
import { loadConfig } from '../../support/config.ts';
import { FrictionRecorder } from '../../support/friction/recorder.ts';
import { loadTarget } from '../../support/load-target.ts';
import type { TargetProfile } from '../../support/target.ts';

const ORIGIN = 'http://friction.test';

function page(h1: string, body: string): string {
  return `<!doctype html><html lang="en"><head><title>${h1}</title></head><body><main><h1>${h1}</h1>${body}</main></body></html>`;
}

let browser: Browser;
let target: TargetProfile;

before(async () => {
  const found = findChromium(process.env.CHROMIUM_PATH);
  browser = await chromium.launch({ executablePath: found?.executablePath, args: QUIET_CHROMIUM_ARGS });
  target = await loadTarget(loadConfig({ MOCK_LOCALE: 'en' }));
});
after(() => browser?.close());

async function scenario(axe: boolean) {
  const context = await browser.newContext();
  const { labels } = target;
  // A form whose radio group is named "method" (it shadows form.method), the profile's phone label, a
  // page script that fakes a press at load (untrusted: must not count), an image without alt text.
  const cards = page(
    'Cards',
    `<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
     <form method="post" action="/remove">
       <fieldset><legend>Payment method</legend><label><input type="radio" name="method" value="a" checked> A</label></fieldset>
       <label for="phone">${labels.wallet.phone}</label><input id="phone" name="phone">
       <button>Delete card</button>
     </form>
     <script>document.querySelector('button').dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, button: 0 }));</script>`,
  );
  const sure = page(
    'Are you sure?',
    `<form method="post" action="/done"><button>${labels.common.confirm}</button></form>`,
  );
  await context.route(`${ORIGIN}/**`, async (route) => {
    const path = new URL(route.request().url()).pathname;
    const body = path === '/remove' ? sure : path === '/done' ? page('Removed', '<p>Done.</p>') : cards;
    await route.fulfill({ contentType: 'text/html', body });
  });
  const recorder = await FrictionRecorder.attach(context, {
    cfg: { FRICTION: true, AXE: axe },
    target,
    tags: ['@proc:R3', '@severity:critical'],
    scenario: 'probe test',
  });
  assert.ok(recorder);
  const p = await context.newPage();
  // setup (a Given): not counted
  await p.goto(`${ORIGIN}/setup`);
  await p.getByRole('button', { name: 'Delete card' }).click();
  await p.waitForURL(`${ORIGIN}/remove`);
  // the procedure: two When steps, the first ends on "Cards", the second passes "Are you sure?"
  recorder.stepStarted('Action');
  await p.goto(`${ORIGIN}/`);
  await p.getByLabel(labels.wallet.phone).fill('+62 812 5555 0101');
  await recorder.stepEnded(true);
  recorder.stepStarted('Action');
  await p.getByRole('button', { name: 'Delete card' }).click();
  await p.getByRole('button', { name: labels.common.confirm }).click();
  await p.getByRole('heading', { name: 'Removed' }).waitFor();
  await recorder.stepEnded(true);
  // a check (a Then): not counted
  recorder.stepStarted('Outcome');
  await p.goto(`${ORIGIN}/check`);
  await recorder.stepEnded(true);
  const attached: string[] = [];
  const labelsOut = await recorder.finish(true, async (name) => {
    attached.push(name);
  });
  await context.close();
  return { record: recorder.record(true), attached, labelsOut };
}

/** A confirm form demanding a date of birth the walk does not give: the browser refuses the submit. */
async function refusedSubmit() {
  const context = await browser.newContext();
  const { labels } = target;
  const body = page(
    'Cards',
    `<form method="post" action="/remove"><label for="dob">${labels.wallet.birthDate}</label><input id="dob" name="dob" type="date" required><button>${labels.common.confirm}</button></form>`,
  );
  await context.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body }));
  const recorder = await FrictionRecorder.attach(context, {
    cfg: { FRICTION: true, AXE: false },
    target,
    tags: ['@proc:R3'],
    scenario: 'refused',
  });
  const p = await context.newPage();
  recorder!.stepStarted('Action');
  await p.goto(`${ORIGIN}/`);
  await p.getByRole('button', { name: labels.common.confirm }).click();
  await recorder!.stepEnded(false);
  const record = recorder!.record(false);
  await context.close();
  return record;
}

/**
 * A screen whose confirm dialog (closed, not opened by the walk) demands a date of birth, and a
 * dialog a page script adds later: the walk only opens the page and stops (a failed check).
 */
async function demandedNotSubmitted() {
  const context = await browser.newContext();
  const { labels } = target;
  const dialog = (id: string, label: string) =>
    `<dialog id="${id}"><form method="post" action="/cards/card_${id}99/delete"><label for="f-${id}">${label}</label><input id="f-${id}" name="f" type="date" required><button>${labels.common.confirm}</button></form></dialog>`;
  const body = page(
    'Cards',
    `${dialog('a1', labels.wallet.birthDate)}<script>setTimeout(() => document.querySelector('main').insertAdjacentHTML('beforeend', ${JSON.stringify(dialog('b2', labels.wallet.phone))}), 50)</script>`,
  );
  await context.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: 'text/html', body }));
  const recorder = await FrictionRecorder.attach(context, {
    cfg: { FRICTION: true, AXE: false },
    target,
    tags: ['@proc:R3'],
    scenario: 'demanded',
  });
  const p = await context.newPage();
  recorder!.stepStarted('Action');
  await p.goto(`${ORIGIN}/`);
  await p.getByLabel(labels.wallet.phone).waitFor({ state: 'attached' });
  await recorder!.stepEnded(true);
  const record = recorder!.record(false);
  await context.close();
  return record;
}

describe('the friction recorder in a browser', () => {
  it('records the required fields of the forms on a visited screen the walk never submitted (a closed dialog, one added later)', async () => {
    const record = await demandedNotSubmitted();
    assert.deepEqual(
      record.fields.map((f) => [f.label, f.class, f.form, f.submitted]),
      [
        [target.labels.wallet.birthDate, 'date of birth', '/cards/:id/delete', false],
        [target.labels.wallet.phone, 'phone', '/cards/:id/delete', false],
      ],
    );
    assert.equal(record.personalDataFields, 2);
  });

  it('records the fields of a submit the browser refused (a required field left empty)', async () => {
    const record = await refusedSubmit();
    assert.deepEqual(
      record.fields.map((f) => [f.label, f.class, f.required]),
      [[target.labels.wallet.birthDate, 'date of birth', true]],
    );
    assert.equal(record.personalDataFields, 1);
  });

  it('counts the procedure step only: presses, typed fields, forms with their personal data, confirms, screens', async () => {
    const { record, attached, labelsOut } = await scenario(false);
    assert.deepEqual(record.breakdown, { presses: 2, typed: 1, selected: 0, addressesOpened: 1 });
    assert.equal(record.actions, 4);
    assert.equal(record.confirmSteps, 1);
    assert.deepEqual(
      record.fields.map((f) => [f.label, f.class]),
      [
        ['Payment method', 'other'],
        [target.labels.wallet.phone, 'phone'],
      ],
    );
    assert.equal(record.personalDataFields, 1);
    assert.deepEqual(
      record.screens.map((s) => s.h1),
      ['Cards', 'Are you sure?', 'Removed'],
    );
    assert.equal(record.navigations, 3);
    assert.equal(record.a11y.skipped, 'AXE=off');
    assert.deepEqual(attached, ['friction', 'friction.json']);
    assert.deepEqual(
      labelsOut.find((l) => l.name === 'friction.personalData'),
      {
        name: 'friction.personalData',
        value: '1',
      },
    );
  });

  it('scans the screens the step ended on with axe-core and reports a missing alt text as critical', async () => {
    const { record } = await scenario(true);
    const rules = record.a11y.screens.flatMap((s) => s.violations.map((v) => `${v.rule}:${v.impact}`));
    assert.ok(rules.includes('image-alt:critical'), `violations: ${rules.join(', ')}`);
    assert.deepEqual(
      record.a11y.screens.map((s) => s.screen),
      [`${ORIGIN}/ · Cards`, `${ORIGIN}/done · Removed`],
    );
    // "Are you sure?" was passed within a step: said, not silently dropped
    assert.match(record.a11y.skipped ?? '', /not scanned .*Are you sure\?/);
  });
});
