// The API contract is the OpenAPI document (generated from the zod schemas that validate the routes). Every JSON GET
// route of a seeded app answers a body that the document describes *strictly*: a property it does not declare fails,
// so a field added in reports/ without its schema cannot reach outside clients unannounced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { createLinks } from '../helpers/scenario.ts';
import { generateDemoNetwork } from '../../server/demo/network.ts';
import { surveyDocument } from '../../server/survey-document.ts';

type Json = Record<string, any>;

/** OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` as a null alternative, objects closed, refs to definitions. */
function strict(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(strict) as unknown as Json;
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'format') continue;
    if (key === '$ref') out.$ref = String(value).replace('#/components/schemas/', '#/definitions/');
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, strict(v)]));
    else out[key] = typeof value === 'object' ? strict(value) : value;
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return schema.nullable ? { anyOf: [out, { type: 'null' }] } : out;
}

let h: Harness;
let doc: Json;
let admin: Client;
let coordinator: Client;
let ajv: Ajv;

beforeAll(async () => {
  h = await createHarness();
  const accounts = await generateDemoNetwork(h.deps);
  admin = await h.admin();
  coordinator = h.client();
  await coordinator.login(accounts.coordinators[0].email, accounts.coordinators[0].password);
  doc = (await h.client().json('GET', '/api/openapi.json')).body;
  ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addSchema({ $id: 'api', definitions: Object.fromEntries(Object.entries(doc.components?.schemas ?? {}).map(([k, v]) => [k, strict(v as Json)])) });
});
afterAll(() => h.close());

describe('the API contract', () => {
  it('describes every JSON body the GET routes answer, and nothing more', async () => {
    // A pole of the demo, its campaign, a link opened by a respondent, a questionnaire version.
    const pole = 'pole-1';
    const campaign = 'campagne-2026';
    const [link] = await createLinks(coordinator, `/api/poles/${pole}/campaigns/${campaign}`, { count: 1 });
    const respondent = h.client();
    const hash = surveyDocument(h.deps.questionnaires.get('ptce-2026')!).hash;
    const params: Record<string, string> = { poleId: pole, campaignId: campaign, token: link.token, id: 'ptce-2026', hash };
    const checked: string[] = [];
    for (const [path, operations] of Object.entries<Json>(doc.paths)) {
      const schema = operations.get?.responses?.['200']?.content?.['application/json']?.schema;
      if (!schema) continue;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name]);
      const caller = path.startsWith('/api/responses/') ? respondent : path.startsWith('/api/poles/{poleId}/campaigns') ? coordinator : admin;
      const res = await caller.json('GET', url);
      expect(res.status, url).toBe(200);
      const validate = ajv.compile(rewriteRefs(strict(schema)));
      const valid = validate(res.body);
      expect(valid, `${path}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
      checked.push(path);
    }
    // The routes that answer JSON on GET, all of them checked.
    expect(checked).toEqual(expect.arrayContaining([
      '/api/session', '/api/poles', '/api/campaigns', '/api/questionnaires', '/api/questionnaires/{id}',
      '/api/poles/{poleId}/campaigns/{campaignId}/results', '/api/campaigns/{campaignId}/results',
      '/api/poles/{poleId}/campaigns/{campaignId}/invitations', '/api/poles/{poleId}/campaigns/{campaignId}/participation',
      '/api/responses/{token}', '/api/poles/{poleId}/campaigns/{campaignId}/mailings', '/api/audit',
      '/api/poles/{poleId}/campaigns/{campaignId}/review', '/api/questionnaires/{id}/survey/{hash}',
    ]));
  });
});

/** Refs inside a route's inline schema point at the shared definitions registered under `api`. */
function rewriteRefs(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(rewriteRefs) as unknown as Json;
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' ? `api${v}` : rewriteRefs(v)]));
}
