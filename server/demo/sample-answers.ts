// Plausible, valid answers to a questionnaire, for the demo network, benchmarks and tests.
// Each pole gets a "leaning" per theme so that demo results show real strengths and weaknesses.
import { isRespondentMeta, type PtceItemMeta } from '../../surveys/metadata.ts';
import { NOT_APPLICABLE, partsOf } from '../../surveys/model.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import { between, pick, type Rng } from './random.ts';

const valuesOf = (list: unknown) => partsOf(list).map((p) => p.value);
/** The scoring metadata of a question or matrix row, if it is a scored item. */
const itemMeta = (ptce: unknown): PtceItemMeta | undefined => (ptce && typeof ptce === 'object' && !isRespondentMeta(ptce) ? (ptce as PtceItemMeta) : undefined);

/** Free answers, by what the question asks (read in its title, so that any version's comment questions get some). */
const VERBATIMS: readonly { asks: RegExp; answers: readonly string[] }[] = [
  { asks: /fonctionne|force|atout/i, answers: [
    'Les petits déjeuners mensuels : on s’y connaît mieux et les projets naissent là.',
    'Le lieu commun, qui rend la coopération visible et facile au quotidien.',
    'La confiance entre les structures fondatrices.',
    'Le groupement d’employeurs, qui a stabilisé plusieurs postes.',
  ] },
  { asks: /obstacle|frein|difficult/i, answers: [
    'Le manque de temps des bénévoles pour suivre les instances.',
    'La dépendance aux subventions de la région.',
    'On évalue peu ce que nos projets communs produisent vraiment.',
    'Les nouvelles entreprises ont du mal à trouver leur place.',
  ] },
  { asks: /propos|amélior/i, answers: [
    'Organiser une journée annuelle d’évaluation de nos projets communs.',
    'Ouvrir le conseil d’administration à un collège d’entreprises locales.',
    'Former une deuxième génération d’animateurs pour préparer le passage de relais.',
    'Mutualiser un poste de chargé·e de mission évaluation.',
  ] },
];
const verbatimsFor = (title: string) => VERBATIMS.find((v) => v.asks.test(title))?.answers;

/** Scale position (0..1) around which a pole answers for each theme: drawn once per pole. */
export function poleLeanings(q: Questionnaire, rng: Rng): Map<string, number> {
  return new Map(q.model.themes.map((t) => [t.id, 0.15 + rng() * 0.75]));
}

/**
 * How one respondent answers scored items, from their metadata: the demo network's respondents (server/demo/
 * respondents.ts). Without it, a respondent answers around the pole's leaning for the item's theme.
 */
export interface Respondent {
  /** Scale position (0..1) around which they answer the item, read in its favourable direction. */
  leaning(item: PtceItemMeta): number;
  /** Their chance of answering « je ne sais pas » where the scale offers it. */
  dontKnow(item: PtceItemMeta): number;
  /** How far one answer falls from the leaning (on the 0..1 scale). */
  noise(rng: Rng): number;
}

export interface SampleOptions {
  college?: string;
  /** Scale position per theme id, for every respondent of a pole (poleLeanings). */
  leanings?: Map<string, number>;
  respondent?: Respondent;
  /** Every question answered, no « je ne sais pas ». */
  complete?: boolean;
}

export function sampleAnswers(q: Questionnaire, rng: Rng, options: SampleOptions = {}): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const { respondent } = options;
  const leaning = (meta: PtceItemMeta | undefined) => (respondent && meta ? respondent.leaning(meta) : options.leanings?.get(meta?.theme ?? '') ?? 0.6);
  const dontKnow = (meta: PtceItemMeta | undefined) => !options.complete && rng() < (respondent && meta ? respondent.dontKnow(meta) : 0.06);
  /** A value of an ordered scale near the leaning, with some spread between respondents. */
  const around = (values: unknown[], meta: PtceItemMeta | undefined) => {
    let x = leaning(meta) + (respondent ? respondent.noise(rng) : (rng() - 0.5) * 0.5);
    if (meta?.polarity === 'negative') x = 1 - x;
    const i = Math.max(0, Math.min(values.length - 1, Math.round(x * (values.length - 1))));
    return values[i];
  };
  for (const { name, type, title, json: question } of q.model.questions) {
    if (!q.validator.isVisible(name, data)) continue;
    switch (type) {
      case 'radiogroup':
      case 'dropdown': {
        const values = valuesOf(question.choices);
        const meta = itemMeta(question.ptce);
        const scale = values.filter((v) => v !== NOT_APPLICABLE);
        if (name === 'college' && options.college) data.college = options.college;
        else if (meta && scale.length < values.length && dontKnow(meta)) data[name] = NOT_APPLICABLE;
        else if (meta) data[name] = around(scale, meta);
        else data[name] = pick(rng, values);
        break;
      }
      case 'boolean':
        data[name] = rng() < 0.5;
        break;
      case 'text':
        if (question.inputType === 'number') data[name] = between(rng, Number(question.min ?? 0), Math.min(Number(question.max ?? 20), 20));
        else if (!question.isRequired && rng() < 0.5) break;
        else data[name] = 'Réponse libre';
        break;
      case 'comment': {
        const answers = verbatimsFor(title);
        if (answers && (options.complete || rng() < 0.6)) data[name] = pick(rng, answers);
        break;
      }
      case 'matrix': {
        const columns = valuesOf(question.columns);
        const scale = columns.filter((v) => v !== NOT_APPLICABLE);
        const cells: Record<string, unknown> = {};
        for (const row of partsOf(question.rows)) {
          const meta = itemMeta(row.json?.ptce);
          if (scale.length < columns.length && dontKnow(meta)) cells[String(row.value)] = NOT_APPLICABLE;
          else cells[String(row.value)] = around(scale, meta);
        }
        data[name] = cells;
        break;
      }
      case 'checkbox':
        data[name] = [pick(rng, valuesOf(question.choices))];
        break;
      case 'rating': {
        const meta = itemMeta(question.ptce);
        const [min, max, step] = [question.rateMin ?? 1, question.rateMax ?? 5, question.rateStep ?? 1];
        data[name] = meta ? around(Array.from({ length: Math.floor((max - min) / step) + 1 }, (_, i) => min + i * step), meta) : between(rng, min, max);
        break;
      }
    }
  }
  return data;
}
