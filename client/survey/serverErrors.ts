// Puts the server's 422 details ([{question, message}]) on the SurveyJS questions.
import type { Model, Question } from 'survey-core';
import type { QuestionError } from '../api';

export interface ShownQuestionError {
  name: string;
  title: string;
  message: string;
  question: Question | null;
}

function findQuestion(model: Model, name: string): Question | null {
  // A detail may target a matrix row ("matrix.row" / "matrix[row]"): fall back to the question itself.
  return model.getQuestionByName(name) ?? model.getQuestionByName(name.split(/[.[]/)[0]) ?? null;
}

export function clearServerErrors(model: Model): void {
  for (const question of model.getAllQuestions()) question.clearErrors();
}

export function applyServerErrors(model: Model, details: QuestionError[]): ShownQuestionError[] {
  clearServerErrors(model);
  return details.map((detail) => {
    const question = findQuestion(model, detail.question);
    if (question) question.addError(detail.message);
    return {
      name: detail.question,
      title: question ? question.processedTitle || question.title || detail.question : detail.question,
      message: detail.message,
      question,
    };
  });
}

/** Index (in visiblePages) of the first page holding one of the questions, or -1. */
export function firstPageWithError(model: Model, errors: ShownQuestionError[]): number {
  let best = -1;
  for (const error of errors) {
    const page = error.question?.page;
    if (!page) continue;
    const index = model.visiblePages.indexOf(page as never);
    if (index >= 0 && (best < 0 || index < best)) best = index;
  }
  return best;
}
