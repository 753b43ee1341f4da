// The pole's PDF report: rendered from a hand-made PoleResults, then read back with poppler's pdftotext.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollegeScore, ItemResult, PoleResults, ThemeResult } from '../../reports/types.ts';
import { renderPoleReport } from '../../reports/pdf/pole-report.ts';
import { formatDateFr, formatDelta, formatScore, frenchTypography } from '../../reports/format.ts';

// ---------------------------------------------------------------------------------------------------------------
// Fixture, by hand. Four collèges with k = 3: "usagers" (1) is merged into « Autres collèges » with the smallest
// other collège, "collectivites" (3): groups ESS (5), Salariés (4), Autres (4). On the cooperation and context themes
// only 2 of the Autres group scored: suppressed there. Scores are chosen away from x.x5 so that rounding to one
// decimal is unambiguous.

const K = 3;
const COLLEGES = [
  { college: 'ess', label: 'Entreprises de l’ESS', n: 5 },
  { college: 'salaries', label: 'Salariés', n: 4 },
  { college: 'collectivites', label: 'Collectivités territoriales', n: 3 },
  { college: 'usagers', label: 'Usagers et habitants', n: 1 },
];
const GROUPS = [
  { id: 'ess', label: 'Entreprises de l’ESS', colleges: ['ess'], n: 5 },
  { id: 'salaries', label: 'Salariés', colleges: ['salaries'], n: 4 },
  { id: 'autres', label: 'Autres collèges', colleges: ['collectivites', 'usagers'], n: 4 },
];

/** ESS, Salariés and Autres scores; Autres null: 2 scorers, suppressed. */
function byCollege(scores: [number, number, number | null]): CollegeScore[] {
  return [
    { college: 'ess', label: 'Entreprises de l’ESS', n: 5, score: scores[0], suppressed: false },
    { college: 'salaries', label: 'Salariés', n: 4, score: scores[1], suppressed: false },
    scores[2] === null
      ? { college: 'autres', label: 'Autres collèges', n: 2, score: null, suppressed: true }
      : { college: 'autres', label: 'Autres collèges', n: 4, score: scores[2], suppressed: false },
  ];
}

function theme(id: string, label: string, dimension: string, score: number, college: [number, number, number | null], extra: Partial<ThemeResult>): ThemeResult {
  const shown = college.filter((c): c is number => c !== null);
  const spread = Math.max(...shown) - Math.min(...shown);
  return {
    id, label, dimension,
    factor: dimension === 'contexte' ? 'external' : 'internal',
    seedRefs: [],
    score,
    rawScore: score - 1.23,
    n: college[2] === null ? 9 : 13,
    byCollege: byCollege(college),
    spread,
    sd: 14.21,
    dissensus: spread >= 20,
    swot: null,
    ...extra,
  };
}

const THEMES: ThemeResult[] = [
  theme('gouv-debat', 'Débat et concertation', 'gouvernance', 72.34, [80.12, 64.56, 72.33], { swot: 'strength' }),
  theme('gouv-consensus', 'Recherche du consensus', 'gouvernance', 38.07, [50.38, 25.76, 38.07], { swot: 'weakness' }),
  theme('coop-animation', 'Animation et intelligence collective', 'cooperation', 55.57, [58.21, 52.93, null], { swot: 'vigilance' }),
  theme('ctx-soutien', 'Soutien des collectivités et sa continuité', 'contexte', 68.81, [70.02, 67.6, null], { swot: 'opportunity' }),
];

const ITEM: ItemResult = {
  name: 'gouv_consensus.decisions',
  label: 'Les décisions importantes sont prises après une vraie recherche de consensus.',
  theme: 'gouv-consensus',
  polarity: 'positive',
  n: 13,
  score: 36.42,
  rawScore: 35.1,
  byCollege: byCollege([49.93, 23.12, 36.21]),
  spread: 26.81,
  sd: 21.37,
  dissensus: true,
};

const gouvernance = (72.34 + 38.07) / 2;
const cooperation = 55.57;

