// French typography on free-text answers (reports/format.ts): respondents write what they like, so the text may be
// thousands of spaces. The work must stay linear in the length, and the output the same as always on normal text.
import { describe, expect, it } from 'vitest';
import { frenchTypography, NBSP, NNBSP } from '../../reports/format.ts';
import { seededRandom, pick, between } from '../../server/demo/random.ts';

/** The rules as first written: one regular expression each, some of them quadratic on long runs of spaces. */
function referenceTypography(text: string): string {
  const SPACES = '[ \\t\\u00A0\\u202F\\u2009]';
  if (!text || !/[«»:;!?%]/.test(text)) return text;
  return text
    .replace(new RegExp(`«${SPACES}*`, 'g'), `«${NNBSP}`)
    .replace(new RegExp(`${SPACES}*»`, 'g'), `${NNBSP}»`)
    .replace(new RegExp(`${SPACES}+([;!?])`, 'g'), `${NNBSP}$1`)
    .replace(new RegExp(`${SPACES}+:`, 'g'), `${NBSP}:`)
    .replace(/([\p{L}\p{N}»)\]’'"])([;!?])(?=\s|$|[!?»])/gu, `$1${NNBSP}$2`)
    .replace(/([\p{L}»)\]’'"]):(?=\s|$)/gu, `$1${NBSP}:`)
    .replace(new RegExp(`(\\d)${SPACES}*%`, 'g'), `$1${NNBSP}%`);
}

const spaces = (n: number) => ' '.repeat(n);
const spacesAndNbsp = (n: number) => ` ${NBSP}`.repeat(n / 2);
const mixedSpaces = (n: number) => ` \t${NBSP}${NNBSP}\u2009`.repeat(n / 5);

/**
 * Answers an outsider can type, each with what it must become: long runs of spaces next to the marks the rules look
 * for (the run before « ! » or « » » is taken whole; elsewhere it is left as written).
 */
const PATHOLOGICAL: { name: string; text: (n: number) => string; expected: (n: number) => string }[] = [
  { name: 'a question, then nothing but spaces', text: (n) => `Pourquoi ?${spaces(n)}`, expected: (n) => `Pourquoi${NNBSP}?${spaces(n)}` },
  { name: 'an exclamation, spaces, a word', text: (n) => `Bravo !${spaces(n)}fin`, expected: (n) => `Bravo${NNBSP}!${spaces(n)}fin` },
  { name: 'a colon, then spaces and no-break spaces', text: (n) => `Note :${spacesAndNbsp(n)}x`, expected: (n) => `Note${NBSP}:${spacesAndNbsp(n)}x` },
  { name: 'closing guillemets, then every kind of space', text: (n) => `« oui »${mixedSpaces(n)}.`, expected: (n) => `«${NNBSP}oui${NNBSP}»${mixedSpaces(n)}.` },
  { name: 'a percentage, then spaces', text: (n) => `45 %${spaces(n)}de plus`, expected: (n) => `45${NNBSP}%${spaces(n)}de plus` },
  { name: 'a long run that does end on a mark', text: (n) => `Vraiment${spaces(n)}?`, expected: () => `Vraiment${NNBSP}?` },
  { name: 'many line feeds between marks', text: (n) => `Oui !${'\n'.repeat(n)}Non ?`, expected: (n) => `Oui${NNBSP}!${'\n'.repeat(n)}Non${NNBSP}?` },
];

describe('frenchTypography', () => {
  it('gives the reference output on normal French text', () => {
    const texts = [
      'Note: le « bilan » est-il fait? Oui ; à 45% !',
      'Rendez-vous à 10:30, voir https://example.org ?!',
      '«Coopérer» , c’est « faire  ensemble »  : pas facile !!',
      'Trois points : gouvernance ; animation ; financement.',
      'Taux : 12,5 %, puis 30%.\nLigne suivante ?',
      'Un texte sans ponctuation double',
      '',
    ];
    for (const text of texts) expect(frenchTypography(text), text).toBe(referenceTypography(text));
    expect(frenchTypography('«Coopérer» , c’est « faire  ensemble »  : pas facile !!')).toBe(
      `«${NNBSP}Coopérer${NNBSP}» , c’est «${NNBSP}faire  ensemble${NNBSP}»${NBSP}: pas facile${NNBSP}!!`,
    );
  });

  it('gives the reference output on random mixes of words, marks and spaces', () => {
    const rng = seededRandom(2026);
    const pieces = ['mot', 'Oui', '45', '10', ' ', '  ', '\t', NBSP, NNBSP, '\u2009', '\n', '«', '»', ':', ';', '!', '?', '%', '’', ')', '//'];
    for (let i = 0; i < 2_000; i++) {
      const text = Array.from({ length: between(rng, 1, 24) }, () => pick(rng, pieces)).join('');
      expect(frenchTypography(text), JSON.stringify(text)).toBe(referenceTypography(text));
    }
  });

  for (const { name, text, expected } of PATHOLOGICAL) {
    it(`formats ${name} (300,000 characters) without quadratic work`, () => {
      const large = text(300_000);
      const start = performance.now();
      expect(frenchTypography(large)).toBe(expected(300_000));
      // Not a timing of the code but a guard against a return of the quadratic rules: they took about 12 s on
      // 100,000 characters here, so about 100 s on these 300,000, where linear work takes a few milliseconds. The
      // bound sits far from both, so a loaded machine cannot make it fail and a quadratic rule cannot pass it.
      expect(performance.now() - start).toBeLessThan(5_000);
    });
  }
});
