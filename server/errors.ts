// Every error the API sends has the same JSON shape: { error: { code, message, details? } }, message in French.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export class ApiError extends Error {
  constructor(
    public readonly status: ContentfulStatusCode,
    public readonly code: string,
    message: string,
    public readonly details?: unknown,
  ) {
    super(message);
  }
}

/** A 422 in the API's shape: a French message and the `{ question, message }` problems it sums up. */
export const invalid = (message: string, issues: { question: string; message: string }[]) => new ApiError(422, 'validation', message, issues);
/** A 422 on one field, whose message is the error's own. */
export const invalidField = (question: string, message: string) => invalid(message, [{ question, message }]);

export const notFound = (what = 'Ressource introuvable.') => new ApiError(404, 'not_found', what);
export const forbidden = () => new ApiError(403, 'forbidden', 'Vous n’avez pas accès à ce pôle.');

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function handleError(err: Error, c: Context) {
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.details), err.status);
  if (err instanceof HTTPException) {
    const message = err.status === 400 ? 'Requête mal formée (JSON invalide ?).' : err.message || 'Requête refusée.';
    return c.json(errorBody('bad_request', message), err.status as ContentfulStatusCode);
  }
  console.error(err);
  return c.json(errorBody('internal', 'Erreur interne du serveur.'), 500);
}
