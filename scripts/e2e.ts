// npm run e2e: the main job. Validates config, runs every feature against the target, writes the Allure report.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../support/env.ts';
import { loadConfig } from '../support/config.ts';
import { isSetupError, loadTarget } from '../support/load-target.ts';
import { bddgenIfChanged } from './lib/bddgen.ts';
import { generateReport } from './lib/report.ts';
import { run } from './lib/run.ts';
import { janitorSummary, redactArtefacts, runRedacted, skippedWithReasons } from './lib/sandbox-run.ts';
import { classify, Secret } from '../support/secrets.ts';

async function main(): Promise<number> {
  const cfg = loadConfig();
  const target = await loadTarget(cfg);
  console.log(`[e2e] target ${target.name} (${cfg.TARGET})`);
  await rm(join(cfg.REPORTS_DIR, 'allure-results'), { recursive: true, force: true });
  // Sandbox mode: the profile's secrets (read from env) are scrubbed from the console and every artefact.
  const secrets = target.kind === 'sandbox' ? classify(Secret.values()) : undefined;
  await rm(join(cfg.REPORTS_DIR, 'janitor.jsonl'), { force: true });

  // bddgen only when features, steps or config changed (scripts/lib/bddgen.ts).
  const generated = await bddgenIfChanged(cfg.BDD_OUTPUT_DIR);
  if (generated !== 0) return generated;
  const playwright = ['playwright', 'test', ...process.argv.slice(2)];
  let tests = secrets ? await runRedacted('npx', playwright, secrets) : await run('npx', playwright);
  if (secrets)
    console.log(
      `[e2e] sandbox: secrets redacted from ${redactArtefacts(cfg.REPORTS_DIR, secrets)} artefact files`,
    );
  const skipped = skippedWithReasons(cfg.REPORTS_DIR);
  if (skipped.length)
    console.log(`[e2e] skipped ${skipped.length}:\n${skipped.map((s) => `  - ${s}`).join('\n')}`);
  const janitor = janitorSummary(cfg.REPORTS_DIR);
  if (janitor) {
    console.log(
      `[e2e] janitor: ${janitor.cleanups} clean-ups, ${janitor.removed} test cards removed, ${janitor.failed.length} failed`,
    );
    for (const failure of janitor.failed) console.error(`[e2e] janitor failed ${failure}`);
    if (janitor.failed.length && tests === 0) tests = 1;
  }

  const report = await generateReport(cfg.REPORTS_DIR);
  if (report.code === 0) {
    console.log(`[e2e] Allure report: ${report.index}`);
    console.log('[e2e] open it with: npm run report   (serves it on 127.0.0.1)');
  } else {
    console.error('[e2e] allure generate failed');
  }
  return tests !== 0 ? tests : report.code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof ConfigError || isSetupError(error) ? error.message : error);
    process.exit(2);
  },
);
