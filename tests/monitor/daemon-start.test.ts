// The daemon checks the target's profile when it starts (new user's finding 7): a profile missing a label
// its procedures need stops it at once, exit 2, with the same one line per problem a `--once` run prints,
// instead of starting and failing only at the first scheduled cycle (02:00).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'cw-daemon-start-'));
const badProfile = join(dir, 'no-check-cards.ts');
writeFileSync(
  badProfile,
  `import mockProfile from '${join(root, 'targets/mock.ts')}';
export default (cfg) => {
  const p = mockProfile(cfg);
  const { checkCards, ...help } = p.labels.help;
  return { ...p, labels: { ...p.labels, help } };
};
`,
);

/** Starts `monitor/main.ts` (the daemon); resolves with its exit code, or 'running' once it serves. */
function startDaemon(
  profile: string,
): Promise<{ outcome: number | 'running'; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'monitor/main.ts')], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CARDWATCH_ENV_FILE: '/dev/null', // not the checkout's .env
      TARGET: 'mock',
      TARGET_PROFILE: profile,
      MOCK_PORT_BASE: '4680', // never bound: no cycle runs (the schedule is a year away)
      MONITOR_PORT: '4699',
      MONITOR_CRON: '0 0 1 1 *',
      REPORTS_DIR: join(dir, 'reports'),
    },
  });
  let stdout = '';
  let stderr = '';
  let served = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`neither exited nor served in 30 s:\n${stdout}\n${stderr}`));
    }, 30_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      if (/\[monitor\] .*(schedule|serving|status)/i.test(stdout)) {
        clearTimeout(timer);
        served = true;
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ outcome: served ? 'running' : (code ?? -1), stderr, stdout });
    });
  });
}

describe('the daemon checks its target profile at start', () => {
  it('exits 2 naming the missing label and the procedure that needs it, before serving', async () => {
    const { outcome, stderr, stdout } = await startDaemon(badProfile);
    assert.equal(outcome, 2, `${stdout}\n${stderr}`);
    assert.match(
      stderr,
      /Target profile .*no-check-cards\.ts is invalid:\n {2}- labels\.help\.checkCards: required by R4/,
    );
    assert.doesNotMatch(stdout, /\[monitor\]/);
  });

  it('starts with a valid profile', async () => {
    const { outcome, stderr, stdout } = await startDaemon('targets/mock.ts');
    assert.equal(outcome, 'running', `${stdout}\n${stderr}`);
  });
});
