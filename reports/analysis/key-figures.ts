// The pole's key figures, from the facts its coordinator declares in the profile form (never respondents' answers):
// for one pole, this campaign's value, last campaign's and the change; for the network, their distribution across
// the poles kept. Pure: profile forms and facts in, plain data out (reports/contract/key-figures.ts).
import type { KeyFact, KeyFigure, KeyFigures, NetworkKeyFigures } from '../contract/key-figures.ts';
import { partsOf, poleFacts, type Part, type PoleFacts, type ProfileModel } from '../../surveys/model.ts';
import { factUnit, PROFILE_ROLES, type AmountsRole, type NumberRole, type ProfileRole } from '../../surveys/metadata.ts';
import { distribution } from './network.ts';

/** The numbers, in the order of the report: the economy first, then jobs, facilitation, projects and members. */
export const KEY_FIGURE_LABELS: Record<NumberRole | AmountsRole, string> = {
  annualBudget: 'Budget annuel',
  selfFinancing: 'Part d’autofinancement',
  publicFunding: 'Financements publics',
  jobsCreated: 'Emplois créés',
  jobsKept: 'Emplois maintenus',
  pooledJobs: 'Emplois mutualisés',
  facilitationStaff: 'Équipe d’animation',
  jointProjects: 'Projets économiques communs',
  membersPerCollege: 'Structures membres',
};

/** The facts told in words: where the pole stands, and the tools and networks that make some options pointless. */
export const KEY_FACT_LABELS = {
  territoryType: 'Type de territoire',
  stage: 'Stade de développement',
  stateCall: 'Lauréat d’un appel à projets de l’État',
  sectors: 'Filières',
  employersGroup: 'Groupement d’employeurs',
  cressMember: 'Adhésion à la CRESS',
  rtesMember: 'Collectivité partenaire membre du RTES',
  dlaSupport: 'Accompagnement par un DLA',
  caeLink: 'Lien avec une coopérative d’activité et d’emploi',
} as const satisfies Partial<Record<ProfileRole, string>>;
type FactRole = keyof typeof KEY_FACT_LABELS;

interface FigureRow {
  id: string;
  label: string;
  unit: KeyFigure['unit'];
  partOf: string | null;
  read: (facts: PoleFacts) => number | null;
}

const sum = (amounts: Record<string, number>): number | null => {
  const values = Object.values(amounts);
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
};

/**
 * The figures the form declares, in the order of KEY_FIGURE_LABELS. Public funding comes as its total, then one row
 * per level of the form; members as their total (the participation table has them by collège).
 */
function figureRows(form: ProfileModel): FigureRow[] {
  return (Object.keys(KEY_FIGURE_LABELS) as (NumberRole | AmountsRole)[]).flatMap((role): FigureRow[] => {
    const question = form.fields[role];
    if (!question) return [];
    const label = KEY_FIGURE_LABELS[role];
    const unit = factUnit(role);
    if (PROFILE_ROLES[role].kind === 'number') return [{ id: role, label, unit, partOf: null, read: (f) => f[role as NumberRole] }];
    const amounts = (f: PoleFacts) => f[role as AmountsRole];
    const total: FigureRow = { id: role, label, unit, partOf: null, read: (f) => sum(amounts(f)) };
    if (role === 'membersPerCollege') return [total];
    const levels = partsOf(question.json.items).map((item): FigureRow => ({
      id: `${role}.${String(item.value)}`,
      label: item.label,
      unit,
      partOf: role,
      read: (f) => amounts(f)[String(item.value)] ?? null,
    }));
    return [total, ...levels];
  });
}

interface FactRow {
  id: FactRole;
  label: string;
  /** The stored values, null when the pole did not answer. */
  read: (facts: PoleFacts) => string[] | null;
  /** The values in form order, with their labels. */
  choices: { value: string; label: string }[];
}

const YES_NO = [{ value: 'true', label: 'Oui' }, { value: 'false', label: 'Non' }];

