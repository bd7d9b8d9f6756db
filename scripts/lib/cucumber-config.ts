/**
 * cucumber.json is plain JSON, so its output paths say `reports/`; that prefix stands for REPORTS_DIR.
 * The run uses a copy with the prefix replaced (also in `@reports/...` rerun paths and format targets).
 */
export function withReportsDir(profiles: unknown, reportsDir: string): unknown {
  const dir = reportsDir.replace(/\/+$/, '');
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/^(@?)reports\//, `$1${dir}/`);
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  return rewrite(profiles);
}
