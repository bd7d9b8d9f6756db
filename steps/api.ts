import type { CardwatchWorld } from '../fixtures/world.ts';

// biome-ignore lint/suspicious/noExplicitAny: step arguments come from Cucumber expressions
export type StepBody = (this: CardwatchWorld, ...args: any[]) => Promise<void>;
type Define = (pattern: string, body: StepBody) => unknown;

/** The three keywords, as each runner provides them: steps register through this and nothing else. */
export interface ParameterType {
  name: string;
  regexp: RegExp;
  transformer: (text: string) => unknown;
}

export interface StepApi {
  Given: Define;
  When: Define;
  Then: Define;
  defineParameterType: (type: ParameterType) => void;
}
