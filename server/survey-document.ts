// A questionnaire version as respondents download it: one JSON document per version at an address named by its
// content's hash, so that a browser keeps it for good and the answers view (GET /api/responses/:token) only points
// to it instead of carrying it each time. Versions are immutable once loaded: the document, its hash and its
// compressed copies are made once per process.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Questionnaire } from '../surveys/registry.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export interface SurveyDocument {
  /** The definition as sent (UTF-8 JSON). */
  body: Buffer;
  /** Hash of `body` (SHA-256, base64url, 128 bits): in the address and the ETag. */
  hash: string;
  /** Address of the document, relative to the site. */
  url: string;
  /** The body compressed once, at first download (brotli at its best quality, gzip for older clients). */
  compressed(encoding: 'br' | 'gzip'): Promise<Buffer>;
}

const documents = new WeakMap<Questionnaire, SurveyDocument>();

export const surveyDocumentPath = (id: string, hash: string) => `/api/questionnaires/${encodeURIComponent(id)}/survey/${hash}`;

export function surveyDocument(questionnaire: Questionnaire): SurveyDocument {
  let document = documents.get(questionnaire);
  if (!document) {
    const body = Buffer.from(JSON.stringify(questionnaire.definition), 'utf8');
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
    const copies = new Map<'br' | 'gzip', Promise<Buffer>>();
    document = {
      body,
      hash,
      url: surveyDocumentPath(questionnaire.id, hash),
      compressed(encoding) {
        let copy = copies.get(encoding);
        if (!copy) {
          copy =
            encoding === 'br'
              ? brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
              : gzipped(body, { level: 9 });
          copies.set(encoding, copy);
          copy.catch(() => copies.delete(encoding));
        }
        return copy;
      },
    };
    documents.set(questionnaire, document);
  }
  return document;
}

/**
 * The encoding to send for an Accept-Encoding header: brotli, else gzip, else none. A coding refused with `q=0` is
 * never chosen; `*` stands for the codings not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get('*') ?? 0;
  const best = (['br', 'gzip'] as const).filter((c) => weightOf(c) > 0).sort((a, b) => weightOf(b) - weightOf(a))[0];
  return best ?? null;
}

/** Whether an If-None-Match header names this document (weak comparison, as RFC 9110 asks for GET). */
export function matchesETag(ifNoneMatch: string | undefined, hash: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === `"${hash}"`;
  });
}
