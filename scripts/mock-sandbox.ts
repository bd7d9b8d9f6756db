// npm run mock:sandbox: the embedded mock in sandbox posture, for TARGET=sandbox runs with
// targets/mock-sandbox.ts (or TARGET_PROFILE): control API off, Indonesian, the profile's pre-made
// accounts created at start with SANDBOX_PASSWORD, a store kept across runs in data/ (the janitor's
// proving ground). MOCK_PORT_BASE defaults to 4410 here; MOCK_DB=:memory: gives a throwaway store.
import { spawn } from 'node:child_process';
import { loadConfig } from '../support/config.ts';
import { ConfigError } from '../support/env.ts';
import { isSetupError, readProfile } from '../support/load-target.ts';

async function main(): Promise<number> {
  process.env.MOCK_PORT_BASE ||= '4410';
  const cfg = loadConfig();
  const source = cfg.TARGET_PROFILE ?? 'targets/mock-sandbox.ts';
  const profile = await readProfile(source, cfg);
  if (profile.accounts.source !== 'pool') throw new Error(`${source}: accounts.source must be "pool"`);
  const base = cfg.MOCK_PORT_BASE;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MOCK_CONTROL: 'off',
    // the profile's language when the mock has it (targets/mock-sandbox.ts: Indonesian)
    MOCK_LOCALE: profile.locale === 'en' ? 'en' : 'id',
    MOCK_PORT_BASE: String(base),
    MOCK_DB: process.env.MOCK_DB || `data/mock-sandbox-${base}.db`,
    MOCK_SEED_ACCOUNTS: profile.accounts.emails.join(','),
    MOCK_SEED_PASSWORD: profile.accounts.password.reveal(),
  };
  if (profile.captcha) env.MOCK_CAPTCHA_TEST_ANSWER = profile.captcha.testAnswer;
  console.log(
    `[mock:sandbox] ${profile.name}: ${profile.accounts.emails.length} pre-made accounts, store ${env.MOCK_DB}`,
  );
  const child = spawn(process.execPath, ['--import', 'tsx', 'mock-app/main.ts'], { stdio: 'inherit', env });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return new Promise((done) => child.on('exit', (code, signal) => done(code ?? (signal ? 0 : 1))));
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError || isSetupError(error) ? error.message : error);
    process.exit(2);
  },
);
