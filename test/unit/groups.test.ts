// Collège groups and the anonymity of the figures built on them (design/privacy.md): expected figures by hand in the
// comments, then an attack on random small poles.
import { describe, expect, it } from 'vitest';
import { aggregate, type AggregateRules, type Scored } from '../../reports/analysis/aggregate.ts';
import { groupColleges, MERGED_GROUP_ID, MERGED_GROUP_LABEL, readyForNextBatch } from '../../reports/analysis/groups.ts';
import type { Aggregate } from '../../reports/types.ts';
import { seededRandom } from '../../server/demo/random.ts';

const rulesFor = (colleges: { id: string; label: string }[], values: readonly Scored[], k: number): AggregateRules => ({
  grouping: groupColleges(colleges, values.map((v) => v.college), k),
  minGroupSize: k,
  dissensusThreshold: 20,
});
const summary = (g: ReturnType<typeof groupColleges>) => g.groups.map(({ id, colleges, size }) => ({ id, colleges, size }));

describe('privacy.md’s worked example', () => {
  // ESS 4, Collectivités 5, Recherche 1 ; k = 3.
  const colleges = [
    { id: 'ess', label: 'ESS' },
    { id: 'collectivites', label: 'Collectivités' },
    { id: 'recherche', label: 'Recherche' },
  ];
  const scored = (college: string, list: (number | null)[]) => list.map((value) => ({ college, value }));
  // One Collectivités respondent said "nsp" (null): its group still has 4 ≥ k scorers.
  const values = [...scored('ess', [20, 40, 60, 80]), ...scored('collectivites', [10, 30, 50, 70, null]), ...scored('recherche', [100])];
  const rules = rulesFor(colleges, values, 3);

  it('merges Recherche (1 < k), then ESS, the smallest other collège: Collectivités (5) and Autres (5)', () => {
    expect(rules.grouping.groups).toEqual([
      { id: 'collectivites', label: 'Collectivités', colleges: ['collectivites'], size: 5 },
      { id: MERGED_GROUP_ID, label: MERGED_GROUP_LABEL, colleges: ['ess', 'recherche'], size: 5 },
    ]);
    expect(['ess', 'collectivites', 'recherche', null, 'inconnu'].map((c) => rules.grouping.groupOf(c))).toEqual(['autres', 'collectivites', 'autres', 'autres', 'autres']);
  });

  it('scores the mean of the two group means; rawScore is the mean of the 9 scorers', () => {
    // Collectivités = (10 + 30 + 50 + 70)/4 = 40 ; Autres = (20 + 40 + 60 + 80 + 100)/5 = 60
    // score = (40 + 60)/2 = 50 ; rawScore = (160 + 300)/9 = 460/9 ; spread 20 (dissensus at 20)
    const agg = aggregate(values, rules);
    expect(agg.byCollege).toEqual([
      { college: 'collectivites', label: 'Collectivités', n: 4, score: 40, suppressed: false },
      { college: 'autres', label: 'Autres collèges', n: 5, score: 60, suppressed: false },
    ]);
    expect(agg).toMatchObject({ score: 50, n: 9, spread: 20, dissensus: true });
    expect(agg.rawScore).toBeCloseTo(460 / 9, 12);
    // Recherche's 100 would take ESS's mean (50), which is printed nowhere: 5 × 60 − 4 × 50.
  });
});

