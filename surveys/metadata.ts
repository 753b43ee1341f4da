// Scoring metadata carried by the SurveyJS JSON itself, so that SurveyJS Creator keeps it
// and one definition drives the form, the server-side validation, scoring and reports. Types only (and two pure
// helpers): survey-core learns of the `ptce` property in serializer.ts.

/** Results merge collèges under k respondents into one group with this id: no collège may take it (check.ts). */
export const MERGED_GROUP_ID = 'autres';

export type Polarity = 'positive' | 'negative';
export type Factor = 'internal' | 'external';

/** `ptce` property of a scored question or of a matrix row. */
export interface PtceItemMeta {
  dimension: string;
  theme: string;
  seedRef: string;
  polarity: Polarity;
  factor: Factor;
}

/**
 * `ptce` property of a respondent-profile question (collège, position, seniority, seat in an instance...): a
 * quasi-identifier. Together such answers single people out, so exports generalise them, then leave them out,
 * until every combination is shared by at least k responses (reports/export/anonymity.ts). Never scored.
 */
export interface PtceRespondentMeta {
  respondent: true;
  /** Choice question: every choice value → its generalised value, e.g. { animation: 'membre', partenaire: 'partenaire' }. */
  generalize?: Record<string, string>;
  /** Labels (French) of the generalised values, one per value used in `generalize`. */
  labels?: Record<string, string>;
  /** Number question: band boundaries, strictly ascending; [3] → « moins de 3 ans » / « 3 ans et plus ». */
  bands?: number[];
  /** Unit written after the band boundaries, e.g. « ans ». */
  unit?: string;
}

/** `ptce` property of a question: scoring metadata, or the respondent-profile mark. */
export type PtceQuestionMeta = PtceItemMeta | PtceRespondentMeta;

/** Whether a question's `ptce` marks it as a respondent-profile question (quasi-identifier) rather than a scored item. */
export const isRespondentMeta = (meta: unknown): meta is PtceRespondentMeta =>
  meta !== null && typeof meta === 'object' && !Array.isArray(meta) && 'respondent' in meta;

/** A theme of the survey's `ptce`. */
export interface PtceThemeMeta {
  id: string;
  label: string;
  dimension: string;
  seedRefs: string[];
  /**
   * What the theme measures, as the strategic-options catalogue names it (surveys/strategic-options.ts); the theme's
   * id when absent. A version that renames a theme keeps its options by keeping its role.
   */
  role?: string;
  /**
   * The roles of themes this one took over when a version merged near-duplicate themes: the catalogue's options for
   * them apply to it too, and a plan adopted on one of them is followed on it. A role belongs to one theme of a
   * version only, as `role` itself.
   */
  alsoRoles?: string[];
}

/** `ptce` property of the survey: the dimensions and themes its items refer to. */
export interface PtceSurveyMeta {
  dimensions: { id: string; label: string; factor: Factor }[];
  themes: PtceThemeMeta[];
}

/** The role of a theme: its `role`, else its id. */
export const themeRole = (theme: Pick<PtceThemeMeta, 'id' | 'role'>): string => theme.role ?? theme.id;

/** Every role under which the catalogue's options reach a theme: its own, then those of the themes it took over. */
export const themeRoles = (theme: { id: string; role?: string; alsoRoles?: readonly string[] }): string[] => [themeRole(theme), ...(theme.alsoRoles ?? [])];

/**
 * How a fact is held and read: `choice` one stored value, `choices` a list of ticked values, `yesNo` a boolean
 * question, `year` an integer, `number` a number, `amounts` a number per field of a multipletext question.
 */
export type ProfileFactKind = 'choice' | 'choices' | 'yesNo' | 'year' | 'number' | 'amounts';
/** What a number counts: euros, a percentage (0 to 100), full-time equivalents, or things (projects, structures). */
export type ProfileFactUnit = 'euro' | 'percent' | 'fte' | 'count';

interface ProfileRoleSpec {
  label: string;
  types: readonly string[];
  kind: ProfileFactKind;
  unit?: ProfileFactUnit;
}

