import { findChromium } from '../support/browser.ts';
import { loadConfig } from '../support/config.ts';

try {
  const choice = findChromium(loadConfig().CHROMIUM_PATH);
  if (!choice) {
    console.error(
      "No Chromium: neither Playwright's own, nor CHROMIUM_PATH, nor /usr/lib/chromium/chromium.",
    );
    process.exit(1);
  }
  console.log(`${choice.source}: ${choice.path}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(3);
}