function factRows(form: ProfileModel): FactRow[] {
  return (Object.keys(KEY_FACT_LABELS) as FactRole[]).flatMap((role): FactRow[] => {
    const question = form.fields[role];
    if (!question) return [];
    const kind = PROFILE_ROLES[role].kind;
    const read = (f: PoleFacts): string[] | null => {
      const value = f[role];
      if (value === null) return null;
      if (typeof value === 'boolean') return [String(value)];
      return Array.isArray(value) ? (value.length ? value : null) : [value];
    };
    const choices = kind === 'yesNo' ? YES_NO : partsOf(question.json.choices).map((c: Part) => ({ value: String(c.value), label: c.label }));
    return [{ id: role, label: KEY_FACT_LABELS[role], read, choices }];
  });
}

/**
 * The facts of an earlier campaign's profile: by role in its own form; a role its form did not declare yet (the 2026
 * form held self-financing, pooled jobs and joint projects without a role) by the question of the current form that
 * holds it, through the question's name, as question names link answers from one year to the next.
 */
export function earlierPoleFacts(current: ProfileModel, earlier: ProfileModel, data: Readonly<Record<string, unknown>>): PoleFacts {
  const own = poleFacts(earlier, data);
  const byName = poleFacts(current, data);
  const facts: Record<string, unknown> = { ...own };
  for (const role of Object.keys(PROFILE_ROLES) as ProfileRole[]) if (!earlier.fields[role] && current.fields[role]) facts[role] = byName[role];
  return facts as PoleFacts;
}

export interface KeyFiguresInput {
  /** This campaign's profile form and what the pole declared in it. */
  form: ProfileModel;
  facts: PoleFacts;
  /** The pole's latest earlier campaign with a profile: its facts (earlierPoleFacts) and its form, for labels. */
  previous: { campaign: { id: string; year: number }; form: ProfileModel; facts: PoleFacts } | null;
}

/** The pole's key figures: each figure and fact its campaign's form declares, last campaign's value and the change. */
export function computeKeyFigures(input: KeyFiguresInput): KeyFigures {
  const { form, facts, previous } = input;
  const figures = figureRows(form).map(({ read, ...row }): KeyFigure => {
    const value = read(facts);
    const before = previous ? read(previous.facts) : null;
    return { ...row, value, previous: before, change: value !== null && before !== null ? value - before : null };
  });
  const earlierChoices = previous ? new Map(factRows(previous.form).map((row) => [row.id, row.choices])) : new Map<FactRole, FactRow['choices']>();
  const factList = factRows(form).map(({ id, label, read, choices }): KeyFact => {
    const say = (values: string[] | null) =>
      values === null ? null : values.map((v) => choices.find((c) => c.value === v)?.label ?? earlierChoices.get(id)?.find((c) => c.value === v)?.label ?? v).join(', ');
    const now = read(facts);
    const then = previous ? read(previous.facts) : null;
    const same = now !== null && then !== null && [...now].sort().join('|') === [...then].sort().join('|');
    return { id, label, value: say(now), previous: say(then), changed: now !== null && then !== null && !same };
  });
  return { previousCampaign: previous?.campaign ?? null, figures, facts: factList };
}

/**
 * The key figures across the network's poles: for each number the form declares, its distribution over the poles that
 * gave it; for each fact, the poles per answer (several filières per pole). `poles` are the facts of the poles kept
 * (null: no profile).
 */
export function networkKeyFigures(form: ProfileModel, poles: readonly (PoleFacts | null)[]): NetworkKeyFigures {
  const filled = poles.filter((p): p is PoleFacts => p !== null);
  return {
    poles: filled.length,
    figures: figureRows(form).map(({ read, ...row }) => ({ ...row, distribution: distribution(filled.map(read)) })),
    facts: factRows(form).map(({ id, label, read, choices }) => {
      const counts = new Map<string, number>();
      let answered = 0;
      for (const pole of filled) {
        const values = read(pole);
        if (!values) continue;
        answered++;
        for (const v of new Set(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const listed = [...choices, ...[...counts.keys()].filter((v) => !choices.some((c) => c.value === v)).sort().map((v) => ({ value: v, label: v }))];
      return { id, label, answered, counts: listed.map((c) => ({ ...c, count: counts.get(c.value) ?? 0 })) };
    }),
  };
}
