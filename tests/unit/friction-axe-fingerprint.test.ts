// The axe-core scan cache's key (support/friction/axe.ts fingerprint): a kept scan may only be reused
// for markup axe would judge the same. Each accessibility regression below must change the key; what
// changes per buyer and visit (card ids, CSRF tokens, last 4 digits) must not. Needs a browser: run it
// under the shared browser lock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from '@playwright/test';
import { findChromium, QUIET_CHROMIUM_ARGS } from '../../support/browser.ts';
import { fingerprint } from '../../support/friction/axe.ts';

const ORIGIN = 'http://fingerprint.test';

interface Variant {
  lang?: string;
  card?: string;
  last4?: string;
  csrf?: string;
  colour?: string;
  inlineColour?: string;
  sheetColour?: string;
  labelFor?: string;
  heading?: string;
  frame?: boolean;
}

function markup(v: Variant = {}): string {
  const card = v.card ?? 'card_a1b2c3d4';
  const last4 = v.last4 ?? '4242';
  const h = v.heading ?? 'h2';
  return `<!doctype html><html${v.lang === '' ? '' : ` lang="${v.lang ?? 'en'}"`}><head><title>Cards</title>
<link rel="stylesheet" href="/site.css"><style>p { color: ${v.colour ?? '#333'} }</style></head>
<body><main><h1>Cards</h1><${h}>VISA •••• ${last4}</${h}>
<p style="color:${v.inlineColour ?? '#595959'}">expires 12/29</p>
<form method="post" action="/cards/${card}/delete"><input type="hidden" name="csrf" value="${v.csrf ?? 'tok3n9f8e7d6'}">
<label for="${v.labelFor ?? `dob-${card}`}">Date of birth</label><input id="dob-${card}" type="date" required>
<button aria-label="Delete VISA •••• ${last4}">Delete</button></form>${v.frame ? '<iframe src="/x"></iframe>' : ''}
</main></body></html>`;
}

let browser: Browser;
before(async () => {
  const found = findChromium(process.env.CHROMIUM_PATH);
  browser = await chromium.launch({ executablePath: found?.executablePath, args: QUIET_CHROMIUM_ARGS });
});
after(() => browser?.close());

async function printOf(v: Variant = {}, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport });
  await context.route(`${ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === '/site.css'
      ? route.fulfill({ contentType: 'text/css', body: `a { color: ${v.sheetColour ?? '#1a0dab'} }` })
      : route.fulfill({ contentType: 'text/html', body: markup(v) }),
  );
  const page = await context.newPage();
  await page.goto(`${ORIGIN}/`);
  const print = await fingerprint(page);
  await context.close();
  return print;
}

describe('the axe scan cache key (markup fingerprint)', () => {
  it('is the same for the same screen of another buyer and visit (card id, CSRF token, last 4 digits)', async () => {
    const base = await printOf();
    assert.ok(base);
    assert.equal(await printOf({ card: 'card_z9y8x7w6', csrf: 'q1w2e3r4t5y6', last4: '1881' }), base);
  });

  it('changes with every regression axe could judge differently', async () => {
    const base = await printOf();
    const changes: [string, Variant | 'viewport'][] = [
      ['<html lang> dropped', { lang: '' }],
      ['a colour in a <style> (#333 -> #999)', { colour: '#999' }],
      ['an inline colour (#595959 -> #767676)', { inlineColour: '#767676' }],
      ['a colour in a linked stylesheet', { sheetColour: '#aaaaaa' }],
      ['a label whose for= no longer names its field', { labelFor: 'dob-card_elsewhere9' }],
      ['a heading level (h2 -> h3)', { heading: 'h3' }],
      ['the viewport (a mobile layout)', 'viewport'],
    ];
    for (const [what, v] of changes) {
      const print = v === 'viewport' ? await printOf({}, { width: 390, height: 844 }) : await printOf(v);
      assert.notEqual(print, base, `${what}: same fingerprint, a kept scan would hide it`);
    }
  });

  it('is undefined for a page with frames (axe scans into them; their documents are not in the key)', async () => {
    assert.equal(await printOf({ frame: true }), undefined);
  });
});
