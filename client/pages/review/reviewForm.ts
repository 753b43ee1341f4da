// The review as the page edits it, and its conversions from and to the API's shape. Pure, so that « unsaved » is one
// comparison, and so that a copy kept in the tab (sessionStorage) survives a reload or a wrong click on « back ».
import type { Review, ReviewAction, ReviewInput, ReviewTheme } from '../../../reports/contract/review';

/** An action as edited: the due month stays the input's text (« » while it is to be decided). */
export interface ActionDraft extends Omit<ReviewAction, 'due'> {
  due: string;
}

export interface ReviewForm {
  /** AAAA-MM-JJ, or « » while not set. */
  meetingDate: string;
  /** What the count fields hold, per collège (« » for none). */
  participants: Record<string, string>;
  /** Themes shown for discussion: only those with a note or an opinion are saved. */
  themes: ReviewTheme[];
  actions: ActionDraft[];
}

export const isDiscussed = (theme: ReviewTheme) => theme.note.trim() !== '' || theme.agreed !== null;

/** The stored review, every collège of the campaign with its field, and the themes to discuss after those already noted. */
export function formOf(review: Review, colleges: readonly { id: string }[], suggestedThemes: readonly string[]): ReviewForm {
  const noted = new Set(review.themes.map((t) => t.themeId));
  return {
    meetingDate: review.meetingDate ?? '',
    participants: Object.fromEntries(colleges.map((c) => [c.id, review.participants[c.id] ? String(review.participants[c.id]) : ''])),
    themes: [...review.themes, ...suggestedThemes.filter((id) => !noted.has(id)).map((themeId) => ({ themeId, note: '', agreed: null }))],
    actions: review.actions.map((a) => ({ ...a, due: a.due ?? '' })),
  };
}

/** The body of the PUT, `basedOn` aside. A count that is not a whole number is sent as typed: the server says where. */
export function inputOf(form: ReviewForm): Omit<ReviewInput, 'basedOn'> {
  return {
    meetingDate: form.meetingDate || null,
    participants: Object.fromEntries(Object.entries(form.participants).filter(([, n]) => n.trim() !== '' && Number(n) !== 0).map(([id, n]) => [id, Number(n)])),
    themes: form.themes.filter(isDiscussed),
    actions: form.actions.map((a) => ({ ...a, due: a.due || null })),
  };
}

export const sameReview = (a: ReviewForm, b: ReviewForm) => JSON.stringify(inputOf(a)) === JSON.stringify(inputOf(b));

/** Where a refused field sits, in the page's words (the 422's path names the PUT's body). */
export function placeOf(path: string, form: ReviewForm, labels: { colleges: Map<string, string>; themes: Map<string, string> }): string {
  const [part, index] = path.split('.');
  const input = inputOf(form);
  if (part === 'meetingDate') return 'Date de la réunion';
  if (part === 'participants') return index ? `Participants (${labels.colleges.get(index) ?? index})` : 'Participants';
  if (part === 'themes') {
    const theme = index === undefined ? undefined : input.themes[Number(index)];
    return theme ? `Thème « ${labels.themes.get(theme.themeId) ?? theme.themeId} »` : 'Thèmes discutés';
  }
  if (part === 'actions') {
    const action = index === undefined ? undefined : input.actions[Number(index)];
    return action ? `Action « ${action.title || `n° ${Number(index) + 1}`} »` : 'Actions';
  }
  return path;
}

// The copy kept in the tab: sessionStorage ends with the tab, so the group's notes do not outlive the session on a
// shared computer; it holds the review the edits started from, so that saving it later cannot overwrite a newer one.
const draftKey = (poleId: string, campaignId: string) => `ptce-revue:${poleId}:${campaignId}`;

export interface TabDraft {
  basedOn: string | null;
  form: ReviewForm;
}

export function readTabDraft(poleId: string, campaignId: string): TabDraft | null {
  try {
    const raw = window.sessionStorage.getItem(draftKey(poleId, campaignId));
    return raw ? (JSON.parse(raw) as TabDraft) : null;
  } catch {
    return null;
  }
}

export function writeTabDraft(poleId: string, campaignId: string, draft: TabDraft | null): void {
  try {
    if (draft) window.sessionStorage.setItem(draftKey(poleId, campaignId), JSON.stringify(draft));
    else window.sessionStorage.removeItem(draftKey(poleId, campaignId));
  } catch {
    // Storage refused (private mode, quota): the unsaved-changes warning still stands.
  }
}
