// Plausible, valid answers to a questionnaire, for the demo network, benchmarks and tests.
// Each pole gets a "leaning" per theme so that demo results show real strengths and weaknesses.
import { listQuestions } from '../../surveys/check.ts';
import { isRespondentMeta } from '../../surveys/metadata.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import { between, pick, type Rng } from './random.ts';

type Json = Record<string, any>;
const valueOf = (item: unknown) => (item !== null && typeof item === 'object' ? (item as Json).value : item);

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
  const themes = (q.definition.ptce?.themes ?? []) as { id: string }[];
  return new Map(themes.map((t) => [t.id, 0.15 + rng() * 0.75]));
}

export function sampleAnswers(q: Questionnaire, rng: Rng, options: { college?: string; leanings?: Map<string, number>; complete?: boolean } = {}): Json {
  const data: Json = {};
  const leaning = (theme: string | undefined) => options.leanings?.get(theme ?? '') ?? 0.6;
  /** A value of an ordered scale near the leaning, with some spread between respondents. */
  const around = (values: unknown[], theme: string | undefined, negative: boolean) => {
    let x = leaning(theme) + (rng() - 0.5) * 0.5;
    if (negative) x = 1 - x;
    const i = Math.max(0, Math.min(values.length - 1, Math.round(x * (values.length - 1))));
    return values[i];
  };
  for (const question of listQuestions(q.definition)) {
    if (!q.validator.isVisible(question.name, data)) continue;
    switch (question.type) {
      case 'radiogroup':
      case 'dropdown': {
        const values = (question.choices ?? []).map(valueOf);
        if (question.name === 'college' && options.college) data.college = options.college;
        else if (question.ptce && !isRespondentMeta(question.ptce)) data[question.name] = around(values, question.ptce.theme, question.ptce.polarity === 'negative');
        else data[question.name] = pick(rng, values);
        break;
      }
      case 'boolean':
        data[question.name] = rng() < 0.5;
        break;
      case 'text':
        if (question.inputType === 'number') data[question.name] = between(rng, Number(question.min ?? 0), Math.min(Number(question.max ?? 20), 20));
        else if (!question.isRequired && rng() < 0.5) break;
        else data[question.name] = 'Réponse libre';
        break;
      case 'comment':
        if (VERBATIMS[question.name] && (options.complete || rng() < 0.6)) data[question.name] = pick(rng, VERBATIMS[question.name]);
        break;
      case 'matrix': {
        const scale = (question.columns ?? []).map(valueOf).filter((v: unknown) => v !== 'nsp');
        const cells: Json = {};
        for (const row of question.rows ?? []) {
          if (!options.complete && rng() < 0.06) cells[valueOf(row)] = 'nsp';
          else cells[valueOf(row)] = around(scale, row.ptce?.theme, row.ptce?.polarity === 'negative');
        }
        data[question.name] = cells;
        break;
      }
      case 'checkbox':
        data[question.name] = [pick(rng, (question.choices ?? []).map(valueOf))];
        break;
      case 'rating':
        data[question.name] = between(rng, question.rateMin ?? 1, question.rateMax ?? 5);
        break;
    }
  }
  return data;
}