/**
 * Facts about the pole that the service reads from its profile form, each declared on one question by
 * `"ptce": { "role": … }` (never found by the question's name), with the kind of question that can hold it.
 */
export const PROFILE_ROLES = {
  legalForm: { label: 'forme juridique', types: ['radiogroup', 'dropdown'], kind: 'choice' },
  foundingYear: { label: 'année de création', types: ['text'], kind: 'year' },
  membersPerCollege: { label: 'structures membres par collège', types: ['multipletext'], kind: 'amounts', unit: 'count' },
  // What the pole already has in place: the strategic options do not propose it again (surveys/strategic-options.ts).
  charter: { label: 'charte ou règlement de fonctionnement', types: ['radiogroup', 'dropdown'], kind: 'choice' },
  venue: { label: 'lieu vitrine', types: ['boolean'], kind: 'yesNo' },
  // The pole's economy, as the 2015 State call judged poles (pooling, value chains, self-financing, territorial impact):
  // the key figures of its results and the network's distributions (reports/analysis/key-figures.ts).
  annualBudget: { label: 'budget annuel', types: ['text'], kind: 'number', unit: 'euro' },
  selfFinancing: { label: 'part d’autofinancement', types: ['text'], kind: 'number', unit: 'percent' },
  publicFunding: { label: 'financements publics par niveau', types: ['multipletext'], kind: 'amounts', unit: 'euro' },
  jobsCreated: { label: 'emplois créés', types: ['text'], kind: 'number', unit: 'fte' },
  jobsKept: { label: 'emplois maintenus', types: ['text'], kind: 'number', unit: 'fte' },
  pooledJobs: { label: 'emplois mutualisés', types: ['text'], kind: 'number', unit: 'fte' },
  facilitationStaff: { label: 'équipe d’animation', types: ['text'], kind: 'number', unit: 'fte' },
  jointProjects: { label: 'projets économiques communs', types: ['text'], kind: 'number', unit: 'count' },
  sectors: { label: 'filières', types: ['checkbox'], kind: 'choices' },
  territoryType: { label: 'type de territoire', types: ['radiogroup', 'dropdown'], kind: 'choice' },
  stage: { label: 'stade de développement', types: ['radiogroup', 'dropdown'], kind: 'choice' },
  stateCall: { label: 'lauréat d’un appel à projets de l’État', types: ['radiogroup', 'dropdown'], kind: 'choice' },
  // More of what the pole already has or has just done, which makes some strategic options pointless.
  employersGroup: { label: 'groupement d’employeurs', types: ['boolean'], kind: 'yesNo' },
  cressMember: { label: 'adhésion à la CRESS', types: ['boolean'], kind: 'yesNo' },
  rtesMember: { label: 'collectivité partenaire membre du RTES', types: ['boolean'], kind: 'yesNo' },
  dlaSupport: { label: 'accompagnement par un DLA', types: ['radiogroup', 'dropdown'], kind: 'choice' },
  caeLink: { label: 'lien avec une coopérative d’activité et d’emploi', types: ['boolean'], kind: 'yesNo' },
} as const satisfies Record<string, ProfileRoleSpec>;

export type ProfileRole = keyof typeof PROFILE_ROLES;
export const PROFILE_ROLE_IDS = Object.keys(PROFILE_ROLES) as [ProfileRole, ...ProfileRole[]];

type RolesOfKind<K extends ProfileFactKind> = { [R in ProfileRole]: (typeof PROFILE_ROLES)[R]['kind'] extends K ? R : never }[ProfileRole];
/** Facts held as one stored value (a choice). */
export type ChoiceRole = RolesOfKind<'choice'>;
/** Facts held as yes or no. */
export type YesNoRole = RolesOfKind<'yesNo'>;
/** Facts held as one number. */
export type NumberRole = RolesOfKind<'number'>;
/** Facts held as a number per field. */
export type AmountsRole = RolesOfKind<'amounts'>;
/** The unit of a number fact, or of each field of an amounts fact. */
export const factUnit = (role: NumberRole | AmountsRole): ProfileFactUnit => PROFILE_ROLES[role].unit;

/** `ptce` property of a profile-form question. */
export interface PtceProfileMeta {
  role: ProfileRole;
}

