// What the response exports contain, computed once per questionnaire version: the leaf columns (one per stored
// answer value, matrix rows and multipletext items expanded) and, per response, its long, wide and theme rows.
import { listQuestions, localized } from '../../surveys/check.ts';
import { itemScore, scoreRespondent, scoringModel, type ScoringItem, type ScoringModel } from '../analysis/scoring.ts';

type Json = Record<string, any>;

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
  item?: ScoringItem;
}

export interface ExportLayout {
  definition: Json;
  model: ScoringModel;
  columns: LeafColumn[];
}

/** One submitted response as read for the export (data still as stored JSON). */
export interface ExportResponse {
  id: string;
  poleId: string;
  poleName: string;
  college: string | null;
  submittedAt: string | null;
  /** The answers as stored (JSON text), parsed as the export is written. */
  data: string;
}

export const LONG_HEADER = ['campagne', 'pole', 'pole_id', 'reponse', 'college', 'question', 'valeur', 'score'];
const RESPONSE_HEADER = ['campagne', 'pole', 'pole_id', 'reponse', 'college'];
export const QUESTIONS_HEADER = ['question', 'libelle', 'type', 'theme', 'theme_libelle', 'dimension', 'polarite', 'echelle_min', 'echelle_max'];

const cache = new WeakMap<object, ExportLayout>();

export function exportLayout(definition: Json): ExportLayout {
  let layout = cache.get(definition);
  if (!layout) {
    const model = scoringModel(definition);
    layout = { definition, model, columns: leafColumns(definition, model) };
    cache.set(definition, layout);
  }
  return layout;
}

const partValue = (p: unknown): string => String(p !== null && typeof p === 'object' ? ((p as Json).value ?? (p as Json).name) : p);
const partText = (p: unknown): string => (p !== null && typeof p === 'object' ? localized((p as Json).text ?? (p as Json).title) : '');

function leafColumns(definition: Json, model: ScoringModel): LeafColumn[] {
  const columns: LeafColumn[] = [];
  const add = (col: Omit<LeafColumn, 'item'>) => {
    const i = model.itemIndex.get(col.key);
    columns.push(i === undefined ? col : { ...col, item: model.items[i] });
  };
  for (const q of listQuestions(definition)) {
    // The collège has its own column; html blocks hold no answer.
    if (!q.name || q.type === 'html' || q.name === 'college') continue;
    const title = localized(q.title) || q.name;
    if (q.type === 'matrix' && Array.isArray(q.rows)) {
      for (const row of q.rows) {
        const part = partValue(row);
        add({ key: `${q.name}.${part}`, question: q.name, part, type: q.type, label: `${title} — ${partText(row) || part}` });
      }
    } else if (q.type === 'multipletext' && Array.isArray(q.items)) {
      for (const item of q.items) {
        const part = partValue(item);
        add({ key: `${q.name}.${part}`, question: q.name, part, type: q.type, label: `${title} — ${partText(item) || part}` });
      }
    } else {
      add({ key: q.name, question: q.name, type: q.type, label: title });
    }
    if (q.showOtherItem || q.hasOther || q.showCommentArea || q.hasComment) {
      add({ key: `${q.name}-Comment`, question: `${q.name}-Comment`, type: 'comment', label: `${title} — précision` });
    }
  }
  return columns;
}

/** The stored value at a leaf, or undefined when unanswered. */
function rawValue(data: Json, col: LeafColumn): unknown {
  const v = data[col.question];
  if (col.part === undefined) return v;
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json)[col.part] : undefined;
}

/** An answer as one cell: numbers and booleans as such, checkbox values joined with `|`, text as text. */
function answerCell(v: unknown): Cell | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.length ? v.map((x) => (x !== null && typeof x === 'object' ? JSON.stringify(x) : String(x))).join('|') : undefined;
  return JSON.stringify(v);
}

const submittedDate = (r: ExportResponse): Date | null => (r.submittedAt ? new Date(r.submittedAt) : null);

export interface ParsedResponse {
  response: ExportResponse;
  data: Json;
}

export function parseResponse(response: ExportResponse): ParsedResponse {
  let data: unknown;
  try {
    data = JSON.parse(response.data);
  } catch {
    data = {};
  }
  return { response, data: data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Json) : {} };
}

/** The export tables of one campaign (all poles, or one). */
export function exportTables(definition: Json, campaign: { year: number }) {
  const layout = exportLayout(definition);
  const { columns, model } = layout;
  const head = (r: ExportResponse): Cell[] => [campaign.year, r.poleName, r.poleId, r.id, r.college];
  return {
    layout,
    longHeader: LONG_HEADER,
    wideHeader: [...RESPONSE_HEADER, 'soumis_le', ...columns.map((c) => c.key)],
    themeHeader: [...RESPONSE_HEADER, ...model.themes.map((t) => t.id)],
    questionsHeader: QUESTIONS_HEADER,
    /** One row per answered leaf: the value, and its item score (0..100) when it is a scored item. */
    longRows({ response, data }: ParsedResponse): Cell[][] {
      const rows: Cell[][] = [];
      for (const col of columns) {
        const raw = rawValue(data, col);
        const value = answerCell(raw);
        if (value === undefined) continue;
        rows.push([...head(response), col.key, value, col.item ? itemScore(col.item, raw) : null]);
      }
      return rows;
    },
    wideRow({ response, data }: ParsedResponse): Cell[] {
      const row = [...head(response), submittedDate(response)];
      for (const col of columns) row.push(answerCell(rawValue(data, col)) ?? null);
      return row;
    },
    themeRow({ response, data }: ParsedResponse): Cell[] {
      return [...head(response), ...scoreRespondent(model, data).themes];
    },
    /** The dictionary: every leaf column, with its theme, dimension, polarity and scale when scored. */
    questionRows(): Cell[][] {
      const themes = new Map(model.themes.map((t) => [t.id, t]));
      return columns.map((c) => {
        const theme = c.item ? themes.get(c.item.theme) : undefined;
        return [c.key, c.label, c.type, c.item?.theme ?? null, theme?.label ?? null, theme?.dimension ?? null, c.item?.polarity ?? null, c.item?.min ?? null, c.item?.max ?? null];
      });
    },
  };
}

export type ExportTables = ReturnType<typeof exportTables>;
