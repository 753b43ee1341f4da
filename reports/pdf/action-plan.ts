// The « Plan d'action » PDF of a pole's campaign, one A4 page for the meeting's minutes: what became of the previous
// plan, the group's reading of the diagnosis theme by theme, and the actions adopted with who carries them, by when
// and where they stand. Built on the shared layout (fonts, typography, tables); a long plan flows onto more pages
// rather than being cut.
import { COLOUR, FONT, LEFT, Layout, PAGE, SIZE, WIDTH, openDocument, resetTypography, t, type Cell, type Column } from './layout.ts';
import { formatDateFr, formatDayFr, formatDelta, formatMonthFr, formatScore } from '../format.ts';
import type { FollowUp, Review, ReviewAction } from '../contract/review.ts';
import { ACTION_STATUS_LABEL, agreementLabel } from '../contract/review-labels.ts';

export interface ActionPlanInput {
  pole: { name: string };
  campaign: { year: number };
  review: Review;
  /** Labels of what the review names: the campaign's collèges and themes (GET …/review's `choices`). */
  colleges: readonly { id: string; label: string }[];
  themes: readonly { id: string; label: string }[];
  /** The previous plan, as the campaign's results follow it. */
  followUp: FollowUp | null;
}

const ACTION_PLAN_TITLE = 'Plan d’action';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** « Entreprises de l'ESS : 5 ; Collectivités : 3 », in the questionnaire's order of collèges. */
function participantsText(review: Review, colleges: ActionPlanInput['colleges']): string {
  const counted = colleges.filter((c) => (review.participants[c.id] ?? 0) > 0).map((c) => `${c.label} : ${review.participants[c.id]}`);
  const total = Object.values(review.participants).reduce((s, n) => s + n, 0);
  return total ? `${plural(total, 'participant', 'participants')} (${counted.join(' ; ')})` : 'participants non renseignés';
}

const actionText = (a: Pick<ReviewAction, 'title' | 'optionId' | 'note'>) =>
  `${a.title}${a.optionId === null ? ' (action propre au pôle)' : ''}${a.note ? `\n${a.note}` : ''}`;

export async function renderActionPlan(input: ActionPlanInput, options: { generatedAt: Date }): Promise<Buffer> {
  resetTypography();
  const { pole, campaign, review, followUp } = input;
  const { doc, bytes } = openDocument({
    Title: `${ACTION_PLAN_TITLE} ${campaign.year} – ${pole.name}`,
    Author: pole.name,
    Subject: `Revue collective et plan d’action du pôle, campagne ${campaign.year}`,
    CreationDate: options.generatedAt,
  });
  const layout = new Layout(doc);
  layout.section(`${ACTION_PLAN_TITLE} ${campaign.year}`, { toc: false, newPage: false });
  layout.paragraph(pole.name, { bold: true, size: SIZE.h3, gap: 2 });
  layout.paragraph(
    review.updatedAt
      ? `Revue collective ${review.meetingDate ? `du ${formatDayFr(review.meetingDate)}` : '(date non renseignée)'} : ${participantsText(review, input.colleges)}.`
      : 'Aucune revue collective enregistrée pour cette campagne.',
    { muted: true },
  );

  if (followUp) {
    layout.subheading(`Suivi du plan d’action ${followUp.year}`);
    if (!followUp.actions.length) layout.paragraph(`Aucune action n’avait été adoptée en ${followUp.year}.`);
    else {
      const columns: Column[] = [{ header: 'Action', width: 40 }, { header: 'Statut', width: 13 }, { header: `Thèmes visés : ${followUp.year} → ${campaign.year} (évolution)`, width: 47 }];
      layout.table(columns, followUp.actions.map((a): Cell[] => [
        a.title,
        { text: ACTION_STATUS_LABEL[a.status], bold: a.status === 'done' },
        a.themes.length ? a.themes.map((th) => `${th.label} : ${formatScore(th.before)} → ${formatScore(th.after)} (${formatDelta(th.delta)})`).join('\n') : { text: 'aucun thème indiqué', muted: true },
      ]), { size: SIZE.small });
    }
  }

  layout.subheading('Lecture du diagnostic');
  if (!review.themes.length) layout.paragraph('Aucun thème discuté enregistré.', { muted: true });
  else {
    const label = new Map(input.themes.map((th) => [th.id, th.label]));
    layout.table(
      [{ header: 'Thème', width: 30 }, { header: 'Diagnostic partagé ?', width: 16 }, { header: 'Ce que le groupe en dit', width: 54 }],
      review.themes.map((th): Cell[] => [label.get(th.themeId) ?? th.themeId, agreementLabel(th.agreed), th.note || { text: '–', muted: true }]),
      { size: SIZE.small },
    );
  }

  layout.subheading('Actions adoptées');
  if (!review.actions.length) layout.paragraph('Aucune action adoptée pour l’instant.', { muted: true });
  else {
    layout.table(
      [{ header: 'Action', width: 46 }, { header: 'Portée par', width: 24 }, { header: 'Échéance', width: 15 }, { header: 'Statut', width: 15 }],
      review.actions.map((a): Cell[] => [
        actionText(a),
        a.owner || { text: 'à préciser', muted: true },
        a.due ? formatMonthFr(a.due) : { text: 'à préciser', muted: true },
        ACTION_STATUS_LABEL[a.status],
      ]),
      { size: SIZE.small },
    );
  }

  footer(layout, `${pole.name} – ${ACTION_PLAN_TITLE.toLowerCase()} ${campaign.year} – imprimé le ${formatDateFr(options.generatedAt)}`);
  doc.end();
  return bytes;
}

/** A running line at the foot of every page, with « Page N / M » once the plan takes more than one. */
function footer(layout: Layout, text: string) {
  const doc = layout.doc;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would add a page: lift the margin while the footer is written.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 40;
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOUR.muted);
    doc.text(t(text), LEFT, y, { width: WIDTH - 90, lineBreak: false, ellipsis: true });
    if (range.count > 1) doc.text(`Page ${i + 1} / ${range.count}`, LEFT + WIDTH - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
