// Plausible, valid answers to a questionnaire, for the demo network, benchmarks and tests.
// Each pole gets a "leaning" per theme so that demo results show real strengths and weaknesses.
import { isRespondentMeta, type PtceItemMeta } from '../../surveys/metadata.ts';
import { NOT_APPLICABLE, partsOf } from '../../surveys/model.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import { between, pick, type Rng } from './random.ts';

const valuesOf = (list: unknown) => partsOf(list).map((p) => p.value);
/** The scoring metadata of a question or matrix row, if it is a scored item. */
const itemMeta = (ptce: unknown): PtceItemMeta | undefined => (ptce && typeof ptce === 'object' && !isRespondentMeta(ptce) ? (ptce as PtceItemMeta) : undefined);

const VERBATIMS = {
  verbatimForces: [
    'Les petits déjeuners mensuels : on s’y connaît mieux et les projets naissent là.',
    'Le lieu commun, qui rend la coopération visible et facile au quotidien.',
    'La confiance entre les structures fondatrices.',
    'Le groupement d’employeurs, qui a stabilisé plusieurs postes.',
  ],
  verbatimObstacle: [
    'Le manque de temps des bénévoles pour suivre les instances.',
    'La dépendance aux subventions de la région.',
    'On évalue peu ce que nos projets communs produisent vraiment.',
    'Les nouvelles entreprises ont du mal à trouver leur place.',
  ],
  verbatimProposition: [
    'Organiser une journée annuelle d’évaluation de nos projets communs.',
    'Ouvrir le conseil d’administration à un collège d’entreprises locales.',
    'Former une deuxième génération d’animateurs pour préparer le passage de relais.',
    'Mutualiser un poste de chargé·e de mission évaluation.',
  ],
} as Record<string, string[]>;

/** Scale position (0..1) around which a pole answers for each theme: drawn once per pole. */
export function poleLeanings(q: Questionnaire, rng: Rng): Map<string, number> {
  return new Map(q.model.themes.map((t) => [t.id, 0.15 + rng() * 0.75]));
}

export function sampleAnswers(q: Questionnaire, rng: Rng, options: { college?: string; leanings?: Map<string, number>; complete?: boolean } = {}): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const leaning = (theme: string | undefined) => options.leanings?.get(theme ?? '') ?? 0.6;
  /** A value of an ordered scale near the leaning, with some spread between respondents. */
  const around = (values: unknown[], theme: string | undefined, negative: boolean) => {
    let x = leaning(theme) + (rng() - 0.5) * 0.5;
    if (negative) x = 1 - x;
    const i = Math.max(0, Math.min(values.length - 1, Math.round(x * (values.length - 1))));
    return values[i];
  };
  for (const { name, type, json: question } of q.model.questions) {
    if (!q.validator.isVisible(name, data)) continue;
    switch (type) {
      case 'radiogroup':
      case 'dropdown': {
        const values = valuesOf(question.choices);
        const meta = itemMeta(question.ptce);
        if (name === 'college' && options.college) data.college = options.college;
        else if (meta) data[name] = around(values, meta.theme, meta.polarity === 'negative');
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
      case 'comment':
        if (VERBATIMS[name] && (options.complete || rng() < 0.6)) data[name] = pick(rng, VERBATIMS[name]);
        break;
      case 'matrix': {
        const scale = valuesOf(question.columns).filter((v) => v !== NOT_APPLICABLE);
        const cells: Record<string, unknown> = {};
        for (const row of partsOf(question.rows)) {
          const meta = itemMeta(row.json?.ptce);
          if (!options.complete && rng() < 0.06) cells[String(row.value)] = NOT_APPLICABLE;
          else cells[String(row.value)] = around(scale, meta?.theme, meta?.polarity === 'negative');
        }
        data[name] = cells;
        break;
      }
      case 'checkbox':
        data[name] = [pick(rng, valuesOf(question.choices))];
        break;
      case 'rating':
        data[name] = between(rng, question.rateMin ?? 1, question.rateMax ?? 5);
        break;
    }
  }
  return data;
}