describe('grouping rule', () => {
  const cols = (...ids: string[]) => ids.map((id) => ({ id, label: `Collège ${id}` }));
  const answers = (counts: Record<string, number>) => Object.entries(counts).flatMap(([c, n]) => Array<string | null>(n).fill(c === 'null' ? null : c));

  it('on a tie, the collège listed last joins « Autres » first', () => {
    // k = 3: D (1) is small ; A, B, C have 3 each → C, listed last, joins: Autres = {C, D}, 4.
    expect(summary(groupColleges(cols('A', 'B', 'C', 'D'), answers({ A: 3, B: 3, C: 3, D: 1 }), 3))).toEqual([
      { id: 'A', colleges: ['A'], size: 3 },
      { id: 'B', colleges: ['B'], size: 3 },
      { id: 'autres', colleges: ['C', 'D'], size: 4 },
    ]);
    // Fewest responses beats the order: B (3) joins before C (4), though C is listed last.
    expect(summary(groupColleges(cols('A', 'B', 'C', 'D'), answers({ A: 5, B: 3, C: 4, D: 2 }), 3))).toEqual([
      { id: 'A', colleges: ['A'], size: 5 },
      { id: 'C', colleges: ['C'], size: 4 },
      { id: 'autres', colleges: ['B', 'D'], size: 5 },
    ]);
  });

  it('puts responses without a known collège in « Autres », and merges nothing when no collège is small', () => {
    // null + unknown = 2 < 3 → B (3, tie with A, listed last) joins: 5.
    const g = groupColleges(cols('A', 'B'), [...answers({ A: 3, B: 3 }), null, 'Z'], 3);
    expect(summary(g)).toEqual([{ id: 'A', colleges: ['A'], size: 3 }, { id: 'autres', colleges: ['B'], size: 5 }]);
    expect(g.groupOf('Z')).toBe('autres');
    // A collège without responses is no group at all.
    expect(summary(groupColleges(cols('A', 'B', 'C'), answers({ A: 3, C: 4 }), 3))).toEqual([{ id: 'A', colleges: ['A'], size: 3 }, { id: 'C', colleges: ['C'], size: 4 }]);
    // Small collèges that reach k together need no other collège.
    expect(summary(groupColleges(cols('A', 'B', 'C'), answers({ A: 4, B: 2, C: 1 }), 3))).toEqual([{ id: 'A', colleges: ['A'], size: 4 }, { id: 'autres', colleges: ['B', 'C'], size: 3 }]);
  });

  it('with every collège merged, there is one group and score = rawScore', () => {
    // k = 3: A 1, B 2 → one group of 3. Values 10, 40, 70 → 40 either way, no spread.
    const values: Scored[] = [{ college: 'A', value: 10 }, { college: 'B', value: 40 }, { college: 'B', value: 70 }];
    const rules = rulesFor(cols('A', 'B'), values, 3);
    expect(summary(rules.grouping)).toEqual([{ id: 'autres', colleges: ['A', 'B'], size: 3 }]);
    expect(aggregate(values, rules)).toMatchObject({ score: 40, rawScore: 40, n: 3, spread: null, byCollege: [{ college: 'autres', n: 3, score: 40, suppressed: false }] });
    // Under k even once everyone is merged (k = 4): everything is hidden.
    const few = aggregate(values, rulesFor(cols('A', 'B'), values, 4));
    expect(few).toMatchObject({ score: null, rawScore: null, n: 0, sd: null, byCollege: [{ college: 'autres', n: 3, score: null, suppressed: true }] });
  });

  it('hides a group with fewer than k scorers on an item, and leaves it out of score, rawScore and n', () => {
    // k = 3: A 3, B 3 (no merge). On this item two of B said "nsp": B has 1 scorer.
    // Shown: A = (20 + 40 + 60)/3 = 40 = score = rawScore, n = 3. B's 100 counts nowhere.
    const values: Scored[] = [
      { college: 'A', value: 20 }, { college: 'A', value: 40 }, { college: 'A', value: 60 },
      { college: 'B', value: 100 }, { college: 'B', value: null }, { college: 'B', value: null },
    ];
    const agg = aggregate(values, rulesFor(cols('A', 'B'), values, 3));
    expect(agg).toEqual({
      score: 40, rawScore: 40, n: 3, spread: null, sd: 20, dissensus: false,
      byCollege: [
        { college: 'A', label: 'Collège A', n: 3, score: 40, suppressed: false },
        { college: 'B', label: 'Collège B', n: 1, score: null, suppressed: true },
      ],
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The attack: a coordinator sees every printed figure and solves for one respondent's answer.


/** The linear figures a reader sees: score, rawScore and every shown group score (null ones are not printed). */
const printed = (agg: Aggregate) => [agg.score, agg.rawScore, ...agg.byCollege.map((b) => b.score)].filter((v): v is number => v !== null);

function rank(rows: number[][]): number {
  const m = rows.map((r) => [...r]);
  let r = 0;
  for (let c = 0; m.length && c < m[0].length && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i][c]) > Math.abs(m[pivot][c])) pivot = i;
    if (Math.abs(m[pivot][c]) < 1e-9) continue;
    [m[r], m[pivot]] = [m[pivot], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i][c] / m[r][c];
      for (let j = c; j < m[0].length; j++) m[i][j] -= f * m[r][j];
    }
    r++;
  }
  return r;
}

/**
 * Respondents whose value is a linear combination of the printed figures. Given who answered (the null pattern),
 * every printed figure is linear in the values: its coefficients are read by moving one value at a time, and a
 * respondent is isolated when its unit vector lies in the span of those coefficient rows.
 */
function isolated(values: readonly Scored[], figures: (v: readonly Scored[]) => number[]): number[] {
  const base = figures(values);
  const answered = values.flatMap((v, i) => (v.value === null ? [] : [i]));
  const rows = base.map((_, f) => answered.map((i) => figures(values.map((v, j) => (j === i ? { ...v, value: v.value! + 1 } : v)))[f] - base[f]));
  const r = rank(rows);
  return answered.filter((_, p) => rank([...rows, answered.map((_, q) => (q === p ? 1 : 0))]) === r);
}

describe('no printed figure isolates a respondent', () => {
  it('the detector has teeth: the former rule gives Recherche away in privacy.md’s example', () => {
    // Former rule: Recherche hidden but its mean counted in score → Recherche = 3 × score − ESS − Collectivités.
    const values: Scored[] = [20, 40, 60, 80].map((value) => ({ college: 'ess', value }))
      .concat([10, 30, 50, 70, 90].map((value) => ({ college: 'collectivites', value })))
      .concat([{ college: 'recherche', value: 100 }]);
    const former = (v: readonly Scored[]) => {
      const meanOf = (c: string) => { const l = v.filter((x) => x.college === c).map((x) => x.value!); return l.reduce((a, b) => a + b, 0) / l.length; };
      return [(meanOf('ess') + meanOf('collectivites') + meanOf('recherche')) / 3, meanOf('ess'), meanOf('collectivites')];
    };
    expect(isolated(values, former)).toEqual([9]);
    const rules = rulesFor([{ id: 'ess', label: 'ESS' }, { id: 'collectivites', label: 'Collectivités' }, { id: 'recherche', label: 'Recherche' }], values, 3);
    expect(isolated(values, (v) => printed(aggregate(v, rules)))).toEqual([]);
  });

  it('on random small poles', () => {
    const random = seededRandom(20260315);
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
    let shownGroups = 0;
    let suppressedGroups = 0;
    for (let run = 0; run < 400; run++) {
      const k = int(2, 4);
      const colleges = Array.from({ length: int(1, 5) }, (_, i) => ({ id: `c${i}`, label: `Collège ${i}` }));
      const respondents = colleges.flatMap((c) => Array<string | null>(int(0, 6)).fill(c.id));
      if (random() < 0.3) respondents.push(null);
      if (random() < 0.2) respondents.push('inconnu');
      const grouping = groupColleges(colleges, respondents, k);
      const rules: AggregateRules = { grouping, minGroupSize: k, dissensusThreshold: 20 };
      // Several figures on the same grouping (themes, items), each with its own "nsp" pattern.
      for (let figure = 0; figure < 3; figure++) {
        const values: Scored[] = respondents.map((college) => ({ college, value: random() < 0.25 ? null : int(0, 100) }));
        const agg = aggregate(values, rules);
        const context = `run ${run}, figure ${figure}, k ${k}: ${JSON.stringify(values)}`;

        const shown = agg.byCollege.filter((b) => !b.suppressed);
        for (const b of agg.byCollege) {
          expect(grouping.groups.map((g) => g.id), context).toContain(b.college);
          expect(b.suppressed ? b.score === null && b.n < k : b.score !== null && b.n >= k, context).toBe(true);
        }
        shownGroups += shown.length;
        suppressedGroups += agg.byCollege.length - shown.length;
        // A merged collège never has its own line.
        for (const g of grouping.groups) if (g.id === MERGED_GROUP_ID) for (const c of g.colleges) expect(agg.byCollege.some((b) => b.college === c), context).toBe(false);
        // Nothing is left hidden inside the totals.
        expect(agg.n, context).toBe(shown.reduce((s, b) => s + b.n, 0));
        if (agg.n) {
          expect(agg.n, context).toBeGreaterThanOrEqual(k);
          expect(agg.rawScore! * agg.n - shown.reduce((s, b) => s + b.score! * b.n, 0), context).toBeCloseTo(0, 6);
          expect(agg.score, context).toBeCloseTo(shown.reduce((s, b) => s + b.score!, 0) / shown.length, 9);
        } else {
          expect([agg.score, agg.rawScore, agg.sd], context).toEqual([null, null, null]);
        }
        // And the algebra: no respondent is a linear combination of what is printed.
        expect(isolated(values, (v) => printed(aggregate(v, rules))), context).toEqual([]);
      }
    }
    // The loop did meet both cases.
    expect(shownGroups).toBeGreaterThan(100);
    expect(suppressedGroups).toBeGreaterThan(20);
  });
});

describe('groups built batch after batch (results move by batches of at least k)', () => {
  const colleges = [
    { id: 'ess', label: 'ESS' },
    { id: 'collectivites', label: 'Collectivités' },
    { id: 'recherche', label: 'Recherche' },
  ];
  const rows = (batch: number, ...list: string[]) => list.map((college) => ({ college, batch }));

  it('merges a collège that once came 1 to k−1 at a time, and never lets it out again', () => {
    // Batch 1: ESS 3; batch 2: Collectivités 3; batch 3: ESS 1 + Collectivités 2, both under k in that batch, so both
    // merge: « Autres » gets 3, 3 and 3 in the three batches, and is the only group.
    const g = groupColleges(colleges, [...rows(1, 'ess', 'ess', 'ess'), ...rows(2, 'collectivites', 'collectivites', 'collectivites'), ...rows(3, 'ess', 'collectivites', 'collectivites')], 3);
    expect(summary(g)).toEqual([{ id: MERGED_GROUP_ID, colleges: ['ess', 'collectivites'], size: 9 }]);
    // As batches 1 and 2 entered, each collège had its own group: cells are (batch, group of that time).
    expect([g.groupAt(1, 'ess'), g.groupAt(2, 'collectivites'), g.groupAt(3, 'ess')]).toEqual(['ess', 'collectivites', MERGED_GROUP_ID]);
    // Batch 4 brings Collectivités 3 alone: it stays merged.
    const later = groupColleges(colleges, [...rows(1, 'ess', 'ess', 'ess'), ...rows(2, 'collectivites', 'collectivites', 'collectivites'), ...rows(3, 'ess', 'collectivites', 'collectivites'), ...rows(4, 'collectivites', 'collectivites', 'collectivites')], 3);
    expect(later.groupOf('collectivites')).toBe(MERGED_GROUP_ID);
  });

  it('counts a value only in a (batch, group) cell of at least k scorers', () => {
    // Batch 1: ESS 30, 40, 50; batch 2: ESS 90 and two « je ne sais pas » (null). Groups: ESS (4 responses).
    const values: Scored[] = [...[30, 40, 50].map((value) => ({ college: 'ess', batch: 1, value })), { college: 'ess', batch: 2, value: 90 }, { college: 'ess', batch: 2, value: null }, { college: 'ess', batch: 2, value: null }];
    const grouping = groupColleges(colleges, values, 3);
    const agg = aggregate(values, { grouping, minGroupSize: 3, dissensusThreshold: 20 });
    // 90 alone in its cell: left out, so the figure is the same as after batch 1 (mean 40, n 3).
    expect(agg).toMatchObject({ score: 40, rawScore: 40, n: 3 });
  });

  it('holds the next batch back while it would merge a collège shown on its own, up to 3k waiting', () => {
    const past = [...rows(1, 'ess', 'ess', 'ess'), ...rows(2, 'collectivites', 'collectivites', 'collectivites')];
    const waiting = (...list: string[]) => list.map((college) => ({ college, batch: 0 }));
    expect(readyForNextBatch(colleges, [...past, ...waiting('ess', 'collectivites')], 3)).toBe(false); // fewer than k
    expect(readyForNextBatch(colleges, [...past, ...waiting('ess', 'collectivites', 'collectivites')], 3)).toBe(false); // ESS + 1
    expect(readyForNextBatch(colleges, [...past, ...waiting('ess', 'ess', 'ess')], 3)).toBe(true);
    // A new collège of 3 gets its own group: nothing shown merges.
    expect(readyForNextBatch(colleges, [...past, ...waiting('recherche', 'recherche', 'recherche')], 3)).toBe(true);
    // Recherche 1 would need Collectivités (the smallest) to top « Autres » up: wait...
    expect(readyForNextBatch(colleges, [...past, ...waiting('recherche', 'ess', 'ess', 'ess', 'ess', 'ess')], 3)).toBe(false);
    // ...but not beyond 3k = 9 waiting.
    expect(readyForNextBatch(colleges, [...past, ...waiting('recherche', ...Array<string>(8).fill('ess'))], 3)).toBe(true);
  });
});
