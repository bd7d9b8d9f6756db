import { randomBytes, randomInt } from 'node:crypto';
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
 * value (quoted, after `=` or `:` in text, or between tags), never inside other numbers; a PIN
 * (a password of 5-11 digits: the wallet's payment password) only where it is a number of its own,
 * never inside a longer number, a token or a decimal fraction.
 */
export interface SecretSet {
  passwords: string[];
  cardNumbers: string[];
  cvcs: string[];
  /** Digits-only passwords of 5-11 digits (absent = none). */
  pins?: string[];
}

/** Sorts the registered values into a SecretSet: digits only, 12-19 = card number, 5-11 = PIN, 3-4 = CVC. */
export function classify(values: string[]): SecretSet {
  const set: SecretSet = { passwords: [], cardNumbers: [], cvcs: [], pins: [] };
  for (const v of values) {
    if (/^\d{12,19}$/.test(v)) set.cardNumbers.push(v);
    else if (/^\d{5,11}$/.test(v)) set.pins!.push(v);
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

/** The env variable a parent process puts this run's wallet payment password in (scripts/lib/pipeline.ts). */
export const PAYMENT_PASSWORD_ENV = 'CARDWATCH_PAYMENT_PASSWORD';

/**
 * A new wallet payment password: 6 digits, "0", then 1-9, then 4 random digits. The leading zero is what
 * keeps its redaction (a PIN: support/redact.ts) off every other number: no number a program prints
 * (JSON numbers, timestamps, durations, ports, counters) starts with 0, and a PIN is masked only where
 * it stands alone (not inside a longer number, a hash or token, or after a decimal point).
 */
export function newPaymentPassword(): string {
  const n = randomInt(10_000, 100_000); // 5 digits, first 1-9
  return `0${n}`;
}

/**
 * The wallet payment password this run types (R2's security settings), as a Secret. Made once per run
 * by the pipeline, which registers it for redaction before any artefact is written and passes it down
 * in CARDWATCH_PAYMENT_PASSWORD; outside the pipeline a random one is made here and put into `env`.
 */
export function paymentPassword(env: NodeJS.ProcessEnv = process.env): Secret {
  env[PAYMENT_PASSWORD_ENV] ||= newPaymentPassword();
  return new Secret(PAYMENT_PASSWORD_ENV, env[PAYMENT_PASSWORD_ENV]!);
}

/**
 * A second 6-digit payment password, different from the run's (the "two different passwords are
 * refused" scenario types it as the repeat): the run's with its last digit changed, so it is known
 * wherever the run's is, and a Secret too.
 */
export function otherPaymentPassword(env: NodeJS.ProcessEnv = process.env): Secret {
  const pin = paymentPassword(env).reveal();
  const last = (Number(pin.at(-1)) + 1) % 10;
  return new Secret(`${PAYMENT_PASSWORD_ENV} (other)`, `${pin.slice(0, -1)}${last}`);
}

/**
 * Every secret this run generates, made when missing and registered: the sign-up password and the
 * payment password (with its twin). The pipeline calls it before the runner starts (`env` is the run's
 * environment; what it makes is written into it); `only: 'given'` registers only values already in `env`
 * (the audit of a run folder). Returns the env variables that hold them.
 */
export function runSecrets(
  env: NodeJS.ProcessEnv = process.env,
  { only }: { only?: 'given' } = {},
): string[] {
  const names: string[] = [];
  if (only !== 'given' || env[GENERATED_PASSWORD_ENV]) {
    generatedPassword(env);
    names.push(GENERATED_PASSWORD_ENV);
  }
  if (only !== 'given' || env[PAYMENT_PASSWORD_ENV]) {
    otherPaymentPassword(env);
    names.push(PAYMENT_PASSWORD_ENV);
  }
  return names;
}
