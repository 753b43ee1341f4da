// The network's filters (which poles they keep, the choices they offer, how they are said) and the order of the
// dashboard's sortable pole tables.
import { describe, expect, it } from 'vitest';
import { describeFilters, filterChoices, matchesFilters } from '../../reports/analysis/network-filters.ts';
import { nextSort, sortPoles, type PoleSort } from '../../client/pages/network/sortPoles.ts';
import type { NetworkPoleResult } from '../../reports/contract/network.ts';

describe('network filters', () => {
  const pole = { region: 'Bretagne', legalForm: 'association', foundingYear: 2016, territoryType: 'rural', stage: 'developpement' };

  it('keep a pole by region, legal form and age in the campaign’s year (bounds included)', () => {
    expect(matchesFilters({}, pole, 2026)).toBe(true);
    expect(matchesFilters({ region: 'Bretagne', legalForm: 'association', minAge: 10, maxAge: 10 }, pole, 2026)).toBe(true);
    expect(matchesFilters({ region: 'Occitanie' }, pole, 2026)).toBe(false);
    expect(matchesFilters({ legalForm: 'ues' }, pole, 2026)).toBe(false);
    expect(matchesFilters({ minAge: 11 }, pole, 2026)).toBe(false);
    expect(matchesFilters({ maxAge: 9 }, pole, 2026)).toBe(false);
    // An age filter leaves out a pole whose founding year is unknown.
    expect(matchesFilters({ maxAge: 200 }, { ...pole, foundingYear: null }, 2026)).toBe(false);
  });

  it('keep a pole by territory type and stage, and leave out one whose profile does not say', () => {
    expect(matchesFilters({ territoryType: 'rural', stage: 'developpement', region: 'Bretagne' }, pole, 2027)).toBe(true);
    expect(matchesFilters({ territoryType: 'urbain' }, pole, 2027)).toBe(false);
    expect(matchesFilters({ stage: 'emergence' }, pole, 2027)).toBe(false);
    expect(matchesFilters({ territoryType: 'rural' }, { ...pole, territoryType: null }, 2027)).toBe(false);
    expect(matchesFilters({ stage: 'developpement' }, { ...pole, stage: null }, 2027)).toBe(false);
  });

  it('offer only the values some pole has, with their counts, legal forms in the form’s order', () => {
    const choices = filterChoices(
      [
        { region: 'Occitanie', legalForm: 'aucune', foundingYear: null, territoryType: 'urbain', stage: 'consolidation' },
        { region: 'Bretagne', legalForm: 'association', foundingYear: null, territoryType: 'rural', stage: null },
        { region: 'Bretagne', legalForm: 'association', foundingYear: null, territoryType: 'rural', stage: 'emergence' },
        { region: null, legalForm: 'autre-forme', foundingYear: null, territoryType: null, stage: 'emergence' },
      ],
      [{ value: 'association', label: 'Association' }, { value: 'scic', label: 'SCIC' }, { value: 'aucune', label: 'Pas de structure juridique' }],
      {
        territoryType: [{ value: 'urbain', label: 'Urbain' }, { value: 'periurbain', label: 'Périurbain' }, { value: 'rural', label: 'Rural' }],
        stage: [{ value: 'emergence', label: 'Émergence' }, { value: 'developpement', label: 'Développement' }, { value: 'consolidation', label: 'Consolidation' }],
      },
    );
    expect(choices.regions).toEqual([{ value: 'Bretagne', label: 'Bretagne', count: 2 }, { value: 'Occitanie', label: 'Occitanie', count: 1 }]);
    // No pole is a SCIC: not offered. A value outside the form's choices comes last, under its own name.
    expect(choices.legalForms).toEqual([
      { value: 'association', label: 'Association', count: 2 },
      { value: 'aucune', label: 'Pas de structure juridique', count: 1 },
      { value: 'autre-forme', label: 'autre-forme', count: 1 },
    ]);
    // Territory types and stages in the form's order, by their label; a form without them offers none.
    expect(choices.territoryTypes).toEqual([{ value: 'urbain', label: 'Urbain', count: 1 }, { value: 'rural', label: 'Rural', count: 2 }]);
    expect(choices.stages).toEqual([{ value: 'emergence', label: 'Émergence', count: 2 }, { value: 'consolidation', label: 'Consolidation', count: 1 }]);
    expect(filterChoices([{ region: null, legalForm: null, foundingYear: null, territoryType: null, stage: null }], []).stages).toEqual([]);
  });

  it('are said in French, legal forms by their label', () => {
    const label = (v: string) => (v === 'ues' ? 'Union d’économie sociale (UES)' : undefined);
    expect(describeFilters({}, label)).toBe('aucun (tous les pôles)');
    expect(describeFilters({ maxAge: 20, legalForm: 'ues', region: 'Bretagne', minAge: 5 }, label)).toBe(
      'Région : Bretagne ; Forme juridique : Union d’économie sociale (UES) ; pôles d’au moins 5 ans ; pôles d’au plus 20 ans',
    );
    expect(describeFilters({ legalForm: 'inconnue' }, label)).toBe('Forme juridique : inconnue');
    const choice = (filter: 'territoryType' | 'stage', v: string) => (filter === 'territoryType' && v === 'rural' ? 'Rural' : filter === 'stage' && v === 'emergence' ? 'Émergence' : undefined);
    expect(describeFilters({ stage: 'emergence', territoryType: 'rural', legalForm: 'ues' }, label, choice)).toBe(
      'Forme juridique : Union d’économie sociale (UES) ; Type de territoire : Rural ; Stade de développement : Émergence',
    );
    expect(describeFilters({ territoryType: 'lunaire' }, label, choice)).toBe('Type de territoire : lunaire');
  });
});

