// Catalogue of strategic options (Weihrich’s TOWS matrix) proposed to a PTCE from its theme scores.
// An internal theme scored high is a strength, low a weakness; an external (ctx-*) theme scored high is an
// opportunity, low a threat (item polarity is already reversed in scoring: a high score always means favourable).
// Every option answers a practice or a challenge of the seed (analyse globale des études de cas PTCE, Labo ESS 2014).
//
// Two kinds of entries, so that every weakness gets an answer whatever the context:
// - paired options, written for one crossing of factors (SO, ST, WO, WT), proposed when all their conditions hold;
// - remedies, enough per internal theme that no profile leaves its weakness without one, proposed whenever their
//   theme is a weakness. Their quadrant is decided when they are selected (reports/analysis/options.ts): of their
//   `pairWith` context themes, the one furthest from the middle of the vigilance zone is paired with them, and
//   supports them (WO) when it lies at or above that middle, threatens them (WT) below it. It is an opportunity or a
//   threat whenever one of those themes is; when all sit in the vigilance zone, the nearest to a zone labels the
//   quadrant and the option says so; with no figure at all, the remedy is defensive (WT). A remedy's text therefore
//   holds for either pairing: the sentence written for the pole names the context.
// Options the pole's profile shows to be in place already are left out (`unless`); options that build on something
// are kept for the poles whose profile shows it (`requires`). A fact the profile does not give shows nothing: it
// excludes no option, and lets no option that requires it through.
// Conditions name theme *roles* (a theme's `role` in the questionnaire's ptce, else its id): checkQuestionnaire
// refuses a version with a theme no option names, so a renamed theme keeps its options or is refused by name.
//
// ptce-2026 measures two traits of the pole itself inside context themes: its dependence on public money
// (rows `dependance_forte` and `ressources_diversifiees` of ctx-dependance-financements) and its members' workload
// (row `charge_structures` of ctx-temps-disponible). TOWS would call them weaknesses, but moving them would change
// the results of past campaigns: they stay in 2026 and the 2027 questionnaire moves them (issue 12). The options
// that cross these two themes already speak of that dependence and that workload as the pole's own.

import type { ChoiceRole, YesNoRole } from './metadata.ts';

export type Quadrant = 'SO' | 'ST' | 'WO' | 'WT';

export type Condition = { role: string; is: 'strength' | 'weakness' | 'opportunity' | 'threat' };

/**
 * What the pole's profile says of one fact (surveys/model.ts PoleFacts, read by role): its value is one of `in`,
 * or it is `is`. It holds only when the profile gives the fact.
 */
export type ProfileCondition = { fact: ChoiceRole; in: readonly string[] } | { fact: YesNoRole; is: boolean };

interface OptionDefinitionBase {
  /** Stable kebab-case id. */
  id: string;
  /** Short French imperative title. */
  title: string;
  /** 2–4 French sentences: what to do concretely, for the pole’s general assembly. */
  description: string;
  /** The seed practice or challenge it answers: G-P1..G-P6, G-D1..G-D4, C-P1..C-P7, C-D1..C-D4 or X-1..X-5. */
  seedRef: string;
  /** All must hold for the option to be proposed. */
  when: readonly Condition[];
  /** Proposed only to a pole whose profile shows all of these: what the option builds on. */
  requires?: readonly ProfileCondition[];
  /** Not proposed to a pole whose profile shows one of these: what the option would create is already there. */
  unless?: readonly ProfileCondition[];
}

/** Written for one crossing of factors: 1 to 3 conditions, which its quadrant names. */
export interface PairedOptionDefinition extends OptionDefinitionBase {
  quadrant: Quadrant;
}

/** A remedy to one weak internal theme (`when` is that weakness), paired when selected with a context theme. */
export interface RemedyDefinition extends OptionDefinitionBase {
  /** The context themes (roles) that can support or threaten it; the first wins a tie. */
  pairWith: readonly string[];
}

export type StrategicOptionDefinition = PairedOptionDefinition | RemedyDefinition;

const strength = (role: string): Condition => ({ role, is: 'strength' });
const weakness = (role: string): Condition => ({ role, is: 'weakness' });
const opportunity = (role: string): Condition => ({ role, is: 'opportunity' });
const threat = (role: string): Condition => ({ role, is: 'threat' });

/** Values of the 2026 profile form's legal form that give the pole a legal person: all but « aucune ». */
const HAS_LEGAL_STRUCTURE: ProfileCondition = { fact: 'legalForm', in: ['association', 'scic', 'ues', 'scop', 'autre'] };
const NO_LEGAL_STRUCTURE: ProfileCondition = { fact: 'legalForm', in: ['aucune'] };
const CHARTER_ADOPTED: ProfileCondition = { fact: 'charter', in: ['adoptee'] };
const HAS_VENUE: ProfileCondition = { fact: 'venue', is: true };
/** Values of the 2027 profile form's DLA question for a support under way or ended less than two years ago. */
const RECENT_DLA: ProfileCondition = { fact: 'dlaSupport', in: ['en_cours', 'recent'] };

