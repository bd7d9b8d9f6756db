import type { Db } from '../../store/db.ts';
import { captchaAnswer } from '../captcha.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';

const CAPTCHA_TTL_MS = 15 * 60_000;

/** The captcha answer always accepted, like a sandbox's captcha test key (MOCK_CAPTCHA_TEST_ANSWER overrides it). */
export const CAPTCHA_TEST_ANSWER = 'cardwatch-captcha-ok';

/** The opening form's captchas (R2): stored answers, one try each, 15 minutes at most. */
export class Captchas {
  /** The answer always accepted (the mock's test key); empty = none. */
  testAnswer = CAPTCHA_TEST_ANSWER;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  create(): string {
    const id = newId('cap');
    this.db
      .prepare('DELETE FROM wallet_captchas WHERE created_at < ?')
      .run(this.clock.now() - CAPTCHA_TTL_MS);
    this.db
      .prepare('INSERT INTO wallet_captchas (id, answer, created_at) VALUES (?, ?, ?)')
      .run(id, captchaAnswer(), this.clock.now());
    return id;
  }

  /** The answer a captcha image draws; undefined once used or unknown. */
  answerOf(id: string): string | undefined {
    const row = this.db.prepare('SELECT answer FROM wallet_captchas WHERE id = ?').get(id) as
      | { answer: string }
      | undefined;
    return row?.answer;
  }

  /** One try per captcha: right or wrong, it is used up. The test answer is always accepted. */
  solve(id: string, answer: string): boolean {
    const expected = this.answerOf(id);
    this.db.prepare('DELETE FROM wallet_captchas WHERE id = ?').run(id);
    const given = answer.trim();
    if (this.testAnswer && given === this.testAnswer) return true;
    return expected !== undefined && given === expected;
  }

  reset(): void {
    this.db.exec('DELETE FROM wallet_captchas;');
  }
}
