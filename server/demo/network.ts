// A realistic, fictitious network of 12 poles whose profiles match the figures of the 2014 cross-case analysis
// (poles.ts), with a closed 2025 campaign and an open 2026 one, each on its own questionnaire version (DEMO_VERSIONS),
// and the poles' collective reviews and action plans of 2025, whose follow-up the 2026 results show. Members answer
// as real ones do (respondents.ts): high, as self-assessments are, and lower where the pole's profile says a practice
// is missing (rules.ts); the actions of the 2025 plan that were carried out show in 2026. Same seed, same network.
import type { AppDeps } from '../context.ts';
import { issueToken, newId } from '../security/tokens.ts';
import { sampleAnswers } from './sample-answers.ts';
import { partsOf, poleFacts } from '../../surveys/model.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import { itemValues } from '../../reports/analysis/quality.ts';
import { readyForNextBatch } from '../../reports/analysis/groups.ts';
import { between, seededRandom, type Rng } from './random.ts';
import { generateDemoReviews, type PlannedAction } from './reviews.ts';
import { DEMO_CAMPAIGNS, DEMO_POLES, DEMO_VERSIONS, charterIn } from './poles.ts';
import { demoProfile } from './profile.ts';
import { drawPoleTraits, poleCampaign, profileMoves, type Move } from './respondents.ts';

export { DEMO_VERSIONS };
export const DEMO_PASSWORD = 'demo-ptce-2026';

/** Collèges are not equally present in a pole: ESS enterprises and employees answer most. */
const COLLEGE_WEIGHTS: Record<string, number> = { ess: 5, hors_ess: 2, collectivites: 2, recherche: 1, salaries: 4, benevoles_citoyens: 3 };

function weightedCollege(rng: Rng, colleges: string[]): string {
  const total = colleges.reduce((s, c) => s + (COLLEGE_WEIGHTS[c] ?? 1), 0);
  let x = rng() * total;
  for (const c of colleges) if ((x -= COLLEGE_WEIGHTS[c] ?? 1) < 0) return c;
  return colleges[colleges.length - 1];
}

/**
 * Who answers in a pole, in the order they send their answers: 8 to 30 people, more from the collèges that are
 * most present (COLLEGE_WEIGHTS). Results move by batches of at least k, and a collège with 1 to k − 1 answers in one
 * batch joins « Autres collèges » for good (reports/analysis/groups.ts): answers arriving one by one in any order
 * would merge nearly every collège, and the demo would show no collège's view. So the collèges that answer in number
 * do so in whole sessions of k, one collège after another, the largest first; those with fewer than k answers come
 * last, together (at least k of them, or none), and make « Autres collèges ».
 */
function respondingColleges(rng: Rng, colleges: string[], k: number): string[] {
  const counts = new Map<string, number>();
  for (let n = between(rng, 8, 30); n > 0; n--) {
    const college = weightedCollege(rng, colleges);
    counts.set(college, (counts.get(college) ?? 0) + 1);
  }
  const large = [...counts].filter(([, n]) => n >= k).map(([college, n]) => [college, n - (n % k)] as const).sort((a, b) => b[1] - a[1]);
  const small = [...counts].filter(([, n]) => n < k);
  while (small.length && small.reduce((s, [, n]) => s + n, 0) < k) small[Math.floor(rng() * small.length)][1]++;
  const order = [...large, ...small].flatMap(([college, n]) => Array<string>(n).fill(college));
  // Between 8 and 30 answers, as in real poles: a session more or less for the largest collège.
  while (order.length < 8) order.unshift(...Array<string>(k).fill(large[0]?.[0] ?? colleges[0]));
  while (order.length > 30) order.splice(0, k);
  return order;
}

/** How much an action of last year's plan moves this year's answers on its themes, by where it got to. */
const ACTION_EFFECT: Record<PlannedAction['status'], number> = { done: 0.15, in_progress: 0.07, planned: 0, dropped: 0 };

