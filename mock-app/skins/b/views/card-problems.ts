import type { CardField, CardProblem } from '../../../domain/card-input.ts';
import { B, fill } from '../texts.ts';

/** Skin B's sentence for one refused card field (the field named first, as every skin B problem is). */
export function cardProblemText(problem: CardProblem): string {
  if (problem.reason === 'numberLength')
    return fill(B.card.numberLength, {
      brand: problem.brand,
      lengths: new Intl.ListFormat('en', { type: 'disjunction' }).format(problem.lengths.map(String)),
      digits: problem.digits,
    });
  return B.card[problem.reason];
}

/** The sentence for `field`'s problem, if it has one. */
export function cardFieldProblem(problems: readonly CardProblem[], field: CardField): string | undefined {
  const problem = problems.find((p) => p.field === field);
  return problem && cardProblemText(problem);
}
