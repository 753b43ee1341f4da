// The pole's PDF report and its two-page summary: rendered from a hand-made PoleResults, then read back with
// poppler's pdftotext. The body speaks plain words (the annex keeps the technical terms), the options keep the order
// of the results, the summary never takes more than two pages and opens the full report.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CollegeScore, FollowUp, ItemResult, PoleResults, StrategicOptionResult, ThemeResult } from '../../reports/types.ts';
import { renderPoleReport, type PoleReview } from '../../reports/pdf/pole-report.ts';
import { renderPoleSummary } from '../../reports/pdf/summary.ts';
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
    interval: { low: score - 6, high: score + 6, level: 0.9 },
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
  interval: { low: 29.9, high: 42.9, level: 0.9 },
  nspRate: 0.1,
  spread: 26.81,
  sd: 21.37,
  dissensus: true,
};

/** The plan adopted after the 2025 campaign, as the results follow it in 2026. */
const FOLLOW_UP: FollowUp = {
  campaignId: 'c-2025',
  year: 2025,
  meetingDate: '2025-06-12',
  actions: [
    {
      id: 'a1', optionId: 'wo-1', title: 'Former deux animateurs à la facilitation', owner: 'Bureau de l’association', due: '2025-11', status: 'done', note: '',
      themes: [{ themeId: 'gouv-consensus', label: 'Recherche du consensus', before: 30.11, after: 38.07, delta: 7.96 }],
    },
    { id: 'a2', optionId: null, title: 'Ouvrir le conseil d’administration aux entreprises locales', owner: '', due: null, status: 'in_progress', note: 'Deux entreprises pressenties.', themes: [] },
  ],
};

/** The meeting on the 2026 results: the report ends with it. */
const REVIEW: PoleReview = {
  meetingDate: '2026-05-20',
  participants: { ess: 5, salaries: 3 },
  themes: [{ themeId: 'gouv-consensus', note: 'Le groupe reconnaît que les décisions se prennent trop vite.', agreed: true }],
  actions: [{ id: 'b1', optionId: 'wo-1', title: 'Instituer un temps de débat avant chaque décision', owner: 'Coordination', due: '2026-12', status: 'planned', note: '', themeIds: ['gouv-consensus'] }],
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
    swot: { strengths: ['gouv-debat'], weaknesses: ['gouv-consensus'], opportunities: ['ctx-soutien'], threats: [], vigilance: ['coop-animation'], uncertain: ['ctx-soutien'] },
    // The results' order (most urgent first), neither by quadrant nor by strength: the PDF must keep it.
    options: [
      {
        id: 'wo-1', quadrant: 'WO', title: 'Financer une animation dédiée à la recherche du consensus',
        description: 'Le soutien public peut payer le temps d’animation qui manque pour construire le consensus.',
        themes: ['gouv-consensus', 'ctx-soutien'], seedRef: 'G-D3', strength: 5.37, needsConsensus: true,
        because: { theme: 'gouv-consensus', item: ITEM.name, label: ITEM.label, polarity: 'positive', score: 36.42 }, context: { theme: 'ctx-soutien', score: 68.81, category: 'opportunity' },
        reason: 'Point le plus faible\u00a0: «\u00a0Les décisions importantes sont prises après une vraie recherche de consensus\u00a0» (36,4 sur 100). Opportunité sur laquelle s’appuyer\u00a0: «\u00a0Soutien des collectivités et sa continuité\u00a0» (68,8 sur 100).',
      },
      {
        id: 'so-1', quadrant: 'SO', title: 'Présenter chaque année aux collectivités un bilan du pôle',
        description: 'Le pôle débat bien et les collectivités le soutiennent : un bilan partagé consolide ce soutien.',
        themes: ['gouv-debat', 'ctx-soutien'], seedRef: 'G-P1', strength: 5.58, needsConsensus: false,
        because: null, context: { theme: 'ctx-soutien', score: 68.81, category: 'opportunity' }, reason: 'Opportunité sur laquelle s’appuyer\u00a0: «\u00a0Soutien des collectivités et sa continuité\u00a0» (68,8 sur 100).',
      },
    ],
    evolution: {
      previousCampaign: { id: 'c-2025', year: 2025 },
      themes: THEMES.map((th, i) => ({ id: th.id, label: th.label, previous: th.score! - 4.12 * (i - 1), current: th.score, delta: 4.12 * (i - 1), sharedItems: 3 })),
    },
    verbatims: [
      {
        question: 'verbatimForces', label: 'Qu’est-ce qui fonctionne le mieux dans notre pôle ?',
        answers: [{ text: 'La confiance entre les fondateurs.', count: 1 }, { text: 'Le lieu commun.', count: 8 }, { text: 'Les petits déjeuners mensuels.', count: 1 }],
      },
    ],
    followUp: FOLLOW_UP,
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
/** The text in the order it is drawn (`-raw`): a table's cells one after the other, row by row, however they wrap. */
const rawText = (file: string, from: number, to = from) =>
  plain(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', String(from), '-l', String(to), file, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
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
  'Accords et désaccords entre collèges', 'Forces, faiblesses, opportunités, menaces', 'Options stratégiques', 'Suivi du plan d’action 2025',
  'Évolution', 'Paroles de répondants', 'Conclusions de la réunion et plan d’action', 'Annexe : méthode',
];

/**
 * The statistician's words the body must not use (the method annex defines them): « Score brut », « n » and « k » as
 * names, « Écart entre collèges », the écart-type, quartiles, the TOWS reference and an option's « intensité ».
 */
const JARGON: [string, RegExp][] = [
  ['Score brut', /score brut/i],
  ['Écart entre collèges', /écart entre collèges/i],
  ['écart-type', /écart-type/i],
  ['quartiles', /(^|[^\p{L}])Q[13]([^\p{L}\d]|$)|quartile/iu],
  ['TOWS', /TOWS|Weihrich/],
  ['intensité', /intensité/i],
  ['n', /(^|[\s(])n([\s)=:]|$)/m],
  ['k', /(^|[\s(])k([\s)=:]|$)/m],
];
const jargonIn = (text: string) => JARGON.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);

