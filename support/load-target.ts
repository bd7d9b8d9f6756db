import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config } from './config.ts';
import { ProfileError, parseProfile, type TargetProfile } from './target.ts';

export const DEFAULT_MOCK_PROFILE = 'targets/mock.ts';

/** A target the suite must not touch: its hosts are not in SANDBOX_ALLOWED_HOSTS. */
export class TargetRefused extends Error {
  override name = 'TargetRefused';
}

export function hostAllowed(host: string, allowed: string[]): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((a) => (a.startsWith('*.') ? h.endsWith(a.slice(1)) && h !== a.slice(2) : h === a));
}

/** Every URL a profile makes the suite visit or call, with the field it sits in. */
export function profileUrls(profile: TargetProfile): { field: string; url: string }[] {
  const found: { field: string; url: string }[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (/^https?:\/\//i.test(value)) found.push({ field: path, url: value });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk({ urls: profile.urls, inbox: profile.inbox, control: profile.control }, '');
  if (profile.localServer) found.push({ field: 'localServer.healthUrl', url: profile.localServer.healthUrl });
  return found;
}

/** The production guard: refuses a sandbox profile that reaches any host outside the allow-list. */
export function guardHosts(profile: TargetProfile, allowed: string[], source: string): void {
  const outside = profileUrls(profile).filter(({ url }) => !hostAllowed(new URL(url).hostname, allowed));
  if (!outside.length) return;
  const lines = outside.map(({ field, url }) => `  - ${field}: ${new URL(url).hostname} (${url})`);
  throw new TargetRefused(
    [
      `Refusing target "${profile.name}" (${source}): these hosts are not in SANDBOX_ALLOWED_HOSTS (${allowed.join(',') || 'empty'}):`,
      ...lines,
      'cardwatch signs in, pays and deletes cards: it runs only against sandboxes you list there.',
      'If these hosts are a sandbox, add them to SANDBOX_ALLOWED_HOSTS (comma-separated, *.domain allowed).',
    ].join('\n'),
  );
}

/** Imports and validates a profile file (its default export: the profile, or a function of the config). */
export async function readProfile(source: string, cfg: Config): Promise<TargetProfile> {
  const file = isAbsolute(source) ? source : resolve(process.cwd(), source);
  if (!existsSync(file)) throw new ProfileError(`TARGET_PROFILE: no file at "${source}"`);
  const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
  if (mod.default === undefined)
    throw new ProfileError(
      `Target profile ${source} has no default export (the profile or a function of the config)`,
    );
  const raw = typeof mod.default === 'function' ? await mod.default(cfg) : mod.default;
  return parseProfile(raw, source);
}

/**
 * The configured target's profile: TARGET_PROFILE (a file under targets/ exporting the profile or a
 * function of the config), else the embedded mock. Checked before any browser starts: schema (errors
 * name the field), kind matches TARGET, a sandbox's hosts are allowed, and its pool covers the workers.
 */
export async function loadTarget(cfg: Config): Promise<TargetProfile> {
  const source = cfg.TARGET_PROFILE ?? (cfg.TARGET === 'mock' ? DEFAULT_MOCK_PROFILE : undefined);
  if (!source)
    throw new ProfileError(
      'TARGET=sandbox needs TARGET_PROFILE: the profile file of the sandbox, e.g. targets/mock-sandbox.ts (docs/sandbox.md)',
    );
  const profile = await readProfile(source, cfg);

  if (profile.kind !== cfg.TARGET)
    throw new ProfileError(
      `Target profile ${source} is invalid:\n  - kind: "${profile.kind}" but TARGET=${cfg.TARGET}`,
    );
  if (profile.kind === 'sandbox') {
    guardHosts(profile, cfg.SANDBOX_ALLOWED_HOSTS, source);
    const workers = cfg.WORKERS ?? 1;
    if (profile.accounts.source === 'pool' && profile.accounts.emails.length < workers)
      throw new ProfileError(
        `Target profile ${source}: WORKERS=${workers} but accounts.emails has ${profile.accounts.emails.length} (one pre-made account per worker)`,
      );
  }
  return profile;
}

/** Errors that are the user's to fix: printed as their message alone, no stack. */
export function isSetupError(error: unknown): error is Error {
  return error instanceof ProfileError || error instanceof TargetRefused;
}
