// What the response exports contain. Per questionnaire version (computed once): the leaf columns (one per stored
// answer value, matrix rows and multipletext items expanded), which of them are free text, and the quasi-identifiers
// (respondent-profile questions). Per export: the rows made k-anonymous over the quasi-identifiers within each
// partition (pole × results batch), in random order under codes of that export only, free text moved to a table of
// its own.
import { hasCompanionComment, partsOf, type ModelItem, type QuestionJson, type QuestionnaireModel } from '../../surveys/model.ts';
import { THEME_CODES_VERSION, themeCode } from './theme-codes.ts';
import { itemScore, scoreRespondent, type Answers } from '../analysis/scoring.ts';
import { cryptoRandom, kAnonymize, shuffle, type KAnonymity, type QuasiIdentifierColumn } from './anonymity.ts';

/** A cell of an export table: typed, so that CSV and XLSX write numbers as numbers and text as text. */
export type Cell = string | number | boolean | Date | null;

export interface LeafColumn {
  /** `question`, `matrix.row`, `multipletext.item` or `question-Comment` (the "other" text). */
  key: string;
  question: string;
  /** Matrix row or multipletext item. */
  part?: string;
  type: string;
  label: string;
  /** The scored item stored there, if any. */
  item?: ModelItem;
  /** Free text (comment, non-numeric text, "other" precision): never on a row with other answers. */
  freeText: boolean;
  /** The labels of the values it may hold (choices, matrix columns, yes/no), by the value as exported. */
  valueLabels?: ReadonlyMap<string, string>;
}

/** A respondent-profile question (quasi-identifier), with how it can be generalised. */
export interface QuasiIdentifier {
  /** Column key: `college` (the collège group) or the question's name. */
  key: string;
  label: string;
  /** Choice question: value → generalised value, and the generalised values' labels. */
  generalize?: Record<string, string>;
  generalizedLabels?: Record<string, string>;
  /** Number question: band boundaries, ascending, and the bands' labels (one more than boundaries). */
  bands?: number[];
  bandLabels?: string[];
}

export interface ExportLayout {
  model: QuestionnaireModel;
  columns: LeafColumn[];
  /** The collège group first, then the profile questions in questionnaire order. */
  quasiIdentifiers: QuasiIdentifier[];
}

/** One submitted response as read for the export: no stored id, no time. */
export interface ExportRow {
  /** The `reponse` cell: a code the server made for this response in this export only (server/export-codes.ts). */
  code: string;
  poleId: string;
  poleName: string;
  /** The collège group computed by the server: a collège id, or `autres` for the merged small collèges. */
  group: string;
  groupLabel: string;
  /** The results batch the response entered with (results advance by batches of at least k responses). */
  batch: number;
  /** The answers as stored (JSON text). */
  data: string;
}

export const TEXTS_HEADER = ['campagne', 'pole', 'pole_id', 'question', 'libelle', 'texte', 'nombre'];
export const QUESTIONS_HEADER = [
  'question', 'libelle', 'type', 'theme', 'theme_libelle', 'theme_id_questionnaire', 'dimension', 'polarite', 'echelle_min', 'echelle_max', 'valeurs',
];
const BASE_HEADER = ['campagne', 'pole', 'pole_id', 'reponse'];
const COLLEGE_HEADER = ['college', 'college_libelle'];
const ANSWER_HEADER = ['question', 'valeur', 'valeur_libelle', 'theme', 'score'];
const NUMERIC_INPUTS = new Set(['number', 'range']);

const cache = new WeakMap<object, ExportLayout>();

export function exportLayout(model: QuestionnaireModel): ExportLayout {
  let layout = cache.get(model);
  if (!layout) {
    const columns = leafColumns(model);
    layout = { model, columns, quasiIdentifiers: quasiIdentifiers(model, columns) };
    cache.set(model, layout);
  }
  return layout;
}

