// « Chiffres clés des pôles » of the network report: the figures the poles kept by the filters declared in their
// profile (budget, self-financing, public funding by level, jobs, facilitation, joint projects, members) as
// distributions, then the poles per answer for territory, stage, filières and tools.
import type { NetworkKeyFigures } from '../contract/key-figures.ts';
import { formatKeyFigure } from '../key-figures-format.ts';
import { formatInteger } from '../format.ts';
import type { Cell, Layout } from './layout.ts';

export const NETWORK_KEY_FIGURES_TITLE = 'Chiffres clés des pôles';

/** The section; absent when the results were computed without the profiles' key figures. */
export function networkKeyFiguresSection(layout: Layout, keyFigures: NetworkKeyFigures | undefined): void {
  if (!keyFigures) return;
  layout.section(NETWORK_KEY_FIGURES_TITLE);
  if (!keyFigures.figures.length && !keyFigures.facts.length) {
    layout.paragraph('Le formulaire de profil de cette campagne ne demande aucun chiffre clé.', { muted: true });
    return;
  }
  layout.paragraph(
    `Chiffres de la dernière année complète, déclarés par la coordination de chaque pôle dans son profil (${formatInteger(keyFigures.poles)} pôle${keyFigures.poles > 1 ? 's' : ''} ` +
      'retenu' + (keyFigures.poles > 1 ? 's' : '') + ' par les filtres l’ont rempli). Pour chaque chiffre : le nombre de pôles qui l’ont donné (n), le plus bas, ' +
      'le premier quartile (Q1), la médiane, le troisième quartile (Q3) et le plus haut ; la moitié des pôles est entre Q1 et Q3.',
  );
  if (keyFigures.figures.length) {
    layout.table(
      [
        { header: 'Chiffre', width: 150 },
        { header: 'n', width: 28, align: 'right' },
        { header: 'Min', width: 62, align: 'right' },
        { header: 'Q1', width: 62, align: 'right' },
        { header: 'Médiane', width: 66, align: 'right' },
        { header: 'Q3', width: 62, align: 'right' },
        { header: 'Max', width: 62, align: 'right' },
      ],
      keyFigures.figures.map((f): Cell[] => {
        const d = f.distribution;
        const cell = (v: number | null) => formatKeyFigure(v, f.unit);
        return [f.partOf ? { text: `dont ${f.label}`, muted: true } : f.label, formatInteger(d.n), cell(d.min), cell(d.q1), { text: cell(d.median), bold: true }, cell(d.q3), cell(d.max)];
      }),
      { size: 8 },
    );
  }
  if (!keyFigures.facts.length) return;
  layout.subheading('Territoire, stade et outils', 80);
  layout.table(
    [
      { header: 'Repère', width: 150 },
      { header: 'Pôles par réponse', width: 290 },
      { header: 'Pôles ayant répondu', width: 70, align: 'right' },
    ],
    keyFigures.facts.map((f): Cell[] => {
      const shown = f.counts.filter((c) => c.count > 0);
      return [f.label, shown.length ? shown.map((c) => `${c.label} : ${formatInteger(c.count)}`).join(' ; ') : { text: '–', muted: true }, formatInteger(f.answered)];
    }),
    { size: 8 },
  );
  if (keyFigures.facts.some((f) => f.id === 'sectors')) layout.paragraph('Un pôle peut avoir plusieurs filières.', { muted: true, size: 8 });
}
