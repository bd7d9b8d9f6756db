import { html } from 'hono/html';
import type { Ctx } from '../../http/origin.ts';

/** R4's entry: the buyer centre's question/answer page, with a "check cards" button in the card question's box. */
export function questionAnswerView(c: Ctx) {
  const t = c.get('t');
  return html`<h1>${t('help.title')}</h1>
<section aria-labelledby="questions">
  <h2 id="questions">${t('help.questionAnswer')}</h2>
  <article aria-labelledby="q-cards" style="border:1px solid #ccc;border-radius:.5rem;padding:0 1rem 1rem">
    <h3 id="q-cards">${t('help.cardsQuestion')}</h3>
    <p>${t('help.cardsAnswer')}</p>
    <form method="get" action="/buyercenter/cards"><button type="submit">${t('help.checkCards')}</button></form>
  </article>
  <h3>${t('help.otherQuestions')}</h3>
  <details><summary>${t('help.trackOrder')}</summary><p>${t('help.trackOrderAnswer')}</p></details>
  <details><summary>${t('help.openDispute')}</summary><p>${t('help.openDisputeAnswer')}</p></details>
</section>`;
}
