// Why a demo pole answers as it does: small tables, each line grounded in the seed document (analyse globale des
// études de cas PTCE, Labo de l’ESS, 2014). They name what they move by the seed's practice or challenge (G-P1…X-5),
// never by a question: a rule moves every item whose seed reference it is, and every item of the theme whose role
// (surveys/strategic-options.ts) measures it, so it holds for any questionnaire version, merged themes included.
// Shifts are on the answer scale read from 0 to 1 (about a hundredth of a score point each 0.01).
import type { PoleFacts } from '../../surveys/model.ts';

/** The theme role (the options catalogue's name) that measures each practice or challenge of the seed. */
export const ROLE_OF_SEED_REF: Readonly<Record<string, string>> = {
  'G-P1': 'gouv-debat-concertation', 'G-P2': 'gouv-partagee-confiance', 'G-P3': 'gouv-partenariat-collectivites',
  'G-P4': 'gouv-collectivites-gouvernance', 'G-P5': 'gouv-structuration-juridique', 'G-P6': 'gouv-implication-citoyens-salaries',
  'G-D1': 'gouv-renouvellement-leaders', 'G-D2': 'gouv-isomorphisme', 'G-D3': 'gouv-consensus', 'G-D4': 'gouv-informelle',
  'C-P1': 'coop-projets-innovants', 'C-P2': 'coop-animation', 'C-P3': 'coop-rencontres-conviviales', 'C-P4': 'coop-recherche-developpement',
  'C-P5': 'coop-outils-cooperation', 'C-P6': 'coop-soutien-collectivites', 'C-P7': 'coop-lieu-vitrine',
  'C-D1': 'coop-temps-engagement', 'C-D2': 'coop-geometrie-variable', 'C-D3': 'coop-evaluation', 'C-D4': 'coop-ouverture',
  'X-1': 'ctx-soutien-collectivites', 'X-2': 'ctx-nouveaux-acteurs', 'X-3': 'ctx-pression-isomorphisme', 'X-4': 'ctx-temps-disponible',
  'X-5': 'ctx-dependance-financements',
};
export const SEED_REFS = Object.keys(ROLE_OF_SEED_REF);

/** What the answers read of a pole in a campaign: its profile facts (by role) and its age that year. */
export type DemoFacts = PoleFacts & {
  /** Years since its founding, null when the profile does not give the year. */
  age: number | null;
};

/** Under this age a pole is « en émergence » (the network comparison's first age band, « moins de 5 ans »). */
export const EMERGING_AGE = 5;

const members = (f: DemoFacts, college: string): number | undefined => f.membersPerCollege[college];

export interface ProfileRule {
  seedRef: string;
  /** The profile fact, in words. */
  fact: string;
  /** Whether it holds; a fact the profile does not give holds nothing (as for the strategic options). */
  holds: (f: DemoFacts) => boolean;
  shift: number;
  /** The seed's words behind it. */
  seed: string;
}

/** Profile fact → how the pole's members see a practice or challenge. */
export const PROFILE_RULES: readonly ProfileRule[] = [
  { seedRef: 'C-P7', fact: 'pas de lieu vitrine', holds: (f) => f.venue === false, shift: -0.4, seed: '« Sept pôles disposent d’un lieu emblématique, siège du pôle, pour permettre le regroupement d’une partie des structures en favorisant la mutualisation d’emplois et de ressources. »' },
  { seedRef: 'C-P7', fact: 'un lieu vitrine', holds: (f) => f.venue === true, shift: 0.12, seed: '« Lieu vitrine de regroupement (mutualisation d’emplois, ressources) et repère. »' },
  { seedRef: 'G-P5', fact: 'ni charte ni règlement', holds: (f) => f.charter === 'aucune', shift: -0.3, seed: '« Il se dégage une tendance à la structuration juridique et à l’élaboration systématique de charte et règlement de fonctionnement. »' },
  { seedRef: 'G-P5', fact: 'charte en cours d’élaboration', holds: (f) => f.charter === 'en_cours', shift: -0.12, seed: '« Aujourd’hui cette tendance s’affirme par la réalisation en cours de charte de fonctionnement et de règlement sur l’ensemble des pôles. »' },
  { seedRef: 'G-P5', fact: 'pas de structure juridique', holds: (f) => f.legalForm === 'aucune', shift: -0.2, seed: '« Trois n’ont toujours pas de structure juridique et sont en train d’étudier le passage sous une autre forme juridique. »' },
  { seedRef: 'G-D4', fact: 'pas de charte adoptée', holds: (f) => f.charter === 'aucune' || f.charter === 'en_cours', shift: -0.15, seed: '« Les logiques de gouvernance restent souvent informelles mais la tendance à la structuration juridique s’affirmant amènera à moyen terme à une gouvernance plus formalisée. »' },
  { seedRef: 'G-P4', fact: 'une SCIC', holds: (f) => f.legalForm === 'scic', shift: 0.2, seed: '« Un mode de gouvernance intégrant les collectivités territoriales dans le processus de gouvernance par la mise en place d’une structure juridique le permettant (Société Coopératives d’Intérêt Collectif). »' },
  { seedRef: 'G-P4', fact: 'aucune collectivité membre', holds: (f) => members(f, 'collectivites') === 0, shift: -0.25, seed: '« De nombreux pôles réfléchissent à un mode de gouvernance intégrant les collectivités territoriales. »' },
  { seedRef: 'G-P3', fact: 'plusieurs collectivités membres', holds: (f) => (members(f, 'collectivites') ?? 0) >= 2, shift: 0.1, seed: '« On constate la généralisation d’un partenariat facilitateur technique et financier entre collectivités publiques et acteurs de terrains. »' },
  { seedRef: 'C-P6', fact: 'plusieurs collectivités membres', holds: (f) => (members(f, 'collectivites') ?? 0) >= 2, shift: 0.1, seed: '« La tendance à venir semble généraliser l’implication des acteurs publics au cœur même du processus coopératif du pôle. »' },
  { seedRef: 'C-P4', fact: 'aucun membre de la recherche ou de la formation', holds: (f) => members(f, 'recherche') === 0, shift: -0.25, seed: '« La construction de liens étroits avec les universités dans l’élaboration des projets. »' },
  { seedRef: 'C-D4', fact: 'aucune entreprise hors ESS membre', holds: (f) => members(f, 'hors_ess') === 0, shift: -0.2, seed: '« L’intégration d’entreprises dites socialement responsables est un des enjeux majeurs. »' },
  { seedRef: 'G-P6', fact: 'aucun bénévole ni citoyen membre', holds: (f) => members(f, 'benevoles_citoyens') === 0, shift: -0.2, seed: '« La structuration et la formalisation des pôles doit intégrer dès sa mise en place les citoyens et les salariés. »' },
  { seedRef: 'C-D3', fact: 'pôle en émergence', holds: (f) => f.age !== null && f.age < EMERGING_AGE, shift: -0.2, seed: '« Évaluation économique et coopérative insuffisante autour des projets montés, réalisés et aboutis » : un pôle jeune en a encore peu.' },
  { seedRef: 'G-D1', fact: 'pôle en émergence', holds: (f) => f.age !== null && f.age < EMERGING_AGE, shift: -0.2, seed: '« Les leaders charismatiques, véritables moteurs de l’émergence et du développement du pôle » : tout repose encore sur eux.' },
  { seedRef: 'G-P2', fact: 'pôle de 10 ans et plus', holds: (f) => f.age !== null && f.age >= 10, shift: 0.08, seed: '« Une prise de décision reposant sur la confiance accumulée au sein d’un noyau historique de dirigeants ayant co-construit des projets. »' },
];