function leafColumns(model: QuestionnaireModel): LeafColumn[] {
  const columns: LeafColumn[] = [];
  const add = (col: Omit<LeafColumn, 'item'>) => {
    const i = model.itemIndex.get(col.key);
    columns.push(i === undefined ? col : { ...col, item: model.items[i] });
  };
  for (const { name, type, title, json } of model.questions) {
    // The collège has its own column (the server's collège group).
    if (name === 'college') continue;
    if (type === 'matrix' && Array.isArray(json.rows)) {
      const valueLabels = labelsOf(json.columns);
      for (const row of partsOf(json.rows)) {
        const part = String(row.value);
        add({ key: `${name}.${part}`, question: name, part, type, label: `${title} — ${row.label}`, freeText: false, valueLabels });
      }
    } else if (type === 'multipletext' && Array.isArray(json.items)) {
      for (const item of partsOf(json.items)) {
        const part = String(item.value);
        const numeric = NUMERIC_INPUTS.has(item.json?.inputType);
        add({ key: `${name}.${part}`, question: name, part, type, label: `${title} — ${item.label}`, freeText: !numeric });
      }
    } else {
      const freeText = type === 'comment' || (type === 'text' && !NUMERIC_INPUTS.has(json.inputType ?? ''));
      add({ key: name, question: name, type, label: title, freeText, valueLabels: valueLabelsOf(type, json) });
    }
    if (hasCompanionComment(json)) {
      add({ key: `${name}-Comment`, question: `${name}-Comment`, type: 'comment', label: `${title} — précision`, freeText: true });
    }
  }
  return columns;
}

/** Value → label of a list of choices or columns. */
const labelsOf = (list: unknown): Map<string, string> => new Map(partsOf(list).map((p) => [String(p.value), p.label]));

/** The labels of a question's stored values, when it has a fixed set: choices (and other/none), yes/no. */
function valueLabelsOf(type: string, json: QuestionJson): ReadonlyMap<string, string> | undefined {
  if (type === 'boolean') return new Map([[YES, 'Oui'], [NO, 'Non']]);
  if (!Array.isArray(json.choices)) return undefined;
  const labels = labelsOf(json.choices);
  if (json.showOtherItem || json.hasOther) labels.set('other', 'Autre');
  if (json.showNoneItem || json.hasNone) labels.set('none', 'Aucun');
  return labels;
}

/** The label of an exported value (checkbox values are joined with `|`, so are their labels). */
const valueLabel = (col: LeafColumn, value: Cell | undefined): string | null => {
  if (!col.valueLabels || value === undefined || value === null) return null;
  const one = (v: string) => col.valueLabels!.get(v) ?? v;
  return typeof value === 'string' && col.type === 'checkbox' ? value.split('|').map(one).join(' | ') : one(String(value));
};

/** Yes/no as analysts write them in French spreadsheets, never `true`/`false`. */
const YES = 'oui';
const NO = 'non';

const decimal = (n: number) => String(n).replace('.', ',');

/** « moins de 3 ans », « de 3 à moins de 10 ans », « 10 ans et plus ». */
export function bandLabels(bands: readonly number[], unit?: string): string[] {
  const u = unit ? ` ${unit}` : '';
  return [
    `moins de ${decimal(bands[0])}${u}`,
    ...bands.slice(1).map((b, i) => `de ${decimal(bands[i])} à moins de ${decimal(b)}${u}`),
    `${decimal(bands[bands.length - 1])}${u} et plus`,
  ];
}

function quasiIdentifiers(model: QuestionnaireModel, columns: LeafColumn[]): QuasiIdentifier[] {
  const college = model.questions.find((q) => q.name === 'college');
  const out: QuasiIdentifier[] = [{ key: 'college', label: college?.title ?? 'Collège' }];
  const leaves = new Map(columns.map((c) => [c.key, c]));
  for (const { name, question, meta } of model.quasiIdentifiers) {
    const leaf = leaves.get(name);
    // Free text never stays on a row, whatever it is; a matrix or multipletext has no single value to generalise.
    if (name === 'college' || !leaf || leaf.freeText || leaf.part !== undefined) continue;
    const qi: QuasiIdentifier = { key: name, label: question.title };
    if (meta?.generalize && typeof meta.generalize === 'object') {
      qi.generalize = { ...meta.generalize };
      qi.generalizedLabels = Object.fromEntries([...new Set(Object.values(meta.generalize))].map((v) => [v, meta.labels?.[v] ?? v]));
    }
    if (Array.isArray(meta?.bands) && meta.bands.length) {
      qi.bands = [...meta.bands];
      qi.bandLabels = bandLabels(meta.bands, meta.unit);
    }
    out.push(qi);
  }
  return out;
}

