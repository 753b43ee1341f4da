import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { kAnonymize, shuffle, isKAnonymous } from '../../reports/export/anonymity.ts';
import { exportTables, type Cell, type ExportRow } from '../../reports/export/layout.ts';
import { responsesCsv } from '../../reports/export/csv.ts';
import { responsesXlsx, SHEETS, NOTE_LABEL } from '../../reports/export/xlsx.ts';
import { questionnaireModel } from '../../surveys/model.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { parseCsv } from '../helpers/csv.ts';

type Json = Record<string, any>;

const definition = questionnaireModel(JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2026.json', import.meta.url), 'utf8')));
const campaign = { year: 2026 };
const QI = ['college', 'position', 'anciennete', 'siegeInstance'];
const VERBATIMS = ['verbatimForces', 'verbatimObstacle', 'verbatimProposition'];
const GROUPS: Record<string, string> = { ess: 'Entreprises de l’ESS', salaries: 'Salariés', autres: 'Autres collèges' };


let rowCount = 0;
/** `code`: the `reponse` cell the server would give it (server/export-codes.ts); by default a new one per row. */
function row(data: Json, opts: { group?: string; batch?: number; poleId?: string; poleName?: string; code?: string } = {}): ExportRow {
  const group = opts.group ?? 'ess';
  return {
    code: opts.code ?? `code-${++rowCount}`,
    poleId: opts.poleId ?? 'p1', poleName: opts.poleName ?? 'Pôle des Coteaux', group, groupLabel: GROUPS[group] ?? group,
    batch: opts.batch ?? 1, data: JSON.stringify({ college: group === 'autres' ? 'recherche' : group, ...data }),
  };
}

/** 30 respondents, all unique on the four profile columns (as on the demo's first pole), in two batches. */
function pole30(): ExportRow[] {
  const positions = ['animation', 'fondateur', 'membre', 'partenaire'];
  const groups = ['ess', 'salaries', 'autres'];
  return Array.from({ length: 30 }, (_, i) =>
    row(
      { position: positions[i % 4], anciennete: i, siegeInstance: i % 3 === 0, gouv_debat: { espaces_debat: 1 + (i % 5) }, coop_projets_niveau: i % 4, verbatimForces: `Texte ${i}` },
      { group: groups[i % 3], batch: i < 18 ? 1 : 2 },
    ));
}

/** Per partition (pole, batch): how many rows share each combination of the exported profile columns. */
function comboCounts(tables: ReturnType<typeof exportTables>): number[] {
  const at = QI.map((key) => tables.wideHeader.indexOf(key)).filter((i) => i >= 0);
  const counts = new Map<string, number>();
  for (const r of tables.rows) {
    const wide = tables.wideRow(r);
    const key = JSON.stringify([r.row.poleId, r.row.batch, ...at.map((i) => wide[i])]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.values()];
}


async function csv(rows: ExportRow[], format: 'long' | 'wide' | 'texts', k: number, random = seededRandom(1), sep: ';' | ',' = ';') {
  const { body, note } = responsesCsv(definition, campaign, rows, format, sep, k, random);
  const bytes = Buffer.from(await new Response(body).arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...lines] = parseCsv(bytes.toString('utf8').slice(1), sep);
  return { header, lines, note };
}

describe('k-anonymous response exports', () => {
  it('makes a pole of 30 unique respondents k-anonymous in every (pole, batch) partition', async () => {
    const rows = pole30();
    const unique = new Set(rows.map((r) => JSON.stringify(QI.map((q) => (q === 'college' ? r.group : JSON.parse(r.data)[q])))));
    expect(unique.size).toBe(30);

    for (const k of [3, 5]) {
      const tables = exportTables(definition, campaign, rows, k, seededRandom(k));
      expect(tables.rows).toHaveLength(30);
      expect(Math.min(...comboCounts(tables))).toBeGreaterThanOrEqual(k);
      // Generalised columns carry generalised values only.
      const wide = tables.rows.map((r) => tables.wideRow(r));
      const at = (key: string) => tables.wideHeader.indexOf(key);
      if (tables.decision.levels.position === 1) expect(new Set(wide.map((w) => w[at('position')]))).toEqual(new Set(['membre', 'partenaire']));
      if (tables.decision.levels.anciennete === 1) expect(new Set(wide.map((w) => w[at('anciennete')]))).toEqual(new Set(['moins de 3 ans', '3 ans et plus']));
      for (const key of QI) if (tables.decision.levels[key] === null) expect(tables.wideHeader).not.toContain(key);
    }

    // The same through the CSV files, counted over the whole export.
    const { header, lines, note } = await csv(rows, 'wide', 5);
    expect(note).toMatch(/Anonymisation/);
    expect(lines).toHaveLength(30);
    const at = QI.map((key) => header.indexOf(key)).filter((i) => i >= 0);
    const counts = new Map<string, number>();
    for (const l of lines) counts.set(JSON.stringify(at.map((i) => l[i])), (counts.get(JSON.stringify(at.map((i) => l[i]))) ?? 0) + 1);
    expect(Math.min(...counts.values())).toBeGreaterThanOrEqual(5);

    // The long format leaks no profile value either: position / anciennete rows carry the kept level or are left out.
    const long = await csv(rows, 'long', 5);
    const tables = exportTables(definition, campaign, rows, 5, seededRandom(1));
    for (const key of ['position', 'anciennete', 'siegeInstance']) {
      const values = new Set(long.lines.filter((l) => l[long.header.indexOf('question')] === key).map((l) => l[long.header.indexOf('valeur')]));
      if (tables.decision.levels[key] === null) expect(values.size).toBe(0);
      if (key === 'position' && tables.decision.levels.position === 1) expect(values).toEqual(new Set(['membre', 'partenaire']));
      if (key === 'anciennete' && tables.decision.levels.anciennete === 1) expect(values).toEqual(new Set(['moins de 3 ans', '3 ans et plus']));
    }
    expect(long.lines.some((l) => ['animation', 'fondateur'].includes(l[long.header.indexOf('valeur')]))).toBe(false);
  });

  it('leaves out the college column when a partition of 3 holds 3 collèges, for every row of the export', async () => {
    const big = Array.from({ length: 12 }, (_, i) => row({ position: 'membre', anciennete: 5, siegeInstance: false }, { group: i < 6 ? 'ess' : 'salaries', batch: 1 }));
    const small = ['ess', 'salaries', 'autres'].map((group) => row({ position: 'membre', anciennete: 5, siegeInstance: false }, { group, batch: 2 }));
    const tables = exportTables(definition, campaign, [...big, ...small], 3, seededRandom(2));
    expect(tables.decision.levels).toEqual({ college: null, position: 0, anciennete: 0, siegeInstance: 0 });
    expect(tables.wideHeader).not.toContain('college');
    expect(tables.wideHeader).not.toContain('college_libelle');
    expect(tables.longHeader).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'question', 'valeur', 'valeur_libelle', 'theme', 'score']);
    expect(tables.themeHeader.slice(0, 5)).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'gouv-debat-concertation']);
    expect(Math.min(...comboCounts(tables))).toBeGreaterThanOrEqual(3);
    // Neither the group nor the raw collège appears anywhere.
    const { lines, note } = await csv([...big, ...small], 'long', 3);
    expect(note).toMatch(/colonne retirée : college/);
    const text = JSON.stringify(lines);
    for (const word of ['ess', 'salaries', 'autres', 'recherche', 'Salariés']) expect(text).not.toContain(`"${word}"`);

    // Without the small batch, the collège group stays (with its label), and nothing needs saying.
    const kept = exportTables(definition, campaign, big, 3, seededRandom(2));
    expect(kept.wideHeader.slice(0, 6)).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'college', 'college_libelle']);
    expect(kept.wideRow(kept.rows[0]).slice(4, 6)).toEqual(expect.arrayContaining([expect.stringMatching(/^(ess|salaries)$/)]));
    expect(kept.rowsNote()).toBeNull();
  });

  it('generalises before leaving a column out, and keeps detail that needs no generalising', () => {
    // Five members of three kinds and five partners; seniority the same for all: regrouping position suffices.
    const positions = ['animation', 'animation', 'fondateur', 'membre', 'membre', 'partenaire', 'partenaire', 'partenaire', 'partenaire', 'partenaire'];
    const a = positions.map((position) => row({ position, anciennete: 4, siegeInstance: true }));
    const ta = exportTables(definition, campaign, a, 5, seededRandom(3));
    expect(ta.decision.levels).toEqual({ college: 0, position: 1, anciennete: 0, siegeInstance: 0 });
    expect(ta.rowsNote()).toBe('Anonymisation (chaque combinaison de profil partagée par au moins 5 réponses) : position regroupée (membre, partenaire).');

    // Seniority differing too, but agreeing with the bands: both generalised, none left out.
    const b = positions.map((position, i) => row({ position, anciennete: i < 5 ? i % 3 : 3 + i, siegeInstance: true }));
    const tb = exportTables(definition, campaign, b, 5, seededRandom(3));
    expect(tb.decision.levels).toEqual({ college: 0, position: 1, anciennete: 1, siegeInstance: 0 });
    expect(tb.rowsNote()).toMatch(/position regroupée \(membre, partenaire\) ; anciennete en tranches \(moins de 3 ans, 3 ans et plus\)\.$/);
    expect(tb.rowsNote()).not.toMatch(/retirée/);
    const at = tb.wideHeader.indexOf('anciennete');
    expect(tb.rows.map((r) => tb.wideRow(r)[at]).sort()).toEqual([...Array(5).fill('3 ans et plus'), ...Array(5).fill('moins de 3 ans')]);

    // Seat in an instance singling one out: generalising cannot help, so after trying, it is left out (alone).
    const c = positions.map((position, i) => row({ position, anciennete: 4, siegeInstance: i === 0 }));
    const tc = exportTables(definition, campaign, c, 5, seededRandom(3));
    expect(tc.decision.levels).toEqual({ college: 0, position: 1, anciennete: 0, siegeInstance: null });
  });

  it('moves free text to its own table: distinct texts with counts, from k answers per pole and question', async () => {
    const forces = ['Bien', ' Bien ', 'Bien', 'Bien', 'Très bien', '', 'Bien', 'Autre'];
    const rows = forces.map((text, i) => row({ position: 'membre', anciennete: 5, siegeInstance: false, verbatimForces: text, ...(i < 2 ? { verbatimObstacle: `Obstacle ${i}` } : {}) }));
    // Another pole of 5, with a single text.
    for (let i = 0; i < 5; i++) rows.push(row({ position: 'membre', anciennete: 5, siegeInstance: false, ...(i ? {} : { verbatimForces: 'Ailleurs' }) }, { poleId: 'p2', poleName: 'Autre pôle' }));
    const k = 5;
    const texts = await csv(rows, 'texts', k);
    expect(texts.header).toEqual(['campagne', 'pole', 'pole_id', 'question', 'libelle', 'texte', 'nombre']);
    const got = texts.lines.map((l) => [l[2], l[3], l[5], l[6]]).sort();
    expect(got).toEqual([['p1', 'verbatimForces', 'Autre', '1'], ['p1', 'verbatimForces', 'Bien', '5'], ['p1', 'verbatimForces', 'Très bien', '1']]);
    expect(texts.lines[0][4]).toBe('Selon vous, qu’est-ce qui fonctionne le mieux dans notre pôle ?');
    // Two obstacles in p1, one text in p2: under k, not exported, and said so.
    expect(texts.note).toBe('Expression libre : 2 questions d’un pôle, avec moins de 5 réponses, non exportées.');

    // No free text on response rows.
    const tables = exportTables(definition, campaign, rows, k, seededRandom(4));
    for (const key of VERBATIMS) {
      expect(tables.wideHeader).not.toContain(key);
      expect(tables.themeHeader).not.toContain(key);
    }
    const long = await csv(rows, 'long', k);
    expect(long.lines.some((l) => VERBATIMS.includes(l[long.header.indexOf('question')]))).toBe(false);
    expect(JSON.stringify(long.lines)).not.toMatch(/Bien|Obstacle|Ailleurs/);
    // The text rows are shuffled: another random, another order (same content).
    const again = await csv(rows, 'texts', k, seededRandom(99));
    expect(again.lines.map((l) => l[5]).sort()).toEqual(texts.lines.map((l) => l[5]).sort());
  });

  it('puts rows in random order (injected random), each under the code it came with, and writes no time', async () => {
    // k = 1: nothing generalised, so each row's seniority shows which input row it is.
    const rows = Array.from({ length: 20 }, (_, i) => row({ position: 'membre', anciennete: i, siegeInstance: false }, { code: `abcdefgh-${i}` }));
    const order = (random: () => number) => {
      const t = exportTables(definition, campaign, rows, 1, random);
      const at = t.wideHeader.indexOf('anciennete');
      expect(t.rows.map((r) => t.wideRow(r)[3])).toEqual(t.rows.map((r) => `abcdefgh-${t.wideRow(r)[at]}`));
      return t.rows.map((r) => t.wideRow(r)[at] as number);
    };
    const identity = rows.map((_, i) => i);
    const first = order(seededRandom(5));
    expect(first).toEqual(shuffle([...identity], seededRandom(5)));
    expect(first).not.toEqual(identity);
    expect([...first].sort((x, y) => x - y)).toEqual(identity);
    expect(order(seededRandom(6))).not.toEqual(first);
    expect(order(seededRandom(5))).toEqual(first);
    // The default random is cryptographic: still a permutation.
    const t = exportTables(definition, campaign, rows, 1);
    expect(t.rows.map((r) => t.wideRow(r)[t.wideHeader.indexOf('anciennete')]).sort((x, y) => (x as number) - (y as number))).toEqual(identity);

    const { header, lines } = await csv(rows, 'wide', 1);
    expect(header.slice(0, 6)).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'college', 'college_libelle']);
    expect(header.some((h) => /soumis|submitted|date|heure/i.test(h))).toBe(false);
    expect(lines.map((l) => l[3])).toEqual(lines.map((l) => `abcdefgh-${l[header.indexOf('anciennete')]}`));
    const cells: Cell[] = rows.flatMap((_, i) => t.wideRow(t.rows[i]));
    expect(cells.some((c) => c instanceof Date)).toBe(false);
  });

  it('orders poles by name, shuffles within a pole, and withholds a batch smaller than k', () => {
    const rows = [
      ...Array.from({ length: 4 }, () => row({ position: 'membre', anciennete: 1, siegeInstance: false }, { poleId: 'z', poleName: 'Zèbre', batch: 1 })),
      ...Array.from({ length: 4 }, () => row({ position: 'membre', anciennete: 1, siegeInstance: false }, { poleId: 'a', poleName: 'Abeille', batch: 1 })),
      ...Array.from({ length: 2 }, () => row({ position: 'partenaire', anciennete: 30, siegeInstance: true }, { poleId: 'a', poleName: 'Abeille', batch: 2 })),
    ];
    const t = exportTables(definition, campaign, rows, 3, seededRandom(7));
    expect(t.rows.map((r) => r.row.poleName)).toEqual([...Array(4).fill('Abeille'), ...Array(4).fill('Zèbre')]);
    expect(t.decision.withheld).toBe(2);
    expect(t.decision.levels).toEqual({ college: 0, position: 0, anciennete: 0, siegeInstance: 0 });
    expect(t.rowsNote()).toBe('2 réponses d’un lot de moins de 3 non exportées.');
  });

  it('writes an XLSX workbook: typed cells, free text sheet, the note in the dictionary', async () => {
    const rows = pole30();
    const { file, note } = await responsesXlsx(definition, campaign, rows, 5, { random: seededRandom(8) });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as any);
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.long, SHEETS.wide, SHEETS.themes, SHEETS.texts, SHEETS.questions]);
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const tables = exportTables(definition, campaign, rows, 5, seededRandom(8));
    expect(wb.getWorksheet(SHEETS.wide)!.rowCount).toBe(31);
    expect((wb.getWorksheet(SHEETS.wide)!.getRow(1).values as any[]).slice(1)).toEqual(tables.wideHeader);
    const long = wb.getWorksheet(SHEETS.long)!;
    const header = (long.getRow(1).values as any[]).slice(1);
    let scored = 0;
    long.eachRow((r, i) => {
      if (i === 1) return;
      expect(VERBATIMS).not.toContain(r.getCell(header.indexOf('question') + 1).value);
      const score = r.getCell(header.indexOf('score') + 1);
      if (score.value !== null) (scored++, expect(score.type).toBe(ExcelJS.ValueType.Number));
      expect(r.getCell(header.indexOf('reponse') + 1).type).toBe(ExcelJS.ValueType.String);
    });
    expect(scored).toBeGreaterThan(0);
    // Each of the 30 texts is written once: under k per text is fine, the question has 30 answers.
    const texts = wb.getWorksheet(SHEETS.texts)!;
    expect(texts.rowCount).toBe(31);
    expect(texts.getRow(2).getCell(7).value).toBe(1);
    const questions = wb.getWorksheet(SHEETS.questions)!;
    const last = questions.getRow(questions.rowCount);
    expect(last.getCell(1).value).toBe(NOTE_LABEL);
    expect(last.getCell(2).value).toBe(note);
    expect(note).toMatch(/^Anonymisation/);
  });
});

