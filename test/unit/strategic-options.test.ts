// The catalogue of strategic options, read against the questionnaire versions (2026 and 2027) and the 2027 profile
// form (the first to hold every fact the options are conditioned on): shapes, quadrants, seed references, profile
// conditions, the remedies the field uses, French typography.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { partsOf, profileModel } from '../../surveys/model.ts';
import {
  CATALOGUE_ROLES, STRATEGIC_OPTIONS, type PairedOptionDefinition, type RemedyDefinition, type StrategicOptionDefinition,
} from '../../surveys/strategic-options.ts';

interface ThemeDef {
  id: string;
  label: string;
  dimension: string;
  seedRefs: string[];
  role?: string;
}

const readVersion = (id: string) => JSON.parse(readFileSync(new URL(`../../surveys/definitions/${id}.json`, import.meta.url), 'utf8'));
const questionnaire = readVersion('ptce-2026');
/**
 * The catalogue names theme roles: every role some version gives a theme (its `role`, else its id), with the seed
 * references of all the themes that hold it. A role a version merged into a broader theme keeps its options for the
 * versions that still measure it.
 */
const themes: ThemeDef[] = (() => {
  const byRole = new Map<string, ThemeDef>();
  for (const version of ['ptce-2026', 'ptce-2027']) {
    for (const t of readVersion(version).ptce.themes as ThemeDef[]) {
      const role = t.role ?? t.id;
      const known = byRole.get(role);
      if (known) expect(known.dimension, `${role}: one dimension in every version`).toBe(t.dimension);
      byRole.set(role, { ...t, id: role, seedRefs: [...new Set([...(known?.seedRefs ?? []), ...t.seedRefs])] });
    }
  }
  return [...byRole.values()];
})();
const themeById = new Map(themes.map((t) => [t.id, t]));
const isExternal = (themeId: string): boolean => themeById.get(themeId)?.dimension === 'contexte';
const internalThemes = themes.filter((t) => t.dimension !== 'contexte');
const externalThemes = themes.filter((t) => t.dimension === 'contexte');
const profile = profileModel(JSON.parse(readFileSync(new URL('../../surveys/definitions/ptce-2027.profile.json', import.meta.url), 'utf8')));

const isRemedy = (o: StrategicOptionDefinition): o is RemedyDefinition => 'pairWith' in o;
const PAIRED = STRATEGIC_OPTIONS.filter((o): o is PairedOptionDefinition => !isRemedy(o));
const REMEDIES = STRATEGIC_OPTIONS.filter(isRemedy);

const range = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const VALID_SEED_REFS = new Set([
  ...range('G-P', 6),
  ...range('G-D', 4),
  ...range('C-P', 7),
  ...range('C-D', 4),
  ...range('X-', 5),
]);

const internalConditionThemes = (o: StrategicOptionDefinition): string[] => [
  ...new Set(o.when.filter((c) => c.is === 'strength' || c.is === 'weakness').map((c) => c.role)),
];
const kinds = (o: StrategicOptionDefinition) => ({
  s: o.when.filter((c) => c.is === 'strength').length,
  w: o.when.filter((c) => c.is === 'weakness').length,
  o: o.when.filter((c) => c.is === 'opportunity').length,
  t: o.when.filter((c) => c.is === 'threat').length,
});
const has = (o: StrategicOptionDefinition, theme: string, is: string): boolean =>
  o.when.some((c) => c.role === theme && c.is === is);

describe('questionnaire themes (preconditions)', () => {
  it('has 21 internal and 5 external themes in 2026, one more internal role in 2027, the same 5 external', () => {
    const themes2026: ThemeDef[] = questionnaire.ptce.themes;
    expect(themes2026.filter((t) => t.dimension !== 'contexte')).toHaveLength(21);
    expect(internalThemes.map((t) => t.id).filter((role) => !themes2026.some((t) => t.id === role))).toEqual(['gouv-autonomie-financiere']);
    expect(externalThemes.map((t) => t.id).sort()).toEqual(
      [
        'ctx-dependance-financements',
        'ctx-nouveaux-acteurs',
        'ctx-pression-isomorphisme',
        'ctx-soutien-collectivites',
        'ctx-temps-disponible',
      ].sort(),
    );
    for (const t of themes) for (const ref of t.seedRefs) expect(VALID_SEED_REFS.has(ref), `${t.id}: ${ref}`).toBe(true);
  });
});