/** The stored value at a leaf, or undefined when unanswered. */
function rawValue(data: Answers, col: LeafColumn): unknown {
  const v = data[col.question];
  if (col.part === undefined) return v;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Answers)[col.part] : undefined;
}

/** An answer as one cell: numbers as such, yes/no as « oui »/« non », checkbox values joined with `|`, text as text. */
function answerCell(v: unknown): Cell | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'boolean') return v ? YES : NO;
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.length ? v.map((x) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x))).join('|') : undefined;
  return JSON.stringify(v);
}

/** A quasi-identifier's value at each of its detail levels: as answered, then generalised (choice map, or band). */
function qiLevels(qi: QuasiIdentifier, raw: unknown): Cell[] {
  const levels: Cell[] = [answerCell(raw) ?? null];
  if (qi.generalize) {
    const v = raw === undefined || raw === null || raw === '' || !Object.hasOwn(qi.generalize, String(raw)) ? undefined : qi.generalize[String(raw)];
    // A value the map does not know (not a choice of this version) would stand out: it is blanked.
    levels.push(v ?? null);
  } else if (qi.bands && qi.bandLabels) {
    const x = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    levels.push(Number.isFinite(x) ? qi.bandLabels[qi.bands.filter((b) => x >= b).length] : null);
  }
  return levels;
}

export function parseAnswers(text: string): Answers {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = {};
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Answers) : {};
}

/** One exported response: its quasi-identifiers at the level chosen. */
export interface PreparedRow {
  row: ExportRow;
  data: Answers;
  /** Per kept quasi-identifier key (the collège group excepted): the value at the chosen level. */
  qi: Map<string, Cell>;
}

/**
 * The export tables of one campaign (all poles, or one), k-anonymous over the quasi-identifiers within every
 * (pole, batch) partition; rows in random order (poles by name, rows shuffled within a pole).
 */
