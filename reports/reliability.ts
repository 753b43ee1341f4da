// How sure a pole's figures are and how well the questionnaire's rows work, in the words the dashboards and the PDF
// reports share (as reports/vocabulary.ts for the rest): « 62,4 (55 – 70) », « à confirmer », and the network's
// « Qualité du questionnaire ». The analysis is reports/analysis/uncertainty.ts and quality.ts.
import type { NetworkThemeResult } from './contract/network.ts';
import type { Interval, ThemeResult } from './types.ts';
import { formatScore, NNBSP } from './format.ts';
import { formatThreshold } from './vocabulary.ts';
import { ALPHA_LOW, ALPHA_MIN_RESPONDENTS, NSP_HIGH } from './analysis/quality.ts';

/** Said beside a strength, weakness, opportunity or threat that its interval does not settle. */
export const TO_CONFIRM = 'à confirmer';

/**
 * « 55 – 70 »: the interval in whole points, rounded outwards (down, up), so that a printed bound never sits on the
 * wrong side of a threshold the interval crosses.
 */
export function intervalText(interval: Interval | null | undefined): string | null {
  if (!interval) return null;
  return `${Math.floor(interval.low + 1e-9)} – ${Math.ceil(interval.high - 1e-9)}`;
}

/** « 62,4 (55 – 70) », or the score alone without interval. */
export function scoreWithInterval(theme: Pick<ThemeResult, 'score' | 'interval'>): string {
  const range = intervalText(theme.interval);
  return range ? `${formatScore(theme.score)} (${range})` : formatScore(theme.score);
}

/** What the bracket after a score is, for a table's note. */
export const INTERVAL_NOTE =
  'Entre parenthèses : la fourchette dans laquelle le score se situe très probablement (9 chances sur 10), vu le nombre de réponses et leur dispersion ; ' +
  'plus il y a de réponses et plus elles concordent, plus elle est étroite.';

/** What « à confirmer » means, said where it is shown. */
export function toConfirmNote(thresholds: { high: number; low: number }): string {
  return (
    `« ${TO_CONFIRM} » : la fourchette du score franchit le seuil qui classe le thème (${formatThreshold(thresholds.high)} pour une force ou une opportunité, ` +
    `${formatThreshold(thresholds.low)} pour une faiblesse ou une menace) ; avec ce nombre de réponses, le thème pourrait tout aussi bien être un point de vigilance. ` +
    'À discuter en réunion, et à revoir à la prochaine campagne.'
  );
}

/** The same, in one short sentence (the two-page summary). */
export const TO_CONFIRM_SHORT = `« ${TO_CONFIRM} » : avec ce nombre de réponses, le score pourrait se situer de l’autre côté du seuil ; à discuter en réunion (détail en annexe du rapport complet).`;

