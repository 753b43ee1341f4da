// One vocabulary for the dashboards and the PDF reports.
import { describe, expect, it } from 'vitest';
import { bandOf, QUADRANT, scoreBands, SWOT_LABEL } from '../../reports/vocabulary.ts';
import { QUADRANT as WEB_QUADRANT, SWOT_LABEL as WEB_SWOT_LABEL } from '../../client/pages/results/labels.ts';

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
  });
});
