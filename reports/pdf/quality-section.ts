// « Qualité du questionnaire » in the network PDF: which rows to rework next year and why (a theme whose rows do not
// hang together, a row many answer « je ne sais pas »), then each theme's coherence. The words are those of the
// network dashboard (reports/reliability.ts); the figures come from reports/analysis/quality.ts.
import type { NetworkResults } from '../analysis/network.ts';
import { formatInteger } from '../format.ts';
import { alphaText, formatShare, QUALITY_INTRO, QUALITY_METHOD, QUALITY_TITLE, reworkAdvice } from '../reliability.ts';
import { SIZE, type Layout } from './layout.ts';

export function qualitySection(layout: Layout, results: Pick<NetworkResults, 'themes' | 'polesWithResults'>) {
  layout.section(QUALITY_TITLE);
  layout.paragraph(QUALITY_INTRO);
  layout.subheading('À retravailler l’an prochain');
  const advice = reworkAdvice(results.themes);
  if (!results.polesWithResults) layout.paragraph('Aucun pôle n’a encore de résultats : rien à en dire pour l’instant.', { muted: true });
  else if (!advice.length) layout.paragraph('Aucun thème ni aucune ligne ne dépasse les seuils : rien ne presse de retravailler le questionnaire.', { muted: true });
  for (const a of advice) {
    layout.minorHeading(a.theme);
    layout.bullets(a.reasons);
  }
  layout.subheading('Cohérence des thèmes');
  layout.table(
    [
      { header: 'Thème', width: 215 },
      { header: 'Cohérence (α)', width: 95, align: 'right' },
      { header: 'Réponses complètes', width: 80, align: 'right' },
      { header: 'Lignes à plus de 30 % de « je ne sais pas »', width: 105 },
    ],
    results.themes.map((th) => [
      th.label,
      alphaText(th),
      formatInteger(th.alphaRespondents),
      th.nspItems.length ? th.nspItems.map((i) => `${i.label} (${formatShare(i.nspRate)})`).join(' ; ') : { text: 'aucune', muted: true },
    ]),
    { size: 7.5 },
  );
  layout.paragraph(QUALITY_METHOD, { size: SIZE.small, muted: true });
}
