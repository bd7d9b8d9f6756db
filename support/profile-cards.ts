import type { TargetProfile } from './target.ts';
import { type Brand, randomTestCard, type TestCard } from './test-cards.ts';

/** A profile test card as the page objects type it; number and CVC stay out of JSON and inspection. */
function typedCard(card: NonNullable<TargetProfile['cards']>[number]): TestCard {
  const number = card.number.reveal();
  const out = {
    brand: card.brand,
    expiry: card.expiry,
    holder: card.holder,
    last4: number.slice(-4),
  } as TestCard;
  Object.defineProperty(out, 'number', { get: () => card.number.reveal(), enumerable: false });
  Object.defineProperty(out, 'cvc', { get: () => card.cvc.reveal(), enumerable: false });
  return out;
}

/**
 * The card a scenario types: the profile's next unused test card of that brand (sandboxes accept only
 * their own test numbers), or a random Luhn-valid one where the profile lists none (the mock).
 */
export function nextTestCard(target: TargetProfile, brand: Brand, used: Set<string>): TestCard {
  if (!target.cards) return randomTestCard(brand);
  const card = target.cards.find((c) => c.brand === brand && !used.has(c.number.reveal().slice(-4)));
  if (!card)
    throw new Error(
      `target ${target.name} has no unused ${brand} test card left for this scenario (profile: cards)`,
    );
  const typed = typedCard(card);
  used.add(typed.last4);
  return typed;
}

/** The last 4 digits of every test card of the profile: the cards the janitor may remove. */
export function testCardLast4s(target: TargetProfile): string[] {
  return [...new Set((target.cards ?? []).map((c) => c.number.reveal().slice(-4)))];
}
