import type { CardField, CardProblem } from '../domain/card-input.ts';
import type { Ctx } from '../http/origin.ts';

/** The sentence for one refused card field, in the page's language (locales/<locale>/common.json `card`). */
export function cardProblemText(c: Ctx, problem: CardProblem): string {
  const t = c.get('t');
  if (problem.reason === 'numberLength') {
    const lengths = new Intl.ListFormat(c.get('locale'), { type: 'disjunction' }).format(
      problem.lengths.map(String),
    );
    return t('common.card.numberLength', { brand: problem.brand, lengths, digits: problem.digits });
  }
  return t(`common.card.${problem.reason}`);
}

/** The sentence for `field`'s problem, if it has one. */
export function cardFieldError(
  c: Ctx,
  problems: readonly CardProblem[],
  field: CardField,
): string | undefined {
  const problem = problems.find((p) => p.field === field);
  return problem && cardProblemText(c, problem);
}
