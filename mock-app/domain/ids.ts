import { randomBytes } from 'node:crypto';

/** Opaque, unguessable ids: `card_3f9a...`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
