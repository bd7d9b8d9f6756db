export declare const DEFAULT_DEGRADED_MS: number;
export declare function degradedThresholdMs(env?: Record<string, string | undefined>): number;
export declare const INFRASTRUCTURE_MESSAGE: RegExp;
export declare const TARGET_ERROR_MESSAGE: RegExp;

export interface CategoryMatchingData {
  status: string;
  labels: { name: string; value: string }[];
  message?: string;
  trace?: string;
  flaky?: boolean;
  duration?: number;
}

export interface CategoryRule {
  id: 'infrastructure' | 'target-error' | 'product' | 'test' | 'flaky' | 'degraded';
  name: string;
  matchers:
    | { statuses?: string[]; message?: RegExp; flaky?: boolean }
    | ({ statuses?: string[]; message?: RegExp; flaky?: boolean } | ((d: CategoryMatchingData) => boolean))[];
}

export declare function categoryRules(degradedMs?: number): CategoryRule[];
