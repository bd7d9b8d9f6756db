// A screenshot of a typed secret is a leak: text redaction cannot reach pixels. fillSecret
// (pages/common/secret-field.ts) makes the field draw discs (-webkit-text-security) before it sets the
// value, so a screenshot, a trace screencast frame or a failure screenshot on any target shows no card
// number, CVC or PIN, text fields included (the wallet's CVC field is type=text). Proof by pixels: two
// different values of one length give the same picture; typed with Playwright's plain fill they differ.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from '@playwright/test';
import { fillSecret } from '../../pages/common/secret-field.ts';
import { findChromium, QUIET_CHROMIUM_ARGS } from '../../support/browser.ts';

const found = findChromium(process.env.CHROMIUM_PATH);
const FORM = `<main><form>
  <label for="number">Card number</label><input id="number" name="number" autocomplete="cc-number">
  <label for="cvc">CVC</label><input id="cvc" name="cvc" inputmode="numeric" autocomplete="cc-csc">
  <label for="pin">Payment password</label><input id="pin" name="pin" type="password">
</form></main>`;

describe('fillSecret keeps secrets out of pictures', { skip: found ? false : 'no Chromium found' }, () => {
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({ executablePath: found?.executablePath, args: QUIET_CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
  });

  /** The form after typing `values` (number, cvc, pin) with `type`, as a PNG of the form. */
  async function picture(
    values: [string, string, string],
    type: (page: Page, id: string, value: string) => Promise<void>,
  ): Promise<Buffer> {
    const page = await browser.newPage({ viewport: { width: 480, height: 200 } });
    try {
      await page.setContent(FORM);
      for (const [i, id] of ['number', 'cvc', 'pin'].entries()) await type(page, id, values[i]!);
      await page.locator('#cvc').blur();
      return await page.locator('form').screenshot({ animations: 'disabled', caret: 'hide' });
    } finally {
      await page.close();
    }
  }

  const A: [string, string, string] = ['4111111111111111', '918', '072519'];
  const B: [string, string, string] = ['5425233430109903', '374', '083602'];

  it('two different secrets of one length look the same once typed with fillSecret', async () => {
    const viaSecret = (page: Page, id: string, value: string) => fillSecret(page.locator(`#${id}`), value);
    const [a, b] = [await picture(A, viaSecret), await picture(B, viaSecret)];
    assert.ok(a.equals(b), 'the pictures differ: a typed secret is visible in them');
  });

  it('can fail: typed with a plain fill (text fields show their characters) they look different', async () => {
    const plain = (page: Page, id: string, value: string) => page.locator(`#${id}`).fill(value);
    const [a, b] = [await picture(A, plain), await picture(B, plain)];
    assert.ok(!a.equals(b), 'plain fill should show the characters of text fields');
  });

  it('the value itself is unchanged: the form still sends what was typed', async () => {
    const page = await browser.newPage();
    try {
      await page.setContent(FORM);
      await fillSecret(page.locator('#cvc'), '918');
      assert.equal(await page.locator('#cvc').inputValue(), '918');
    } finally {
      await page.close();
    }
  });
});