export interface DemoAccounts {
  admin: { email: string; password: string };
  coordinators: { email: string; password: string; pole: string }[];
}

export interface DemoOptions {
  seed?: number;
  /** Questionnaire version per campaign year; DEMO_VERSIONS by default. */
  versions?: Readonly<Record<number, string>>;
}

export async function generateDemoNetwork(deps: AppDeps, { seed = 2026, versions = DEMO_VERSIONS }: DemoOptions = {}): Promise<DemoAccounts> {
  const rng = seededRandom(seed);
  const { repos } = deps;
  const campaigns = DEMO_CAMPAIGNS.map((c) => {
    const questionnaire = deps.questionnaires.get(versions[c.year]);
    if (!questionnaire) throw new Error(`Démonstration : questionnaire ${versions[c.year]} introuvable pour la campagne ${c.year}.`);
    return { ...c, id: `campagne-${c.year}`, questionnaire };
  });
  const passwordHash = await deps.passwords.hash(DEMO_PASSWORD);
  const id = (prefix: string, n: number | string) => `${prefix}-${n}`;
  const accounts: DemoAccounts = { admin: { email: 'admin@demo.labo-ess.org', password: DEMO_PASSWORD }, coordinators: [] };
  const first = campaigns[0];
  const k = deps.analysis.minGroupSize;
  const regionLabel = (value: string) =>
    partsOf(first.questionnaire.profileModel.questions.find((e) => e.name === 'region')?.json.choices).find((c) => c.value === value)?.label ?? value;

  // What each pole is, whatever the year: drawn once, so that its strengths and weaknesses carry over.
  const poles = DEMO_POLES.map((p, i) => {
    const colleges = first.questionnaire.colleges.map((c) => c.id);
    const members = Object.fromEntries(colleges.map((college) => [college, p.without.includes(college) ? 0 : college === 'ess' ? between(rng, 4, 12) : between(rng, 1, 4)]));
    // Budgets of the network's poles run from tens of thousands of euros to about a million, larger with a venue.
    const economy = { budget: Math.round((p.venue ? between(rng, 250, 900) : between(rng, 60, 400)) * 1000), selfFinancing: between(rng, 15, 65) };
    return { ...p, id: id('pole', i + 1), n: i + 1, members, economy, authoritiesInGovernance: rng() >= 0.5, traits: drawPoleTraits(rng, colleges) };
  });
  let plans = new Map<string, PlannedAction[]>();

  repos.transaction(() => {
    repos.users.create({ id: 'demo-admin', email: accounts.admin.email, role: 'admin', poleId: null }, passwordHash, first.opensAt);
    for (const c of campaigns) repos.campaigns.create({ id: c.id, year: c.year, questionnaireId: c.questionnaire.id, opensAt: c.opensAt, closesAt: c.closesAt, createdAt: c.opensAt });
    for (const p of poles) {
      repos.poles.create({ id: p.id, name: p.name, region: regionLabel(p.region), departement: p.departement, createdAt: first.opensAt });
      const email = `coordination${p.n}@demo.labo-ess.org`;
      repos.users.create({ id: id('coord', p.n), email, role: 'coordinator', poleId: p.id }, passwordHash, first.opensAt);
      accounts.coordinators.push({ email, password: DEMO_PASSWORD, pole: p.name });
    }
  });

  campaigns.forEach((c, ci) => {
    const q = c.questionnaire;
    const colleges = q.colleges.map((college) => college.id);
    const at = (day: number) => new Date(Date.parse(c.opensAt) + day * 86_400_000).toISOString();
    repos.transaction(() => {
      for (const p of poles) {
        // The pole's profile, in this campaign's form; the answers then read the pole's facts from it, by role.
        // A pole grows a little from one year to the next, among the collèges it has.
        const membership = Object.fromEntries(Object.entries(p.members).map(([college, n]) => [college, n > 0 && ci > 0 ? n + between(rng, 0, 1) : n]));
        const profile = demoProfile(q, {
          pole: p, year: c.year, charter: charterIn(p, ci), members: membership, authoritiesInGovernance: p.authoritiesInGovernance,
          budget: Math.round((p.economy.budget * 1.04 ** ci) / 1000) * 1000, selfFinancing: Math.min(90, p.economy.selfFinancing + 2 * ci),
        }, rng);
        repos.profiles.save(p.id, c.id, profile, at(10), id('coord', p.n));
        const facts = poleFacts(q.profileModel, profile);
        const held = profileMoves({ ...facts, age: facts.foundingYear === null ? null : c.year - facts.foundingYear });
        // What the pole's profile still holds down, its plan cannot lift: without a venue, the venue theme stays low.
        const heldDown = new Set(held.filter((m) => m.shift < 0).flatMap((m) => m.seedRefs));
        // Each theme of last year's plan moves as far as its furthest action got (several actions on one theme do not add up).
        const worked = new Map<string, number>();
        for (const a of plans.get(p.id) ?? []) for (const t of a.themeIds) worked.set(t, Math.max(worked.get(t) ?? 0, ACTION_EFFECT[a.status]));
        const followUp = [...worked]
          .flatMap(([t, shift]) => followUpMoves(campaigns[ci - 1].questionnaire, t, shift))
          .filter((m) => !m.seedRefs.some((ref) => heldDown.has(ref)));
        const moves: Move[] = [...held, ...followUp];
        const members = poleCampaign(q, rng, { traits: p.traits, moves });

        const answering = respondingColleges(rng, colleges, k);
        const submitted = answering.length;
        const pending = ci === campaigns.length - 1 ? between(rng, 2, 6) : 0;
        const invitations = Array.from({ length: submitted + pending }, (_, n) => {
          const { token, tokenHash, tokenSealed } = issueToken(deps.sealer);
          const college = n < submitted ? answering[n] : weightedCollege(rng, colleges);
          return { token, college, row: { id: id(`inv-${p.id}-${c.year}`, n), poleId: p.id, campaignId: c.id, tokenHash, tokenSealed, shared: false, college: rng() < 0.5 ? college : null, createdAt: at(1), ticketId: id(`ticket-${p.id}-${c.year}`, n) } };
        });
        repos.invitations.createMany(invitations.map((x) => x.row));
        const answered = invitations.slice(0, submitted);
        const days = answered.map(() => between(rng, 2, 60)).sort((a, b) => a - b);
        answered.forEach((inv, n) => {
          const data = sampleAnswers(q, rng, { college: inv.college, respondent: members.respondent(inv.college, rng) });
          const ticket = { id: inv.row.ticketId, poleId: p.id, campaignId: c.id };
          repos.tickets.submit(ticket, {
            responseId: newId(), college: inv.college, data, itemScores: itemValues(q.model, data, q.validator.isVisible), day: at(days[n]).slice(0, 10),
            minBatch: k, readyForNextBatch: (rows) => readyForNextBatch(q.colleges, rows, k),
          });
        });
        for (const inv of invitations.slice(submitted)) {
          if (rng() < 0.6) repos.tickets.saveDraft(inv.row.ticketId, JSON.stringify({ college: inv.college }), 1, at(between(rng, 2, 60)));
        }
      }
    });
    // The poles met on their first campaign's results (the reviews draw from a generator of their own, so that the
    // answers above stay the same whatever they draw); the next campaign's answers feel what their plans achieved.
    if (ci === 0) plans = generateDemoReviews(deps, seededRandom(seed + 1), c.id, q);
  });
  return accounts;
}

/** A theme of last year's version, worked on by an action: this year's items of its practices, or of its role. */
function followUpMoves(previous: Questionnaire, themeId: string, shift: number): Move[] {
  const theme = previous.model.themes.find((t) => t.id === themeId);
  return theme && shift ? [{ seedRefs: theme.seedRefs, roles: [theme.role], shift }] : [];
}
