import { z } from 'zod';
import { text } from './text.ts';

export const commonLabels = z.object({
  signIn: text,
  signOut: text,
  email: text,
  password: text,
  confirm: text,
  cancel: text,
  /** The error page a foreign or missing card's address answers with (privacy). */
  notFoundTitle: text,
});