describe('sorting the pole tables', () => {
  const p = (name: string, overall: number | null, weaknesses: number, t: number | null, change: number | null = null): NetworkPoleResult => ({
    id: name, name, region: null, legalForm: null, foundedYear: null, invited: 10, submitted: overall === null ? 2 : 8, available: overall !== null,
    overall, scores: [t], weaknesses, dissensusThemes: 0, change: change === null ? undefined : { overall: change, themes: { t1: change } },
  });
  const poles = [p('Delta', 60, 1, 20, -3), p('alpha', 40, 6, 70, 5), p('Charlie', null, 0, null), p('Bravo', 40, 2, 50, -12)];
  const names = (sort: PoleSort) => sortPoles(poles, sort, ['t1']).map((x) => x.name);

  it('sorts by name, by overall score (lowest first, ties by name), by weaknesses (most first), by a theme, by change', () => {
    expect(names({ key: 'name', direction: 'ascending' })).toEqual(['alpha', 'Bravo', 'Charlie', 'Delta']);
    expect(names({ key: 'overall', direction: 'ascending' })).toEqual(['alpha', 'Bravo', 'Delta', 'Charlie']);
    expect(names({ key: 'weaknesses', direction: 'descending' })).toEqual(['alpha', 'Bravo', 'Delta', 'Charlie']);
    expect(names({ key: 'theme:t1', direction: 'descending' })).toEqual(['alpha', 'Bravo', 'Delta', 'Charlie']);
    expect(names({ key: 'change', direction: 'ascending' })).toEqual(['Bravo', 'Delta', 'alpha', 'Charlie']);
    expect(names({ key: 'change:t1', direction: 'descending' })).toEqual(['alpha', 'Delta', 'Bravo', 'Charlie']);
  });

  it('keeps poles without a value last in both directions', () => {
    expect(names({ key: 'overall', direction: 'descending' })).toEqual(['Delta', 'alpha', 'Bravo', 'Charlie']);
  });

  it('turns the sorted column round, and starts another in its own direction', () => {
    const byOverall = nextSort({ key: 'name', direction: 'ascending' }, 'overall');
    expect(byOverall).toEqual({ key: 'overall', direction: 'ascending' });
    expect(nextSort(byOverall, 'overall')).toEqual({ key: 'overall', direction: 'descending' });
    expect(nextSort(byOverall, 'weaknesses')).toEqual({ key: 'weaknesses', direction: 'descending' });
  });
});