/** The method annex, in plain French: how intervals are computed and what « à confirmer » means. */
export function intervalMethod(k: number, thresholds: { high: number; low: number }): string[] {
  return [
    'Fourchette (intervalle à 90 %) d’une question : intervalle de Student autour du score, qui est la moyenne des collèges présentés. Sa largeur vient de la dispersion des réponses dans chaque collège et de leur nombre ; ' +
      'les degrés de liberté suivent la formule de Welch–Satterthwaite, car les collèges n’ont ni le même nombre de réponses ni la même dispersion. ' +
      `Seules les réponses qui comptent dans le score y entrent (cellules d’au moins ${k} personnes) : la fourchette n’apprend rien de plus qu’elles.`,
    'Fourchette d’un thème : calculée à partir des seules fourchettes de ses questions, jamais des moyennes personnelles des répondants (qui, comparées aux chiffres des questions, trahiraient les réponses d’une personne ayant sauté une question). ' +
      'L’erreur type de chaque collège sur le thème est prise égale à la moyenne des erreurs types de ses questions : c’est la plus grande possible, atteinte si chacun répondait à toutes les questions du thème dans le même sens. ' +
      'La fourchette d’un thème est donc prudente : un peu large plutôt que trop étroite.',
    `« ${TO_CONFIRM} » : un thème classé force ou opportunité (score ≥ ${formatThreshold(thresholds.high)}) dont la fourchette descend sous ${formatThreshold(thresholds.high)}, ` +
      `ou classé faiblesse ou menace (score ≤ ${formatThreshold(thresholds.low)}) dont la fourchette monte au-dessus de ${formatThreshold(thresholds.low)} : son classement n’est pas acquis. ` +
      'Un thème classé dont la fourchette ne peut être calculée est aussi « à confirmer ».',
    'Les bornes des fourchettes sont arrondies au point entier vers l’extérieur.',
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The network's « Qualité du questionnaire ».

export const QUALITY_TITLE = 'Qualité du questionnaire';

const twoDecimals = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** « 0,72 », or « – ». */
export const formatAlpha = (alpha: number | null): string => (alpha === null ? '–' : twoDecimals.format(alpha).replace('-', '−'));

/** « 42 % ». */
export const formatShare = (rate: number): string => `${Math.round(rate * 100)}${NNBSP}%`;

export const QUALITY_INTRO =
  'Pour préparer le questionnaire de l’an prochain : les lignes auxquelles beaucoup répondent « je ne sais pas / non concerné », ' +
  `et les thèmes dont les lignes ne vont pas dans le même sens. Une ligne est à retravailler au-delà de ${formatShare(NSP_HIGH)} de « je ne sais pas » ` +
  `parmi les personnes à qui elle a été présentée ; un thème, quand sa cohérence (α de Cronbach) est sous ${formatAlpha(ALPHA_LOW)}.`;

export const QUALITY_METHOD =
  `Cohérence d’un thème : α de Cronbach sur les scores (0 à 100) de ses lignes, calculé sur les répondants des pôles avec résultats qui ont noté chacune ` +
  '(dans chaque pôle, par groupes de collèges d’au moins autant de personnes que le seuil d’anonymat) ; ' +
  `proche de 1, les lignes mesurent la même chose ; sous ${formatAlpha(ALPHA_LOW)}, l’une d’elles mesure sans doute autre chose ou est mal comprise. ` +
  `Non calculée pour un thème d’une seule ligne ou sur moins de ${ALPHA_MIN_RESPONDENTS} réponses complètes. ` +
  'Part de « je ne sais pas » : comptée dans chaque pôle sur les groupes de collèges où la ligne a été présentée à assez de personnes (seuil d’anonymat), puis additionnée.';

/** A theme's α said plainly, or why it is missing. */
export function alphaText(theme: Pick<NetworkThemeResult, 'alpha' | 'alphaRespondents'>): string {
  if (theme.alpha !== null) return formatAlpha(theme.alpha);
  if (theme.alphaRespondents < ALPHA_MIN_RESPONDENTS) return 'trop peu de réponses complètes';
  return 'non calculable (une seule ligne, ou des réponses toutes identiques)';
}

export interface ReworkAdvice {
  themeId: string;
  theme: string;
  /** What to rework and why, one sentence each. */
  reasons: string[];
}

/** The themes and rows to rework next year, the least coherent theme first, then by their « nsp » rows. */
export function reworkAdvice(themes: readonly NetworkThemeResult[]): ReworkAdvice[] {
  return themes
    .filter((t) => (t.alpha !== null && t.alpha < ALPHA_LOW) || t.nspItems.length > 0)
    .sort((a, b) => (a.alpha ?? 1) - (b.alpha ?? 1) || b.nspItems.length - a.nspItems.length)
    .map((t) => ({
      themeId: t.id,
      theme: t.label,
      reasons: [
        ...(t.alpha !== null && t.alpha < ALPHA_LOW
          ? [`Ses lignes ne vont pas dans le même sens (cohérence ${formatAlpha(t.alpha)}, sous ${formatAlpha(ALPHA_LOW)}, sur ${t.alphaRespondents} réponses complètes) : relire chaque ligne, l’une mesure sans doute autre chose que le thème ou est mal comprise.`]
          : []),
        ...t.nspItems.map((i) => `« ${i.label} » : ${formatShare(i.nspRate)} de « je ne sais pas / non concerné » parmi les personnes à qui elle a été présentée ; la reformuler, ou ne la présenter qu’aux collèges concernés.`),
      ],
    }));
}
