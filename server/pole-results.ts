// The imperative shell around reports/analysis: gathers a pole's stored answers, profile and previous campaign,
// the network's quartiles for the benchmark, and the plan of its previous review for the follow-up.
import type { AppDeps } from './context.ts';
import type { Campaign, Pole } from './db/index.ts';
import { ApiError } from './errors.ts';
import { networkResults } from './network-results.ts';
import { computePoleResults, type PoleResultsInput } from '../reports/analysis/index.ts';
import { evolutionSince } from '../reports/analysis/pole-results.ts';
import { computeFollowUp } from '../reports/analysis/follow-up.ts';
import type { FollowUp } from '../reports/contract/review.ts';
import { computeBenchmark, type BenchmarkNetwork } from '../reports/analysis/benchmark.ts';
import type { Evolution, ResultsSnapshot, ServedPoleResults } from '../reports/types.ts';
import { campaignStatus } from './campaign-status.ts';
import { settleIfClosed } from './results-snapshot.ts';
import { poleKeyFigures } from './key-figures.ts';
import { poleFacts, type PoleFacts } from '../surveys/model.ts';
import type { Questionnaire } from '../surveys/registry.ts';

export type { ServedPoleResults };

/** What the pole's profile form says for the campaign, read by role; null when not filled in. */
function poleProfile(deps: AppDeps, questionnaire: Questionnaire, poleId: string, campaignId: string): PoleFacts | null {
  const profile = deps.repos.profiles.get(poleId, campaignId);
  return profile ? poleFacts(questionnaire.profileModel, profile.data) : null;
}

export function poleResults(deps: AppDeps, pole: Pole, campaign: Campaign): ServedPoleResults {
  const { repos, analysis } = deps;
  settleIfClosed(deps, campaign);
  const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
  if (!questionnaire) throw new ApiError(409, 'questionnaire_missing', 'Le questionnaire de cette campagne n’est plus disponible.');

  // The latest earlier campaign in which this pole has results (at least k responses) gives the evolution.
  const earlier = repos.campaigns
    .list()
    .filter((c) => c.year < campaign.year && deps.questionnaires.has(c.questionnaireId))
    .find((c) => {
      settleIfClosed(deps, c);
      return repos.responses.snapshotInfo(pole.id, c.id).included >= analysis.minGroupSize;
    });

  const input: PoleResultsInput = {
    pole: { id: pole.id, name: pole.name },
    campaign: { id: campaign.id, year: campaign.year, questionnaireId: campaign.questionnaireId },
    model: questionnaire.model,
    colleges: questionnaire.colleges,
    responses: repos.responses.snapshot(pole.id, campaign.id),
    participation: repos.tickets.participation(pole.id, campaign.id),
    profile: poleProfile(deps, questionnaire, pole.id, campaign.id),
    previous: earlier
      ? {
          campaign: { id: earlier.id, year: earlier.year },
          model: deps.questionnaires.get(earlier.questionnaireId)!.model,
          responses: repos.responses.snapshot(pole.id, earlier.id),
          // Items renamed in this campaign's version: only across versions (the same version keeps its own keys).
          renamed: earlier.questionnaireId !== campaign.questionnaireId ? questionnaire.renamed : undefined,
        }
      : null,
    minGroupSize: analysis.minGroupSize,
    thresholds: analysis.thresholds,
    isShown: questionnaire.validator.isVisible,
  };
  const results = computePoleResults(input);
  const info = repos.responses.snapshotInfo(pole.id, campaign.id);
  const snapshot: ResultsSnapshot = {
    responses: info.included,
    pending: info.pending,
    nextUpdateAt: info.included + Math.max(analysis.minGroupSize, 1),
    provisional: campaignStatus(campaign, deps.now()) !== 'closed',
  };
  // Without results of its own, the pole gets no comparison: the network is not even read.
  return {
    ...results,
    followUp: followUpOf(deps, pole, questionnaire, input, results.evolution),
    snapshot,
    benchmark: results.available ? computeBenchmark(results, networkSummary(deps, campaign)) : null,
    keyFigures: poleKeyFigures(deps, pole, campaign, questionnaire),
  };
}

/**
 * What became of the plan of the pole's latest earlier campaign with a review. Its themes' figures are the results'
 * evolution when it compares to that campaign (the usual case: last year's); when the evolution compares to a
 * later campaign (a year without review in between), the same computation is run since the plan's campaign.
 */
function followUpOf(deps: AppDeps, pole: Pole, questionnaire: Questionnaire, input: PoleResultsInput, evolution: Evolution | null): FollowUp | null {
  const { repos, analysis } = deps;
  const plan = repos.reviews.latestBefore(pole.id, input.campaign.year);
  if (!plan) return null;
  const planCampaign = repos.campaigns.get(plan.campaignId)!;
  const planQuestionnaire = deps.questionnaires.get(planCampaign.questionnaireId);
  let since: Evolution | null = null;
  if (evolution?.previousCampaign.id === plan.campaignId) since = evolution;
  else if (planQuestionnaire) {
    settleIfClosed(deps, planCampaign);
    if (repos.responses.snapshotInfo(pole.id, plan.campaignId).included >= analysis.minGroupSize) {
      since = evolutionSince(input, {
        campaign: { id: planCampaign.id, year: planCampaign.year },
        model: planQuestionnaire.model,
        responses: repos.responses.snapshot(pole.id, plan.campaignId),
        // As for the evolution: renamed items count across versions only.
        renamed: planCampaign.questionnaireId !== input.campaign.questionnaireId ? questionnaire.renamed : undefined,
      });
    }
  }
  return computeFollowUp({
    plan: { campaignId: plan.campaignId, year: plan.year, review: plan.review },
    // A plan made on a version no longer loaded still names its themes by id: they are matched as roles.
    planThemes: planQuestionnaire?.model.themes ?? [],
    themes: input.model.themes,
    evolution: since,
  });
}

// The network's quartiles per campaign, kept while the campaign's submitted responses stay the same (responses are
// never edited once submitted): each pole's dashboard and PDF then cost one count instead of the whole aggregation.
// Only counts and quartiles are kept, never the poles' names, ids or scores.
interface Memo {
  key: string;
  network: BenchmarkNetwork;
}
const memos = new WeakMap<object, Map<string, Memo>>();

function networkSummary(deps: AppDeps, campaign: Campaign): BenchmarkNetwork {
  let byCampaign = memos.get(deps.repos);
  if (!byCampaign) memos.set(deps.repos, (byCampaign = new Map()));
  const key = `${campaign.questionnaireId}|${deps.repos.responses.campaignVersion(campaign.id)}`;
  const cached = byCampaign.get(campaign.id);
  if (cached?.key === key) return cached.network;
  const full = networkResults(deps, campaign);
  const network: BenchmarkNetwork = {
    polesWithResults: full.polesWithResults,
    themes: full.themes.map((t) => ({ id: t.id, distribution: { n: t.distribution.n, q1: t.distribution.q1, median: t.distribution.median, q3: t.distribution.q3 } })),
  };
  byCampaign.set(campaign.id, { key, network });
  return network;
}