/** Where each title first appears in the text, or -1. */
const positions = (text: string, titles: string[]) => titles.map((title) => plain(text).replace(/\s+/g, ' ').indexOf(title));

describe.runIf(runPdfTests)('pole PDF report', () => {
  const results = fixture();
  let file = '';
  let text = '';
  let pages = 0;
  /** The text of each page, spaces made plain. */
  let pageTexts: string[] = [];
  const pageStarting = (heading: string) => pageTexts.findIndex((page) => firstLine(page) === heading);

  beforeAll(async () => {
    const pdf = await renderPoleReport(results, { generatedAt: new Date('2026-03-15T09:30:00Z'), review: REVIEW });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    file = write('report.pdf', pdf);
    text = pdftotext(file);
    pages = pageCount(text);
    pageTexts = Array.from({ length: pages }, (_, i) => plain(pdftotext(file, i + 1)));
  });

  it('has the cover and every section heading, in order, the meeting’s conclusions last before the annex', () => {
    const flat = plain(text);
    expect(flat).toContain('Auto-évaluation PTCE');
    expect(flat).toContain('Pôle Test des Coteaux');
    expect(flat).toContain('Campagne 2026');
    expect(flat).toContain(plain(formatDateFr(new Date('2026-03-15T09:30:00Z'))));
    // Headings start their pages: the first line of each page, in the order of the report.
    const found = HEADINGS.map(pageStarting);
    expect(found.every((i) => i > 0), `headings not at the top of a page: ${HEADINGS.filter((_, i) => found[i] < 0).join(', ')}`).toBe(true);
    expect([...found].sort((a, b) => a - b)).toEqual(found);
  });

  it('prints the overall score and each theme score rounded to one decimal, in plain words', () => {
    const synthese = pageTexts[2];
    expect(firstLine(synthese)).toBe('Synthèse');
    expect(synthese).toContain(fr1(results.overall!));
    expect(fr1(results.overall!)).toBe('55,4');
    for (const th of THEMES) {
      const line = plain(text).split('\n').find((l) => l.trim().startsWith(th.label.slice(0, 30)) && l.includes(fr1(th.score!)) && l.includes(String(th.n)));
      expect(line, `table row of ${th.label}`).toBeDefined();
    }
    for (const d of results.dimensions) expect(plain(text)).toContain(`Score de la dimension : ${fr1(d.score!)} / 100`);
    expect(rawText(file, pageStarting('Gouvernance') + 1)).toContain('Thème Score sur 100 Réponses Lecture Les collèges');
  });

  it('keeps the technical words out of the body: the annex alone defines them', () => {
    const annex = pageStarting('Annexe : méthode');
    const body = pageTexts.slice(0, annex).join('\n');
    expect(jargonIn(body)).toEqual([]);
    // The test can fail: the annex, which keeps them, trips every one of them.
    expect(jargonIn(pageTexts.slice(annex).join('\n')).sort()).toEqual(JARGON.map(([name]) => name).sort());
    // What the body says instead.
    const flat = plain(text).replace(/\s+/g, ' ');
    for (const words of ['Réponses', 'les collèges ne voient pas ce thème de la même façon', 'Forces et opportunités', 'de la plus urgente à la moins urgente']) {
      expect(flat, words).toContain(words);
    }
  });

  it('shows « Autres collèges » as one group, « trop peu de réponses » where it is suppressed', () => {
    const flat = plain(text);
    const lines = flat.split('\n');
    // Gouvernance: a column for the group, with its scores.
    expect(lines.some((l) => l.includes('Débat et concertation') && l.includes(fr1(72.33)))).toBe(true);
    expect(lines.some((l) => /trop peu de réponses/.test(l))).toBe(true);
    // Coopération and contexte: suppressed on every theme, said once per dimension.
    expect(lines.filter((l) => l.includes('Autres collèges : moins de 3 personnes ont répondu')).length).toBe(2);
    // Its members are named (in the participation section), never next to a score.
    expect(flat.replace(/\s+/g, ' ')).toContain('regroupés dans « Autres collèges » (« Collectivités territoriales », « Usagers et habitants »)');
    for (const merged of ['Collectivités', 'Usagers']) {
      for (const line of lines.filter((l) => l.includes(merged))) expect(line, line).not.toMatch(/\d,\d/);
    }
  });

  it('numbers pages « Page N / M » on every page but the cover', () => {
    expect(text).toContain(`Page 2 / ${pages}`);
    expect(pageTexts[0]).not.toMatch(/Page 1 \//);
    for (let p = 2; p <= pages; p++) expect(pageTexts[p - 1]).toContain(`Page ${p} / ${pages}`);
  });

  it('has a table of contents whose page numbers are where the headings really are', () => {
    const toc = pageTexts[1];
    expect(firstLine(toc)).toBe('Sommaire');
    const entries = new Map<string, number>();
    for (const line of toc.split('\n')) {
      const m = /^\s*(\S.*?\S)\s{2,}(\d+)\s*$/.exec(line);
      if (m) entries.set(m[1], Number(m[2]));
    }
    for (const heading of HEADINGS.slice(1)) {
      const page = entries.get(heading);
      expect(page, `TOC entry for ${heading}`).toBeDefined();
      expect(firstLine(pageTexts[page! - 1]), `page ${page} should start with ${heading}`).toBe(heading);
    }
  });

  it('uses French typography: no-break spaces before the colon and inside guillemets', () => {
    // pdftotext turns every kind of space into a plain one: read the text runs through the fonts' ToUnicode maps.
    const runs = textRuns(readFileSync(file));
    expect(runs.some((r) => r.includes('Annexe\u00A0: méthode'))).toBe(true);
    expect(runs.some((r) => r.includes('«\u202FLa confiance entre les fondateurs.\u202F»'))).toBe(true);
    expect(runs.some((r) => /pôle\u202F\?/.test(r))).toBe(true);
    expect(runs.some((r) => r.includes('Annexe : méthode'))).toBe(false);
    // « (× 8) » never breaks between the sign and the count.
    expect(runs.some((r) => r.includes('(×\u00A08)'))).toBe(true);
  });

  it('says which collèges disagree, on themes and on questions', () => {
    const consensus = rawText(file, pageStarting('Accords et désaccords entre collèges') + 1, pageStarting('Forces, faiblesses, opportunités, menaces'));
    // Recherche du consensus: Salariés 25,76 against ESS 50,38; the question: Salariés 23,12 against ESS 49,93.
    expect(consensus).toContain('Recherche du consensus Gouvernance Salariés 25,8 – Entreprises de l’ESS 50,4 (24,6 points d’écart)');
    expect(consensus).toContain('recherche de consensus. Recherche du consensus Salariés 23,1 – Entreprises de l’ESS 49,9 (26,8 points d’écart)');
    // The dimension table says it too, and « proches » where they agree.
    const gouvernance = pageTexts.slice(pageStarting('Gouvernance'), pageStarting('Coopération')).join('\n').replace(/\s+/g, ' ');
    expect(gouvernance).toContain('désaccord : Salariés 25,8 – Entreprises de l’ESS 50,4');
    expect(gouvernance).toContain('proches');
  });

  it('lists the options in the order of the results, in the summary and in their section', () => {
    const titles = results.options.map((o) => o.title);
    const section = pageTexts.slice(pageStarting('Options stratégiques'), pageStarting('Suivi du plan d’action 2025')).join('\n');
    const found = positions(section, titles);
    expect(found.every((i) => i >= 0)).toBe(true);
    // WO (weaker strength) first, as the results give it: neither re-sorted by quadrant nor by strength.
    expect(found[0]).toBeLessThan(found[1]);
    expect(section.replace(/\s+/g, ' ')).toContain(`1. ${titles[0]}`);
    expect(section.replace(/\s+/g, ' ')).toContain(`2. ${titles[1]}`);
    expect(section).toContain('À construire en accord entre collèges d’abord');
    // The summary gives the weakness its remedy.
    const summary = pageTexts.slice(pageStarting('Synthèse'), pageStarting('Participation par collège')).join('\n').replace(/\s+/g, ' ');
    expect(summary).toContain(`Recherche du consensus : 38,1 sur 100`);
    expect(summary).toContain(`Piste : ${titles[0]}`);
  });

  it('shows the SWOT grid, the evolution and each identical comment once with its count', () => {
    const flat = plain(text);
    for (const box of ['Forces', 'Faiblesses', 'Opportunités', 'Menaces', 'Points de vigilance']) expect(flat).toContain(box);
    expect(flat).toContain(plain(formatDelta(4.12)));
    expect(flat).toContain('« Le lieu commun. » (× 8)');
    expect(flat.match(/Le lieu commun\./g)).toHaveLength(1);
    expect(flat).not.toContain('« La confiance entre les fondateurs. » (×');
    expect(flat).toContain('Recherche et formation');
  });

  it('follows last year’s plan and ends with the meeting’s conclusions and adopted plan', () => {
    const followUp = rawText(file, pageStarting('Suivi du plan d’action 2025') + 1);
    expect(followUp).toContain('Lors de sa réunion du 12 juin 2025, le pôle a adopté 2 actions : 1 réalisée, 1 en cours.');
    expect(followUp).toContain('Former deux animateurs à la facilitation Bureau de l’association novembre 2025 Réalisée Recherche du consensus : 30,1 → 38,1 (+8,0)');
    expect(followUp).toContain('Ouvrir le conseil d’administration aux entreprises locales Deux entreprises pressenties. à préciser à préciser En cours aucun thème indiqué');
    const review = rawText(file, pageStarting('Conclusions de la réunion et plan d’action') + 1);
    expect(review).toContain('Réunion du 20 mai 2026 : 8 participants (Entreprises de l’ESS : 5 ; Salariés : 3).');
    expect(review).toContain('Le groupe reconnaît que les décisions se prennent trop vite.');
    expect(review).toContain('Recherche du consensus (38,1) Oui Le groupe reconnaît');
    expect(review).toContain('Instituer un temps de débat avant chaque décision Coordination décembre 2026 Prévue');
    // The summary says it in a line.
    expect(pageTexts[2].replace(/\s+/g, ' ')).toContain('Après la campagne 2025, le pôle a adopté 2 actions');
  });

  it('leaves the follow-up and the conclusions out when there is neither', async () => {
    const none = write('no-plan.pdf', await renderPoleReport({ ...fixture(), followUp: null }, { generatedAt: new Date('2026-03-15T09:30:00Z') }));
    const noneText = plain(pdftotext(none));
    expect(noneText).not.toContain('Suivi du plan d’action');
    expect(noneText).not.toContain('Conclusions de la réunion');
    expect(noneText).toContain('Paroles de répondants');
  });

  it('draws the charts as vectors: every theme as a sorted bar with its whole label, every collège as a dot', () => {
    // No raster image anywhere: every chart is PDF paths and text.
    expect(readFileSync(file).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    const overview = pageTexts.slice(pageStarting('Vue d’ensemble'), pageStarting('Gouvernance')).join('\n');
    // Best first within a dimension, the score after each label, last year's as a legend entry.
    expect(overview.indexOf('Débat et concertation : 72,3')).toBeGreaterThan(-1);
    expect(overview.indexOf('Débat et concertation : 72,3')).toBeLessThan(overview.indexOf('Recherche du consensus : 38,1'));
    for (const label of ['Soutien des collectivités et sa', 'continuité : 68,8', '100', 'Score 2025', 'Force (65 et plus)', 'Faiblesse (45 ou moins)']) expect(overview).toContain(label);
    const gouvernance = pageTexts.slice(pageStarting('Gouvernance'), pageStarting('Coopération')).join('\n');
    for (const label of ['Avis des collèges', 'Recherche du consensus – désaccord', 'Entreprises de l’ESS', 'Désaccord : 20 points ou plus']) expect(gouvernance).toContain(label);
  });

  it('has a plausible page count', () => {
    expect(pages).toBeGreaterThanOrEqual(14);
    expect(pages).toBeLessThanOrEqual(24);
  });

  it('renders a short report when results are not available', async () => {
    const base = fixture();
    const short: PoleResults = {
      ...base,
      available: false,
      message: `Les résultats s’affichent à partir de ${K} réponses envoyées (2 pour l’instant).`,
      participation: { ...base.participation, submitted: 2, colleges: base.participation.colleges.map((c, i) => ({ ...c, submitted: i === 0 ? 2 : 0 })) },
      themes: [], items: [], dimensions: [], overall: null,
      swot: { strengths: [], weaknesses: [], opportunities: [], threats: [], vigilance: [], uncertain: [] },
      options: [], evolution: null, verbatims: [], followUp: null,
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
    for (const absent of ['Sommaire', 'Synthèse', 'Accords et désaccords', 'Paroles de répondants']) expect(shortText).not.toContain(absent);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The summary alone.

/** A pole with everything the summary could say at length: 12 weaknesses with long remedies, 10 dissensus themes, 8 actions. */
function crowded(): PoleResults {
  const base = fixture();
  const long = 'Une piste longue, écrite pour ce pôle, qui décrit les étapes, les partenaires à réunir, le calendrier et les moyens à prévoir. '.repeat(4);
  const weak = Array.from({ length: 12 }, (_, i) =>
    theme(`faible-${i}`, `Thème faible numéro ${i + 1} au libellé assez long pour tenir deux lignes`, 'gouvernance', 10 + i, [30 + i, 5 + i, 10 + i], { swot: 'weakness' }));
  const options: StrategicOptionResult[] = weak.flatMap((th, i) => [1, 2].map((j) => ({
    id: `opt-${i}-${j}`, quadrant: 'WT' as const, title: `Piste ${j} pour le thème faible numéro ${i + 1}, à mener avec les collectivités`, description: long,
    themes: [th.id], seedRef: 'G-D1', strength: 20 - i, needsConsensus: true, because: null, context: null, reason: '',
  })));
  return {
    ...base,
    themes: [...THEMES, ...weak],
    swot: { ...base.swot, weaknesses: weak.map((th) => th.id) },
    options,
    followUp: {
      ...FOLLOW_UP,
      actions: Array.from({ length: 8 }, (_, i) => ({ ...FOLLOW_UP.actions[0], id: `a${i}`, title: `Action ${i + 1} du plan précédent, au titre assez long pour occuper une ligne entière` })),
    },
  };
}

describe.runIf(runPdfTests)('pole summary PDF', () => {
  const generatedAt = new Date('2026-03-15T09:30:00Z');

  it('holds the score, strengths, weaknesses with their remedies, what divides the collèges and participation, on at most two pages', async () => {
    const benchmark = {
      poles: 12,
      themes: [
        { id: 'gouv-debat', q1: 40.1, median: 50.2, q3: 60.3, position: 'top' as const },
        { id: 'gouv-consensus', q1: 42.5, median: 50.2, q3: 60.3, position: 'bottom' as const },
      ],
    };
    const file = write('summary.pdf', await renderPoleSummary({ ...fixture(), benchmark }, { generatedAt }));
    const text = plain(pdftotext(file));
    const n = pageCount(text);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(2);
    const flat = text.replace(/\s+/g, ' ');
    expect(firstLine(text)).toBe('Synthèse');
    expect(flat).toContain('Score global du pôle');
    expect(flat).toContain('55,4 / 100');
    expect(flat).toContain('13 réponses sur 21 personnes invitées (62 %)');
    expect(flat).toContain('Aucune réponse du collège « Recherche et formation »');
    // Where the network puts the pole, said without quartiles.
    expect(flat).toContain('Débat et concertation : 72,3 sur 100, parmi les 25 % de pôles les plus hauts du réseau');
    expect(flat).toContain('Recherche du consensus : 38,1 sur 100 parmi les 25 % de pôles les plus bas du réseau ; les collèges ne voient pas ce thème de la même façon.');
    expect(flat).toContain('Piste : Financer une animation dédiée à la recherche du consensus (à construire d’abord en accord entre collèges)');
    expect(flat).toContain('Recherche du consensus : Salariés 25,8 – Entreprises de l’ESS 50,4 (24,6 points d’écart)');
    expect(flat).toContain(`Page 1 / ${n}`);
    expect(jargonIn(text)).toEqual([]);
  });

  it('is the opening of the full report, page for page', async () => {
    const summary = plain(pdftotext(write('summary-alone.pdf', await renderPoleSummary(fixture(), { generatedAt }))));
    const report = write('report-for-summary.pdf', await renderPoleReport(fixture(), { generatedAt }));
    const n = pageCount(summary);
    // Footers differ (page numbers): compare the pages without their last line.
    const body = (page: string) => page.split('\n').filter((l) => l.trim() && !/Page \d+ \/ \d+/.test(l)).join('\n');
    const alone = summary.split('\f').slice(0, n).map(body);
    const inReport = Array.from({ length: n }, (_, i) => body(plain(pdftotext(report, 3 + i))));
    expect(inReport).toEqual(alone);
    expect(firstLine(plain(pdftotext(report, 3 + n)))).toBe('Participation par collège');
  });

  it('says why there are no figures yet, and still who answered', async () => {
    const base = fixture();
    const early: PoleResults = {
      ...base, available: false, message: `Les résultats s’affichent à partir de ${K} réponses envoyées (2 pour l’instant).`,
      participation: { ...base.participation, submitted: 2, colleges: base.participation.colleges.map((c, i) => ({ ...c, submitted: i === 0 ? 2 : 0 })) },
      themes: [], items: [], dimensions: [], overall: null, options: [], evolution: null, verbatims: [],
      swot: { strengths: [], weaknesses: [], opportunities: [], threats: [], vigilance: [], uncertain: [] },
    };
    const text = plain(pdftotext(write('summary-early.pdf', await renderPoleSummary(early, { generatedAt }))));
    expect(pageCount(text)).toBe(1);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Qui a répondu 2 réponses sur 21 personnes invitées (10 %). Par collège : Entreprises de l’ESS : 2 sur 7');
    expect(flat).toContain('Les résultats s’affichent à partir de 3 réponses envoyées (2 pour l’instant).');
    expect(flat).not.toContain('Score global');
    // Last year's plan is followed all the same.
    expect(flat).toContain('Suivi du plan d’action 2025');
  });

  it('stays within two pages however much there is to say, and says what it left out', async () => {
    const results = crowded();
    const file = write('summary-crowded.pdf', await renderPoleSummary(results, { generatedAt }));
    const text = plain(pdftotext(file));
    expect(pageCount(text)).toBe(2);
    const flat = text.replace(/\s+/g, ' ');
    // The weakest first, with its first remedy; the rest named, their remedies left to the full report.
    expect(flat).toContain('Thème faible numéro 1 au libellé assez long pour tenir deux lignes : 10,0 sur 100');
    expect(flat).toContain('Piste : Piste 1 pour le thème faible numéro 1');
    expect(flat).toMatch(/Autres points faibles : .*Thème faible numéro 12 au libellé assez long pour tenir deux lignes \(21,0\)/);
    expect(flat).toContain('Leurs pistes sont dans le rapport complet.');
    // A two-page limit that the content really presses against: the full report holds more than two pages of it.
    const report = plain(pdftotext(write('report-crowded.pdf', await renderPoleReport(results, { generatedAt }))));
    expect(report.split('\f').findIndex((page) => firstLine(page) === 'Participation par collège')).toBe(4);
  });
});

describe.runIf(runPdfTests)('how sure the figures are, in both pole PDFs', () => {
  const generatedAt = new Date('2026-03-15T09:30:00Z');
  // Débat et concertation (72,3) now has an interval down to 63,1: on 13 answers its strength is not settled.
  function unsure(): PoleResults {
    const base = fixture();
    return {
      ...base,
      themes: base.themes.map((th) => (th.id === 'gouv-debat' ? { ...th, interval: { low: 63.1, high: 81.6, level: 0.9 } } : th)),
      swot: { ...base.swot, uncertain: ['gouv-debat', 'ctx-soutien'] },
    };
  }

  it('the summary says « à confirmer » beside the strength, and what it means', async () => {
    const text = plain(pdftotext(write('summary-unsure.pdf', await renderPoleSummary(unsure(), { generatedAt }))));
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Débat et concertation : 72,3 sur 100 (à confirmer)');
    expect(flat).toContain('« à confirmer » : avec ce nombre de réponses, le score pourrait se situer de l’autre côté du seuil');
    expect(jargonIn(text)).toEqual([]);
    // Settled strengths and weaknesses say nothing of the kind (the fixture's only unsure theme is a context one).
    expect(plain(pdftotext(write('summary-sure.pdf', await renderPoleSummary(fixture(), { generatedAt }))))).not.toContain('à confirmer');
  });

  it('the full report shows each theme’s interval in its table, « à confirmer » there and in the SWOT, and the annex explains both', async () => {
    const file = write('report-unsure.pdf', await renderPoleReport(unsure(), { generatedAt }));
    const pages = plain(pdftotext(file)).split('\f');
    const start = (heading: string) => pages.findIndex((page) => firstLine(page) === heading) + 1;
    const gouvernance = rawText(file, start('Gouvernance'));
    // Interval bounds rounded outwards: 63,1 → 63, 81,6 → 82.
    expect(gouvernance).toContain('Débat et concertation 72,3 (63 – 82) 13 Force, à confirmer');
    expect(gouvernance).toContain('Recherche du consensus 38,1 (32 – 45) 13 Faiblesse');
    expect(gouvernance).toContain('la fourchette dans laquelle le score se situe très probablement (9 chances sur 10)');
    const swot = rawText(file, start('Forces, faiblesses, opportunités, menaces'));
    expect(swot).toContain('Débat et concertation (72,3) – à confirmer');
    expect(swot).toContain('Soutien des collectivités et sa continuité (68,8) – à confirmer');
    expect(swot).toContain('« à confirmer » : la fourchette du score franchit le seuil qui classe le thème');
    const annex = rawText(file, start('Annexe : méthode'), pages.length);
    for (const words of ['Fourchettes et « à confirmer »', 'Welch–Satterthwaite', 'jamais des moyennes personnelles', 'Intervalle à 90 %', 'Débat et concertation 72,3 63 – 82']) {
      expect(annex, words).toContain(words);
    }
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
