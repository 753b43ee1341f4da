// Theme codes as the exports write them. A theme's questionnaire id was chosen when its wording was different
// (« gouv-isomorphisme » now reads « Équilibre entre les parties et indépendance du projet ») and must stay: answers
// and campaigns refer to it. Exports, read by analysts in a spreadsheet, carry a code that says what the theme is,
// from this versioned mapping keyed by theme role (so a later questionnaire version keeps the same code), and the
// dictionary gives both, so files exported before the mapping stay comparable.
import type { ModelTheme } from '../../surveys/model.ts';

/** Bumped whenever a code changes; written in every dictionary. */
export const THEME_CODES_VERSION = '2026-12';

/** Theme role → export code, where the role does not say what the theme measures. */
const RENAMED: Readonly<Record<string, string>> = {
  'gouv-isomorphisme': 'gouv-equilibre-independance',
  'gouv-informelle': 'gouv-formalisation',
  'ctx-pression-isomorphisme': 'ctx-liberte-pressions',
  'ctx-dependance-financements': 'ctx-autonomie-financements',
};

/** The code exports use for a theme: its renamed code, else its role. */
export const themeCode = (theme: Pick<ModelTheme, 'role'>): string => RENAMED[theme.role] ?? theme.role;
