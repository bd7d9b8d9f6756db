/**
 * cucumber.json is plain JSON, so its paths say `reports/`; that prefix stands for REPORTS_DIR. The run
 * uses a copy with the prefix replaced. Pass REPORTS_DIR relative to the cwd: cucumber-js joins a rerun
 * file's path (`reports/cucumber/@rerun.txt` in `paths`) onto the cwd even when it is absolute.
 */
export function withReportsDir(profiles: unknown, reportsDir: string): unknown {
  const dir = reportsDir.replace(/\/+$/, '');
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/^reports\//, `${dir}/`);
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  return rewrite(profiles);
}
