// Line breaking of the PDF reports' text blocks (reports/pdf/text.ts), checked against pdfkit's own measures.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { DEJAVU_REGULAR } from '../../reports/pdf/render-chart.ts';
import { setText } from '../../reports/pdf/text.ts';
import { frenchTypography } from '../../reports/format.ts';

const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
doc.registerFont('DejaVu', DEJAVU_REGULAR);
const style = { font: 'DejaVu', size: 9.5, lineGap: 1.5, color: '#1a1a1a' };
const width = (s: string) => doc.font('DejaVu').fontSize(style.size).widthOfString(s);
const words = (s: string) => s.split(/[ \t\n]+/).filter(Boolean);

const PARAGRAPH = frenchTypography(
  'Les pôles territoriaux de coopération économique regroupent des entreprises de l’économie sociale et solidaire, ' +
    'des collectivités, des chercheurs et des citoyens : « faire ensemble » suppose une gouvernance partagée, ' +
    'une recherche du consensus et une animation qui fait vivre la coopération ! Est-ce le cas ici ?',
);

describe('text blocks', () => {
  it('breaks at spaces into lines that fit, keeping every word in order', () => {
    for (const w of [120, 200, 300, 495]) {
      const block = setText(doc, PARAGRAPH, w, style);
      expect(block.lines.length).toBeGreaterThan(1);
      for (const line of block.lines) {
        expect(width(line.text)).toBeLessThanOrEqual(w + 1e-6);
        // The width the block reports is the one pdfkit measures.
        expect(line.width).toBeCloseTo(width(line.text), 6);
        expect(line.words).toBe(words(line.text).length);
      }
      expect(block.lines.flatMap((l) => words(l.text))).toEqual(words(PARAGRAPH));
      // Greedy: the first word of each line did not fit at the end of the line before.
      for (let i = 1; i < block.lines.length; i++) {
        expect(width(`${block.lines[i - 1].text} ${words(block.lines[i].text)[0]}`)).toBeGreaterThan(w);
      }
      expect(block.height).toBeCloseTo(block.lines.length * (doc.currentLineHeight(true) + 1.5), 6);
    }
  });

  it('never breaks at a no-break space', () => {
    const block = setText(doc, PARAGRAPH, 150, style);
    for (const line of block.lines) expect(line.text).not.toMatch(/^[:;!?»]|«$/);
    expect(block.lines.some((l) => l.text.includes('«\u202Ffaire ensemble\u202F»'))).toBe(true);
  });

  it('keeps line feeds and empty lines, and cuts a word wider than the line', () => {
    const url = 'https://example.org/un/tres/long/chemin/qui/ne/tient/pas/sur/une/seule/ligne/du/tout';
    const block = setText(doc, `Premier point\n\nVoir ${url} pour la suite`, 120, style);
    expect(block.lines[0].text).toBe('Premier point');
    expect(block.lines[1].text).toBe('');
    for (const line of block.lines) expect(width(line.text)).toBeLessThanOrEqual(120 + 1e-6);
    expect(block.lines.map((l) => l.text).join('').replace(/ /g, '')).toBe(`Premierpoint Voir${url}pourlasuite`.replace(/ /g, ''));
  });

  it('gives an empty text one empty line', () => {
    const block = setText(doc, '', 100, style);
    expect(block.lines).toEqual([{ text: '', width: 0, words: 0 }]);
  });
});
