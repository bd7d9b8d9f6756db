import type { Config } from './config.ts';
import type { TargetProfile } from './target.ts';
import mockProfile from '../targets/mock.ts';

/** The profile of the configured target. Sandbox profiles arrive with TARGET_PROFILE (issue #6). */
export function loadTarget(cfg: Config): TargetProfile {
  if (cfg.TARGET === 'mock') return mockProfile(cfg);
  throw new Error('TARGET=sandbox needs TARGET_PROFILE, which is not supported yet');
}
