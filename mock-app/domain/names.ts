/**
 * How the platform keeps and compares people's names and other typed words. The same name can reach
 * it composed (NFC: "é" as U+00E9) or decomposed (NFD: "e" + U+0301), identical on screen, depending
 * on the keyboard, the OS and copy-paste: every comparison goes through here, never `===` on raw text.
 */

/** NFC, trimmed, inner whitespace collapsed to one space: the form a name is stored in. */
export function normalName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** The key two names are compared by: `normalName`, then lower case (locale-independent). */
export function nameKey(name: string): string {
  return normalName(name).toLocaleLowerCase('und');
}

/** Same person's name: "JOSÉ NUÑEZ" composed = "josé nuñez" decomposed. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}
