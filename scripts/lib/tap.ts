/** Counts from the closing lines of a TAP stream (`# pass N`, `# fail N`, ...). */
export function tapCounts(tap: string): { passed: number; failed: number; skipped: number } {
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  return {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
  };
}