describe('kAnonymize', () => {
  const col = (key: string, ...levels: Cell[][]) => ({ key, levels });

  it('leaves out the column with the most distinct values first, the collège group last', () => {
    const partitions = Array(6).fill('p');
    const many = col('many', [1, 2, 3, 4, 5, 6]);
    const a = [{ ...col('college', ['a', 'a', 'a', 'a', 'b', 'b']), last: true }, col('few', ['x', 'x', 'y', 'y', 'y', 'y']), many];
    expect(kAnonymize(partitions, a, 2).levels).toEqual({ college: 0, few: 0, many: null });
    const b = [{ ...col('college', ['a', 'a', 'a', 'b', 'b', 'b']), last: true }, col('few', ['x', 'y', 'z', 'x', 'y', 'z']), many];
    expect(kAnonymize(partitions, b, 3).levels).toEqual({ college: 0, few: null, many: null });
    expect(kAnonymize(partitions, b, 4).levels).toEqual({ college: null, few: null, many: null });
    // The collège group goes last even with the most distinct values; what no longer needs leaving out comes back.
    const c = [{ ...col('college', ['a', 'b', 'c', 'd', 'e', 'f']), last: true }, col('same', ['x', 'x', 'x', 'x', 'x', 'x'])];
    expect(kAnonymize(partitions, c, 2).levels).toEqual({ college: null, same: 0 });
  });

  it('checks every partition apart', () => {
    const values = ['a', 'a', 'b', 'b'];
    expect(isKAnonymous(['p', 'p', 'p', 'p'], [col('c', values)], [0], 2)).toBe(true);
    expect(isKAnonymous(['p', 'q', 'p', 'q'], [col('c', values)], [0], 2)).toBe(false);
    expect(kAnonymize(['p', 'q', 'p', 'q'], [col('c', values, ['g', 'g', 'g', 'g'])], 2).levels).toEqual({ c: 1 });
  });

  it('refuses a k that is not a positive integer', () => {
    expect(() => kAnonymize([], [], 0)).toThrow(RangeError);
    expect(() => kAnonymize([], [], 2.5)).toThrow(RangeError);
  });
});
