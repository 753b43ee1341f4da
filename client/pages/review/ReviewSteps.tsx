// The four steps of the collective review: read the diagnosis together, say what the group makes of each theme,
// choose the options and the pole's own actions, then give each action who carries it, by when and where it stands.
import { useId, useState } from 'react';
import type { PoleResults, SwotCategory, ThemeResult } from '../../../reports/types';
import type { ReviewChoices } from '../../../reports/contract/review';
import { ACTION_STATUS_LABEL, agreementLabel, type ActionStatus } from '../../../reports/contract/review-labels';
import { SWOT_LABEL } from '../../../reports/vocabulary';
import { formatDelta, formatScore } from '../results/scoreFormat';
import { Link } from '../../router';
import { reviewPagePath } from './paths';
import type { ActionDraft, ReviewForm } from './reviewForm';

export interface StepProps {
  results: PoleResults | null;
  choices: ReviewChoices;
  form: ReviewForm;
  update: (change: (form: ReviewForm) => ReviewForm) => void;
}

const themeLabels = (choices: ReviewChoices) => new Map(choices.themes.map((t) => [t.id, t.label]));

/** The themes the group should talk about first: those that divide the collèges, then the weaknesses and threats. */
export function themesToDiscuss(results: PoleResults | null): string[] {
  if (!results?.available) return [];
  const disputed = results.themes.filter((t) => t.dissensus).map((t) => t.id);
  return [...new Set([...disputed, ...results.swot.weaknesses, ...results.swot.threats])];
}