describe('STRATEGIC_OPTIONS', () => {
  it('has a reasonable number of options, with every quadrant represented', () => {
    expect(STRATEGIC_OPTIONS.length).toBeGreaterThanOrEqual(40);
    for (const q of ['SO', 'ST', 'WO', 'WT'] as const) {
      expect(PAIRED.filter((o) => o.quadrant === q).length, q).toBeGreaterThanOrEqual(5);
    }
  });

  it('has unique kebab-case ids', () => {
    const ids = STRATEGIC_OPTIONS.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('has 1 to 3 conditions per option, on themes of the questionnaire, without duplicates', () => {
    for (const o of STRATEGIC_OPTIONS) {
      expect(o.when.length, o.id).toBeGreaterThanOrEqual(1);
      expect(o.when.length, o.id).toBeLessThanOrEqual(3);
      expect(new Set(o.when.map((c) => c.role)).size, `${o.id}: one condition per theme`).toBe(o.when.length);
      for (const c of o.when) expect(themeById.has(c.role), `${o.id}: unknown theme ${c.role}`).toBe(true);
    }
  });

  it('uses strength/weakness only on internal themes and opportunity/threat only on external themes', () => {
    for (const o of STRATEGIC_OPTIONS) {
      for (const c of o.when) {
        const external = isExternal(c.role);
        if (c.is === 'strength' || c.is === 'weakness') expect(external, `${o.id}: ${c.role} is ${c.is}`).toBe(false);
        else expect(external, `${o.id}: ${c.role} is ${c.is}`).toBe(true);
      }
    }
  });

  it('gives a paired option exactly the two kinds of factors its quadrant names, both present', () => {
    const expected = { SO: ['s', 'o'], ST: ['s', 't'], WO: ['w', 'o'], WT: ['w', 't'] } as const;
    for (const o of PAIRED) {
      const k = kinds(o);
      const label = `${o.id} (${o.quadrant}) ${JSON.stringify(k)}`;
      const [internal, context] = expected[o.quadrant];
      expect(k[internal] >= 1 && k[context] >= 1, label).toBe(true);
      expect(k.s + k.w + k.o + k.t, label).toBe(k[internal] + k[context]);
    }
  });

  it('makes each remedy answer one weak internal theme, and pairs it only with context themes', () => {
    for (const o of REMEDIES) {
      expect(o.when, o.id).toEqual([{ role: o.when[0].role, is: 'weakness' }]);
      expect(o.pairWith.length, o.id).toBeGreaterThanOrEqual(1);
      expect(new Set(o.pairWith).size, o.id).toBe(o.pairWith.length);
      for (const role of o.pairWith) expect(isExternal(role), `${o.id}: ${role}`).toBe(true);
    }
  });

  it('gives every internal theme remedies and at least one option as a strength', () => {
    for (const t of internalThemes) {
      expect(REMEDIES.some((o) => has(o, t.id, 'weakness')), `${t.id} as weakness`).toBe(true);
      expect(PAIRED.some((o) => has(o, t.id, 'strength')), `${t.id} as strength`).toBe(true);
    }
  });

  it('uses every external theme in several options, as an opportunity and as a threat, and to pair remedies', () => {
    for (const t of externalThemes) {
      const using = PAIRED.filter((o) => o.when.some((c) => c.role === t.id));
      expect(using.length, t.id).toBeGreaterThanOrEqual(3);
      expect(PAIRED.some((o) => has(o, t.id, 'opportunity')), `${t.id} as opportunity`).toBe(true);
      expect(PAIRED.some((o) => has(o, t.id, 'threat')), `${t.id} as threat`).toBe(true);
      expect(REMEDIES.some((o) => o.pairWith.includes(t.id)), `${t.id} pairs a remedy`).toBe(true);
    }
    // Every theme of the version is named, so checkQuestionnaire accepts it.
    for (const t of themes) expect(CATALOGUE_ROLES.has(t.id), t.id).toBe(true);
  });

  it('conditions the options on the facts of the profile as the profile form holds them', () => {
    for (const o of STRATEGIC_OPTIONS) {
      for (const c of [...(o.requires ?? []), ...(o.unless ?? [])]) {
        const question = profile.fields[c.fact];
        expect(question, `${o.id}: ${c.fact}`).toBeDefined();
        if ('is' in c) expect(question!.type).toBe('boolean');
        else for (const value of c.in) expect(partsOf(question!.json.choices).map((p) => p.value), `${o.id}: ${c.fact} ${value}`).toContain(value);
      }
    }
  });

  it('includes the remedies the field uses daily, each tied to the seed', () => {
    const named: [string, string, RegExp][] = [
      ['remede-cae-activites', 'C-P1', /coopérative d’activité et d’emploi \(CAE\)/],
      ['remede-formation-cooperation', 'C-P5', /ni naturelle ni culturelle/],
      ['remede-dla-structuration', 'G-P5', /dispositif local d’accompagnement \(DLA\)/],
      ['remede-adherer-cress', 'C-D4', /\(CRESS\)/],
      ['remede-rtes-collectivites', 'G-P3', /\(RTES\)/],
      ['remede-reseau-ptce-labo', 'C-P4', /réseau des PTCE animé par le Labo de l’ESS/],
      ['remede-achats-filieres', 'C-P1', /achats vers les autres membres.*filière/],
      ['remede-fonction-rh-partagee', 'C-D2', /fonction ressources humaines partagée/],
      ['remede-fonds-europeens', 'C-P6', /LEADER.*FSE\+/],
    ];
    for (const [id, seedRef, text] of named) {
      const o = STRATEGIC_OPTIONS.find((x) => x.id === id);
      expect(o, id).toBeDefined();
      expect(o!.seedRef, id).toBe(seedRef);
      expect(o!.description, id).toMatch(text);
    }
  });

  it('answers a valid seed practice or challenge, tied to its conditions', () => {
    for (const o of STRATEGIC_OPTIONS) {
      expect(VALID_SEED_REFS.has(o.seedRef), `${o.id}: ${o.seedRef}`).toBe(true);
      const internal = internalConditionThemes(o);
      if (internal.length === 1) {
        expect(themeById.get(internal[0])!.seedRefs, `${o.id}: ${o.seedRef}`).toContain(o.seedRef);
      } else {
        const refs = o.when.flatMap((c) => themeById.get(c.role)!.seedRefs);
        expect(refs, `${o.id}: ${o.seedRef}`).toContain(o.seedRef);
      }
    }
  });

  it('includes the two examples of the domain brief', () => {
    const wo = PAIRED.filter(
      (o) => has(o, 'coop-temps-engagement', 'weakness') && has(o, 'ctx-soutien-collectivites', 'opportunity'),
    );
    expect(wo.length).toBeGreaterThanOrEqual(1);
    expect(wo.every((o) => o.quadrant === 'WO')).toBe(true);
    expect(wo.some((o) => /animation/i.test(o.title))).toBe(true);

    const wt = PAIRED.filter(
      (o) => has(o, 'coop-evaluation', 'weakness') && has(o, 'ctx-dependance-financements', 'threat'),
    );
    expect(wt.length).toBeGreaterThanOrEqual(1);
    expect(wt.every((o) => o.quadrant === 'WT')).toBe(true);
  });

  it('has French titles and descriptions with correct typography', () => {
    for (const o of STRATEGIC_OPTIONS) {
      for (const [field, text] of [
        ['title', o.title],
        ['description', o.description],
      ] as const) {
        const label = `${o.id}.${field}`;
        expect(text.trim().length, label).toBeGreaterThan(0);
        expect(text, label).toBe(text.trim());
        expect(text.includes("'"), `${label}: straight apostrophe, use ’`).toBe(false);
        expect(text.includes('"'), `${label}: straight quotes, use « »`).toBe(false);
        expect(/ [:;!?]/.test(text), `${label}: no-break space expected before : ; ! ?`).toBe(false);
        expect(/«(?!\u00a0)|(?<!\u00a0)»/.test(text), `${label}: no-break spaces expected inside « »`).toBe(false);
        expect(/ {2}/.test(text), `${label}: double space`).toBe(false);
      }
      expect(o.title.length, o.id).toBeLessThanOrEqual(90);
      expect(o.title.endsWith('.'), `${o.id}: title ends with a period`).toBe(false);
      expect(o.description.endsWith('.'), `${o.id}: description ends with a period`).toBe(true);
      const sentences = o.description.split(/(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ«])/u);
      expect(sentences.length, `${o.id}: 2–4 sentences`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${o.id}: 2–4 sentences`).toBeLessThanOrEqual(4);
    }
  });
});
