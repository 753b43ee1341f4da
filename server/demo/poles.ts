// The demo's campaigns and poles: which questionnaire version each campaign uses, and what each fictitious pole is.
// The poles follow the figures of the 2014 cross-case analysis (8 associations, 3 without legal structure, 1 UES;
// 4 charters from the start; 7 showcase venues; all supported by local authorities). The two without a legal
// structure founded lately are « en émergence », as the network's youngest poles are.

/**
 * The questionnaire version of each demo campaign (year → version id), the one place that says it: moving a year to
 * a new version is a change of its line here. Answers and profiles follow the version's own metadata (themes' roles,
 * items' seed references, profile questions' roles), never its question names.
 */
export const DEMO_VERSIONS: Readonly<Record<number, string>> = {
  2025: 'ptce-2026',
  2026: 'ptce-2027',
};

/** The demo campaigns, oldest first: 2025 closed (its collective reviews held), 2026 open. */
export const DEMO_CAMPAIGNS = [
  { year: 2025, opensAt: '2025-01-15T00:00:00.000Z', closesAt: '2025-06-30T23:59:59.999Z' },
  { year: 2026, opensAt: '2026-01-15T00:00:00.000Z', closesAt: '2026-12-31T23:59:59.999Z' },
] as const;

/** The stored values of the charter question (the 2026 form's choices, by role `charter`), in the order poles go. */
export const CHARTER_STEPS = ['aucune', 'en_cours', 'adoptee'] as const;
export type CharterStep = (typeof CHARTER_STEPS)[number];

export interface DemoPole {
  name: string;
  /** Value of the profile's region choice; departement as written. */
  region: string;
  departement: string;
  /** A value of the legal form choice (role `legalForm`). */
  legalForm: string;
  /** Where the pole stood on its charter in the first campaign; it moves one step a year until adopted. */
  charter: CharterStep;
  charterFromStart: boolean;
  venue: boolean;
  founded: number;
  /** Value of the territory type choice (role `territoryType` where a profile form has it). */
  territory: 'urbain' | 'periurbain' | 'rural' | 'mixte';
  /** The collèges (ids) of which the pole has no member: no research partner, no local authority among its members… */
  without: readonly string[];
}

export const DEMO_POLES: readonly DemoPole[] = [
  { name: 'Pôle Coopératif des Coteaux', region: 'nouvelle_aquitaine', departement: '33', legalForm: 'association', charter: 'adoptee', charterFromStart: true, venue: true, founded: 2009, territory: 'rural', without: [] },
  { name: 'Archipel Solidaire du Littoral', region: 'bretagne', departement: '29', legalForm: 'association', charter: 'adoptee', charterFromStart: true, venue: true, founded: 2007, territory: 'mixte', without: ['hors_ess'] },
  { name: 'Vallée en Commun', region: 'auvergne_rhone_alpes', departement: '38', legalForm: 'association', charter: 'en_cours', charterFromStart: false, venue: true, founded: 2011, territory: 'periurbain', without: ['recherche'] },
  { name: 'Les Ateliers du Bassin Minier', region: 'hauts_de_france', departement: '62', legalForm: 'association', charter: 'aucune', charterFromStart: false, venue: true, founded: 2010, territory: 'periurbain', without: ['benevoles_citoyens'] },
  { name: 'Pôle Terres et Savoirs', region: 'occitanie', departement: '12', legalForm: 'association', charter: 'adoptee', charterFromStart: true, venue: false, founded: 2012, territory: 'rural', without: ['collectivites'] },
  { name: 'Cité des Coopérations Urbaines', region: 'ile_de_france', departement: '93', legalForm: 'ues', charter: 'adoptee', charterFromStart: true, venue: true, founded: 2005, territory: 'urbain', without: [] },
  { name: 'Réseau Éco-Bocage', region: 'normandie', departement: '61', legalForm: 'association', charter: 'en_cours', charterFromStart: false, venue: false, founded: 2013, territory: 'rural', without: ['recherche', 'hors_ess'] },
  { name: 'Pôle Montagne Partagée', region: 'provence_alpes_cote_d_azur', departement: '05', legalForm: 'association', charter: 'en_cours', charterFromStart: false, venue: true, founded: 2012, territory: 'rural', without: ['collectivites'] },
  { name: 'Fabrique Territoriale du Val', region: 'centre_val_de_loire', departement: '41', legalForm: 'association', charter: 'aucune', charterFromStart: false, venue: false, founded: 2014, territory: 'mixte', without: ['benevoles_citoyens'] },
  { name: 'Collectif Entreprendre Ensemble', region: 'grand_est', departement: '54', legalForm: 'aucune', charter: 'en_cours', charterFromStart: false, venue: true, founded: 2013, territory: 'urbain', without: ['recherche'] },
  { name: 'Pôle Rives et Métiers', region: 'pays_de_la_loire', departement: '44', legalForm: 'aucune', charter: 'aucune', charterFromStart: false, venue: false, founded: 2022, territory: 'periurbain', without: ['recherche', 'collectivites'] },
  { name: 'Initiatives Solidaires du Plateau', region: 'bourgogne_franche_comte', departement: '39', legalForm: 'aucune', charter: 'aucune', charterFromStart: false, venue: false, founded: 2023, territory: 'rural', without: ['hors_ess', 'benevoles_citoyens'] },
];

/** The pole's charter in a campaign: « Aujourd’hui cette tendance s’affirme par la réalisation en cours de charte » (seed). */
export function charterIn(pole: DemoPole, campaignIndex: number): CharterStep {
  return CHARTER_STEPS[Math.min(CHARTER_STEPS.length - 1, CHARTER_STEPS.indexOf(pole.charter) + campaignIndex)];
}
