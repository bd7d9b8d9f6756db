import { randomInt } from 'node:crypto';

/**
 * A small image captcha: digits drawn as distorted seven-segment strokes with noise, as SVG.
 * The image is served from its own URL; the page holds only an opaque id, never the answer,
 * and the SVG draws strokes (no <text>), so the answer is not in any text either.
 */
const SEGMENTS: Record<string, string> = {
  '0': 'abcdef',
  '1': 'bc',
  '2': 'abged',
  '3': 'abgcd',
  '4': 'fgbc',
  '5': 'afgcd',
  '6': 'afgedc',
  '7': 'abc',
  '8': 'abcdefg',
  '9': 'abcdfg',
};

// Segment ends on a 20 x 36 cell.
const SEGMENT_LINES: Record<string, [number, number, number, number]> = {
  a: [2, 2, 18, 2],
  b: [18, 2, 18, 18],
  c: [18, 18, 18, 34],
  d: [2, 34, 18, 34],
  e: [2, 18, 2, 34],
  f: [2, 2, 2, 18],
  g: [2, 18, 18, 18],
};

export const CAPTCHA_LENGTH = 5;

export function captchaAnswer(): string {
  let answer = '';
  for (let i = 0; i < CAPTCHA_LENGTH; i++) answer += String(randomInt(10));
  return answer;
}

const jitter = (n: number) => (randomInt(-n * 10, n * 10 + 1) / 10).toFixed(1);

export function captchaSvg(answer: string): string {
  const width = 40 + answer.length * 30;
  const parts: string[] = [];
  for (let i = 0; i < 6; i++) {
    parts.push(
      `<line x1="${randomInt(width)}" y1="${randomInt(60)}" x2="${randomInt(width)}" y2="${randomInt(60)}" stroke="#9aa" stroke-width="1.5"/>`,
    );
  }
  [...answer].forEach((digit, i) => {
    const d = (SEGMENTS[digit] ?? '')
      .split('')
      .map((s) => {
        const [x1, y1, x2, y2] = SEGMENT_LINES[s]!;
        return `M${x1 + Number(jitter(1))} ${y1 + Number(jitter(1))}L${x2 + Number(jitter(1))} ${y2 + Number(jitter(1))}`;
      })
      .join('');
    const x = 20 + i * 30;
    parts.push(
      `<path transform="translate(${x} 12) rotate(${jitter(12)} 10 18) skewX(${jitter(8)})" d="${d}" fill="none" stroke="#234" stroke-width="3" stroke-linecap="round"/>`,
    );
  });
  for (let i = 0; i < 25; i++) {
    parts.push(`<circle cx="${randomInt(width)}" cy="${randomInt(60)}" r="1.2" fill="#678"/>`);
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="60" viewBox="0 0 ${width} 60"><rect width="100%" height="100%" fill="#f4f1e8"/>${parts.join('')}</svg>`;
}
