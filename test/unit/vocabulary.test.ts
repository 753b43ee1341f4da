// One vocabulary for the dashboards and the PDF reports, in plain words for the body of a pole's report.
import { describe, expect, it } from 'vitest';
import {
  actionTally, answerCount, bandOf, divergence, divergenceText, formatThreshold, QUADRANT, scoreBands, SWOT_LABEL, swotLegend,
} from '../../reports/vocabulary.ts';
import { QUADRANT as WEB_QUADRANT, SWOT_LABEL as WEB_SWOT_LABEL } from '../../client/pages/results/labels.ts';
import type { CollegeScore } from '../../reports/types.ts';

const group = (college: string, label: string, score: number | null, suppressed = false): CollegeScore => ({ college, label, n: suppressed ? 2 : 4, score, suppressed });

describe('the shared vocabulary', () => {
  it('cuts five score bands around the SWOT thresholds, a score falling in the band of its printed value', () => {
    const bands = scoreBands({ low: 45, high: 65 });
    expect(bands.map((b) => b.label)).toEqual(['moins de 30', '30 à moins de 45', '45 à moins de 65', '65 à moins de 80', '80 et plus']);
    expect(bandOf(bands, 29.9).id).toBe('b1');
    // Printed « 45,0 », so coloured as 45: the vigilance band.
    expect(bandOf(bands, 44.96).id).toBe('b3');
    expect(bandOf(bands, 44.94).id).toBe('b2');
    expect(bandOf(bands, 100).id).toBe('b5');
    expect(scoreBands({ low: 10, high: 95 }).map((b) => b.label)).toEqual(['moins de 0', '0 à moins de 10', '10 à moins de 95', '95 à moins de 100', '100 et plus']);
  });

  it('is what the dashboard reads: the same words as the PDF', () => {
    expect(WEB_SWOT_LABEL).toBe(SWOT_LABEL);
    expect(WEB_QUADRANT).toBe(QUADRANT);
    expect(SWOT_LABEL.vigilance).toBe('Point de vigilance');
    // The body names a quadrant; its TOWS code is for the method annex.
    for (const q of Object.values(QUADRANT)) expect(q.name).not.toMatch(/\b(SO|ST|WO|WT)\b/);
  });

  it('says which collèges disagree, lowest first, among the groups with a figure only', () => {
    const theme = { byCollege: [group('ess', 'Entreprises de l’ESS', 50.38), group('autres', 'Autres collèges', null, true), group('salaries', 'Salariés', 25.76), group('collectivites', 'Collectivités', 38.07)] };
    expect(divergence(theme)).toMatchObject({ low: { college: 'salaries' }, high: { college: 'ess' } });
    expect(divergence(theme)!.gap).toBeCloseTo(24.62, 9);
    expect(divergenceText(theme)).toBe('Salariés 25,8 – Entreprises de l’ESS 50,4 (24,6 points d’écart)');
    // Under two groups with a figure, nothing to compare.
    expect(divergenceText({ byCollege: [group('ess', 'ESS', 50), group('autres', 'Autres collèges', null, true)] })).toBeNull();
  });

  it('counts identical answers « (× 8) », a single one without a count, the sign never parted from its number', () => {
    expect(answerCount(8)).toBe(' (×\u00A08)');
    expect(answerCount(1)).toBe('');
  });

  it('says thresholds and SWOT readings as people write them', () => {
    expect(formatThreshold(65)).toBe('65');
    expect(formatThreshold(62.5)).toBe('62,5');
    expect(swotLegend('strength', { low: 45, high: 65 })).toBe('Force (65 et plus)');
    expect(swotLegend('threat', { low: 42.5, high: 65 })).toBe('Menace (42,5 ou moins)');
    expect(swotLegend('vigilance', { low: 45, high: 65 })).toBe('Point de vigilance (entre 45 et 65)');
  });

  it('tallies a plan’s actions by status, done first, in agreement', () => {
    expect(actionTally(['planned', 'done', 'in_progress', 'done', 'dropped'])).toBe('5 actions : 2 réalisées, 1 en cours, 1 prévue, 1 abandonnée');
    expect(actionTally(['in_progress', 'in_progress'])).toBe('2 actions : 2 en cours');
    expect(actionTally(['done'])).toBe('1 action : 1 réalisée');
  });
});
