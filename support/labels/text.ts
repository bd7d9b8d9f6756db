import { z } from 'zod';

/** A visible text the target shows; never empty. */
export const text = z.string().min(1);
