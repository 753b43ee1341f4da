// The demo poles' collective reviews of a campaign: each met on its results, read its weak and disputed themes, adopted
// some of the options proposed to it and actions of its own, then updated their statuses during the year (mixed:
// done, under way, planned, dropped), so that the next campaign's results have a plan to follow. Saved through the
// review command, hence checked as a coordinator's would be.
import type { AppDeps } from '../context.ts';
import { saveReview } from '../commands/review.ts';
import { poleResults } from '../pole-results.ts';
import type { ReviewInput } from '../../reports/contract/review.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import { between, pick, type Rng } from './random.ts';

const OWNERS = [
  'Bureau de l’association', 'Équipe d’animation', 'Commission développement économique', 'Comité de pilotage',
  'Collège des collectivités', 'Groupe de travail « nouveaux membres »', 'Coordination du pôle avec deux structures volontaires',
];

const DISSENSUS_NOTES = [
  'Les échanges ont montré que les attentes ne sont pas les mêmes selon les structures ; le sujet sera repris en comité de pilotage avant de trancher.',
  'Le collège le plus critique souhaite être associé plus tôt aux décisions ; les autres n’en avaient pas conscience.',
  'Désaccord assumé : chacun a pu dire pourquoi, un temps d’échange dédié est prévu au printemps.',
];
const WEAKNESS_NOTES = [
  'Constat partagé : le sujet revient depuis deux ans sans avancer, faute de temps d’animation.',
  'Le groupe reconnaît la faiblesse mais la juge moins prioritaire que l’an passé.',
  'Constat partagé ; plusieurs membres proposent de s’en saisir dès la rentrée.',
];
const WATCH_NOTES = [
  'Pas une faiblesse, mais le thème le moins bien noté : le groupe veut éviter qu’il le devienne.',
  'Le groupe s’étonne de ce score, qu’il pensait meilleur ; il sera suivi l’an prochain.',
];
const ACTION_NOTES = ['', '', 'Premier point d’étape au prochain comité de pilotage.', 'Faute de disponibilité, reportée après l’été.', 'Deux structures se sont portées volontaires.'];
const OWN_ACTIONS = [
  'Organiser une demi-journée d’accueil des nouveaux membres',
  'Publier une lettre d’information trimestrielle sur les projets communs',
  'Tenir un tableau de bord partagé des projets et des ressources mutualisées',
  'Visiter un autre PTCE du réseau pour s’inspirer de son organisation',
];
/** Where the year left each action: mostly done or under way, some still planned, a few dropped. */
const STATUSES = ['done', 'done', 'done', 'in_progress', 'in_progress', 'planned', 'dropped'] as const;

/** An action of a pole's plan as the next campaign's answers feel it: the themes it works on, and where it got to. */
export interface PlannedAction {
  themeIds: string[];
  status: (typeof STATUSES)[number];
}

/**
 * A review for each pole with results in the campaign, as its coordinator would have recorded it. Returns each pole's
 * actions with the themes they work on (an option's: its weak or strong themes, not the context it leans on).
 */
export function generateDemoReviews(deps: AppDeps, rng: Rng, campaignId: string, questionnaire: Questionnaire): Map<string, PlannedAction[]> {
  const campaign = deps.repos.campaigns.get(campaignId)!;
  const year = campaign.year;
  const plans = new Map<string, PlannedAction[]>();
  for (const pole of deps.repos.poles.list()) {
    const results = poleResults(deps, pole, campaign);
    const user = deps.repos.users.list().find((u) => u.poleId === pole.id);
    if (!results.available || !user) continue;
    const label = new Map(results.groups.map((g) => [g.id, g.label]));
    const disputed = results.themes.filter((t) => t.dissensus).slice(0, 2).map((t) => {
      // Which groups disagree, as the group would say it at the meeting.
      const shown = t.byCollege.filter((b) => b.score !== null).sort((a, b) => b.score! - a.score!);
      const who = `${label.get(shown[0].college)} et ${label.get(shown[shown.length - 1].college)} ne voient pas ce thème de la même façon. `;
      return { themeId: t.id, note: who + pick(rng, DISSENSUS_NOTES), agreed: pick(rng, [true, false, null]) };
    });
    const weak = results.swot.weaknesses.filter((id) => !disputed.some((d) => d.themeId === id)).slice(0, 2)
      .map((themeId) => ({ themeId, note: pick(rng, WEAKNESS_NOTES), agreed: rng() < 0.8 }));
    // A pole without weaknesses still reads its lowest internal themes, those to watch.
    const lowest = results.themes
      .filter((t) => t.factor === 'internal' && t.swot === 'vigilance' && !disputed.some((d) => d.themeId === t.id))
      .sort((a, b) => a.score! - b.score!).map((t) => t.id);
    const watched = weak.length ? [] : lowest.slice(0, 2).map((themeId) => ({ themeId, note: pick(rng, WATCH_NOTES), agreed: rng() < 0.8 }));
    const due = () => `${year + 1}-${String(between(rng, 1, 9)).padStart(2, '0')}`;
    // Options on different themes: a plan takes on several issues rather than three remedies to the same one.
    const chosen = results.options.filter((o, i, all) => all.findIndex((x) => x.themes[0] === o.themes[0]) === i);
    const adopted = chosen.slice(0, between(rng, 1, 3)).map((o, i) => ({
      id: `${pole.id}-${year}-option-${i + 1}`, optionId: o.id, title: o.title, owner: pick(rng, OWNERS), due: due(),
      status: pick(rng, STATUSES), note: pick(rng, ACTION_NOTES), themeIds: [],
    }));
    const own = rng() < 0.7
      ? [{
          id: `${pole.id}-${year}-propre`, optionId: null, title: pick(rng, OWN_ACTIONS), owner: pick(rng, OWNERS), due: due(),
          status: pick(rng, STATUSES), note: '', themeIds: (results.swot.weaknesses.length ? results.swot.weaknesses : lowest).slice(0, 1),
        }]
      : [];
    const review: ReviewInput = {
      meetingDate: `${year}-${pick(rng, ['09', '10'])}-${String(between(rng, 8, 28)).padStart(2, '0')}`,
      participants: Object.fromEntries(questionnaire.colleges.map((c) => [c.id, between(rng, c.id === 'ess' ? 3 : 0, c.id === 'ess' ? 8 : 4)] as const).filter(([, n]) => n > 0)),
      themes: [...disputed, ...weak, ...watched],
      actions: [...adopted, ...own],
    };
    saveReview(deps, { user, pole, campaign, questionnaire }, review);
    const themesOf = new Map(results.options.map((o) => [o.id, o.themes.filter((t) => t !== o.context?.theme)]));
    plans.set(pole.id, review.actions.map((a) => ({ themeIds: a.optionId ? (themesOf.get(a.optionId) ?? []) : a.themeIds, status: a.status })));
  }
  return plans;
}
