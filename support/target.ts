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
    /** R4: the buyer centre's question/answer page with the "check cards" button. */
    helpCenter: url,
    /** R4: the list "check cards" shows (the oracle reads it directly). */
    helpCards: url,
    /** R5: the mobile app's home (its main menu). */
    mobileApp: url,
    /** R5: "My Profile" -> "My bank cards" (the oracle reads it directly). */
    mobileAppCards: url,
    /** R6: the mobile version of the site's home. */
    mobileSite: url,
    /** R6: where the card-information answer's link leads (the card page with delete). */
    mobileSiteCards: url,
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
