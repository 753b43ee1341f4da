// « Chiffres clés » of the pole report: the figures its coordinator declared in the profile form (budget,
// self-financing, public funding by level, jobs, facilitation, joint projects, members) beside last campaign's and the
// change, then where the pole stands (territory, stage, filières) and the tools it has. Pole-level facts, not answers:
// no anonymity threshold applies to them, and the page says whose figures they are.
import type { KeyFigures } from '../contract/key-figures.ts';
import type { PoleResults } from '../types.ts';
import { formatKeyChange, formatKeyFigure } from '../key-figures-format.ts';
import type { Cell, Layout } from './layout.ts';

export const KEY_FIGURES_TITLE = 'Chiffres clés';

/** The facts that make some strategic options pointless (surveys/strategic-options.ts). */
const TOOLS: readonly string[] = ['employersGroup', 'cressMember', 'rtesMember', 'dlaSupport', 'caeLink'];

/** The section, on its own page; absent when the results were computed without the profile (no `keyFigures`). */
export function keyFiguresSection(layout: Layout, results: Pick<PoleResults, 'keyFigures' | 'campaign'>): void {
  const keyFigures = results.keyFigures;
  if (keyFigures === undefined) return;
  layout.section(KEY_FIGURES_TITLE);
  if (keyFigures === null) {
    layout.paragraph(
      `Le profil du pôle n’est pas rempli pour la campagne ${results.campaign.year} : ses chiffres clés (budget, autofinancement, emplois, projets communs…) ` +
        'apparaîtront ici une fois qu’il l’aura été.',
      { muted: true },
    );
    return;
  }
  figuresTable(layout, keyFigures, results.campaign.year);
  factsTable(layout, keyFigures, results.campaign.year);
}

function figuresTable(layout: Layout, keyFigures: KeyFigures, year: number) {
  const before = keyFigures.previousCampaign?.year;
  layout.paragraph(
    'Chiffres de la dernière année complète, déclarés par la coordination dans le profil du pôle (ce ne sont pas des réponses au questionnaire). ' +
      (before
        ? `Ils sont comparés à ceux déclarés pour la campagne ${before} ; l’évolution d’une part d’autofinancement est donnée en points.`
        : 'Aucun profil antérieur : l’évolution apparaîtra à la prochaine campagne.'),
  );
  if (!keyFigures.figures.length) {
    layout.paragraph('Le formulaire de profil de cette campagne ne demande aucun chiffre.', { muted: true });
    return;
  }
  const rows = keyFigures.figures.map((f): Cell[] => {
    const row: Cell[] = [f.partOf ? { text: `dont ${f.label}`, muted: true } : f.label, { text: formatKeyFigure(f.value, f.unit), bold: !f.partOf }];
    if (before) row.push(formatKeyFigure(f.previous, f.unit), { text: formatKeyChange(f.change, f.unit), bold: f.change !== null && f.change !== 0 });
    return row;
  });
  layout.table(
    [
      { header: 'Chiffre', width: 200 },
      { header: String(year), width: 95, align: 'right' },
      ...(before ? [{ header: String(before), width: 95, align: 'right' as const }, { header: `Évolution depuis ${before}`, width: 105, align: 'right' as const }] : []),
    ],
    rows,
  );
  const blank = keyFigures.figures.filter((f) => f.value === null && !f.partOf);
  if (blank.length) layout.paragraph(`Non renseigné cette année : ${blank.map((f) => f.label.toLowerCase()).join(', ')}.`, { muted: true, size: 8 });
}

function factsTable(layout: Layout, keyFigures: KeyFigures, year: number) {
  if (!keyFigures.facts.length) return;
  // Last year's column only when last year's form asked some of these.
  const before = keyFigures.facts.some((f) => f.previous !== null) ? keyFigures.previousCampaign?.year : undefined;
  layout.subheading('Territoire, stade et outils du pôle', 80);
  layout.table(
    [
      { header: 'Repère', width: 190 },
      { header: String(year), width: 160 },
      ...(before ? [{ header: String(before), width: 150 }] : []),
    ],
    keyFigures.facts.map((f): Cell[] => {
      const row: Cell[] = [f.label, f.value === null ? { text: 'non renseigné', muted: true } : { text: f.value, bold: f.changed }];
      if (before) row.push(f.previous === null ? { text: 'non renseigné', muted: true } : f.previous);
      return row;
    }),
  );
  if (keyFigures.facts.some((f) => f.changed)) layout.paragraph(`En gras, ce qui a changé depuis ${before}.`, { muted: true, size: 8 });
  if (!keyFigures.facts.some((f) => TOOLS.includes(f.id))) return;
  layout.paragraph(
    'Les options stratégiques de ce rapport ne proposent pas ce que ces réponses montrent déjà en place (groupement d’employeurs, adhésion à la CRESS, ' +
      'collectivités membres du RTES, lien avec une coopérative d’activité et d’emploi, accompagnement récent par un DLA, forme SCIC, charte, lieu vitrine).',
    { muted: true, size: 8 },
  );
}
