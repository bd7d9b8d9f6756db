/** What the wallet's forms accept (R2 opening, F11 extra identity): pure checks, one field name per problem. */
import { normalName } from '../names.ts';

const HOUR = 3_600_000;

export const SECURITY_QUESTIONS = [
  'firstPet',
  'birthCity',
  'firstSchool',
  'childhoodFriend',
  'firstCar',
] as const;
export const DOCUMENT_TYPES = ['passport', 'nationalId', 'insurancePolicy'] as const;
export const CITIZENSHIPS = ['ID', 'MY', 'SG', 'PH', 'RU', 'US', 'GB', 'DE'] as const;

export interface Identity {
  fullName: string;
  birthDate: string;
  citizenship: string;
  documentType: string;
  documentNumber: string;
  address: string;
  phone: string;
}

export interface SecurityInput {
  password: string;
  questions: { question: string; answer: string }[];
}

export interface ExtraIdentity {
  documentNumber: string;
  placeOfBirth: string;
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

/** The address a confirmation mail may go to (trimmed, at most 254 characters), or undefined. */
export function validEmail(typed: string): string | undefined {
  const email = typed.trim().slice(0, 254);
  return EMAIL.test(email) ? email : undefined;
}

export type SecurityField =
  | 'password'
  | 'passwordRepeat'
  | 'question1'
  | 'question2'
  | 'question3'
  | 'answer1'
  | 'answer2'
  | 'answer3';

export function validateSecurity(form: Record<string, string | undefined>): {
  value?: SecurityInput;
  errors: SecurityField[];
} {
  const errors: SecurityField[] = [];
  const password = form.password ?? '';
  if (!/^\d{6}$/.test(password)) errors.push('password');
  else if (password !== form.passwordRepeat) errors.push('passwordRepeat');
  const questions: SecurityInput['questions'] = [];
  const seen = new Set<string>();
  for (const n of [1, 2, 3] as const) {
    const question = form[`question${n}`] ?? '';
    const answer = (form[`answer${n}`] ?? '').trim();
    if (!(SECURITY_QUESTIONS as readonly string[]).includes(question) || seen.has(question))
      errors.push(`question${n}`);
    seen.add(question);
    if (answer.length < 1 || answer.length > 100) errors.push(`answer${n}`);
    questions.push({ question, answer });
  }
  return errors.length ? { errors } : { value: { password, questions }, errors };
}

export type IdentityField = keyof Identity;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `now` (ms, the buyer's clock) decides "18 or older". The full name is kept NFC (names.ts). */
export function validateIdentity(
  form: Record<string, string | undefined>,
  now: number,
): { value?: Identity; errors: IdentityField[] } {
  const errors: IdentityField[] = [];
  const v = (k: IdentityField) => (form[k] ?? '').trim();
  const identity: Identity = {
    fullName: normalName(v('fullName')),
    birthDate: v('birthDate'),
    citizenship: v('citizenship'),
    documentType: v('documentType'),
    documentNumber: v('documentNumber'),
    address: v('address'),
    phone: v('phone'),
  };
  if (identity.fullName.length < 2 || identity.fullName.length > 80) errors.push('fullName');
  const m = ISO_DATE.exec(identity.birthDate);
  const born = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  const valid = m && new Date(born).getUTCDate() === Number(m[3]);
  const adult = born <= now - 18 * 365.25 * 24 * HOUR;
  if (!valid || !adult || Number(m[1]) < 1900) errors.push('birthDate');
  if (!(CITIZENSHIPS as readonly string[]).includes(identity.citizenship)) errors.push('citizenship');
  if (!(DOCUMENT_TYPES as readonly string[]).includes(identity.documentType)) errors.push('documentType');
  if (!/^[A-Za-z0-9 -]{0,30}$/.test(identity.documentNumber)) errors.push('documentNumber');
  if (identity.address.length < 5 || identity.address.length > 200) errors.push('address');
  const digits = identity.phone.replace(/[\s()-]/g, '');
  if (!/^\+?\d{7,15}$/.test(digits)) errors.push('phone');
  return errors.length ? { errors } : { value: identity, errors };
}

export function validateExtraIdentity(form: Record<string, string | undefined>): {
  value?: ExtraIdentity;
  errors: (keyof ExtraIdentity)[];
} {
  const documentNumber = (form.documentNumber ?? '').trim();
  const placeOfBirth = normalName(form.placeOfBirth ?? '');
  const errors: (keyof ExtraIdentity)[] = [];
  if (!/^[A-Za-z0-9 -]{4,30}$/.test(documentNumber)) errors.push('documentNumber');
  if (placeOfBirth.length < 2 || placeOfBirth.length > 80) errors.push('placeOfBirth');
  return errors.length ? { errors } : { value: { documentNumber, placeOfBirth }, errors };
}