function fixture(): PoleResults {
  return {
    pole: { id: 'pole-1', name: 'Pôle Test des Coteaux' },
    campaign: { id: 'c-2026', year: 2026, questionnaireId: 'ptce-2026' },
    minGroupSize: K,
    thresholds: { high: 65, low: 45 },
    available: true,
    message: null,
    participation: {
      invited: 21,
      submitted: 13,
      colleges: COLLEGES.map((c) => ({ college: c.college, label: c.label, invited: c.n + 2, submitted: c.n, members: null })),
      missingColleges: [{ college: 'recherche', label: 'Recherche et formation' }],
      warnings: ['Le collège « Recherche et formation » compte des membres dans le profil du pôle mais aucune réponse : ses points de vue manquent à l’analyse.'],
    },
    groups: GROUPS,
    themes: THEMES,
    items: [ITEM],
    dimensions: [
      { id: 'gouvernance', label: 'Gouvernance', factor: 'internal', score: gouvernance },
      { id: 'cooperation', label: 'Coopération', factor: 'internal', score: cooperation },
      { id: 'contexte', label: 'Contexte', factor: 'external', score: 68.81 },
    ],
    overall: (gouvernance + cooperation) / 2,
    swot: { strengths: ['gouv-debat'], weaknesses: ['gouv-consensus'], opportunities: ['ctx-soutien'], threats: [], vigilance: ['coop-animation'] },
    options: [
      {
        id: 'so-1', quadrant: 'SO', title: 'Présenter chaque année aux collectivités un bilan du pôle',
        description: 'Le pôle débat bien et les collectivités le soutiennent : un bilan partagé consolide ce soutien.',
        themes: ['gouv-debat', 'ctx-soutien'], seedRef: 'G-P1', strength: 5.58, needsConsensus: false,
      },
      {
        id: 'wo-1', quadrant: 'WO', title: 'Financer une animation dédiée à la recherche du consensus',
        description: 'Le soutien public peut payer le temps d’animation qui manque pour construire le consensus.',
        themes: ['gouv-consensus', 'ctx-soutien'], seedRef: 'G-D3', strength: 5.37, needsConsensus: true,
      },
    ],
    evolution: {
      previousCampaign: { id: 'c-2025', year: 2025 },
      themes: THEMES.map((th, i) => ({ id: th.id, label: th.label, previous: th.score! - 4.12 * (i - 1), current: th.score, delta: 4.12 * (i - 1), sharedItems: 3 })),
    },
    verbatims: [
      {
        question: 'verbatimForces', label: 'Qu’est-ce qui fonctionne le mieux dans notre pôle ?',
        answers: [{ text: 'La confiance entre les fondateurs.', count: 1 }, { text: 'Le lieu commun.', count: 3 }, { text: 'Les petits déjeuners mensuels.', count: 1 }],
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading PDFs back with poppler.

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
// In CI a missing pdftotext is a failure, not a skip.
const runPdfTests = hasPoppler() || process.env.CI === 'true';

const dir = mkdtempSync(join(tmpdir(), 'pdf-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, pdf: Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return file;
}
const pdftotext = (file: string, page?: number) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', ...(page ? ['-f', String(page), '-l', String(page)] : []), file, '-'], { encoding: 'utf8' });
/** Page count: pdftotext ends every page with a form feed. */
const pageCount = (text: string) => text.split('\f').length - 1;
/** Spaces of any kind as plain spaces, for comparisons of headings and labels. */
const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');
const firstLine = (text: string) => plain(text).split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
/** One decimal with a decimal comma, computed independently of the module under test. */
const fr1 = (n: number) => n.toFixed(1).replace('.', ',');

/**
 * The text of every TJ operator, decoded through each ToUnicode map of the file (pdfkit writes 4-digit glyph
 * codes and one bfrange map per embedded font); the decoding that uses the right map is among the results.
 */
function textRuns(pdf: Buffer): string[] {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    try {
      streams.push(inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1'));
    } catch {
      // Not a deflated stream: no text in there.
    }
  }
  const maps = streams
    .filter((st) => st.includes('beginbfrange'))
    .map((st) => {
      const map = new Map<number, string>();
      for (const range of st.matchAll(/<([0-9a-f]{4})> <[0-9a-f]{4}> \[([^\]]*)\]/gi)) {
        const start = parseInt(range[1], 16);
        [...range[2].matchAll(/<([0-9a-f ]+)>/gi)].forEach((entry, i) => {
          map.set(start + i, String.fromCharCode(...entry[1].split(' ').map((h) => parseInt(h, 16))));
        });
      }
      return map;
    });
  const runs: string[] = [];
  for (const st of streams) {
    for (const tj of st.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const codes = [...tj[1].matchAll(/<([0-9a-f]+)>/gi)].flatMap((h) => h[1].match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
      for (const map of maps) runs.push(codes.map((c) => map.get(c) ?? '\uFFFD').join(''));
    }
  }
  return runs;
}

const HEADINGS = [
  'Sommaire', 'Synthèse', 'Participation par collège', 'Vue d’ensemble', 'Gouvernance', 'Coopération', 'Contexte',
  'Consensus et dissensus', 'Matrice SWOT', 'Options stratégiques', 'Évolution', 'Verbatims', 'Annexe : méthode',
];

describe.runIf(runPdfTests)('pole PDF report', () => {
  const results = fixture();
  let file = '';
  let text = '';
  let pages = 0;

  beforeAll(async () => {
    const pdf = await renderPoleReport(results, { generatedAt: new Date('2026-03-15T09:30:00Z') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    file = write('report.pdf', pdf);
    text = pdftotext(file);
    pages = pageCount(text);
  });

  it('has the cover and every section heading, in order', () => {
    const flat = plain(text);
    expect(flat).toContain('Auto-évaluation PTCE');
    expect(flat).toContain('Pôle Test des Coteaux');
    expect(flat).toContain('Campagne 2026');
    expect(flat).toContain(plain(formatDateFr(new Date('2026-03-15T09:30:00Z'))));
    // Headings start their pages: the first line of each page, in the order of the report.
    const starts = Array.from({ length: pages }, (_, i) => firstLine(pdftotext(file, i + 1)));
    const found = HEADINGS.map((h) => starts.indexOf(h));
    expect(found.every((i) => i > 0), `headings not at the top of a page: ${HEADINGS.filter((_, i) => found[i] < 0).join(', ')}`).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
  });

  it('prints the overall score and each theme score rounded to one decimal', () => {
    const synthese = plain(pdftotext(file, 3));
    expect(firstLine(synthese)).toBe('Synthèse');
    expect(synthese).toContain(fr1(results.overall!));
    expect(fr1(results.overall!)).toBe('55,4');
    for (const th of THEMES) {
      const line = plain(text).split('\n').find((l) => l.trim().startsWith(th.label.slice(0, 30)) && l.includes(fr1(th.rawScore!)));
      expect(line, `table row of ${th.label}`).toBeDefined();
      expect(line).toContain(fr1(th.score!));
      expect(line).toContain(fr1(th.spread!));
    }
    for (const d of results.dimensions) expect(plain(text)).toContain(`Score de la dimension : ${fr1(d.score!)} / 100`);
  });

  it('shows « Autres collèges » as one group, « effectif insuffisant » where it is suppressed', () => {
    const flat = plain(text);
    const lines = flat.split('\n');
    // Gouvernance: a column for the group, with its scores.
    expect(lines.some((l) => l.includes('Débat et concertation') && l.includes(fr1(72.33)))).toBe(true);
    // Coopération and contexte: suppressed on every theme, said once per dimension.
    expect(lines.filter((l) => l.includes('Autres collèges : effectif insuffisant')).length).toBe(2);
    // Its members are named (in the participation section), never next to a score.
    expect(flat.replace(/\s+/g, ' ')).toContain('regroupés dans « Autres collèges » (« Collectivités territoriales », « Usagers et habitants »)');
    for (const merged of ['Collectivités', 'Usagers']) {
      for (const line of lines.filter((l) => l.includes(merged))) expect(line, line).not.toMatch(/\d,\d/);
    }
  });

  it('numbers pages « Page N / M » on every page but the cover', () => {
    expect(text).toContain(`Page 2 / ${pages}`);
    expect(pdftotext(file, 1)).not.toMatch(/Page 1 \//);
    for (let p = 2; p <= pages; p++) expect(pdftotext(file, p)).toContain(`Page ${p} / ${pages}`);
  });

  it('has a table of contents whose page numbers are where the headings really are', () => {
    const toc = plain(pdftotext(file, 2));
    expect(firstLine(toc)).toBe('Sommaire');
    const entries = new Map<string, number>();
    for (const line of toc.split('\n')) {
      const m = /^\s*(\S.*?\S)\s{2,}(\d+)\s*$/.exec(line);
      if (m) entries.set(m[1], Number(m[2]));
    }
    for (const heading of HEADINGS.slice(1)) {
      const page = entries.get(heading);
      expect(page, `TOC entry for ${heading}`).toBeDefined();
      expect(firstLine(pdftotext(file, page!)), `page ${page} should start with ${heading}`).toBe(heading);
    }
  });

  it('uses French typography: no-break spaces before the colon and inside guillemets', () => {
    // pdftotext turns every kind of space into a plain one: read the text runs through the fonts' ToUnicode maps.
    const runs = textRuns(readFileSync(file));
    expect(runs.some((r) => r.includes('Annexe\u00A0: méthode'))).toBe(true);
    expect(runs.some((r) => r.includes('«\u202FLa confiance entre les fondateurs.\u202F»'))).toBe(true);
    expect(runs.some((r) => /pôle\u202F\?/.test(r))).toBe(true);
    expect(runs.some((r) => r.includes('Annexe : méthode'))).toBe(false);
  });

  it('shows the dissensus, the SWOT grid, the options by quadrant, the evolution and the verbatims', () => {
    const flat = plain(text);
    expect(flat).toMatch(/Recherche du consensus.*24,6/);
    expect(flat).toContain(fr1(ITEM.spread!));
    for (const box of ['Forces', 'Faiblesses', 'Opportunités', 'Menaces', 'Points de vigilance']) expect(flat).toContain(box);
    expect(flat).toContain('Forces et opportunités (SO)');
    expect(flat).toContain('Faiblesses et opportunités (WO)');
    expect(flat).toContain('À construire en consensus d’abord');
    expect(flat).toContain(plain(formatDelta(4.12)));
    expect(flat).toContain('« Le lieu commun. » (×3)');
    expect(flat).not.toContain('« La confiance entre les fondateurs. » (×');
    expect(flat).toContain('Recherche et formation');
  });

  it('draws the charts as vectors, their labels as text', () => {
    // No raster image anywhere: every chart is PDF paths and text.
    expect(readFileSync(file).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    // The overview page holds the radar and a table of dimensions: the theme names and the 0-100 scale are the radar's.
    const overview = Array.from({ length: pages }, (_, i) => plain(pdftotext(file, i + 1))).find((page) => firstLine(page) === 'Vue d’ensemble');
    expect(overview).toBeDefined();
    for (const label of ['Débat et concertation', 'Recherche du consensus', '100', '2026', '2025']) expect(overview).toContain(label);
  });

  it('has a plausible page count', () => {
    expect(pages).toBeGreaterThanOrEqual(14);
    expect(pages).toBeLessThanOrEqual(22);
  });

  it('renders a short report when results are not available', async () => {
    const base = fixture();
    const short: PoleResults = {
      ...base,
      available: false,
      message: `Les résultats s’affichent à partir de ${K} réponses envoyées (2 pour l’instant).`,
      participation: { ...base.participation, submitted: 2, colleges: base.participation.colleges.map((c, i) => ({ ...c, submitted: i === 0 ? 2 : 0 })) },
      themes: [], items: [], dimensions: [], overall: null,
      swot: { strengths: [], weaknesses: [], opportunities: [], threats: [], vigilance: [] },
      options: [], evolution: null, verbatims: [],
    };
    const shortFile = write('short.pdf', await renderPoleReport(short, { generatedAt: new Date('2026-03-15T09:30:00Z') }));
    const shortText = plain(pdftotext(shortFile));
    const n = pageCount(shortText);
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(4);
    expect(shortText).toContain('Résultats non disponibles');
    expect(shortText).toContain(`moins que les ${K} réponses`);
    expect(shortText).toContain('Participation par collège');
    expect(shortText).toContain('Annexe : méthode');
    expect(shortText).toContain(`Page 2 / ${n}`);
    for (const absent of ['Sommaire', 'Synthèse', 'Consensus et dissensus', 'Verbatims']) expect(shortText).not.toContain(absent);
  });
});

describe('French typography', () => {
  it('adds no-break spaces where French wants them, idempotently', () => {
    const once = frenchTypography('Note: le « bilan » est-il fait? Oui ; à 45% !');
    expect(once).toBe('Note\u00A0: le «\u202Fbilan\u202F» est-il fait\u202F? Oui\u202F; à 45\u202F%\u202F!');
    expect(frenchTypography(once)).toBe(once);
    expect(frenchTypography('Rendez-vous à 10:30, voir https://example.org ?!')).toBe('Rendez-vous à 10:30, voir https://example.org\u202F?!');
  });

  it('formats scores, deltas and dates', () => {
    expect(formatScore(62.44)).toBe('62,4');
    expect(formatScore(0)).toBe('0,0');
    expect(formatScore(null)).toBe('–');
    expect(formatDelta(3.21)).toBe('+3,2');
    expect(formatDelta(-1)).toBe('−1,0');
    expect(formatDateFr(new Date('2026-03-01T10:00:00Z'))).toBe('1er mars 2026');
    expect(formatDateFr(new Date('2026-12-31T23:30:00Z'))).toBe('1er janvier 2027');
  });
});
