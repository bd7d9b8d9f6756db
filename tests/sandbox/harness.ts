// Shared by the sandbox secrets tests: known secret values for the mock in sandbox posture, the
// environment that runs an entry point against it, a child runner capturing its console, and the audit.
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Leak, scanTree } from '../../support/redact.ts';
import { GENERATED_PASSWORD_ENV, PAYMENT_PASSWORD_ENV, type SecretSet } from '../../support/secrets.ts';

/** The issue's password: a space and ! ' ( ) ~ * & = + % (a browser form-encodes it unlike encodeURIComponent). */
export const PASSWORD = "Pa ss!'()~*&=+%w0rd";
export const VISA = [
  '4916338506082832',
  '4539578763621486',
  '4556737586899855',
  '4024007198964305',
  '4716461583322103',
  '4485275742308327',
];
export const MASTERCARD = ['5425233430109903', '5105105105105100', '5555555555554444'];
export const CVC = '918';
/** Given to the run as its generated password (sign-ups, F1): the pipeline keeps a given one. */
export const GENERATED_PASSWORD = "Gen (pw) ~*'!&=+%-2026";
/** Given to the run as its wallet payment password (R2); the refusal scenario types its twin (last digit + 1). */
export const PAYMENT_PASSWORD = '041827';
export const OTHER_PAYMENT_PASSWORD = '041828';
export const SECRETS: SecretSet = {
  passwords: [PASSWORD, GENERATED_PASSWORD],
  cardNumbers: [...VISA, ...MASTERCARD],
  cvcs: [CVC],
  pins: [PAYMENT_PASSWORD, OTHER_PAYMENT_PASSWORD],
};

/** TARGET=sandbox on targets/mock-sandbox.ts with the secrets above, traces on, one worker. */
export function sandboxEnv(
  portBase: string,
  reportsDir: string,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    ...process.env,
    TARGET: 'sandbox',
    TARGET_PROFILE: 'targets/mock-sandbox.ts',
    SANDBOX_ALLOWED_HOSTS: '127.0.0.1',
    MOCK_PORT_BASE: portBase,
    MOCK_DB: ':memory:',
    SANDBOX_PASSWORD: PASSWORD,
    SANDBOX_VISA_CARDS: VISA.join(','),
    SANDBOX_MASTERCARD_CARDS: MASTERCARD.join(','),
    SANDBOX_CVC: CVC,
    [GENERATED_PASSWORD_ENV]: GENERATED_PASSWORD,
    [PAYMENT_PASSWORD_ENV]: PAYMENT_PASSWORD,
    SANDBOX_ACCOUNTS: 'secrets-1@sandbox.cardwatch.test,secrets-2@sandbox.cardwatch.test',
    TRACE: 'on',
    WORKERS: '1',
    REPORTS_DIR: reportsDir,
    FORCE_COLOR: '0',
    ...extra,
  };
}

/** Runs a command to its end; its console (stdout and stderr) is also written to `<logDir>/console.log`. */
export function runToEnd(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  logDir: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => {
      output += d;
    });
    child.stderr.on('data', (d) => {
      output += d;
    });
    child.on('close', (code) => {
      writeFileSync(join(logDir, 'console.log'), output);
      resolve({ code, output });
    });
  });
}

export const filesNamed = (dir: string, test: (name: string) => boolean): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && test(e.name))
    .map((e) => join(e.parentPath, e.name));

/** The audit over everything under `dir`, as lines "kind (spelling) xN in file" for assertion messages. */
export function auditLines(dir: string): { files: number; lines: string[]; leaks: Leak[] } {
  const { files, leaks } = scanTree(dir, SECRETS);
  return {
    files,
    leaks,
    lines: leaks.map((l) => `${l.kind} (${l.spelling}) x${l.count} in ${l.file.replace(dir, '')}`),
  };
}