/** « Collectivités 41,2 – Entreprises de l’ESS 72,0 »: the lowest view first, the one most needing to be heard. */
function divergenceOf(theme: ThemeResult): string {
  const shown = theme.byCollege.filter((b) => !b.suppressed && b.score !== null).sort((a, b) => a.score! - b.score!);
  return shown.length < 2 ? '' : `${shown[0].label} ${formatScore(shown[0].score)} – ${shown[shown.length - 1].label} ${formatScore(shown[shown.length - 1].score)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Step 1: the meeting and the diagnosis, as the results give it.

export function DiagnosisStep({ results, choices, form, update, poleId }: StepProps & { poleId: string }) {
  const labels = themeLabels(choices);
  const byId = new Map(results?.themes.map((t) => [t.id, t]) ?? []);
  const swot: [string, SwotCategory, string[]][] = results?.available
    ? [['Forces', 'strength', results.swot.strengths], ['Faiblesses', 'weakness', results.swot.weaknesses], ['Opportunités', 'opportunity', results.swot.opportunities], ['Menaces', 'threat', results.swot.threats]]
    : [];
  const disputed = results?.themes.filter((t) => t.dissensus).sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0)) ?? [];
  return (
    <>
      <fieldset className="card review-meeting">
        <legend>La réunion</legend>
        <div className="field">
          <label htmlFor="meeting-date">Date de la réunion</label>
          <input id="meeting-date" type="date" value={form.meetingDate} onChange={(e) => update((f) => ({ ...f, meetingDate: e.target.value }))} />
        </div>
        <fieldset className="review-participants">
          <legend>Participants par collège</legend>
          <p className="hint">Le nombre de personnes présentes pour chaque collège (laisser vide si aucune).</p>
          <div className="review-grid">
            {choices.colleges.map((c) => (
              <div className="field" key={c.id}>
                <label htmlFor={`participants-${c.id}`}>{c.label}</label>
                <input
                  id={`participants-${c.id}`} type="number" min={0} step={1} inputMode="numeric" value={form.participants[c.id] ?? ''}
                  onChange={(e) => update((f) => ({ ...f, participants: { ...f.participants, [c.id]: e.target.value } }))}
                />
              </div>
            ))}
          </div>
        </fieldset>
      </fieldset>

      {results?.followUp && <FollowUpSummary results={results} poleId={poleId} />}

      {!results?.available ? (
        <div className="alert alert-info" role="status">
          <p>{results?.message ?? 'Les résultats de cette campagne ne sont pas disponibles.'} La revue peut tout de même consigner les actions du pôle.</p>
        </div>
      ) : (
        <>
          <h3>Forces, faiblesses, opportunités, menaces</h3>
          <div className="review-swot">
            {swot.map(([title, category, ids]) => (
              <div key={category} className={`review-swot-cell review-swot-${category}`} data-testid={`review-swot-${category}`}>
                <h4>{title}</h4>
                {ids.length === 0 ? <p className="hint">Aucun thème.</p> : (
                  <ul className="plain-list">
                    {ids.map((id) => <li key={id}>{labels.get(id) ?? id} <span className="review-score">{formatScore(byId.get(id)?.score)}</span></li>)}
                  </ul>
                )}
              </div>
            ))}
          </div>
          <h3>Thèmes qui divisent les collèges</h3>
          {disputed.length === 0 ? <p>Aucun thème ne divise nettement les collèges.</p> : (
            <ul className="plain-list" data-testid="review-dissensus">
              {disputed.map((t) => <li key={t.id}><strong>{t.label}</strong> : {divergenceOf(t)}</li>)}
            </ul>
          )}
          <h3>Paroles de répondants</h3>
          {results.verbatims.length === 0 ? <p>Aucune réponse libre à lire.</p> : results.verbatims.map((v) => (
            <details key={v.question} className="review-verbatims">
              <summary>{v.label} ({v.answers.reduce((s, a) => s + a.count, 0)})</summary>
              <ul className="plain-list">
                {v.answers.map((a) => <li key={a.text}><q>{a.text}</q>{a.count > 1 && <span className="hint"> (×{a.count})</span>}</li>)}
              </ul>
            </details>
          ))}
        </>
      )}
    </>
  );
}

/** What became of the previous plan: read first at the meeting; its statuses are updated on its own campaign's review. */
function FollowUpSummary({ results, poleId }: { results: PoleResults; poleId: string }) {
  const followUp = results.followUp!;
  return (
    <section className="card" aria-labelledby="review-follow-up-title" data-testid="review-follow-up">
      <h3 id="review-follow-up-title">Suivi du plan d’action {followUp.year}</h3>
      {followUp.actions.length === 0 ? <p>Aucune action n’avait été adoptée.</p> : (
        <ul className="plain-list">
          {followUp.actions.map((a) => (
            <li key={a.id}>
              <strong>{a.title}</strong> : {ACTION_STATUS_LABEL[a.status].toLowerCase()}
              {a.themes.map((t) => <span key={t.themeId} className="hint"> · {t.label} {formatScore(t.before)} → {formatScore(t.after)} ({formatDelta(t.delta)})</span>)}
            </li>
          ))}
        </ul>
      )}
      <p><Link to={reviewPagePath(poleId, followUp.campaignId)} className="tap-target">Mettre à jour les statuts du plan {followUp.year}</Link></p>
    </section>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Step 2: what the group makes of each theme discussed.

const AGREEMENT: { value: boolean | null; key: string }[] = [{ value: true, key: 'oui' }, { value: false, key: 'non' }, { value: null, key: 'pas-tranche' }];

export function ThemesStep({ results, choices, form, update }: StepProps) {
  const labels = themeLabels(choices);
  const byId = new Map(results?.themes.map((t) => [t.id, t]) ?? []);
  const others = choices.themes.filter((t) => !form.themes.some((x) => x.themeId === t.id));
  const [added, setAdded] = useState('');
  const setTheme = (themeId: string, change: Partial<ReviewForm['themes'][number]>) =>
    update((f) => ({ ...f, themes: f.themes.map((t) => (t.themeId === themeId ? { ...t, ...change } : t)) }));
  return (
    <>
      <p className="hint">Pour chaque thème discuté, notez ce qu’en dit le groupe et s’il partage le diagnostic. Un thème sans note ni avis n’est pas enregistré.</p>
      {form.themes.length === 0 && <p>Aucun thème à discuter n’est proposé : ajoutez ceux dont le groupe veut parler.</p>}
      {form.themes.map((t) => {
        const result = byId.get(t.themeId);
        return (
          <fieldset key={t.themeId} className="card review-theme" data-testid={`review-theme-${t.themeId}`}>
            <legend>{labels.get(t.themeId) ?? t.themeId}</legend>
            {result && (
              <p className="review-tags">
                {result.swot && <span className={`review-tag review-tag-${result.swot}`}>{SWOT_LABEL[result.swot]} · {formatScore(result.score)}</span>}
                {result.dissensus && <span className="review-tag review-tag-dissensus">Divise les collèges</span>}
              </p>
            )}
            <fieldset className="review-agreement">
              <legend>Le groupe partage-t-il ce diagnostic ?</legend>
              {AGREEMENT.map(({ value, key }) => (
                <label key={key} className="review-choice">
                  <input type="radio" name={`agreed-${t.themeId}`} checked={t.agreed === value} onChange={() => setTheme(t.themeId, { agreed: value })} /> {agreementLabel(value)}
                </label>
              ))}
            </fieldset>
            <div className="field">
              <label htmlFor={`note-${t.themeId}`}>Ce que le groupe en dit</label>
              <textarea id={`note-${t.themeId}`} rows={3} maxLength={2000} value={t.note} onChange={(e) => setTheme(t.themeId, { note: e.target.value })} />
            </div>
          </fieldset>
        );
      })}
      {others.length > 0 && (
        <div className="inline-form review-add">
          <div className="field">
            <label htmlFor="add-theme">Discuter aussi d’un autre thème</label>
            <select id="add-theme" value={added} onChange={(e) => setAdded(e.target.value)}>
              <option value="">Choisir un thème…</option>
              {others.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
            </select>
          </div>
          <button type="button" className="button-secondary" disabled={!added} onClick={() => {
            update((f) => ({ ...f, themes: [...f.themes, { themeId: added, note: '', agreed: null }] }));
            setAdded('');
          }}>Ajouter ce thème</button>
        </div>
      )}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Step 3: the options the analysis proposes (or another of the catalogue), and the pole's own actions.

/**
 * Random, so that two pages adding actions at once never collide (the server needs it unique in the review only).
 * getRandomValues rather than randomUUID: the page may be served over plain http on a meeting's local network.
 */
const actionId = () => `a-${Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('')}`;

const newAction = (fields: Pick<ActionDraft, 'optionId' | 'title' | 'themeIds'>): ActionDraft => ({
  id: actionId(), owner: '', due: '', status: 'planned', note: '', ...fields,
});

export function ActionsStep({ results, choices, form, update }: StepProps) {
  const labels = themeLabels(choices);
  const proposed = results?.options ?? [];
  const adopted = new Set(form.actions.map((a) => a.optionId));
  const catalogue = new Map(choices.options.map((o) => [o.id, o]));
  const others = choices.options.filter((o) => !proposed.some((p) => p.id === o.id) && !adopted.has(o.id));
  const [chosen, setChosen] = useState('');
  const [ownTitle, setOwnTitle] = useState('');
  const adopt = (optionId: string, title: string) =>
    update((f) => ({ ...f, actions: [...f.actions, newAction({ optionId, title, themeIds: catalogue.get(optionId)?.themeIds ?? [] })] }));
  const drop = (optionId: string) => update((f) => ({ ...f, actions: f.actions.filter((a) => a.optionId !== optionId) }));
  const own = form.actions.filter((a) => a.optionId === null);
  const fromCatalogue = form.actions.filter((a) => a.optionId !== null && !proposed.some((p) => p.id === a.optionId));
  return (
    <>
      <h3>Options proposées par l’analyse</h3>
      {proposed.length === 0 ? <p>Aucune option ne ressort des résultats de cette campagne.</p> : (
        <ol className="review-options">
          {proposed.map((o) => (
            <li key={o.id} className="card" data-testid="review-option">
              <h4>{o.title}</h4>
              <p className="hint">Thèmes : {o.themes.map((id) => labels.get(id) ?? id).join(' ; ')}</p>
              {/* Folded: a weak pole gets many options, and the meeting first scans their titles. */}
              <details>
                <summary>Ce que propose cette option</summary>
                <p>{o.description}</p>
              </details>
              <label className="review-choice">
                <input type="checkbox" checked={adopted.has(o.id)} onChange={(e) => (e.target.checked ? adopt(o.id, o.title) : drop(o.id))} /> Le groupe adopte cette option
              </label>
            </li>
          ))}
        </ol>
      )}
      {fromCatalogue.length > 0 && (
        <>
          <h3>Autres options adoptées</h3>
          <ul className="plain-list">
            {fromCatalogue.map((a) => (
              <li key={a.id}>{a.title} <button type="button" className="link-button" onClick={() => drop(a.optionId!)}>Retirer</button></li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <div className="inline-form review-add">
          <div className="field">
            <label htmlFor="catalogue-option">Adopter une autre option du catalogue</label>
            <select id="catalogue-option" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Choisir une option…</option>
              {others.map((o) => <option key={o.id} value={o.id}>{o.title}</option>)}
            </select>
          </div>
          <button type="button" className="button-secondary" disabled={!chosen} onClick={() => {
            adopt(chosen, catalogue.get(chosen)!.title);
            setChosen('');
          }}>Adopter</button>
        </div>
      )}

      <h3>Actions propres au pôle</h3>
      {own.length === 0 ? <p className="hint">Aucune pour l’instant.</p> : own.map((a) => <OwnAction key={a.id} action={a} choices={choices} update={update} />)}
      <form className="inline-form review-add" onSubmit={(e) => {
        e.preventDefault();
        if (!ownTitle.trim()) return;
        update((f) => ({ ...f, actions: [...f.actions, newAction({ optionId: null, title: ownTitle.trim(), themeIds: [] })] }));
        setOwnTitle('');
      }}>
        <div className="field">
          <label htmlFor="own-action">Nouvelle action du pôle</label>
          <input id="own-action" maxLength={200} value={ownTitle} onChange={(e) => setOwnTitle(e.target.value)} />
        </div>
        <button type="submit" className="button-secondary" disabled={!ownTitle.trim()}>Ajouter l’action</button>
      </form>
    </>
  );
}

/** An action of the pole's own: its title, and the themes it aims at if the group says so (followed next year). */
function OwnAction({ action, choices, update }: { action: ActionDraft; choices: ReviewChoices; update: StepProps['update'] }) {
  const id = useId();
  const set = (change: Partial<ActionDraft>) => update((f) => ({ ...f, actions: f.actions.map((a) => (a.id === action.id ? { ...a, ...change } : a)) }));
  return (
    <div className="card" data-testid="review-own-action">
      <div className="field">
        <label htmlFor={`${id}-title`}>Intitulé</label>
        <input id={`${id}-title`} maxLength={200} value={action.title} onChange={(e) => set({ title: e.target.value })} />
      </div>
      <details>
        <summary>Thèmes visés ({action.themeIds.length}), suivis l’an prochain</summary>
        <div className="review-theme-tags">
          {choices.themes.map((t) => (
            <label key={t.id} className="review-choice">
              <input
                type="checkbox" checked={action.themeIds.includes(t.id)}
                onChange={(e) => set({ themeIds: e.target.checked ? [...action.themeIds, t.id] : action.themeIds.filter((x) => x !== t.id) })}
              /> {t.label}
            </label>
          ))}
        </div>
      </details>
      <button type="button" className="button-secondary button-danger-outline" onClick={() => update((f) => ({ ...f, actions: f.actions.filter((a) => a.id !== action.id) }))}>
        Retirer cette action
      </button>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Step 4: the plan. Who carries each action, by when, where it stands: the statuses are updated here during the year.

const STATUSES = Object.keys(ACTION_STATUS_LABEL) as ActionStatus[];

export function PlanStep({ form, update }: Pick<StepProps, 'form' | 'update'>) {
  if (form.actions.length === 0) return <p>Aucune action adoptée : choisissez des options ou ajoutez des actions à l’étape précédente.</p>;
  return (
    <ol className="review-plan">
      {form.actions.map((a) => <PlannedAction key={a.id} action={a} update={update} />)}
    </ol>
  );
}

function PlannedAction({ action, update }: { action: ActionDraft; update: StepProps['update'] }) {
  const id = useId();
  const set = (change: Partial<ActionDraft>) => update((f) => ({ ...f, actions: f.actions.map((a) => (a.id === action.id ? { ...a, ...change } : a)) }));
  return (
    <li className="card" data-testid="review-plan-action">
      <h4>{action.title || 'Action sans intitulé'}</h4>
      <p className="hint">{action.optionId === null ? 'Action propre au pôle' : 'Option stratégique adoptée'}</p>
      <div className="review-grid">
        <div className="field">
          <label htmlFor={`${id}-owner`}>Portée par</label>
          <input id={`${id}-owner`} maxLength={200} value={action.owner} aria-describedby={`${id}-owner-hint`} onChange={(e) => set({ owner: e.target.value })} />
          <p className="hint" id={`${id}-owner-hint`}>Un rôle ou une structure (bureau, commission…)</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>Échéance (mois)</label>
          <input id={`${id}-due`} type="month" placeholder="AAAA-MM" value={action.due} onChange={(e) => set({ due: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Statut</label>
          <select id={`${id}-status`} value={action.status} onChange={(e) => set({ status: e.target.value as ActionStatus })}>
            {STATUSES.map((s) => <option key={s} value={s}>{ACTION_STATUS_LABEL[s]}</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note</label>
        <textarea id={`${id}-note`} rows={2} maxLength={2000} value={action.note} onChange={(e) => set({ note: e.target.value })} />
      </div>
    </li>
  );
}
