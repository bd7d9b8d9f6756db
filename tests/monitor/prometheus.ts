// A strict reader of the Prometheus text exposition format (0.0.4), enough to prove /metrics parses:
// HELP/TYPE comments, then samples `name{label="value",...} number`, each metric's TYPE before its samples
// (a histogram's or summary's _bucket/_sum/_count samples under its family's TYPE).
export interface Sample {
  name: string;
  /** The raw label set without braces, e.g. `procedure="R3"`; '' when none. */
  labels: string;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE =
  /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*")(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\["\\n])*")*)?\})? ([+-]?(?:\d+(?:\.\d+)?(?:e[+-]?\d+)?|[Ii]nf|[Nn]a[Nn]))(?: \d+)?$/;

export function parsePrometheus(text: string): Sample[] {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const typed = new Map<string, string>();
  const samples: Sample[] = [];
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, i) => {
      if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) {
        const [, kind, name, rest] = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line) ?? [];
        if (!name || !NAME.test(name)) throw new Error(`line ${i + 1}: bad metric name: ${line}`);
        if (kind === 'TYPE') {
          if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(rest ?? ''))
            throw new Error(`line ${i + 1}: bad type: ${line}`);
          if (typed.has(name)) throw new Error(`line ${i + 1}: second TYPE for ${name}`);
          typed.set(name, rest!);
        }
        return;
      }
      if (line.startsWith('#') || line === '') return;
      const m = SAMPLE.exec(line);
      if (!m) throw new Error(`line ${i + 1}: not a sample: ${line}`);
      const name = m[1]!;
      const family = /^(.*)_(bucket|sum|count)$/.exec(name)?.[1];
      const ofFamily = family !== undefined && ['histogram', 'summary'].includes(typed.get(family) ?? '');
      if (!typed.has(name) && !ofFamily) throw new Error(`line ${i + 1}: sample before its TYPE: ${line}`);
      // Prometheus reads values with Go's ParseFloat: NaN and Inf in any case (prom-client writes "Nan").
      const raw = m[3]!;
      const value = /nan/i.test(raw)
        ? Number.NaN
        : /inf/i.test(raw)
          ? (raw.startsWith('-') ? -1 : 1) * Infinity
          : Number(raw);
      samples.push({ name, labels: m[2] ?? '', value });
    });
  return samples;
}