export const STRATEGIC_OPTIONS: readonly StrategicOptionDefinition[] = [
  // ───────────── SO: use strengths to seize opportunities ─────────────
  {
    id: 'so-partenariat-convention-pluriannuelle',
    quadrant: 'SO',
    title: 'Transformer le partenariat avec les collectivités en convention pluriannuelle',
    description: 'Le partenariat technique et financier avec les collectivités fonctionne et leur soutien paraît durable : c’est le moment de l’inscrire dans une convention pluriannuelle d’objectifs. Elle fixe les projets de développement local portés ensemble, les moyens engagés sur trois ans et un comité de suivi réunissant élus, services et membres du pôle. L’assemblée générale peut mandater le bureau pour en négocier les termes.',
    seedRef: 'G-P3',
    when: [strength('gouv-partenariat-collectivites'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'so-projets-appel-entreprises-responsables',
    quadrant: 'SO',
    title: 'Ouvrir un appel à projets coopératifs aux entreprises socialement responsables',
    description: 'Le pôle sait faire émerger des projets économiques communs et des entreprises du territoire sont prêtes à coopérer. Lancer chaque année un appel à idées ouvert à ces entreprises, instruit par un groupe de membres, permet de monter avec elles des projets qu’aucune structure n’aurait réalisés seule. Les projets retenus sont présentés en assemblée générale avec la répartition des rôles entre partenaires.',
    seedRef: 'C-P1',
    when: [strength('coop-projets-innovants'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'so-recherche-action-cofinancee',
    quadrant: 'SO',
    title: 'Monter un programme de recherche-action cofinancé par les collectivités',
    description: 'Les liens avec les universités et la veille du pôle sont des atouts, et les collectivités soutiennent le projet. Proposer à la région ou à l’intercommunalité de cofinancer une recherche-action (thèse CIFRE, stages de master, chaire partenariale) sur un besoin du territoire repéré par la veille. Les résultats nourrissent les futurs projets du pôle comme les politiques locales.',
    seedRef: 'C-P4',
    when: [strength('coop-recherche-developpement'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'so-lieu-vitrine-porte-entree',
    quadrant: 'SO',
    title: 'Faire du lieu vitrine la porte d’entrée des nouveaux partenaires',
    description: 'Le lieu repère du pôle est bien identifié et des acteurs du territoire s’intéressent au pôle. Y organiser des journées portes ouvertes, proposer aux structures candidates un poste de travail ou un hébergement temporaire, et y tenir les réunions d’accueil. Le lieu devient ainsi le premier espace de mutualisation des nouveaux venus.',
    seedRef: 'C-P7',
    when: [strength('coop-lieu-vitrine'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'so-rencontres-conviviales-ouvertes',
    quadrant: 'SO',
    title: 'Inviter les acteurs intéressés aux rencontres conviviales du pôle',
    description: 'Les petits déjeuners, repas et fêtes du pôle créent de la confiance et font naître des coopérations. Réserver à chaque rencontre quelques places à des entreprises, associations ou acteurs publics qui s’intéressent au pôle, présentés par un membre « parrain ». L’interconnaissance précède ainsi l’adhésion et les projets communs.',
    seedRef: 'C-P3',
    when: [strength('coop-rencontres-conviviales'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'so-evaluation-bilan-collectivites',
    quadrant: 'SO',
    title: 'Présenter chaque année aux collectivités un bilan évalué des projets',
    description: 'Le pôle évalue déjà ses projets et les collectivités sont disposées à le soutenir. Présenter chaque année aux élus et aux services un bilan économique et coopératif (emplois créés ou maintenus, ressources mutualisées, projets aboutis) consolide ce soutien et oriente les prochains financements vers ce qui a fait ses preuves. Ce bilan est adopté en assemblée générale avant d’être transmis.',
    seedRef: 'C-D3',
    when: [strength('coop-evaluation'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'so-mandats-salaries-citoyens',
    quadrant: 'SO',
    title: 'Ouvrir davantage de mandats aux salariés et aux citoyens',
    description: 'Citoyens et salariés participent déjà à la gouvernance et les employeurs du territoire libèrent du temps pour les démarches collectives. Le pôle peut leur réserver des sièges au conseil d’administration, ou créer un collège des salariés et des citoyens, et conventionner avec les employeurs le temps consacré à ces mandats. La participation gagne en continuité au lieu de reposer sur le seul bénévolat du soir.',
    seedRef: 'G-P6',
    when: [strength('gouv-implication-citoyens-salaries'), opportunity('ctx-temps-disponible')],
  },
  {
    id: 'so-parrainage-noyau-historique',
    quadrant: 'SO',
    title: 'Faire parrainer chaque nouveau membre par un membre du noyau historique',
    description: 'La confiance accumulée au sein du noyau historique facilite les décisions partagées, et de nouveaux acteurs sont prêts à s’engager. Associer chaque arrivant à un parrain qui lui transmet l’histoire du pôle, ses règles implicites et ses interlocuteurs étend cette confiance au-delà des fondateurs. Un bilan du parrainage est fait au bout d’un an.',
    seedRef: 'G-P2',
    when: [strength('gouv-partagee-confiance'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'so-forum-territorial',
    quadrant: 'SO',
    title: 'Tenir un forum territorial annuel ouvert aux acteurs intéressés par le pôle',
    description: 'Le pôle a une culture du débat et de la concertation, et des acteurs publics et privés s’intéressent à lui. Un forum annuel ouvert, préparé avec les membres, permet de débattre avec ces nouveaux venus des besoins du territoire et des orientations du pôle. Les propositions issues du forum sont reprises par l’assemblée générale.',
    seedRef: 'G-P1',
    when: [strength('gouv-debat-concertation'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'so-animation-mission-territoriale',
    quadrant: 'SO',
    title: 'Proposer aux collectivités d’élargir la mission d’animation du pôle',
    description: 'L’animation fait vivre l’intelligence collective du pôle et joue son rôle de médiation. Les collectivités étant disposées à soutenir le pôle, leur proposer une mission d’animation territoriale élargie (appui à d’autres coopérations, accompagnement de porteurs de projets), financée par convention. Le savoir-faire de l’animateur profite au territoire et son poste est consolidé.',
    seedRef: 'C-P2',
    when: [strength('coop-animation'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'so-temps-libere-missions-cooperation',
    quadrant: 'SO',
    title: 'Convertir le temps libéré par les employeurs en missions de coopération',
    description: 'Les membres s’engagent dans le pôle et les employeurs du territoire reconnaissent ce temps. Formaliser des missions de coopération (pilotage d’un groupe projet, accueil des nouveaux, animation d’un atelier) ouvertes au mécénat de compétences et aux conventions de mise à disposition. Le temps donné est rendu visible dans le rapport d’activité, ce qui entretient l’engagement.',
    seedRef: 'C-D1',
    when: [strength('coop-temps-engagement'), opportunity('ctx-temps-disponible')],
  },
  {
    id: 'so-transparence-ressources-propres',
    quadrant: 'SO',
    title: 'Appuyer la diversification des ressources sur une gouvernance transparente',
    description: 'Le processus de décision est écrit et connu de tous, et les ressources du pôle sont déjà diversifiées. Diffuser aux adhérents, clients et mécènes les comptes rendus, le rapport d’activité et les comptes annuels renforce leur confiance et consolide ces ressources propres. Une politique écrite d’acceptation du mécénat évite qu’un contributeur n’infléchisse le projet.',
    seedRef: 'G-D4',
    when: [strength('gouv-informelle'), opportunity('ctx-dependance-financements')],
  },
  {
    id: 'so-club-entreprises-responsables',
    quadrant: 'SO',
    title: 'Structurer un club des entreprises socialement responsables partenaires',
    description: 'Le pôle accueille bien ses nouveaux membres et des entreprises socialement responsables sont prêtes à coopérer. Un club de partenaires, doté d’une charte d’engagement et réuni deux fois par an, leur offre une première forme d’implication avant une éventuelle adhésion. Le pôle élargit son réseau sans brusquer le sens initial du projet.',
    seedRef: 'C-D4',
    when: [strength('coop-ouverture'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'so-leaders-ambassadeurs',
    quadrant: 'SO',
    title: 'Confier aux dirigeants historiques un rôle d’ambassadeurs du pôle',
    description: 'La relève est préparée et les dirigeants historiques transmettent leurs responsabilités. Libérés d’une partie du pilotage, ils peuvent se consacrer à la représentation du pôle et à la rencontre des acteurs prêts à s’engager. Leur réseau et leur légitimité servent alors l’ouverture sans freiner le passage de relais.',
    seedRef: 'G-D1',
    when: [strength('gouv-renouvellement-leaders'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'so-experimenter-projet-propre',
    quadrant: 'SO',
    title: 'Profiter d’un cadre favorable pour expérimenter selon le projet du pôle',
    description: 'Le pôle garde son indépendance et associe équitablement toutes les parties, et le cadre réglementaire et financier lui laisse de la liberté. Engager des expérimentations fidèles au projet initial (nouveaux services, nouvelles formes de coopération) et consigner dans le pacte les principes qui les guident. Ces acquis seront plus faciles à défendre si la pression des financeurs ou du marché augmente.',
    seedRef: 'G-D2',
    when: [strength('gouv-isomorphisme'), opportunity('ctx-pression-isomorphisme')],
  },

  // ───────────── ST: use strengths against threats ─────────────
  {
    id: 'st-collectivites-plusieurs-echelons',
    quadrant: 'ST',
    title: 'Associer plusieurs collectivités à la gouvernance pour traverser les alternances',
    description: 'Les collectivités ont une place définie dans les instances du pôle, par exemple un collège de SCIC, mais leur soutien dépend des priorités politiques. Ouvrir ce collège à plusieurs échelons (commune, intercommunalité, département, région) et présenter le pôle à chaque nouvel exécutif évite qu’un changement d’élus ne fragilise l’ensemble. Les engagements pris en instance sont consignés dans les procès-verbaux et les conventions.',
    seedRef: 'G-P4',
    when: [strength('gouv-collectivites-gouvernance'), threat('ctx-soutien-collectivites')],
  },
  {
    id: 'st-partenariat-projets-recettes',
    quadrant: 'ST',
    title: 'Co-construire avec les collectivités des projets générateurs de recettes',
    description: 'Le pôle sait construire ses projets avec les collectivités, mais ses activités dépendent trop des subventions. S’appuyer sur ce partenariat pour monter des projets qui produisent des recettes (achats publics responsables, marchés réservés, services payants aux habitants) plutôt que des actions entièrement subventionnées. Un objectif de part de ressources propres peut être voté en assemblée générale.',
    seedRef: 'G-P3',
    when: [strength('gouv-partenariat-collectivites'), threat('ctx-dependance-financements')],
  },
  {
    id: 'st-pacte-principes-non-negociables',
    quadrant: 'ST',
    title: 'Inscrire dans le pacte les principes non négociables du projet',
    description: 'Le pôle a préservé son sens initial et l’équilibre entre ses parties, mais les règles des financeurs et la concurrence marchande le poussent à se normaliser. Écrire dans la charte ou le pacte les principes non négociables (finalité sociale, répartition des voix, place des citoyens) et examiner chaque réponse à un appel à projets au regard de ces principes. Ce rôle de vigilance peut être confié à un comité issu des différents collèges.',
    seedRef: 'G-D2',
    when: [strength('gouv-isomorphisme'), threat('ctx-pression-isomorphisme')],
  },
  {
    id: 'st-grille-appels-a-projets',
    quadrant: 'ST',
    title: 'Décider par consensus des appels à projets auxquels répondre',
    description: 'Le pôle sait construire des décisions consensuelles qui engagent tous ses membres. Face aux appels à projets qui le poussent à fonctionner comme un prestataire, élaborer ensemble une grille de décision (cohérence avec le projet, charge pour les membres, risque de dépendance) et l’appliquer avant chaque candidature. Le consensus obtenu une fois sur la grille évite de rouvrir le débat à chaque dossier.',
    seedRef: 'G-D3',
    when: [strength('gouv-consensus'), threat('ctx-pression-isomorphisme')],
  },
  {
    id: 'st-projets-autofinances',
    quadrant: 'ST',
    title: 'Transformer les projets innovants en activités économiques autofinancées',
    description: 'Le pôle fait émerger des projets économiques communs, mais il dépend fortement des financements publics. Prévoir pour chaque projet un modèle économique (ventes, prestations, contribution des membres) et un calendrier de sortie progressive des subventions. Les premiers excédents peuvent alimenter un fonds commun d’amorçage.',
    seedRef: 'C-P1',
    when: [strength('coop-projets-innovants'), threat('ctx-dependance-financements')],
  },
  {
    id: 'st-lieu-vitrine-recettes',
    quadrant: 'ST',
    title: 'Tirer des recettes propres du lieu vitrine',
    description: 'Le lieu repère du pôle regroupe des structures et mutualise des ressources, alors que les financements publics deviennent incertains. Louer des salles et des bureaux, ouvrir un espace de travail partagé ou proposer des services communs (accueil, reprographie, restauration) à des structures extérieures génère des ressources propres. Des tarifs distincts pour les membres et les non-membres gardent le lieu fidèle au projet.',
    seedRef: 'C-P7',
    when: [strength('coop-lieu-vitrine'), threat('ctx-dependance-financements')],
  },
  {
    id: 'st-groupement-employeurs-fonctions-support',
    quadrant: 'ST',
    title: 'Mutualiser des fonctions support par le groupement d’employeurs',
    description: 'Le pôle dispose d’outils de coopération, comme un groupement d’employeurs, mais la charge de travail des structures laisse peu de temps pour coopérer. Recruter par le groupement des salariés partagés pour les fonctions support (comptabilité, communication, réponse aux appels d’offres) allège les dirigeants. Le temps ainsi gagné peut être réinvesti dans la vie du pôle.',
    seedRef: 'C-P5',
    when: [strength('coop-outils-cooperation'), threat('ctx-temps-disponible')],
  },
  {
    id: 'st-evaluation-dialogue-elus',
    quadrant: 'ST',
    title: 'Appuyer le dialogue avec les nouveaux élus sur les résultats évalués',
    description: 'Le pôle évalue ses projets, mais un changement d’élus ou de priorités pourrait remettre en cause le soutien public. Préparer un dossier synthétique des résultats (utilité sociale, emplois, retombées pour le territoire) à présenter à chaque nouvelle équipe municipale, intercommunale ou régionale. L’évaluation devient un outil de dialogue et pas seulement un compte rendu aux financeurs.',
    seedRef: 'C-D3',
    when: [strength('coop-evaluation'), threat('ctx-soutien-collectivites')],
  },
  {
    id: 'st-rencontres-formats-courts',
    quadrant: 'ST',
    title: 'Adapter les rencontres conviviales à des agendas chargés',
    description: 'Les rencontres conviviales fonctionnent, mais les bénévoles se font rares et les salariés manquent de temps. Privilégier des formats courts et réguliers (petit déjeuner d’une heure avant le travail, déjeuner sur le lieu du pôle) plutôt que de longues soirées. La convivialité est préservée sans alourdir la charge des membres les plus sollicités.',
    seedRef: 'C-P3',
    when: [strength('coop-rencontres-conviviales'), threat('ctx-temps-disponible')],
  },
  {
    id: 'st-comite-sens-citoyens-salaries',
    quadrant: 'ST',
    title: 'Confier aux citoyens et aux salariés la vigilance sur le sens du projet',
    description: 'Citoyens et salariés sont réellement associés à la gouvernance, alors que les financeurs et le marché poussent le pôle à se normaliser. Un comité du sens, composé de citoyens, d’usagers et de salariés, peut rendre un avis préalable sur les décisions qui engagent l’orientation du pôle. Cet avis est présenté à l’assemblée générale avec la décision.',
    seedRef: 'G-P6',
    when: [strength('gouv-implication-citoyens-salaries'), threat('ctx-pression-isomorphisme')],
  },
  {
    id: 'st-mutualiser-couts-fixes',
    quadrant: 'ST',
    title: 'Étendre la mutualisation pour réduire les coûts fixes des membres',
    description: 'Les membres partagent déjà compétences, emplois et matériel, mais le pôle dépend des financements publics. Recenser les dépenses que les structures pourraient mettre en commun (locaux, véhicules, assurances, achats groupés) et en confier la gestion à une structure porteuse. Les économies réalisées réduisent la dépendance de chacun aux subventions.',
    seedRef: 'C-D2',
    when: [strength('coop-geometrie-variable'), threat('ctx-dependance-financements')],
  },
  {
    id: 'st-soutien-documents-planification',
    quadrant: 'ST',
    title: 'Ancrer l’accompagnement des collectivités dans les documents de planification',
    description: 'Les collectivités accompagnent le pôle au-delà du financement, mais cet appui pourrait ne pas survivre à une alternance politique. Faire inscrire le pôle dans les stratégies du territoire (projet de territoire, schéma régional de développement économique, plan local pour l’insertion et l’emploi) et dans des conventions de mise à disposition de locaux ou d’ingénierie. Un soutien écrit dans ces documents résiste mieux aux changements d’équipe.',
    seedRef: 'C-P6',
    when: [strength('coop-soutien-collectivites'), threat('ctx-soutien-collectivites')],
  },
  {
    id: 'st-cooperation-inter-poles',
    quadrant: 'ST',
    title: 'Chercher au-delà du territoire les partenaires qui manquent localement',
    description: 'Le pôle sait accueillir de nouveaux membres, mais le vivier local d’acteurs susceptibles de le rejoindre est restreint. Coopérer avec les PTCE voisins, les réseaux régionaux de l’ESS et les territoires limitrophes permet de trouver des partenaires pour des projets précis. Des conventions de coopération inter-pôles évitent de diluer la gouvernance du pôle.',
    seedRef: 'C-D4',
    when: [strength('coop-ouverture'), threat('ctx-nouveaux-acteurs')],
  },
  {
    id: 'st-statuts-proteger-projet',
    quadrant: 'ST',
    title: 'Protéger le projet par les statuts et le règlement de fonctionnement',
    description: 'La structure juridique du pôle est adaptée et ses règles écrites sont appliquées, mais la pression vers la normalisation s’accentue. Inscrire dans les statuts l’objet social, la répartition des voix entre collèges et une majorité qualifiée pour toute modification du projet, comme le permet par exemple une SCIC. Le règlement de fonctionnement précise qui peut engager le pôle dans une réponse à un appel d’offres.',
    seedRef: 'G-P5',
    when: [strength('gouv-structuration-juridique'), threat('ctx-pression-isomorphisme')],
    // Statutes need a legal person.
    unless: [NO_LEGAL_STRUCTURE],
  },

  // ───────────── WO: use opportunities to fix weaknesses ─────────────
  {
    id: 'wo-temps-financement-animation',
    quadrant: 'WO',
    title: 'Financer un temps d’animation dédié avec l’appui des collectivités',
    description: 'Les membres manquent de temps et l’engagement repose toujours sur les mêmes personnes, alors que les collectivités sont prêtes à soutenir le pôle. Solliciter un financement public pour un temps d’animation salarié (poste partagé, mise à disposition ou prestation) qui prépare les réunions, suit les projets et relance les membres. Bénévoles et dirigeants se concentrent alors sur les décisions et sur la coopération elle-même.',
    seedRef: 'C-D1',
    when: [weakness('coop-temps-engagement'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'wo-scic-college-collectivites',
    quadrant: 'WO',
    title: 'Créer un collège des collectivités dans une SCIC',
    description: 'Les collectivités financent le pôle mais restent en dehors de ses décisions, alors que leur soutien est durable et que le projet rejoint leurs priorités. Étudier le passage en société coopérative d’intérêt collectif (SCIC) permet de leur ouvrir un collège dédié, avec des droits de vote plafonnés pour préserver l’équilibre entre les parties. L’assemblée générale peut mandater un groupe de travail pour préparer les statuts avec les services des collectivités.',
    seedRef: 'G-P4',
    when: [weakness('gouv-collectivites-gouvernance'), opportunity('ctx-soutien-collectivites')],
    unless: [{ fact: 'legalForm', in: ['scic'] }],
  },
  {
    id: 'wo-ressources-propres-animation',
    quadrant: 'WO',
    title: 'Consacrer une part des ressources propres à une animation pérenne',
    description: 'L’animation manque de moyens pour jouer pleinement son rôle, alors que les ressources du pôle sont diversifiées. Affecter une part des cotisations et des recettes à un poste d’animateur-facilitateur, et le former à l’intelligence collective et à la médiation. Une animation financée par les membres est moins exposée aux aléas des subventions.',
    seedRef: 'C-P2',
    when: [weakness('coop-animation'), opportunity('ctx-dependance-financements')],
  },
  {
    id: 'wo-evaluation-cooperative-collectivites',
    quadrant: 'WO',
    title: 'Construire avec les collectivités une évaluation coopérative des projets',
    description: 'Les projets terminés sont rarement évalués, alors que les collectivités soutiennent le pôle et doivent elles-mêmes rendre compte de leurs aides. Définir avec elles quelques indicateurs partagés, économiques et coopératifs, et faire cofinancer une évaluation menée par un tiers ou un laboratoire universitaire. Chaque projet se clôt par un retour d’expérience dont les enseignements servent aux suivants.',
    seedRef: 'C-D3',
    when: [weakness('coop-evaluation'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'wo-convention-universite',
    quadrant: 'WO',
    title: 'Nouer une convention avec une université ou une école du territoire',
    description: 'Le pôle a peu de liens avec la recherche, alors que de nouveaux acteurs, notamment publics, s’intéressent à lui. Une convention avec une université, une école ou un laboratoire permet d’accueillir des stagiaires, des projets tutorés ou un doctorant en CIFRE sur les besoins du territoire. Cette veille partagée aide le pôle à anticiper plutôt qu’à réagir.',
    seedRef: 'C-P4',
    when: [weakness('coop-recherche-developpement'), opportunity('ctx-nouveaux-acteurs')],
  },
  // The 2026 profile does not say whether the pole or its members already have an employers’ group, and no item
  // measures it: proposed to every pole whose tools are weak, unless its profile (2027 on) shows one.
  {
    id: 'wo-groupement-employeurs',
    quadrant: 'WO',
    title: 'Créer un groupement d’employeurs avec les entreprises du territoire',
    description: 'La coopération reste ponctuelle faute d’outils, alors que des entreprises du territoire sont prêtes à coopérer. Un groupement d’employeurs permet de partager des salariés entre membres et entreprises partenaires, et d’offrir des emplois stables à temps plein. Commencer par un ou deux postes dont plusieurs structures ont besoin.',
    seedRef: 'C-P5',
    when: [weakness('coop-outils-cooperation'), opportunity('ctx-nouveaux-acteurs')],
    unless: [{ fact: 'employersGroup', is: true }],
  },
  {
    id: 'wo-chantier-ecole',
    quadrant: 'WO',
    title: 'Monter un chantier école commun avec le soutien des collectivités',
    description: 'Les membres manquent d’outils concrets de coopération, alors que les collectivités soutiennent le pôle. Un chantier école ou une formation commune, cofinancés au titre de l’insertion et de l’emploi, rassemblent plusieurs structures autour d’un même public et d’un même ouvrage. C’est un premier outil partagé qui donne l’habitude de travailler ensemble.',
    seedRef: 'C-P5',
    when: [weakness('coop-outils-cooperation'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'wo-lieu-vitrine-collectivites',
    quadrant: 'WO',
    title: 'Obtenir des collectivités un lieu repère pour le pôle',
    description: 'Le pôle ne dispose pas d’un lieu identifié pour regrouper ses structures et mutualiser ses ressources. Les collectivités étant disposées à le soutenir, leur demander la mise à disposition d’un bâtiment (bail emphytéotique, loyer modéré, friche à réhabiliter en chantier école). Un lieu vitrine rend le pôle visible et facilite la mutualisation d’emplois et de ressources.',
    seedRef: 'C-P7',
    when: [weakness('coop-lieu-vitrine'), opportunity('ctx-soutien-collectivites')],
    unless: [HAS_VENUE],
  },
  {
    id: 'wo-parcours-accueil-entreprises',
    quadrant: 'WO',
    title: 'Créer un parcours d’accueil des entreprises socialement responsables',
    description: 'Le pôle accueille peu de nouveaux acteurs, alors que des entreprises, notamment socialement responsables, sont prêtes à coopérer. Un parcours d’accueil (rencontre avec l’animation, présentation de la charte, participation à un projet pilote, puis adhésion) leur permet de trouver leur place progressivement. Un membre référent accompagne chaque entreprise pendant sa première année.',
    seedRef: 'C-D4',
    when: [weakness('coop-ouverture'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'wo-mutualisation-mecenat-competences',
    quadrant: 'WO',
    title: 'Amorcer la mutualisation grâce au mécénat de compétences',
    description: 'La coopération se limite à quelques membres, alors que les employeurs du territoire permettent à leurs salariés de s’impliquer. Proposer des échanges simples (bourse de compétences, prêt de matériel, mécénat de compétences) en y associant d’abord les membres restés à l’écart. Ces premiers échanges préparent des mutualisations plus ambitieuses d’emplois et de locaux.',
    seedRef: 'C-D2',
    when: [weakness('coop-geometrie-variable'), opportunity('ctx-temps-disponible')],
  },
  {
    id: 'wo-fonds-amorcage-projets',
    quadrant: 'WO',
    title: 'Créer un fonds d’amorçage pour les projets communs',
    description: 'Peu de projets économiques communs émergent, alors que le pôle dispose de ressources diversifiées. Réserver chaque année une part de ces ressources à un fonds d’amorçage, attribué par l’assemblée générale à des projets portés par au moins trois membres. Un atelier annuel de créativité fait émerger les idées à financer.',
    seedRef: 'C-P1',
    when: [weakness('coop-projets-innovants'), opportunity('ctx-dependance-financements')],
  },
  {
    id: 'wo-binomes-passage-relais',
    quadrant: 'WO',
    title: 'Former des binômes entre dirigeants historiques et nouveaux venus',
    description: 'Le pôle repose sur une ou deux personnes charismatiques, alors que de nouveaux acteurs sont prêts à s’engager. Constituer sur chaque responsabilité (présidence, représentation, pilotage de projets) un binôme associant un dirigeant historique et une personne nouvellement engagée prépare le passage de relais. Une coprésidence peut être inscrite dans les statuts.',
    seedRef: 'G-D1',
    when: [weakness('gouv-renouvellement-leaders'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'wo-college-salaries-citoyens',
    quadrant: 'WO',
    title: 'Créer un collège des salariés et des citoyens',
    description: 'La participation des citoyens et des salariés reste symbolique, alors que les employeurs du territoire facilitent l’implication de leurs salariés. Un collège dédié dans les instances, réuni à des horaires accessibles et doté d’un temps de délégation négocié avec les employeurs, donne à cette participation un poids réel. Les citoyens peuvent aussi rejoindre des groupes projets avant d’entrer dans les instances.',
    seedRef: 'G-P6',
    when: [weakness('gouv-implication-citoyens-salaries'), opportunity('ctx-temps-disponible')],
  },
  {
    id: 'wo-processus-decision-ecrit',
    quadrant: 'WO',
    title: 'Écrire le processus de décision pour accueillir de nouveaux acteurs',
    description: 'Les décisions se prennent souvent hors des instances et les rôles sont flous, ce qui décourage les acteurs prêts à rejoindre le pôle. Décrire par écrit qui décide de quoi, diffuser à tous les membres l’ordre du jour avant chaque réunion et le compte rendu après. Un nouveau membre comprend alors comment participer aux décisions.',
    seedRef: 'G-D4',
    when: [weakness('gouv-informelle'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'wo-collectivites-partenaires-projets',
    quadrant: 'WO',
    title: 'Faire des collectivités des partenaires de projets, pas seulement des financeurs',
    description: 'Les collectivités se comportent surtout comme des guichets de subventions, alors que le projet du pôle rejoint leurs priorités. Les inviter dans les groupes projets, leur demander un appui en ingénierie, en locaux ou en mise en relation, et définir avec leurs services un projet économique commun. Le pôle passe ainsi d’une relation de demandeur à une relation de partenaire.',
    seedRef: 'C-P6',
    when: [weakness('coop-soutien-collectivites'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'wo-comite-technique-collectivites',
    quadrant: 'WO',
    title: 'Réunir chaque trimestre un comité technique avec élus et services',
    description: 'Les échanges avec les collectivités restent rares ou peu constructifs, alors que celles-ci sont disposées à soutenir le pôle. Un comité technique trimestriel réunissant élus, services et membres du pôle permet de co-construire les projets de développement local et leur plan de financement. Son relevé de décisions est communiqué à tous les membres.',
    seedRef: 'G-P3',
    when: [weakness('gouv-partenariat-collectivites'), opportunity('ctx-soutien-collectivites')],
  },

  // ───────────── WT: defensive, limit weaknesses and avoid threats ─────────────
  {
    id: 'wt-evaluation-securiser-financements',
    quadrant: 'WT',
    title: 'Instaurer une évaluation minimale pour sécuriser les financements publics',
    description: 'Le pôle évalue peu ses projets alors qu’il dépend de financements publics de plus en plus incertains. Sans attendre un dispositif complet, suivre pour chaque projet quelques indicateurs simples (réalisations, emplois, membres impliqués, coût) et en tirer un bilan annuel. Ce minimum protège le pôle lors des renouvellements de subventions et prépare une évaluation coopérative plus riche.',
    seedRef: 'C-D3',
    when: [weakness('coop-evaluation'), threat('ctx-dependance-financements')],
  },
  {
    id: 'wt-plan-passage-relais',
    quadrant: 'WT',
    title: 'Préparer un plan de passage de relais des dirigeants historiques',
    description: 'Tout repose sur une ou deux personnes, et les bénévoles disponibles pour prendre le relais se font rares. Documenter les savoirs et les contacts des dirigeants historiques, découper leurs responsabilités en missions plus courtes et plus faciles à reprendre, et fixer un calendrier de transmission. Le pôle réduit ainsi le risque d’un départ non préparé.',
    seedRef: 'G-D1',
    when: [weakness('gouv-renouvellement-leaders'), threat('ctx-temps-disponible')],
  },
  {
    id: 'wt-garde-fous-equilibre-parties',
    quadrant: 'WT',
    title: 'Poser des garde-fous contre la prise de contrôle par une seule partie',
    description: 'Les financeurs ou les logiques commerciales pèsent déjà trop sur les orientations du pôle, et la pression extérieure s’accentue. Plafonner le poids de chaque partie dans les instances, organiser des collèges (privés, publics, citoyens) aux voix équilibrées et soumettre à une majorité qualifiée toute décision qui modifie le projet. Ces garde-fous sont inscrits dans les statuts ou le pacte.',
    seedRef: 'G-D2',
    when: [weakness('gouv-isomorphisme'), threat('ctx-pression-isomorphisme')],
  },
  {
    id: 'wt-diversifier-ressources',
    quadrant: 'WT',
    title: 'Réduire la dépendance à des collectivités cantonnées au rôle de guichet',
    description: 'Les collectivités financent le pôle sans s’impliquer dans ses projets, et le pôle dépend de ces subventions. Établir un plan de diversification des ressources (cotisations, prestations, mécénat, financement participatif) avec un objectif chiffré à trois ans. En parallèle, proposer aux collectivités un projet commun concret pour transformer le financement en partenariat.',
    seedRef: 'C-P6',
    when: [weakness('coop-soutien-collectivites'), threat('ctx-dependance-financements')],
  },
  {
    id: 'wt-recentrer-priorites',
    quadrant: 'WT',
    title: 'Recentrer le pôle sur quelques priorités pour ménager le temps des membres',
    description: 'L’engagement repose sur les mêmes personnes et la charge de travail des structures laisse peu de temps pour la coopération. Réduire le nombre de projets et de réunions, concentrer l’effort sur deux ou trois actions choisies en assemblée générale et suspendre les autres. Mieux vaut quelques coopérations tenues qu’une multitude de chantiers abandonnés.',
    seedRef: 'C-D1',
    when: [weakness('coop-temps-engagement'), threat('ctx-temps-disponible')],
  },
  {
    id: 'wt-accueil-adhesion-charte',
    quadrant: 'WT',
    title: 'Conditionner l’accueil des nouveaux membres à l’adhésion à la charte',
    description: 'Le pôle craint que l’arrivée de nouveaux membres ne dilue son sens initial, dans un contexte qui le pousse déjà vers des logiques marchandes ou institutionnelles. Faire signer la charte à chaque entrant, prévoir une période d’accueil avant le droit de vote et un échange en assemblée générale sur chaque candidature. L’ouverture reste possible sans mettre le projet en péril.',
    seedRef: 'C-D4',
    when: [weakness('coop-ouverture'), threat('ctx-pression-isomorphisme')],
  },
  {
    id: 'wt-ecrire-engagements-alternance',
    quadrant: 'WT',
    title: 'Écrire les engagements informels avant une alternance politique',
    description: 'Beaucoup d’accords du pôle reposent sur des relations personnelles et des décisions prises hors des instances, alors que le soutien des collectivités pourrait changer avec les élus. Consigner dans des conventions et des comptes rendus les engagements obtenus (financements, locaux, participation aux projets) et écrire le processus de décision du pôle. Ce qui est écrit survit au départ des personnes.',
    seedRef: 'G-D4',
    when: [weakness('gouv-informelle'), threat('ctx-soutien-collectivites')],
  },
  {
    id: 'wt-structure-juridique-financements',
    quadrant: 'WT',
    title: 'Doter le pôle d’une structure juridique capable de porter ses financements',
    description: 'Le pôle n’a pas de structure juridique adaptée et dépend de financements publics de plus en plus concurrentiels. Sans personne morale claire, il ne peut ni contractualiser ni sécuriser ses ressources. Choisir rapidement une forme (association, SCIC, union d’économie sociale) et un règlement de fonctionnement, quitte à les faire évoluer ensuite.',
    seedRef: 'G-P5',
    when: [weakness('gouv-structuration-juridique'), threat('ctx-dependance-financements')],
    unless: [HAS_LEGAL_STRUCTURE],
  },
  {
    id: 'wt-remobiliser-membres-ecart',
    quadrant: 'WT',
    title: 'Remobiliser les membres restés à l’écart de la coopération',
    description: 'La coopération se limite à quelques membres, et le territoire compte peu d’acteurs susceptibles de rejoindre le pôle. Chaque membre compte : mener des entretiens individuels avec ceux qui restent à l’écart pour cerner leurs besoins et leur proposer au moins une coopération concrète. Le pôle évite ainsi de se réduire à un noyau et de perdre sa base.',
    seedRef: 'C-D2',
    when: [weakness('coop-geometrie-variable'), threat('ctx-nouveaux-acteurs')],
  },
  {
    id: 'wt-concentrer-projet-viable',
    quadrant: 'WT',
    title: 'Concentrer les moyens sur un projet commun économiquement viable',
    description: 'Peu de projets communs aboutissent et le pôle dépend de financements publics incertains. Plutôt que de multiplier les dossiers subventionnés, choisir un projet commun au modèle économique solide et y concentrer les forces disponibles. Sa réussite donnera au pôle la crédibilité nécessaire pour la suite.',
    seedRef: 'C-P1',
    when: [weakness('coop-projets-innovants'), threat('ctx-dependance-financements')],
  },
  {
    id: 'wt-regles-repartition-ressources',
    quadrant: 'WT',
    title: 'Fixer des règles transparentes de répartition des ressources entre membres',
    description: 'La confiance dans les décisions est fragile et les financements publics se raréfient, ce qui attise les tensions. Adopter en assemblée générale des règles écrites de répartition des ressources entre membres et projets, et publier chaque année leur application. La transparence évite que la rareté ne se transforme en soupçon.',
    seedRef: 'G-P2',
    when: [weakness('gouv-partagee-confiance'), threat('ctx-dependance-financements')],
  },
  {
    id: 'wt-multiplier-interlocuteurs-publics',
    quadrant: 'WT',
    title: 'Multiplier les interlocuteurs publics pour ne pas dépendre d’un seul élu',
    description: 'Les échanges avec les collectivités sont peu réguliers et le soutien public pourrait être remis en cause par un changement d’élus. Entretenir des relations avec plusieurs élus, de la majorité comme de l’opposition, et avec les services techniques, qui assurent la continuité. Rencontrer chaque nouvel exécutif dans les premiers mois de son mandat.',
    seedRef: 'G-P3',
    when: [weakness('gouv-partenariat-collectivites'), threat('ctx-soutien-collectivites')],
  },

  // ───────────── Remedies: one weak theme, paired when selected (WO or WT) ─────────────
  // Gouvernance
  {
    id: 'remede-debat-avant-decision',
    title: 'Mettre en débat toute décision structurante avant son adoption',
    description: 'Des décisions qui engagent le pôle sont prises sans que ses membres aient pu en débattre. Le règlement de fonctionnement peut prévoir qu’aucune décision structurante (nouveau projet, nouvelle adhésion, candidature à un appel à projets majeur) n’est adoptée sans un temps de débat ouvert à tous les membres. Le compte rendu indique ensuite comment les avis exprimés ont été pris en compte.',
    seedRef: 'G-P1',
    when: [weakness('gouv-debat-concertation')],
    pairWith: ['ctx-pression-isomorphisme', 'ctx-temps-disponible'],
  },
  {
    id: 'remede-seminaire-projet-commun',
    title: 'Relire ensemble le projet du pôle lors d’un séminaire annuel',
    description: 'La confiance et le partage des décisions restent l’affaire de quelques personnes. Un séminaire annuel d’une journée, ouvert à tous les membres et animé par un tiers, permet de relire le projet du pôle, de dire ce qui marche et ce qui coince, et de fixer ensemble les priorités de l’année. L’assemblée générale reprend ensuite ces priorités et dit qui les porte.',
    seedRef: 'G-P2',
    when: [weakness('gouv-partagee-confiance')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-pression-isomorphisme'],
  },
  {
    id: 'remede-rtes-collectivites',
    title: 'Proposer aux collectivités partenaires de rejoindre le RTES',
    description: 'Le dialogue entre les élus, leurs services et les acteurs du pôle reste rare ou peu constructif. Le Réseau des collectivités territoriales pour une économie solidaire (RTES) aide élus et agents à connaître l’ESS et à bâtir des politiques avec ses acteurs. Proposer aux collectivités partenaires d’y adhérer, puis construire avec elles un programme de travail commun à partir de ce qu’elles y découvrent, donne aux deux parties une culture partagée.',
    seedRef: 'G-P3',
    when: [weakness('gouv-partenariat-collectivites')],
    pairWith: ['ctx-soutien-collectivites', 'ctx-pression-isomorphisme'],
    unless: [{ fact: 'rtesMember', is: true }],
  },
  // A second answer to the weakness, for the poles whose partners already belong to the RTES.
  {
    id: 'remede-comite-suivi-collectivites',
    title: 'Réunir chaque année élus et services autour des projets du pôle',
    description: 'Le dialogue entre les élus, leurs services et les acteurs du pôle reste rare ou peu constructif. Un comité de suivi annuel, où le pôle présente ses projets, ses résultats et ses besoins aux élus et aux techniciens des collectivités partenaires, installe un rendez-vous régulier. Chaque comité se conclut par deux ou trois engagements réciproques, dont le comité suivant fait le point.',
    seedRef: 'G-P3',
    when: [weakness('gouv-partenariat-collectivites')],
    pairWith: ['ctx-soutien-collectivites', 'ctx-pression-isomorphisme'],
  },
  {
    id: 'remede-place-collectivites-instances',
    title: 'Donner aux collectivités une place définie dans les instances du pôle',
    description: 'Les collectivités soutiennent le pôle sans prendre part à ses décisions. Les inviter à siéger au conseil d’administration ou dans un comité d’orientation, d’abord avec voix consultative, après avoir vérifié avec leurs services ce que permettent les règles de la commande publique. Leur présence fait entrer les priorités du territoire dans les décisions sans leur en confier la maîtrise.',
    seedRef: 'G-P4',
    when: [weakness('gouv-collectivites-gouvernance')],
    pairWith: ['ctx-soutien-collectivites', 'ctx-pression-isomorphisme'],
  },
  {
    id: 'remede-charte-reglement',
    title: 'Rédiger ensemble une charte et un règlement de fonctionnement',
    description: 'Les règles communes du pôle ne sont pas encore écrites, ou restent en chantier. Rédiger collectivement une charte des valeurs et un règlement de fonctionnement (qui décide de quoi, comment on entre dans le pôle et comment on en sort, comment on traite un désaccord), avec un groupe d’écriture où chaque collège est représenté. Les textes sont adoptés en assemblée générale et remis à chaque nouveau membre.',
    seedRef: 'G-P5',
    when: [weakness('gouv-structuration-juridique')],
    pairWith: ['ctx-pression-isomorphisme', 'ctx-nouveaux-acteurs'],
    unless: [CHARTER_ADOPTED],
  },
  {
    id: 'remede-faire-vivre-charte',
    title: 'Faire connaître et appliquer la charte du pôle',
    description: 'Le pôle a adopté une charte ou un règlement, mais ces règles sont mal connues ou peu appliquées. Les présenter à chaque nouveau membre et aux nouveaux salariés des structures, les rappeler en ouverture de l’assemblée générale, et consacrer chaque année un temps à vérifier qu’elles sont respectées. Une règle qui n’est plus appliquée est soit remise en pratique, soit modifiée en assemblée générale.',
    seedRef: 'G-P5',
    when: [weakness('gouv-structuration-juridique')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-pression-isomorphisme'],
    requires: [CHARTER_ADOPTED],
  },
  {
    id: 'remede-dla-structuration',
    title: 'Se faire accompagner par le dispositif local d’accompagnement (DLA)',
    description: 'La structure juridique et les règles du pôle ne sont pas à la hauteur de son projet. Le dispositif local d’accompagnement (DLA), financé par l’État, la Banque des Territoires et les collectivités, offre aux structures de l’ESS qui emploient des salariés un diagnostic puis l’appui gratuit d’un consultant. Le pôle, ou la structure qui le porte, peut le solliciter pour choisir une forme juridique adaptée, écrire ses statuts et son règlement ou préparer un passage en SCIC.',
    seedRef: 'G-P5',
    when: [weakness('gouv-structuration-juridique')],
    pairWith: ['ctx-soutien-collectivites', 'ctx-dependance-financements'],
    // Not again right after one: the pole has just had its diagnosis and consultant.
    unless: [RECENT_DLA],
  },
  {
    id: 'remede-ateliers-citoyens-salaries',
    title: 'Ouvrir aux salariés et aux citoyens des ateliers qui préparent les décisions',
    description: 'Citoyens, usagers et salariés des structures membres ont peu de prise sur les décisions du pôle. Avant chaque décision importante, ouvrir un atelier à des horaires accessibles (en soirée, ou sur le temps de travail pour les salariés) dont les propositions sont présentées à l’instance qui décide. Le compte rendu dit ce qui a été retenu et pourquoi : la participation a un effet visible.',
    seedRef: 'G-P6',
    when: [weakness('gouv-implication-citoyens-salaries')],
    pairWith: ['ctx-temps-disponible', 'ctx-nouveaux-acteurs'],
  },
  {
    id: 'remede-mandats-releve',
    title: 'Limiter la durée des mandats et préparer chaque relève un an à l’avance',
    description: 'Le pôle dépend de quelques personnes qui peinent à passer le relais. Limiter la durée des mandats de présidence et de représentation, et désigner un an avant chaque échéance la personne qui se prépare à reprendre le rôle aux côtés de celle qui le quitte. La relève devient une étape ordinaire de la vie du pôle plutôt qu’une crise.',
    seedRef: 'G-D1',
    when: [weakness('gouv-renouvellement-leaders')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-temps-disponible'],
  },
  {
    id: 'remede-bilan-equilibre-parties',
    title: 'Faire chaque année le bilan du poids de chaque partie dans les décisions',
    description: 'L’équilibre entre parties privées, publiques et citoyennes, ou l’indépendance du projet, est fragilisé. Chaque année, un petit groupe issu de tous les collèges relève qui a siégé, qui a pris la parole et quelles décisions ont suivi l’avis des financeurs ou l’intérêt commercial de certains membres, puis le présente en assemblée générale. Les écarts constatés conduisent à revoir la composition des instances ou les règles de vote.',
    seedRef: 'G-D2',
    when: [weakness('gouv-isomorphisme')],
    pairWith: ['ctx-pression-isomorphisme', 'ctx-dependance-financements'],
  },
  {
    id: 'remede-decision-par-consentement',
    title: 'Adopter une méthode de décision par consentement',
    description: 'La recherche du consensus bloque ou retarde les décisions, ou bien les désaccords ne s’expriment pas librement. Une méthode de décision par consentement, avec des délais clairs et un recours au vote en cas de blocage, permet d’associer chacun sans paralyser le pôle. La méthode est inscrite dans le règlement de fonctionnement.',
    seedRef: 'G-D3',
    when: [weakness('gouv-consensus')],
    pairWith: ['ctx-pression-isomorphisme', 'ctx-temps-disponible'],
  },
  {
    id: 'remede-releve-decisions-roles',
    title: 'Tenir un relevé des décisions et un tableau des rôles à jour',
    description: 'Les décisions se prennent souvent hors des instances et les responsabilités de chacun sont floues. Diffuser à tous les membres un relevé des décisions après chaque réunion, et tenir un tableau qui dit qui porte quoi (mandats, projets, relations avec les partenaires), mis à jour à chaque assemblée générale. Ces deux documents suffisent souvent à ramener les décisions dans les instances.',
    seedRef: 'G-D4',
    when: [weakness('gouv-informelle')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-soutien-collectivites'],
  },
  // Coopération
  {
    id: 'remede-cae-activites',
    title: 'S’associer à une coopérative d’activité et d’emploi pour faire naître des activités',
    description: 'Peu de projets économiques communs voient le jour. Une coopérative d’activité et d’emploi (CAE) permet à des porteurs de projets de tester puis de développer leur activité en étant salariés de la coopérative, avec un accompagnement et des services mutualisés. S’associer à une CAE du territoire, ou en créer une avec d’autres membres, donne au pôle un outil pour transformer des idées en activités qui coopèrent avec lui.',
    seedRef: 'C-P1',
    when: [weakness('coop-projets-innovants')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-soutien-collectivites'],
    unless: [{ fact: 'caeLink', is: true }],
  },
  {
    id: 'remede-achats-filieres',
    title: 'Acheter entre membres et construire des filières communes',
    description: 'Les projets économiques communs restent rares ou ne profitent qu’à quelques membres. Recenser ce que chaque structure achète et vend, orienter d’abord les achats vers les autres membres (restauration, entretien, impression, formation), puis repérer une filière où plusieurs membres peuvent se répartir le travail, de l’approvisionnement à la vente. Chaque euro dépensé entre membres renforce à la fois l’économie du territoire et les liens du pôle.',
    seedRef: 'C-P1',
    when: [weakness('coop-projets-innovants')],
    pairWith: ['ctx-dependance-financements', 'ctx-pression-isomorphisme'],
  },
  {
    id: 'remede-mediation-dissensus',
    title: 'Prévoir une médiation des désaccords par un tiers',
    description: 'L’animation ne joue pas pleinement son rôle, notamment de médiation, et un désaccord non traité peut bloquer les décisions ou pousser des membres au départ. Désigner à l’avance un médiateur extérieur (CRESS, autre PTCE, professionnel de la médiation) et inscrire au règlement une procédure de traitement des conflits. Le pôle sait alors comment agir avant que la tension ne s’installe.',
    seedRef: 'C-P2',
    when: [weakness('coop-animation')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-pression-isomorphisme'],
  },
  {
    id: 'remede-petit-dejeuner-mensuel',
    title: 'Instaurer un petit déjeuner mensuel tournant chez les membres',
    description: 'Les membres se connaissent peu et les moments conviviaux sont rares. Un petit déjeuner mensuel, accueilli à tour de rôle par une structure membre qui présente son activité, crée de l’interconnaissance à peu de frais. Une fête annuelle du pôle, ouverte aux salariés et aux habitants, complète ce rythme.',
    seedRef: 'C-P3',
    when: [weakness('coop-rencontres-conviviales')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-temps-disponible'],
  },
  {
    id: 'remede-reseau-ptce-labo',
    title: 'Rejoindre le réseau des PTCE animé par le Labo de l’ESS',
    description: 'Le pôle a peu de liens avec la recherche et peu de moyens pour sa veille. Le réseau des PTCE animé par le Labo de l’ESS met les pôles en relation, diffuse études et retours d’expérience, et fait connaître les chercheurs qui travaillent sur la coopération territoriale. Y participer, et rendre compte à chaque assemblée générale de ce qu’on y a appris, nourrit la veille du pôle sans qu’il ait à tout construire seul.',
    seedRef: 'C-P4',
    when: [weakness('coop-recherche-developpement')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-soutien-collectivites'],
  },
  {
    id: 'remede-formation-cooperation',
    title: 'Former ensemble les membres à la coopération',
    description: 'La coopération n’étant ni naturelle ni culturelle, elle s’apprend, et le pôle manque d’outils pour la faire vivre. Proposer chaque année aux dirigeants, salariés et bénévoles des structures membres une formation commune (conduire un projet à plusieurs, décider ensemble, traiter un désaccord), que les opérateurs de compétences (OPCO) des structures peuvent financer. Se former ensemble crée aussi les premières habitudes de travail entre structures.',
    seedRef: 'C-P5',
    when: [weakness('coop-outils-cooperation')],
    pairWith: ['ctx-soutien-collectivites', 'ctx-temps-disponible'],
  },
  {
    id: 'remede-fonds-europeens',
    title: 'Mobiliser les fonds européens LEADER et FSE+ avec les collectivités',
    description: 'Les collectivités financent le pôle sans s’impliquer dans ses projets. Les programmes européens LEADER, pour les territoires ruraux, et FSE+, pour l’emploi et l’inclusion, financent des projets qui demandent un cofinancement public et se montent avec les collectivités (groupe d’action locale pour LEADER, région ou département pour le FSE+). Monter un dossier avec elles en fait des partenaires du projet, et pas seulement des financeurs.',
    seedRef: 'C-P6',
    when: [weakness('coop-soutien-collectivites')],
    pairWith: ['ctx-soutien-collectivites', 'ctx-dependance-financements'],
  },
  {
    id: 'remede-lieu-mutualisation',
    title: 'Faire du lieu du pôle un véritable espace de mutualisation',
    description: 'Le pôle a un lieu, mais il sert peu à regrouper les structures et à partager emplois et ressources. Recenser ce que les membres pourraient y mettre en commun (accueil, salles, matériel, poste partagé) et proposer à chaque structure d’y tenir une permanence régulière. Un lieu où l’on travaille ensemble chaque semaine devient le repère du pôle.',
    seedRef: 'C-P7',
    when: [weakness('coop-lieu-vitrine')],
    pairWith: ['ctx-dependance-financements', 'ctx-nouveaux-acteurs'],
    requires: [HAS_VENUE],
  },
  {
    id: 'remede-lieu-chez-un-membre',
    title: 'Commencer par un lieu partagé chez un membre',
    description: 'Le pôle n’a pas de lieu où regrouper ses structures et mutualiser ses ressources. Sans attendre un bâtiment, un membre peut accueillir un jour par semaine les autres structures (bureaux partagés, permanences, réunions), ce qui fait naître les premières mutualisations. L’expérience dit au pôle de quel lieu il a besoin avant qu’il ne le cherche.',
    seedRef: 'C-P7',
    when: [weakness('coop-lieu-vitrine')],
    pairWith: ['ctx-soutien-collectivites', 'ctx-nouveaux-acteurs'],
    unless: [HAS_VENUE],
  },
  {
    id: 'remede-missions-courtes',
    title: 'Découper l’engagement en missions courtes et partagées',
    description: 'L’engagement repose sur les mêmes personnes, qui manquent de temps. Découper les tâches du pôle en missions courtes et bien délimitées (organiser une rencontre, suivre un dossier pendant trois mois, accueillir un nouveau membre) et les proposer à tous en assemblée générale. Chacun contribue alors selon ses disponibilités, et la charge ne pèse plus sur quelques-uns.',
    seedRef: 'C-D1',
    when: [weakness('coop-temps-engagement')],
    pairWith: ['ctx-temps-disponible', 'ctx-nouveaux-acteurs'],
  },
  {
    id: 'remede-fonction-rh-partagee',
    title: 'Mettre en place une fonction ressources humaines partagée entre membres',
    description: 'Les membres mutualisent peu de compétences et d’emplois. Une fonction ressources humaines partagée, confiée à une personne salariée du pôle ou d’un groupement d’employeurs, prend en charge pour plusieurs structures les recrutements, la formation et les parcours des salariés. Elle professionnalise les petites structures et repère les emplois qui pourraient être partagés.',
    seedRef: 'C-D2',
    when: [weakness('coop-geometrie-variable')],
    pairWith: ['ctx-temps-disponible', 'ctx-dependance-financements'],
  },
  {
    id: 'remede-bilan-fin-projet',
    title: 'Clore chaque projet par un bilan économique et coopératif',
    description: 'Les projets sont peu évalués et leurs enseignements se perdent. Fixer pour chaque projet, dès son lancement, trois ou quatre indicateurs simples (activité, emplois, ressources mutualisées, membres impliqués), et le clore par une réunion de bilan qui dit ce qui a marché, ce qui a coûté et ce qu’on referait. Les bilans sont réunis dans le rapport d’activité et relus au lancement des projets suivants.',
    seedRef: 'C-D3',
    when: [weakness('coop-evaluation')],
    pairWith: ['ctx-dependance-financements', 'ctx-soutien-collectivites'],
  },
  // A second answer to the weakness, for the poles that already belong to the CRESS.
  {
    id: 'remede-portes-ouvertes-territoire',
    title: 'Ouvrir chaque année les portes du pôle aux acteurs du territoire',
    description: 'Le pôle accueille peu de nouveaux acteurs. Une journée portes ouvertes annuelle, où chaque membre présente son activité et les projets communs, fait découvrir le pôle aux entreprises, associations, élus et habitants du territoire. Un membre référent recontacte dans le mois chaque visiteur intéressé et lui propose de participer à un projet avant toute adhésion.',
    seedRef: 'C-D4',
    when: [weakness('coop-ouverture')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-temps-disponible'],
  },
  {
    id: 'remede-adherer-cress',
    title: 'Adhérer à la CRESS pour se faire connaître des acteurs de l’ESS',
    description: 'Le pôle accueille peu de nouveaux acteurs. La chambre régionale de l’économie sociale et solidaire (CRESS) fédère les entreprises de l’ESS de la région, tient son observatoire et organise des rencontres. Y adhérer, présenter le pôle lors de ses événements et s’appuyer sur son réseau aide à repérer les structures, dont les entreprises socialement responsables, qui pourraient le rejoindre.',
    seedRef: 'C-D4',
    when: [weakness('coop-ouverture')],
    pairWith: ['ctx-nouveaux-acteurs', 'ctx-pression-isomorphisme'],
    unless: [{ fact: 'cressMember', is: true }],
  },
  // ───────────── 2027: the pole's own funding, an internal theme (issue 12) ─────────────
  // ptce-2027 measures the pole's dependence on public money as a trait of its own (theme role
  // gouv-autonomie-financiere), apart from the funding climate (ctx-dependance-financements), and its members'
  // workload inside coop-temps-engagement.
  {
    id: 'so-autonomie-projets-nouveaux-partenaires',
    quadrant: 'SO',
    title: 'Investir une part des ressources propres dans des projets avec de nouveaux partenaires',
    description: 'Le pôle tire une part de ses ressources de ses propres activités et des acteurs du territoire s’intéressent à lui. Réserver chaque année une part de ces ressources à des projets montés avec de nouveaux partenaires permet de les lancer sans attendre une subvention. Les projets retenus et leur budget sont présentés en assemblée générale.',
    seedRef: 'X-5',
    when: [strength('gouv-autonomie-financiere'), opportunity('ctx-nouveaux-acteurs')],
  },
  {
    id: 'st-autonomie-reserve-financements',
    quadrant: 'ST',
    title: 'Constituer une réserve pour traverser une baisse des financements publics',
    description: 'Les ressources du pôle sont diversifiées, mais les financements publics deviennent plus incertains. Mettre chaque année en réserve une part des excédents, jusqu’à couvrir quelques mois de fonctionnement, permet de garder l’équipe et les projets si une aide arrive en retard ou s’arrête. Le niveau visé est voté en assemblée générale avec les comptes.',
    seedRef: 'X-5',
    when: [strength('gouv-autonomie-financiere'), threat('ctx-dependance-financements')],
  },
  {
    id: 'st-autonomie-choisir-appels-a-projets',
    quadrant: 'ST',
    title: 'S’appuyer sur ses ressources propres pour choisir les appels à projets',
    description: 'Le pôle finance lui-même une part de ses activités, alors que les règles des financeurs le poussent à fonctionner comme un prestataire. Ses ressources propres lui permettent de renoncer à un appel à projets éloigné de son projet de départ. Fixer en assemblée générale les critères d’une candidature (utilité pour les membres, charge de travail, fidélité au projet) et les appliquer à chaque appel.',
    seedRef: 'X-5',
    when: [strength('gouv-autonomie-financiere'), threat('ctx-pression-isomorphisme')],
  },
  {
    id: 'wo-autonomie-achats-publics',
    quadrant: 'WO',
    title: 'Proposer aux collectivités d’acheter des services du pôle plutôt que de le subventionner',
    description: 'Le pôle dépend des financements publics, alors que les collectivités soutiennent son projet. Leur proposer de remplacer une part des subventions par des achats de services (marchés réservés, clauses sociales, prestations aux habitants) donne au pôle des recettes liées à ce qu’il produit. Le pôle recense d’abord ce qu’il sait vendre, puis le présente aux services achats des collectivités.',
    seedRef: 'X-5',
    when: [weakness('gouv-autonomie-financiere'), opportunity('ctx-soutien-collectivites')],
  },
  {
    id: 'wo-autonomie-finance-solidaire',
    quadrant: 'WO',
    title: 'Solliciter la finance solidaire et les fondations pour les projets du pôle',
    description: 'Le pôle dépend des financements publics, alors que d’autres sources de financement lui sont accessibles. Les réseaux de la finance solidaire (comme France Active), les fondations et le financement participatif soutiennent des projets de l’économie sociale et solidaire, par des prêts, des garanties ou des dons. Préparer un dossier pour un projet précis, avec les membres qui le portent, fait entrer d’autres financeurs dans le budget du pôle.',
    seedRef: 'X-5',
    when: [weakness('gouv-autonomie-financiere'), opportunity('ctx-dependance-financements')],
  },
  {
    id: 'wt-autonomie-plan-continuite',
    quadrant: 'WT',
    title: 'Préparer ce que le pôle ferait si une subvention importante s’arrêtait',
    description: 'Le pôle dépend des financements publics, qui deviennent plus incertains. Lister ses activités avec les aides qui les financent et leur date de fin, décider à l’avance lesquelles seraient maintenues, réduites ou confiées à un membre, et prévenir les financeurs assez tôt pour chercher un relais. Ce plan est revu chaque année avec le budget.',
    seedRef: 'X-5',
    when: [weakness('gouv-autonomie-financiere'), threat('ctx-dependance-financements')],
  },
  {
    id: 'remede-objectif-ressources-propres',
    title: 'Se fixer un objectif de ressources propres à trois ans',
    description: 'Le pôle dépend des financements publics pour l’essentiel de ses activités. Recenser ce qu’il peut vendre ou facturer (prestations aux membres, services aux habitants, location de salles, formations), puis voter en assemblée générale une part de ressources propres à atteindre dans trois ans. Le point d’étape est présenté chaque année avec les comptes.',
    seedRef: 'X-5',
    when: [weakness('gouv-autonomie-financiere')],
    pairWith: ['ctx-dependance-financements', 'ctx-nouveaux-acteurs'],
  },
  {
    id: 'remede-contributions-membres',
    title: 'Revoir les contributions des membres au fonctionnement du pôle',
    description: 'Le fonctionnement du pôle repose sur les aides publiques plus que sur ses membres. Adopter un barème de cotisation proportionné à la taille des structures, et inscrire dans les comptes les contributions en nature (temps de salarié, locaux, matériel), rend visible ce que chacun apporte. Le pôle montre ainsi à ses financeurs que ses membres s’engagent eux-mêmes.',
    seedRef: 'X-5',
    when: [weakness('gouv-autonomie-financiere')],
    pairWith: ['ctx-dependance-financements', 'ctx-temps-disponible'],
  },
  {
    id: 'remede-alleger-charge-membres',
    title: 'Confier à une personne partagée les tâches qui absorbent le temps des membres',
    description: 'La charge de travail dans les structures membres freine leur participation au pôle. Recenser les tâches que chaque structure mène seule (paie, réponses aux appels d’offres, communication) et en confier une partie à une personne partagée, recrutée par le pôle ou par un groupement d’employeurs. Le temps libéré est d’abord consacré aux projets communs.',
    seedRef: 'C-D1',
    when: [weakness('coop-temps-engagement')],
    pairWith: ['ctx-temps-disponible', 'ctx-soutien-collectivites'],
  },
];

/** The theme roles some option names: every theme of a questionnaire version must have one of them. */
export const CATALOGUE_ROLES: ReadonlySet<string> = new Set(
  STRATEGIC_OPTIONS.flatMap((o) => [...o.when.map((c) => c.role), ...('pairWith' in o ? o.pairWith : [])]),
);