export function exportTables(questionnaire: QuestionnaireModel, campaign: { year: number }, input: readonly ExportRow[], k: number, random: () => number = cryptoRandom) {
  const layout = exportLayout(questionnaire);
  const { columns, model, quasiIdentifiers: qis } = layout;
  const themeCodes = new Map(model.themes.map((t) => [t.id, themeCode(t)]));
  const parsed = input.map((row) => ({ row, data: parseAnswers(row.data) }));

  const leafOf = new Map(columns.map((c) => [c.key, c]));
  const qiColumns: QuasiIdentifierColumn[] = qis.map((qi) => {
    if (qi.key === 'college') return { key: qi.key, levels: [parsed.map((p) => p.row.group)], last: true };
    const leaf = leafOf.get(qi.key)!;
    const perRow = parsed.map((p) => qiLevels(qi, rawValue(p.data, leaf)));
    const depth = perRow.length ? perRow[0].length : 1 + (qi.generalize || qi.bands ? 1 : 0);
    return { key: qi.key, levels: Array.from({ length: depth }, (_, l) => perRow.map((values) => values[l])) };
  });
  const decision = kAnonymize(parsed.map((p) => JSON.stringify([p.row.poleId, p.row.batch])), qiColumns, k);
  const levelOf = (key: string) => decision.levels[key];
  const collegeKept = levelOf('college') !== null;
  const dropped = new Set(qis.filter((qi) => levelOf(qi.key) === null).map((qi) => qi.key));

  // Poles by name (that order says nothing about anyone); within a pole, a random order.
  const byPole = new Map<string, PreparedRow[]>();
  parsed.forEach((p, i) => {
    if (!decision.kept[i]) return;
    const qi = new Map<string, Cell>();
    qiColumns.forEach((c) => {
      const level = levelOf(c.key);
      if (c.key !== 'college' && level !== null) qi.set(c.key, c.levels[level][i]);
    });
    const list = byPole.get(p.row.poleId) ?? [];
    list.push({ row: p.row, data: p.data, qi });
    byPole.set(p.row.poleId, list);
  });
  const poles = [...byPole.values()].sort((a, b) => a[0].row.poleName.localeCompare(b[0].row.poleName, 'fr', { sensitivity: 'base' }) || (a[0].row.poleId < b[0].row.poleId ? -1 : 1));
  const rows = poles.flatMap((list) => shuffle(list, random));

  const answerColumns = columns.filter((c) => !c.freeText && !dropped.has(c.key));
  const textColumns = columns.filter((c) => c.freeText);
  const responseHeader = [...BASE_HEADER, ...(collegeKept ? COLLEGE_HEADER : [])];
  const head = (r: PreparedRow): Cell[] => [campaign.year, r.row.poleName, r.row.poleId, r.row.code, ...(collegeKept ? [r.row.group, r.row.groupLabel] : [])];
  const cellOf = (r: PreparedRow, col: LeafColumn): Cell | undefined => (r.qi.has(col.key) ? (r.qi.get(col.key) ?? undefined) : answerCell(rawValue(r.data, col)));
  /** A generalised profile value is labelled by the generalisation (a band is its own label), not by the choices. */
  const generalised = new Map(qis.filter((qi) => (levelOf(qi.key) ?? 0) > 0).map((qi) => [qi.key, qi]));
  const labelOf = (col: LeafColumn, value: Cell | undefined): string | null => {
    const qi = generalised.get(col.key);
    if (!qi) return valueLabel(col, value);
    if (value === undefined || value === null) return null;
    return qi.generalizedLabels?.[String(value)] ?? String(value);
  };

  /** Free text per (pole, question): distinct trimmed texts and how many wrote each, from k non-empty answers. */
  const texts = (): { rows: Cell[][]; withheld: number } => {
    const out: Cell[][] = [];
    let withheld = 0;
    for (const list of poles) {
      const { poleId, poleName } = list[0].row;
      for (const col of textColumns) {
        const counts = new Map<string, number>();
        let answered = 0;
        for (const r of list) {
          const v = answerCell(rawValue(r.data, col));
          const text = v === undefined || v === null ? '' : String(v).trim();
          if (!text) continue;
          answered++;
          counts.set(text, (counts.get(text) ?? 0) + 1);
        }
        if (!answered) continue;
        if (answered < k) {
          withheld++;
          continue;
        }
        out.push(...shuffle([...counts].map(([text, n]): Cell[] => [campaign.year, poleName, poleId, col.key, col.label, text, n]), random));
      }
    }
    return { rows: out, withheld };
  };

  return {
    layout,
    decision,
    /** Exported responses, in their export order. */
    rows,
    longHeader: [...responseHeader, ...ANSWER_HEADER],
    wideHeader: [...responseHeader, ...answerColumns.map((c) => c.key)],
    themeHeader: [...responseHeader, ...model.themes.map(themeCode)],
    textsHeader: TEXTS_HEADER,
    questionsHeader: QUESTIONS_HEADER,
    /** One row per answered leaf (free text aside): the value, and its item score (0..100) when it is a scored item. */
    longRows(r: PreparedRow): Cell[][] {
      const out: Cell[][] = [];
      const h = head(r);
      for (const col of answerColumns) {
        const value = cellOf(r, col);
        if (value === undefined) continue;
        const theme = col.item ? themeCodes.get(col.item.theme) ?? null : null;
        out.push([...h, col.key, value, labelOf(col, value), theme, col.item ? itemScore(col.item, rawValue(r.data, col)) : null]);
      }
      return out;
    },
    wideRow(r: PreparedRow): Cell[] {
      const out = head(r);
      for (const col of answerColumns) out.push(cellOf(r, col) ?? null);
      return out;
    },
    themeRow(r: PreparedRow): Cell[] {
      return [...head(r), ...scoreRespondent(model, r.data).themes];
    },
    texts,
    questionRows: () => dictionaryRows(model),
    /** What was generalised or left out to make the rows k-anonymous (null: nothing). */
    rowsNote: () => anonymityNote(layout, decision),
  };
}

