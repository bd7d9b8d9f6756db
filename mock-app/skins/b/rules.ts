/** Skin B's input rules for what its own forms ask (skin A's forms ask other things). */

/** Control characters other than line breaks and tabs: refused in free text. */
const CONTROL = /(?![\n\r\t])\p{Cc}/u;

export function isPlainText(text: string): boolean {
  return !CONTROL.test(text);
}

/** Calling codes skin B serves, longest first, and the country each signs a buyer up in (F1's table). */
const CALLING_CODES: readonly (readonly [string, string])[] = [
  ['380', 'UA'],
  ['62', 'ID'],
  ['49', 'DE'],
  ['77', 'KZ'],
  ['7', 'RU'],
  ['1', 'US'],
];

/**
 * The sign-up's mobile number decides the buyer's country: "+62 812 5555 0101" -> "ID". Undefined for
 * a number that is not `+` and 7 to 15 digits (spaces, dashes and brackets allowed) or whose calling
 * code skin B does not serve.
 */
export function countryOfPhone(phone: string): string | undefined {
  const compact = phone.replace(/[\s().-]/g, '');
  if (!/^\+\d{7,15}$/.test(compact)) return undefined;
  return CALLING_CODES.find(([code]) => compact.startsWith(`+${code}`))?.[1];
}
