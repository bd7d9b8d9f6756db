import type { Locator } from '@playwright/test';

/**
 * Enters a secret (card number, CVC, password) into a field without writing it into step titles.
 * Playwright titles `fill` with its value (`Fill "4111…"` in the HTML report, the Allure steps and the
 * trace's action list) and has no option to mask it. Here `clear()` waits for the field as `fill` does
 * (visible, enabled, editable; its step reads `Fill ""`), then the value is set in the page (a step titled
 * `Evaluate`) the way autofill does: the element's own value setter, then `input` and `change` events.
 *
 * Pictures: the field draws discs for its characters from here on (`-webkit-text-security: disc`, set
 * before the value), so a screenshot, a trace's screencast frame or a video shows no typed card number,
 * CVC or PIN even where the field is a text field (the wallet's CVC, every card number field).
 *
 * The value still reaches the trace (the call's argument, DOM snapshots, the POST body): redaction
 * (support/redact.ts) is the net for those.
 */
export async function fillSecret(field: Locator, value: string): Promise<void> {
  await field.clear();
  await field.evaluate((element, secret: string) => {
    const input = element as HTMLInputElement;
    input.focus();
    // discs before the value exists, so no frame ever paints its characters
    input.style.setProperty('-webkit-text-security', 'disc');
    // the prototype's setter, so frameworks that track the value (React) see the change
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')?.set;
    if (setter) setter.call(input, secret);
    else input.value = secret;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: secret }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}
