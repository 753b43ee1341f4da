// A realistic, fictitious network of 12 poles whose profiles match the figures of the 2014 cross-case analysis
// (8 associations, 3 without legal structure, 1 UES; 4 charters from the start; 7 showcase venues; all supported
// by local authorities), with a closed 2025 campaign and an open 2026 one, the poles' collective reviews and action
// plans of 2025 (whose follow-up the 2026 results show). Same seed, same network.
import type { AppDeps } from '../context.ts';
import { issueToken, newId } from '../security/tokens.ts';
import { poleLeanings, sampleAnswers } from './sample-answers.ts';
import { partsOf } from '../../surveys/model.ts';
import type { ProfileRole } from '../../surveys/metadata.ts';
import { itemValues } from '../../reports/analysis/quality.ts';
import { readyForNextBatch } from '../../reports/analysis/groups.ts';
import { between, pick, seededRandom, type Rng } from './random.ts';
import { generateDemoReviews } from './reviews.ts';

export const DEMO_PASSWORD = 'demo-ptce-2026';

const POLES: { name: string; region: string; departement: string; legal: string; charterFromStart: boolean; venue: boolean; founded: number }[] = [
  { name: 'Pôle Coopératif des Coteaux', region: 'nouvelle_aquitaine', departement: '33', legal: 'association', charterFromStart: true, venue: true, founded: 2009 },
  { name: 'Archipel Solidaire du Littoral', region: 'bretagne', departement: '29', legal: 'association', charterFromStart: true, venue: true, founded: 2007 },
  { name: 'Vallée en Commun', region: 'auvergne_rhone_alpes', departement: '38', legal: 'association', charterFromStart: false, venue: true, founded: 2011 },
  { name: 'Les Ateliers du Bassin Minier', region: 'hauts_de_france', departement: '62', legal: 'association', charterFromStart: false, venue: true, founded: 2010 },
  { name: 'Pôle Terres et Savoirs', region: 'occitanie', departement: '12', legal: 'association', charterFromStart: true, venue: false, founded: 2012 },
  { name: 'Cité des Coopérations Urbaines', region: 'ile_de_france', departement: '93', legal: 'ues', charterFromStart: true, venue: true, founded: 2005 },
  { name: 'Réseau Éco-Bocage', region: 'normandie', departement: '61', legal: 'association', charterFromStart: false, venue: false, founded: 2013 },
  { name: 'Pôle Montagne Partagée', region: 'provence_alpes_cote_d_azur', departement: '05', legal: 'association', charterFromStart: false, venue: true, founded: 2012 },
  { name: 'Fabrique Territoriale du Val', region: 'centre_val_de_loire', departement: '41', legal: 'association', charterFromStart: false, venue: false, founded: 2014 },
  { name: 'Collectif Entreprendre Ensemble', region: 'grand_est', departement: '54', legal: 'aucune', charterFromStart: false, venue: true, founded: 2013 },
  { name: 'Pôle Rives et Métiers', region: 'pays_de_la_loire', departement: '44', legal: 'aucune', charterFromStart: false, venue: false, founded: 2014 },
  { name: 'Initiatives Solidaires du Plateau', region: 'bourgogne_franche_comte', departement: '39', legal: 'aucune', charterFromStart: false, venue: false, founded: 2013 },
];

const CAMPAIGNS = [
  { year: 2025, opensAt: '2025-01-15T00:00:00.000Z', closesAt: '2025-06-30T23:59:59.999Z' },
  { year: 2026, opensAt: '2026-01-15T00:00:00.000Z', closesAt: '2026-12-31T23:59:59.999Z' },
];

/** Collèges are not equally present in a pole: ESS enterprises and employees answer most. */
const COLLEGE_WEIGHTS: Record<string, number> = { ess: 5, hors_ess: 2, collectivites: 2, recherche: 1, salaries: 4, benevoles_citoyens: 3 };

function weightedCollege(rng: Rng, colleges: string[]): string {
  const total = colleges.reduce((s, c) => s + (COLLEGE_WEIGHTS[c] ?? 1), 0);
  let x = rng() * total;
  for (const c of colleges) if ((x -= COLLEGE_WEIGHTS[c] ?? 1) < 0) return c;
  return colleges[colleges.length - 1];
}

export interface DemoAccounts {
  admin: { email: string; password: string };
  coordinators: { email: string; password: string; pole: string }[];
}

