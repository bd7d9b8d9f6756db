// The CI workflows parse as YAML and hold the jobs, triggers and commands the project relies on.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parse } from 'yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}
interface Job {
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown[]> };
  env?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const load = (name: string) => parse(readFileSync(`.github/workflows/${name}`, 'utf8')) as Workflow;
const runs = (job: Job) => (job.steps ?? []).map((s) => s.run ?? '').join('\n');
const uses = (job: Job) => (job.steps ?? []).map((s) => s.uses ?? '');

describe('.github/workflows', () => {
  it('ci.yml: push and pull request, the tests against the mock, the report as an artifact', () => {
    const wf = load('ci.yml');
    assert.ok('push' in wf.on && 'pull_request' in wf.on);
    const job = wf.jobs['test']!;
    assert.equal(job.env?.['TARGET'], 'mock');
    assert.match(runs(job), /npm ci/);
    assert.match(runs(job), /npm test/);
    assert.match(runs(job), /npm run gate/);
    const upload = job.steps!.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    assert.equal(upload.with?.['path'], 'reports/allure-report');
    assert.equal(upload.if, 'always()');
  });

  it('nightly.yml: a cron schedule, the sandbox from secrets, history kept, the report published', () => {
    const wf = load('nightly.yml');
    const schedule = wf.on['schedule'] as { cron: string }[];
    assert.equal(schedule[0]!.cron, '0 2 * * *');
    const job = wf.jobs['monitor']!;
    assert.equal(job.env?.['TARGET'], 'sandbox');
    assert.match(JSON.stringify(job.steps), /secrets\.CARDWATCH_ENV/);
    assert.match(job.env?.['MONITOR_WEBHOOK_URL'] ?? '', /secrets\.MONITOR_WEBHOOK_URL/);
    assert.match(runs(job), /npm run monitor -- --once/);
    const restore = job.steps!.find((s) => s.uses?.startsWith('actions/cache/restore'))!;
    const save = job.steps!.find((s) => s.uses?.startsWith('actions/cache/save'))!;
    for (const step of [restore, save]) {
      assert.match(String(step.with?.['path']), /reports\/history\.jsonl/);
      assert.match(String(step.with?.['path']), /reports\/outbox/, 'undelivered alerts survive to the next night');
    }
    assert.equal(job.env?.['MONITOR_CHANGE_QUORUM'], '1', 'one cycle a night decides');
    assert.ok(uses(job).some((u) => u.startsWith('actions/upload-pages-artifact')));
    assert.ok(uses(wf.jobs['publish']!).some((u) => u.startsWith('actions/deploy-pages')));
    assert.equal(wf.jobs['publish']!.needs, 'monitor');
  });

  it('sharded.yml: a matrix of --shard=i/n, merged into one Allure report', () => {
    const wf = load('sharded.yml');
    const shard = wf.jobs['shard']!;
    assert.deepEqual(shard.strategy?.matrix?.['shard'], [1, 2]);
    // through the pipeline (redaction, feature validation), never a bare `playwright test`
    assert.match(runs(shard), /scripts\/e2e\.ts --shard=\$\{\{ matrix\.shard \}\}\/\$\{\{ matrix\.total \}\}/);
    assert.doesNotMatch(runs(shard), /npx playwright test/);
    assert.ok(uses(shard).some((u) => u.startsWith('actions/upload-artifact')));
    const merge = wf.jobs['merge']!;
    assert.equal(merge.needs, 'shard');
    assert.ok(uses(merge).some((u) => u.startsWith('actions/download-artifact')));
    assert.match(runs(merge), /npm run merge-shards -- shards\/allure-results-\*/);
    assert.match(runs(merge), /npm run gate/);
  });

  it('every script a workflow calls exists in package.json', () => {
    const scripts = Object.keys(
      (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts,
    );
    for (const name of ['ci.yml', 'nightly.yml', 'sharded.yml']) {
      const wf = load(name);
      for (const job of Object.values(wf.jobs))
        for (const [, script] of runs(job).matchAll(/npm run ([\w:-]+)/g))
          assert.ok(scripts.includes(script!), `${name}: npm run ${script} is not in package.json`);
    }
  });
});
