// Plain Node, no dependencies: runs before anything from node_modules can be loaded.
// Installs what a fresh clone lacks (node_modules, a Chromium) and says so.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit' }).status === 0;
const say = (msg) => console.log(`[bootstrap] ${msg}`);

if (!existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  say('node_modules is missing: running "npm ci" once.');
  if (!run('npm', ['ci', '--no-audit', '--no-fund'])) {
    console.error('[bootstrap] "npm ci" failed; fix the error above and run it again.');
    process.exit(1);
  }
}

const probe = () =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'which-browser.ts')], {
    cwd: root,
    encoding: 'utf8',
  });

let found = probe();
if (found.status === 0) process.exit(0);
if (found.status === 3) {
  // The configuration itself is wrong: installing a browser would not help.
  console.error(found.stderr.trim());
  process.exit(2);
}
say(found.stderr.trim() || 'no Chromium found.');
say('trying "npx playwright install chromium" ...');
if (run('npx', ['playwright', 'install', 'chromium'])) found = probe();
if (
  found.status !== 0 &&
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  existsSync('/usr/bin/apt-get')
) {
  say('trying "apt-get install -y chromium" (Debian) ...');
  run('apt-get', ['update', '-qq']);
  if (run('apt-get', ['install', '-y', '-qq', 'chromium'])) found = probe();
}
if (found.status !== 0) {
  console.error(
    '[bootstrap] No usable Chromium. Run one of:\n' +
      '  npx playwright install chromium        (any OS with internet)\n' +
      '  sudo apt-get install -y chromium       (Debian/Ubuntu)\n' +
      'or set CHROMIUM_PATH to a Chromium binary.',
  );
  process.exit(1);
}
