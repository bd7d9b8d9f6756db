// npx tsx scripts/audit-secrets.ts <dir|file>... [--secret-env NAME]...
//
// Searches everything a run left behind for secrets, zips opened (trace zips, zips inside zips), base64
// bodies decoded, in every spelling the redactor knows (support/redact.ts SPELLINGS): the password(s),
// card numbers and CVCs of the target profile (TARGET=sandbox with TARGET_PROFILE, read from the
// environment as a run reads them), this run's generated secrets when given (CARDWATCH_GENERATED_PASSWORD,
// CARDWATCH_PAYMENT_PASSWORD and its twin: support/secrets.ts runSecrets), the value of each --secret-env
// variable, and any full card number (Luhn-valid, 13-19 digits) on any target.
// Prints the count per file and spelling, then a total; exits 1 on any hit, 0 on none, 2 on bad usage.
import { existsSync } from 'node:fs';
import { loadConfig } from '../support/config.ts';
import { ConfigError } from '../support/env.ts';
import { readProfile } from '../support/load-target.ts';
import { type Leak, scanTree } from '../support/redact.ts';
import { classify, ENV_NAME, runSecrets, Secret } from '../support/secrets.ts';

const USAGE = 'usage: npx tsx scripts/audit-secrets.ts <dir|file>... [--secret-env NAME]...';

function parseArgs(argv: string[]): { paths: string[]; envNames: string[]; problems: string[] } {
  const paths: string[] = [];
  const envNames: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--secret-env') {
      const name = argv[++i];
      if (!name || !ENV_NAME.test(name))
        problems.push(`--secret-env: expected a variable name (got "${name ?? ''}")`);
      else if (!process.env[name]) problems.push(`--secret-env ${name}: the variable is not set`);
      else envNames.push(name);
    } else if (arg.startsWith('-')) problems.push(`${arg}: unknown option`);
    else if (!existsSync(arg)) problems.push(`${arg}: no such file or folder`);
    else paths.push(arg);
  }
  if (!paths.length && !problems.length) problems.push('give at least one folder or file to search');
  return { paths, envNames, problems };
}

/** Registers the secrets the run knew: the sandbox profile's, the generated password, --secret-env values. */
async function registerSecrets(envNames: string[]): Promise<string[]> {
  const sources: string[] = [];
  const cfg = loadConfig();
  if (cfg.TARGET === 'sandbox' && cfg.TARGET_PROFILE) {
    const profile = await readProfile(cfg.TARGET_PROFILE, cfg);
    sources.push(`profile ${profile.name}`);
  }
  sources.push(...runSecrets(process.env, { only: 'given' }));
  for (const name of envNames) {
    new Secret(name, process.env[name]!);
    sources.push(name);
  }
  return sources;
}

async function main(): Promise<number> {
  const { paths, envNames, problems } = parseArgs(process.argv.slice(2));
  if (problems.length) {
    console.error(`${problems.map((p) => `audit-secrets: ${p}`).join('\n')}\n${USAGE}`);
    return 2;
  }
  const sources = await registerSecrets(envNames);
  const set = classify(Secret.values());
  console.log(
    `[audit] secrets: ${set.passwords.length} password(s), ${set.pins?.length ?? 0} PIN(s), ${set.cardNumbers.length} card number(s), ${set.cvcs.length} CVC(s)` +
      ` from ${sources.join(', ') || 'nowhere (only full card numbers are searched)'}; plus any full card number`,
  );
  const leaks: Leak[] = [];
  for (const path of paths) {
    const found = scanTree(path, set);
    console.log(
      `[audit] ${path}: ${found.files} files searched (zip members included), ${found.images} pictures not searched`,
    );
    leaks.push(...found.leaks);
  }
  for (const l of leaks) console.log(`  ${l.file}: ${l.kind} (${l.spelling}) x${l.count}`);
  const totals = new Map<string, number>();
  for (const l of leaks)
    totals.set(`${l.kind} (${l.spelling})`, (totals.get(`${l.kind} (${l.spelling})`) ?? 0) + l.count);
  const files = new Set(leaks.map((l) => l.file.split('!')[0])).size;
  const total = leaks.reduce((n, l) => n + l.count, 0);
  for (const [what, count] of totals) console.log(`[audit] ${what}: ${count}`);
  console.log(`[audit] ${total} occurrences in ${files} files`);
  return total ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);
