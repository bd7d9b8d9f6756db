// How every entry point ends: the exit code of its main(); the user's mistakes (configuration, target
// profile, a refused host, bad usage) print as their message alone and exit 2; anything else with its stack.
import { ConfigError } from '../../support/env.ts';
import { isSetupError } from '../../support/load-target.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      const mine = error instanceof ConfigError || error instanceof UsageError || isSetupError(error);
      console.error(mine ? (error as Error).message : error);
      process.exit(2);
    },
  );
}
