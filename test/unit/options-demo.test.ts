// The strategic options of every pole of the demo network (12 poles, 2025 and 2026), read as the dashboard and the PDF
// read them: every weakness gets a WO or WT option, no option's quadrant contradicts the themes it rests on, the
// remedies to the weakest themes come first, each names the row behind it, and nothing the pole's profile shows to
// be in place is proposed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { contradictions, outOfOrder, unanswered } from '../helpers/options.ts';
import { generateDemoNetwork } from '../../server/demo/network.ts';
import { poleResults } from '../../server/pole-results.ts';
import { poleFacts } from '../../surveys/model.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await generateDemoNetwork(h.deps);
});
afterAll(() => h.close());

describe('options of the demo network', () => {
  it('answer every weakness of every pole, in the right quadrant, the most urgent first, for this pole', () => {
    let weaknesses = 0;
    let results = 0;
    for (const campaign of h.deps.repos.campaigns.list()) {
      for (const pole of h.deps.repos.poles.list()) {
        const r = poleResults(h.deps, pole, campaign);
        const at = `${pole.id} ${campaign.year}`;
        expect(r.available, at).toBe(true);
        results++;
        weaknesses += r.swot.weaknesses.length;
        expect(unanswered(r), at).toEqual([]);
        expect(contradictions(r), at).toEqual([]);
        expect(outOfOrder(r), at).toEqual([]);
        for (const o of r.options) {
          // Every context theme has a figure in the demo: every option leans on one, and names its theme's row.
          expect(o.context, `${at} ${o.id}`).not.toBeNull();
          const rows = r.items.filter((i) => i.theme === o.themes[0] && i.score !== null).map((i) => i.score!);
          const weak = o.quadrant === 'WO' || o.quadrant === 'WT';
          expect(o.because?.score, `${at} ${o.id}`).toBe(weak ? Math.min(...rows) : Math.max(...rows));
          expect(o.reason, `${at} ${o.id}`).toContain(o.because!.label.replace(/\.$/, ''));
        }

        const questionnaire = h.deps.questionnaires.get(campaign.questionnaireId)!;
        const facts = poleFacts(questionnaire.profileModel, h.deps.repos.profiles.get(pole.id, campaign.id)!.data);
        const ids = r.options.map((o) => o.id);
        if (facts.legalForm === 'scic') expect(ids, at).not.toContain('wo-scic-college-collectivites');
        if (facts.legalForm !== null && facts.legalForm !== 'aucune') expect(ids, at).not.toContain('wt-structure-juridique-financements');
        if (facts.venue) expect(ids, at).not.toContain('wo-lieu-vitrine-collectivites');
        if (facts.charter === 'adoptee') expect(ids, at).not.toContain('remede-charte-reglement');
      }
    }
    expect(results).toBe(24);
    // The demo has weaknesses enough for the check to mean something.
    expect(weaknesses).toBeGreaterThan(24);
  });
});
