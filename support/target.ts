import { z } from 'zod';
import { labelsSchema } from './labels/index.ts';

const url = z.url({ protocol: /^https?$/ });

/** What the suite knows about a target: where its screens are, how they are worded, what it lets a test do. */
export const targetProfileSchema = z.object({
  name: z.string().min(1),
  kind: z.enum(['mock', 'sandbox']),
  urls: z.object({
    shop: url,
    signIn: url,
    checkout: url,
    walletDirect: url,
  }),
  labels: labelsSchema,
  capabilities: z.object({
    /** A control API creates buyers and sessions and reads the store (mock only). */
    control: z.boolean(),
  }),
  control: z.object({ url }).optional(),
});

export type TargetProfile = z.output<typeof targetProfileSchema>;

export class ProfileError extends Error {}

export function parseProfile(raw: unknown, source: string): TargetProfile {
  const result = targetProfileSchema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(profile)'}: ${i.message}`);
  throw new ProfileError(`Target profile ${source} is invalid:\n${lines.join('\n')}`);
}
