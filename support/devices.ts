import { type BrowserContextOptions, devices } from '@playwright/test';

/** The tag that puts a scenario on an emulated phone. */
export const MOBILE_TAG = '@mobile-app';
/** Playwright device profiles, by name, for both runners (playwright.config.ts projects and the cucumber World). */
export const DESKTOP_DEVICE = 'Desktop Chrome';
export const MOBILE_DEVICE = 'Pixel 7';

export interface DeviceChoice {
  name: string;
  contextOptions: BrowserContextOptions;
}

/** The device a scenario runs on, chosen by its tags: `@mobile-app` -> the phone, anything else -> desktop. */
export function deviceFor(tags: readonly string[]): DeviceChoice {
  const name = tags.includes(MOBILE_TAG) ? MOBILE_DEVICE : DESKTOP_DEVICE;
  const descriptor = devices[name];
  if (!descriptor) throw new Error(`Playwright knows no device called "${name}"`);
  const { defaultBrowserType: _browser, ...contextOptions } = descriptor;
  return { name, contextOptions };
}
