// The pole's charts (reports/charts.ts), shared by the dashboard and the PDF: sorted bars with whole labels, the
// collèges as dots with the disagreements marked, nothing a worker thread could not receive.
import { describe, expect, it } from 'vitest';
import { collegeDotsConfig, labelRows, participationConfig, rankedThemes, themeBarsConfig } from '../../reports/charts.ts';
import type { CollegeScore, PoleResults, ThemeResult } from '../../reports/types.ts';

const groups = [
  { id: 'ess', label: 'Entreprises de l’ESS', colleges: ['ess'], n: 5 },
  { id: 'salaries', label: 'Salariés', colleges: ['salaries'], n: 4 },
  { id: 'autres', label: 'Autres collèges', colleges: ['collectivites', 'usagers'], n: 4 },
];
const byCollege = (ess: number, salaries: number, autres: number | null): CollegeScore[] => [
  { college: 'ess', label: 'Entreprises de l’ESS', n: 5, score: ess, suppressed: false },
  { college: 'salaries', label: 'Salariés', n: 4, score: salaries, suppressed: false },
  { college: 'autres', label: 'Autres collèges', n: autres === null ? 2 : 4, score: autres, suppressed: autres === null },
];
function theme(id: string, label: string, score: number, swot: ThemeResult['swot'], colleges: CollegeScore[]): ThemeResult {
  const shown = colleges.filter((c) => c.score !== null).map((c) => c.score!);
  const spread = Math.max(...shown) - Math.min(...shown);
  return { id, label, dimension: 'gouvernance', factor: 'internal', seedRefs: [], score, rawScore: score, n: 13, byCollege: colleges, spread, sd: 10, dissensus: spread >= 20, swot, interval: null };
}

const results = {
  pole: { id: 'p', name: 'Pôle' },
  campaign: { id: 'c', year: 2026, questionnaireId: 'q' },
  thresholds: { high: 65, low: 45 },
  groups,
  themes: [
    theme('faible', 'Recherche du consensus', 38.07, 'weakness', byCollege(50.38, 25.76, 38.07)),
    theme('long', 'Partenariat technique et financier avec les collectivités', 55.55, 'vigilance', byCollege(58.2, 52.9, null)),
    theme('fort', 'Débat et concertation', 72.34, 'strength', byCollege(80.12, 64.56, 72.33)),
  ],
  dimensions: [{ id: 'gouvernance', label: 'Gouvernance', factor: 'internal', score: 55.32 }],
  evolution: { previousCampaign: { id: 'b', year: 2025 }, themes: [{ id: 'fort', label: 'Débat et concertation', previous: 60.01, current: 72.34, delta: 12.33, sharedItems: 3 }] },
  participation: { invited: 20, submitted: 13, colleges: [{ college: 'collectivites', label: 'Collectivités territoriales et organismes publics', invited: 5, submitted: 3, members: null }], missingColleges: [], warnings: [] },
} as unknown as PoleResults;

const text = (label: unknown) => (Array.isArray(label) ? label.join(' ') : String(label)).replace(/\u00A0/g, ' ');

describe('the pole’s charts', () => {
  for (const target of [{ print: true }, { print: false }]) {
    it(`rank a dimension’s themes best first, each label whole with its score (${target.print ? 'PDF' : 'web'})`, () => {
      const config = themeBarsConfig(results, 'gouvernance', target);
      expect(config.data.labels!.map(text)).toEqual([
        'Débat et concertation : 72,3',
        'Partenariat technique et financier avec les collectivités : 55,6',
        'Recherche du consensus : 38,1',
      ]);
      // One series per reading, named in words with its range; last year's score as its own series.
      expect(config.data.datasets.map((d) => d.label)).toEqual(['Force (65 et plus)', 'Point de vigilance (entre 45 et 65)', 'Faiblesse (45 ou moins)', 'Score 2025']);
      expect(config.data.datasets[0].data).toEqual([72.3, null, null]);
      expect(config.data.datasets[3].data).toEqual([60, null, null]);
      // A long label takes two lines, not an ellipsis.
      expect(labelRows(config)).toEqual({ rows: 3, lines: 2 });
      expect(JSON.stringify(config)).not.toContain('…');
    });
  }

  it('show each collège as a dot, the gap between them as a band, dark and named where they disagree', () => {
    const config = collegeDotsConfig(results, 'gouvernance', { print: true });
    expect(config.data.labels!.map(text)).toEqual([
      'Débat et concertation',
      'Partenariat technique et financier avec les collectivités',
      'Recherche du consensus – désaccord',
    ]);
    const [agree, disagree, ...colleges] = config.data.datasets;
    expect(agree.data).toEqual([[64.6, 80.1], [52.9, 58.2], null]);
    expect(disagree.data).toEqual([null, null, [25.8, 50.4]]);
    expect(colleges.map((d) => d.label)).toEqual(['Entreprises de l’ESS', 'Salariés', 'Autres collèges']);
    // A suppressed group has no dot: its figure does not exist.
    expect(colleges[2].data).toEqual([72.3, null, 38.1]);
    // Told apart without colour.
    expect(new Set(colleges.map((d) => (d as { pointStyle?: string }).pointStyle)).size).toBe(3);
  });

  it('hold no function: the PDF hands them to its worker thread as they are', () => {
    for (const config of [themeBarsConfig(results, 'gouvernance', { print: true }), collegeDotsConfig(results, 'gouvernance', { print: true }), participationConfig(results, { print: true })]) {
      expect(structuredClone(config)).toEqual(config);
    }
    expect(rankedThemes(results, 'gouvernance').map((t) => t.id)).toEqual(['fort', 'long', 'faible']);
  });
});