/** How the whole network tends to see a practice or challenge, whatever the pole. */
export const NETWORK_TENDENCIES: Readonly<Record<string, { shift: number; seed: string }>> = {
  'C-P1': { shift: 0.05, seed: '« La particularité et la force de ces pôles est la mise en place permanente de projets innovants. »' },
  'C-P3': { shift: 0.08, seed: '« Ces multiples rencontres permettent de fédérer l’action collective et coopérative. »' },
  'C-D1': { shift: -0.1, seed: '« Manque de temps (investissement bénévole, implication des salariés à la gouvernance, etc.) »' },
  'C-D3': { shift: -0.1, seed: '« Évaluation économique et coopérative insuffisante. »' },
  'X-4': { shift: -0.1, seed: 'Le manque de temps des bénévoles et des salariés, défi de tous les pôles.' },
  'X-5': { shift: -0.15, seed: '« Tous les pôles sont soutenus financièrement et accompagnés par les collectivités territoriales » : ils en dépendent.' },
};

/** Where one collège tends to see things differently from the others, in some poles (COLLEGE_VIEW_CHANCE). */
export const COLLEGE_VIEWS: readonly { college: string; seedRef: string; shift: number; seed: string }[] = [
  { college: 'collectivites', seedRef: 'C-P6', shift: 0.3, seed: 'Les collectivités voient leur soutien comme un accompagnement : « soutenus financièrement et accompagnés par les collectivités territoriales ».' },
  { college: 'salaries', seedRef: 'C-D1', shift: -0.3, seed: '« Manque de temps (… implication des salariés à la gouvernance, etc.) »' },
  { college: 'benevoles_citoyens', seedRef: 'G-P6', shift: -0.3, seed: '« Cette volonté n’est pas toujours facile » : la participation des citoyens reste à construire.' },
  { college: 'hors_ess', seedRef: 'G-D2', shift: -0.25, seed: '« Associer équitablement dans ses instances décisionnelles toutes les parties (privés, publiques et citoyennes). »' },
];
export const COLLEGE_VIEW_CHANCE = 0.5;

/** « Je ne sais pas »: how often a respondent answers it by default, and where a collège is too far to know. */
export const DONT_KNOW_BASE = 0.03;
export const DONT_KNOW: readonly { colleges: readonly string[]; seedRefs: readonly string[]; chance: number; why: string }[] = [
  { colleges: ['hors_ess', 'benevoles_citoyens'], seedRefs: ['G-P3', 'G-P4', 'C-P4', 'C-D3', 'X-5'], chance: 0.2, why: 'Partenaires et citoyens ne voient ni les financements, ni les instances, ni l’évaluation des projets.' },
  { colleges: ['salaries'], seedRefs: ['G-P3', 'G-P4', 'X-5'], chance: 0.12, why: 'Les salariés des membres suivent peu le partenariat avec les collectivités et les financements du pôle.' },
  { colleges: ['collectivites'], seedRefs: ['C-P3', 'C-P5', 'C-D2'], chance: 0.15, why: 'Les collectivités voient peu la vie coopérative quotidienne entre membres.' },
];

/** Self-assessments run high: a pole's members answer around this level (0..1), give or take POLE_LEVEL_SPREAD. */
export const SELF_ASSESSMENT_LEVEL = 0.66;
export const POLE_LEVEL_SPREAD = 0.06;
/** Acquiescence: respondents agree a little with statements phrased as problems too, lowering their favourable score. */
export const ACQUIESCENCE = 0.06;
