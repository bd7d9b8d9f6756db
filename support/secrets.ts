import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';

/**
 * A password, full card number or CVC. The value is readable only through `reveal()`: printing,
 * JSON.stringify and util.inspect show `[secret NAME]`. Every Secret made in a process is registered,
 * so redaction (support/redact.ts) knows what to scrub from logs, results, reports and traces.
 */
export class Secret {
  static readonly #all = new Map<string, Secret>();
  readonly #value: string;

  constructor(
    /** Where it came from: the env variable's name or the profile field. Not secret. */
    readonly name: string,
    value: string,
  ) {
    if (!value) throw new Error(`secret ${name} is empty`);
    this.#value = value;
    Secret.#all.set(`${name}\u0000${value}`, this);
  }

  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return `[secret ${this.name}]`;
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return this.toString();
  }

  /** Every secret value this process has seen (deduplicated). */
  static values(): string[] {
    return [...new Set([...Secret.#all.values()].map((s) => s.#value))];
  }
}

/** Env variable names as shells allow them. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Secrets for redaction, by kind. Card numbers also match as typed with spaces or dashes
 * ("4111 1111 1111 1111"); a CVC is only 3-4 digits, so it matches only where it stands as a
 * value (quoted, after `=` or `:` in text, or between tags), never inside other numbers.
 */
export interface SecretSet {
  passwords: string[];
  cardNumbers: string[];
  cvcs: string[];
}

/** Sorts the registered values into a SecretSet: digits-only 12-19 = card number, 3-4 digits = CVC. */
export function classify(values: string[]): SecretSet {
  const set: SecretSet = { passwords: [], cardNumbers: [], cvcs: [] };
  for (const v of values) {
    if (/^\d{12,19}$/.test(v)) set.cardNumbers.push(v);
    else if (/^\d{3,4}$/.test(v)) set.cvcs.push(v);
    else set.passwords.push(v);
  }
  return set;
}

/** The env variable a parent process puts this run's generated password in (scripts/lib/pipeline.ts). */
export const GENERATED_PASSWORD_ENV = 'CARDWATCH_GENERATED_PASSWORD';

/**
 * A new random password: 16 base64url characters between a fixed upper/lower/digit/symbol frame, so
 * it meets the usual password rules (8+ characters, each class) and its form encoding differs from
 * `encodeURIComponent` ("!" is "%21" in a browser's POST body).
 */
export function newPassword(): string {
  return `Cw!${randomBytes(12).toString('base64url')}-7x`;
}

/**
 * The password of accounts this run signs up (the F1 sign-up step), as a Secret. The pipeline makes
 * it before it starts the runner, registers it for redaction and passes it down in
 * CARDWATCH_GENERATED_PASSWORD; run outside the pipeline (a bare `playwright test`), a random one is
 * made here, registered, and put into `env` so this process's children share it.
 */
export function generatedPassword(env: NodeJS.ProcessEnv = process.env): Secret {
  env[GENERATED_PASSWORD_ENV] ||= newPassword();
  return new Secret(GENERATED_PASSWORD_ENV, env[GENERATED_PASSWORD_ENV]!);
}
