// Importing a questionnaire version as a command, without HTTP: checked as at start-up, stored, available at once;
// refused with every problem listed, or when the id is taken, storing nothing.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { importQuestionnaire } from '../../server/commands/questionnaires.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const ptce2026 = () => JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2026.json', import.meta.url), 'utf8'));
const admin = () => h.deps.repos.users.findByEmail('admin@labo.test')!;

describe('importQuestionnaire', () => {
  it('stores a valid version with the newest profile form and makes it available at once', () => {
    const newest = [...h.deps.questionnaires.values()].at(-1)!;
    expect(newest.id).toBe('ptce-2027');
    const imported = importQuestionnaire(h.deps, admin(), { id: 'ptce-2028', definition: ptce2026() });
    expect(imported.model.themes).toHaveLength(26);
    expect(h.deps.questionnaires.get('ptce-2028')).toBe(imported);
    expect(h.deps.repos.questionnaires.list().map((q) => q.id)).toEqual(['ptce-2028']);
    expect(imported.profile).toEqual(newest.profile);
  });

  it('refuses a taken id (409) and an invalid definition (422, every problem), storing nothing', () => {
    expect(() => importQuestionnaire(h.deps, admin(), { id: 'ptce-2026', definition: ptce2026() })).toThrow(expect.objectContaining({ status: 409, code: 'questionnaire_exists' }));
    const broken = ptce2026();
    broken.ptce.themes[0].role = 'inconnu';
    delete broken.pages[1].elements[0].rows[0].ptce;
    expect(() => importQuestionnaire(h.deps, admin(), { id: 'ptce-2028', definition: broken })).toThrow(expect.objectContaining({
      status: 422, code: 'invalid_questionnaire',
      details: expect.arrayContaining([
        expect.objectContaining({ path: 'ptce.themes[0].role' }),
        expect.objectContaining({ path: 'pages[1].elements[0].rows[0].ptce' }),
      ]),
    }));
    expect(h.deps.repos.questionnaires.list()).toEqual([]);
    expect(h.deps.questionnaires.has('ptce-2028')).toBe(false);
  });
});
