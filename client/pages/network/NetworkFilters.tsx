// The analyst's filters: région, forme juridique, âge du pôle, type de territoire, stade. Applying them changes the query string (so a filtered
// view can be bookmarked or shared) and the page fetches the results again.
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/Messages';
import { NO_FILTERS, type NetworkFilterValues } from './paths';
import type { FilterChoices } from '../../../reports/contract/network';

interface Props {
  value: NetworkFilterValues;
  /** Values some pole of the campaign has, with their count of poles (counted without filters). */
  choices: FilterChoices;
  busy: boolean;
  onApply: (filters: NetworkFilterValues) => void;
}

/** The choices, plus the value applied if no pole has it (a shared link): the form must show what is applied. */
function withApplied(choices: FilterChoices['regions'], applied: string) {
  return !applied || choices.some((c) => c.value === applied) ? choices : [...choices, { value: applied, label: applied, count: 0 }];
}

/** One filter among the values some pole has, each with its count of poles. */
function ChoiceFilter(props: { id: string; label: string; all: string; choices: FilterChoices['regions']; value: string; onChange: (event: { target: { value: string } }) => void }) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={props.onChange}>
        <option value="">{props.all}</option>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label} ({c.count})
          </option>
        ))}
      </select>
    </div>
  );
}

export function NetworkFilters({ value, choices, busy, onApply }: Props) {
  // The form is remounted (key) whenever the applied filters change, so its draft starts from them.
  const [draft, setDraft] = useState<NetworkFilterValues>(value);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof NetworkFilterValues) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  const active = Object.values(value).some(Boolean);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    const min = draft.minAge.trim();
    const max = draft.maxAge.trim();
    if (min && max && Number(min) > Number(max)) {
      setError('L’âge minimum doit être inférieur ou égal à l’âge maximum.');
      return;
    }
    setError(null);
    onApply({ ...draft, minAge: min, maxAge: max });
  }

  return (
    <form className="card form network-filters" onSubmit={handleSubmit} aria-labelledby="network-filters-title" data-testid="network-filters">
      <h2 id="network-filters-title" className="network-filters-title">
        Filtrer les pôles
      </h2>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <div className="network-filter-fields">
        <ChoiceFilter id="filter-region" label="Région" all="Toutes les régions" choices={withApplied(choices.regions, value.region)} value={draft.region} onChange={set('region')} />
        <ChoiceFilter id="filter-legal-form" label="Forme juridique" all="Toutes les formes" choices={withApplied(choices.legalForms, value.legalForm)} value={draft.legalForm} onChange={set('legalForm')} />
        <ChoiceFilter
          id="filter-territory-type" label="Type de territoire" all="Tous les territoires"
          choices={withApplied(choices.territoryTypes, value.territoryType)} value={draft.territoryType} onChange={set('territoryType')}
        />
        <ChoiceFilter id="filter-stage" label="Stade de développement" all="Tous les stades" choices={withApplied(choices.stages, value.stage)} value={draft.stage} onChange={set('stage')} />
        <div className="field">
          <label htmlFor="filter-min-age">Âge minimum (ans)</label>
          <input id="filter-min-age" type="number" inputMode="numeric" min={0} max={200} step={1} value={draft.minAge} onChange={set('minAge')} aria-describedby="filter-age-hint" />
        </div>
        <div className="field">
          <label htmlFor="filter-max-age">Âge maximum (ans)</label>
          <input id="filter-max-age" type="number" inputMode="numeric" min={0} max={200} step={1} value={draft.maxAge} onChange={set('maxAge')} aria-describedby="filter-age-hint" />
        </div>
      </div>
      <p className="hint" id="filter-age-hint">
        Âge du pôle l’année de la campagne, d’après l’année de création indiquée dans son profil. Entre parenthèses, le nombre de pôles de la
        campagne qui ont chaque valeur.
      </p>
      <div className="actions network-filter-actions">
        <button type="submit" disabled={busy}>
          Appliquer les filtres
        </button>
        <button
          type="button"
          className="button-secondary"
          disabled={busy || (!active && !Object.values(draft).some(Boolean))}
          onClick={() => {
            setError(null);
            setDraft(NO_FILTERS);
            onApply(NO_FILTERS);
          }}
        >
          Réinitialiser
        </button>
      </div>
    </form>
  );
}
