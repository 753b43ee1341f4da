// What became of a pole's action plan, the year after: each action of the plan with its status and the themes it
// targeted, before (the plan's campaign) and after (this one). Pure: the figures come from the results' evolution,
// which already compares the two campaigns on the items both questionnaires share; nothing is recomputed here.
import type { Evolution } from '../types.ts';
import type { FollowUp, Review } from '../contract/review.ts';
import type { StrategicOptionDefinition } from '../../surveys/strategic-options.ts';

/** A theme of a questionnaire as the follow-up matches it across versions: by its role (surveys/model.ts). */
export interface RoledTheme {
  id: string;
  role: string;
  /** The roles of the themes it took over, when a version merged themes. */
  alsoRoles?: readonly string[];
  label: string;
}

const holds = (theme: Pick<RoledTheme, 'role' | 'alsoRoles'>, role: string) => theme.role === role || (theme.alsoRoles ?? []).includes(role);

/**
 * The themes of the questionnaire an option names (its conditions name theme roles), in the option's order; null
 * when the questionnaire lacks one of them: the option does not apply to that campaign.
 */
export function optionThemeIds(option: Pick<StrategicOptionDefinition, 'when'>, themes: readonly Pick<RoledTheme, 'id' | 'role' | 'alsoRoles'>[]): string[] | null {
  const ids = option.when.map((condition) => themes.find((t) => holds(t, condition.role))?.id);
  return ids.every((id): id is string => id !== undefined) ? ids : null;
}

export interface FollowUpInput {
  /** The plan followed: the review of the pole's latest earlier campaign that has one. */
  plan: { campaignId: string; year: number; review: Pick<Review, 'meetingDate' | 'actions'> };
  /** The themes of the plan's questionnaire (its actions name them) and of this campaign's. */
  planThemes: readonly RoledTheme[];
  themes: readonly RoledTheme[];
  /** This campaign's themes compared with the plan's campaign (the results' evolution, or one since that campaign); null without results in either. */
  evolution: Evolution | null;
}

export function computeFollowUp({ plan, planThemes, themes, evolution }: FollowUpInput): FollowUp {
  const byRole = new Map(themes.flatMap((t) => [t.role, ...(t.alsoRoles ?? [])].map((role) => [role, t] as const)));
  const change = new Map((evolution?.themes ?? []).map((t) => [t.id, t]));
  const targeted = (themeId: string) => {
    const planned = planThemes.find((t) => t.id === themeId);
    // A theme renamed since keeps its role, one merged since is held by the theme that took it over; one the current
    // version dropped is still named, without figures.
    const now = byRole.get(planned?.role ?? themeId);
    const figures = now ? change.get(now.id) : undefined;
    return {
      themeId: now?.id ?? themeId,
      label: now?.label ?? planned?.label ?? themeId,
      before: figures?.previous ?? null,
      after: figures?.current ?? null,
      delta: figures?.delta ?? null,
    };
  };
  return {
    campaignId: plan.campaignId,
    year: plan.year,
    meetingDate: plan.review.meetingDate,
    // Two themes of the plan merged since into one are followed once.
    actions: plan.review.actions.map(({ themeIds, ...action }) => ({
      ...action,
      themes: themeIds.map(targeted).filter((t, i, all) => all.findIndex((u) => u.themeId === t.themeId) === i),
    })),
  };
}