export type ExportTables = ReturnType<typeof exportTables>;

/** First cell of the dictionary's row that dates the theme codes. */
export const THEME_CODES_LABEL = '(codes des thèmes)';

/**
 * The dictionary: every leaf column, with its theme (export code, label, questionnaire id), dimension, polarity and
 * scale when scored, and the codes of its values beside their labels (« 1 = Pas du tout d’accord | … »); last, the
 * version of the theme codes, so that an older file can be matched.
 */
export function dictionaryRows(model: QuestionnaireModel): Cell[][] {
  const themes = new Map(model.themes.map((t) => [t.id, t]));
  const rows = exportLayout(model).columns.map((c): Cell[] => {
    const theme = c.item ? themes.get(c.item.theme) : undefined;
    const values = c.valueLabels ? [...c.valueLabels].map(([v, label]) => `${v} = ${label}`).join(' | ') : null;
    return [
      c.key, c.label, c.type, theme ? themeCode(theme) : null, theme?.label ?? null, theme?.id ?? null, theme?.dimension ?? null,
      c.item?.polarity ?? null, c.item?.min ?? null, c.item?.max ?? null, values,
    ];
  });
  const note = `Codes des thèmes, version ${THEME_CODES_VERSION} : colonne « theme » ; « theme_id_questionnaire » donne l’identifiant du thème dans le questionnaire (celui des exports antérieurs).`;
  // As wide as the others, so that a CSV reader sees one table.
  rows.push([THEME_CODES_LABEL, note, ...new Array<Cell>(QUESTIONS_HEADER.length - 2).fill(null)]);
  return rows;
}

/** French, one line: which profile columns are generalised or left out, and how many responses are withheld. */
export function anonymityNote(layout: ExportLayout, decision: KAnonymity): string | null {
  const parts: string[] = [];
  const generalised: string[] = [];
  const left: string[] = [];
  for (const qi of layout.quasiIdentifiers) {
    const level = decision.levels[qi.key];
    if (level === null) left.push(qi.key);
    else if (level > 0 && qi.generalize) generalised.push(`${qi.key} regroupée (${Object.values(qi.generalizedLabels ?? {}).join(', ')})`);
    else if (level > 0 && qi.bandLabels) generalised.push(`${qi.key} en tranches (${qi.bandLabels.join(', ')})`);
  }
  if (generalised.length) parts.push(generalised.join(' ; '));
  if (left.length) parts.push(`${left.length > 1 ? 'colonnes retirées' : 'colonne retirée'} : ${left.join(', ')}`);
  const columnsNote = parts.length ? `Anonymisation (chaque combinaison de profil partagée par au moins ${decision.k} réponses) : ${parts.join(' ; ')}.` : null;
  return joinNotes(columnsNote, withheldNote(decision.withheld, decision.k));
}

/** French, one line: responses withheld because their batch has fewer than k responses (null: none). */
export function withheldNote(withheld: number, k: number): string | null {
  if (!withheld) return null;
  return `${withheld} réponse${withheld > 1 ? 's' : ''} d’un lot de moins de ${k} non exportée${withheld > 1 ? 's' : ''}.`;
}

export const joinNotes = (...notes: (string | null)[]): string | null => notes.filter((n): n is string => !!n).join(' ') || null;

/** French, one line: free text withheld for (pole, question) pairs with fewer than k answers (null: none). */
export function textsNote(withheld: number, k: number): string | null {
  if (!withheld) return null;
  return `Expression libre : ${withheld} question${withheld > 1 ? 's' : ''} d’un pôle, avec moins de ${k} réponses, non exportée${withheld > 1 ? 's' : ''}.`;
}

/** A note as an HTTP header value (`X-Export-Note`): UTF-8, percent-encoded, so that only ASCII goes on the wire. */
export const exportNoteHeader = (note: string): string => encodeURIComponent(note);