export async function generateDemoNetwork(deps: AppDeps, questionnaireId = 'ptce-2026', seed = 2026): Promise<DemoAccounts> {
  const rng = seededRandom(seed);
  const { repos } = deps;
  const q = deps.questionnaires.get(questionnaireId)!;
  const colleges = q.colleges.map((c) => c.id);
  const model = q.model;
  const regionQuestion = q.profileModel.questions.find((e) => e.name === 'region');
  const regionLabel = (value: string) => partsOf(regionQuestion?.json.choices).find((c) => c.value === value)?.label ?? value;
  // The facts the service reads go under the questions that declare their role; the rest is the 2026 form's own.
  const field = (role: ProfileRole) => q.profileModel.fields[role]!.name;
  const passwordHash = await deps.passwords.hash(DEMO_PASSWORD);
  const id = (prefix: string, n: number | string) => `${prefix}-${n}`;
  const accounts: DemoAccounts = { admin: { email: 'admin@demo.labo-ess.org', password: DEMO_PASSWORD }, coordinators: [] };

  repos.transaction(() => {
    repos.users.create({ id: 'demo-admin', email: accounts.admin.email, role: 'admin', poleId: null }, passwordHash, CAMPAIGNS[0].opensAt);
    for (const c of CAMPAIGNS) repos.campaigns.create({ id: id('campagne', c.year), year: c.year, questionnaireId, opensAt: c.opensAt, closesAt: c.closesAt, createdAt: c.opensAt });

    POLES.forEach((p, i) => {
      const poleId = id('pole', i + 1);
      repos.poles.create({ id: poleId, name: p.name, region: regionLabel(p.region), departement: p.departement, createdAt: CAMPAIGNS[0].opensAt });
      const email = `coordination${i + 1}@demo.labo-ess.org`;
      repos.users.create({ id: id('coord', i + 1), email, role: 'coordinator', poleId }, passwordHash, CAMPAIGNS[0].opensAt);
      accounts.coordinators.push({ email, password: DEMO_PASSWORD, pole: p.name });
      const leanings = poleLeanings(q, rng);

      CAMPAIGNS.forEach((c, ci) => {
        const campaignId = id('campagne', c.year);
        const at = (day: number) => new Date(Date.parse(c.opensAt) + day * 86_400_000).toISOString();
        const members = Object.fromEntries(colleges.map((k) => [k, between(rng, k === 'ess' ? 4 : 0, k === 'ess' ? 12 : 4)]));
        members.collectivites = Math.max(1, members.collectivites); // every pole is supported by local authorities
        repos.profiles.save(poleId, campaignId, {
          [field('legalForm')]: p.legal,
          charte: p.charterFromStart || ci === 1 ? 'adoptee' : pick(rng, ['aucune', 'en_cours']),
          ...(p.charterFromStart || ci === 1 ? { charteDesOrigines: p.charterFromStart } : {}),
          lieuVitrine: p.venue,
          soutienCollectivites: rng() < 0.5 ? ['financier', 'technique'] : ['financier', 'technique', 'siege_gouvernance'],
          [field('membersPerCollege')]: members,
          [field('foundingYear')]: p.founded,
          region: p.region,
          departement: p.departement,
          autofinancement: between(rng, 15, 65),
          emploisMutualises: between(rng, 0, 12),
        }, at(10), id('coord', i + 1));

        // Themes drift a little from one year to the next.
        const yearLeanings = new Map([...leanings].map(([t, v]) => [t, Math.min(0.95, Math.max(0.05, v + ci * (rng() - 0.4) * 0.2))]));
        // A few themes on which one collège sees things very differently: the dissensus the reports must reveal.
        const themeIds = [...yearLeanings.keys()];
        const divergent = Array.from({ length: 3 }, () => ({ theme: pick(rng, themeIds), college: weightedCollege(rng, colleges), shift: rng() < 0.5 ? -0.45 : 0.45 }));
        const leaningsFor = (college: string) => {
          const shifts = divergent.filter((d) => d.college === college);
          if (!shifts.length) return yearLeanings;
          const own = new Map(yearLeanings);
          for (const d of shifts) own.set(d.theme, Math.min(0.95, Math.max(0.05, own.get(d.theme)! + d.shift)));
          return own;
        };
        const submitted = between(rng, 8, 30);
        const pending = ci === 1 ? between(rng, 2, 6) : 0;
        const invitations = Array.from({ length: submitted + pending }, (_, n) => {
          const { token, tokenHash, tokenSealed } = issueToken(deps.sealer);
          const college = weightedCollege(rng, colleges);
          return { token, college, n, row: { id: id(`inv-${poleId}-${c.year}`, n), poleId, campaignId, tokenHash, tokenSealed, shared: false, college: rng() < 0.5 ? college : null, createdAt: at(1), ticketId: id(`ticket-${poleId}-${c.year}`, n) } };
        });
        repos.invitations.createMany(invitations.map((x) => x.row));
        for (const inv of invitations) {
          const data = sampleAnswers(q, rng, { college: inv.college, leanings: leaningsFor(inv.college) });
          const ticket = { id: inv.row.ticketId, poleId, campaignId };
          if (inv.n < submitted) {
            const day = at(between(rng, 2, 60)).slice(0, 10);
            repos.tickets.submit(ticket, { responseId: newId(), college: inv.college, data, itemScores: itemValues(model, data, q.validator.isVisible), day, minBatch: deps.analysis.minGroupSize, readyForNextBatch: (rows) => readyForNextBatch(q.colleges, rows, deps.analysis.minGroupSize) });
          } else if (rng() < 0.6) repos.tickets.saveDraft(ticket.id, JSON.stringify({ college: inv.college }), 1, at(between(rng, 2, 60)));
        }
      });
    });
  });
  // Last, from its own generator: the answers above stay the same whatever the reviews draw.
  generateDemoReviews(deps, seededRandom(seed + 1), id('campagne', CAMPAIGNS[0].year), q);
  return accounts;
}
