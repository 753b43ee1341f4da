// Static checks of questionnaire definitions (SurveyJS JSON carrying `ptce` scoring metadata) and of pole profile
// forms, on the raw JSON as it enters (file, database, import). Pure functions: no survey-core Model is built here.
import { walkElements, type ElementRef, type RawJson } from './json.ts';
import { MERGED_GROUP_ID, PROFILE_ROLES, isRespondentMeta, themeRole, type Factor, type Polarity, type ProfileRole, type PtceSurveyMeta } from './metadata.ts';
import { choicesScale, ratingScale, storedChoiceValues, type QuestionJson } from './model.ts';
import { CATALOGUE_ROLES } from './strategic-options.ts';

export interface CheckIssue {
  /** Where the problem is, e.g. `pages[1].elements[0].rows[2].ptce.theme`. */
  path: string;
  /** What is wrong, in French. */
  message: string;
}

type Json = RawJson;

/** Question types a questionnaire may use. */
export const QUESTIONNAIRE_TYPES: readonly string[] = [
  'radiogroup', 'dropdown', 'checkbox', 'boolean', 'text', 'comment', 'matrix', 'rating', 'html', 'panel',
];
/** Question types a pole profile form may use. */
export const PROFILE_TYPES: readonly string[] = [...QUESTIONNAIRE_TYPES, 'multipletext'];

const POLARITIES: readonly Polarity[] = ['positive', 'negative'];
const FACTORS: readonly Factor[] = ['internal', 'external'];
const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const itemValue = (item: unknown): unknown => (isObject(item) && 'value' in item ? item.value : item);
const show = (v: unknown): string => (typeof v === 'string' ? `« ${v} »` : JSON.stringify(v));

const RESPONDENT_KEYS = ['respondent', 'generalize', 'labels', 'bands', 'unit'];
const isNumberQuestion = (q: Json) => (q.type === 'text' && q.inputType === 'number') || q.type === 'rating';

/** Checks the `ptce` mark of a respondent-profile question (see PtceRespondentMeta). */
function checkRespondentMeta(q: Json, path: string, issues: CheckIssue[]): void {
  const add = (p: string, message: string) => issues.push({ path: p, message });
  const meta = q.ptce as Json;
  const p = `${path}.ptce`;
  const qName = show(q.name);
  if (meta.respondent !== true) add(`${p}.respondent`, `« respondent » doit valoir true pour la question de profil ${qName} (trouvé : ${JSON.stringify(meta.respondent)}).`);
  for (const key of Object.keys(meta)) {
    if (RESPONDENT_KEYS.includes(key)) continue;
    add(`${p}.${key}`, `Propriété ${show(key)} inattendue sur la question de profil ${qName} : une question de profil n’est pas notée (attendu : ${RESPONDENT_KEYS.join(', ')}).`);
  }
  const choice = q.type === 'radiogroup' || q.type === 'dropdown';
  if (!choice && !isNumberQuestion(q) && q.type !== 'boolean') {
    const why = q.type === 'text' ? ' : une question « text » de profil doit être numérique (inputType « number »), un texte libre ne figure jamais parmi les réponses exportées' : '';
    add(p, `La question ${qName} de type ${show(q.type)} ne peut pas être une question de profil${why} (types possibles : radiogroup, dropdown, boolean, rating, text numérique).`);
    return;
  }
  if (q.name === 'college') {
    for (const key of ['generalize', 'bands'] as const) {
      if (meta[key] !== undefined) add(`${p}.${key}`, `Le collège n’est pas généralisé par le questionnaire : les exports donnent le groupe de collèges calculé par le serveur (petits collèges réunis dans « Autres collèges »).`);
    }
  }

  if (meta.generalize !== undefined) {
    if (!choice) add(`${p}.generalize`, `« generalize » ne s’applique qu’à une question à choix (radiogroup, dropdown), pas à ${qName} de type ${show(q.type)}.`);
    else if (!isObject(meta.generalize)) add(`${p}.generalize`, `« generalize » de ${qName} doit être un objet { valeur: valeur généralisée }.`);
    else {
      const values = storedChoiceValues(q as QuestionJson).map(String);
      for (const v of values) {
        if (!Object.hasOwn(meta.generalize, v)) add(`${p}.generalize`, `La valeur ${show(v)} de ${qName} n’a pas de valeur généralisée.`);
      }
      for (const [key, to] of Object.entries(meta.generalize)) {
        if (!values.includes(key)) add(`${p}.generalize.${key}`, `${show(key)} n’est pas une valeur de ${qName} (valeurs : ${values.join(', ')}).`);
        else if (!isNonEmptyString(to)) add(`${p}.generalize.${key}`, `Valeur généralisée manquante ou invalide pour ${show(key)} (${qName}).`);
      }
      const targets = [...new Set(Object.values(meta.generalize).filter(isNonEmptyString))];
      if (!isObject(meta.labels)) add(`${p}.labels`, `Libellés manquants pour les valeurs généralisées de ${qName} : un objet { ${targets.map((t) => `${t}: …`).join(', ')} } est attendu.`);
      else {
        for (const t of targets) if (!isNonEmptyString(meta.labels[t])) add(`${p}.labels`, `Libellé manquant pour la valeur généralisée ${show(t)} de ${qName}.`);
        for (const key of Object.keys(meta.labels)) if (!targets.includes(key)) add(`${p}.labels.${key}`, `${show(key)} n’est pas une valeur généralisée de ${qName}.`);
      }
    }
  } else if (meta.labels !== undefined) {
    add(`${p}.labels`, `« labels » nomme les valeurs de « generalize », absent pour ${qName}.`);
  }

  if (meta.bands !== undefined) {
    if (!isNumberQuestion(q)) add(`${p}.bands`, `« bands » ne s’applique qu’à une question numérique (text de type number, rating), pas à ${qName} de type ${show(q.type)}.`);
    else if (!Array.isArray(meta.bands) || meta.bands.length === 0) add(`${p}.bands`, `« bands » de ${qName} doit être une liste non vide de bornes, par ordre croissant.`);
    else {
      const min = q.type === 'rating' ? q.rateMin : q.min;
      const max = q.type === 'rating' ? q.rateMax : q.max;
      meta.bands.forEach((b: unknown, i: number) => {
        const bp = `${p}.bands[${i}]`;
        if (typeof b !== 'number' || !Number.isFinite(b)) return add(bp, `Borne ${JSON.stringify(b)} invalide pour ${qName} : un nombre est attendu.`);
        if (i > 0 && typeof meta.bands[i - 1] === 'number' && b <= meta.bands[i - 1]) add(bp, `Les bornes de ${qName} doivent être strictement croissantes (${meta.bands[i - 1]} puis ${b}).`);
        if (typeof min === 'number' && b <= min) add(bp, `La borne ${b} de ${qName} laisse une tranche vide : la valeur minimale est ${min}.`);
        if (typeof max === 'number' && b > max) add(bp, `La borne ${b} de ${qName} dépasse la valeur maximale (${max}).`);
      });
    }
  }
  if (meta.unit !== undefined) {
    if (meta.bands === undefined) add(`${p}.unit`, `« unit » accompagne « bands », absent pour ${qName}.`);
    else if (!isNonEmptyString(meta.unit)) add(`${p}.unit`, `Unité vide ou invalide pour ${qName}.`);
  }
}

interface SurveyMetaIndex {
  dimensions: Map<string, { factor: Factor }>;
  themes: Map<string, { dimension: string; seedRefs: string[] }>;
}

function checkSurveyMeta(meta: unknown, issues: CheckIssue[]): SurveyMetaIndex {
  const index: SurveyMetaIndex = { dimensions: new Map(), themes: new Map() };
  const add = (path: string, message: string) => issues.push({ path, message });
  if (meta === undefined) {
    add('ptce', 'Métadonnées « ptce » absentes au niveau du questionnaire (dimensions et thèmes).');
    return index;
  }
  if (!isObject(meta)) {
    add('ptce', 'Les métadonnées « ptce » du questionnaire doivent être un objet { dimensions, themes }.');
    return index;
  }
  const m = meta as Partial<PtceSurveyMeta>;
  if (!Array.isArray(m.dimensions) || m.dimensions.length === 0) {
    add('ptce.dimensions', 'La liste des dimensions est absente ou vide.');
  } else {
    m.dimensions.forEach((d: any, i) => {
      const p = `ptce.dimensions[${i}]`;
      if (!isObject(d)) return add(p, 'Une dimension doit être un objet { id, label, factor }.');
      if (!isNonEmptyString(d.id)) return add(`${p}.id`, 'Identifiant de dimension manquant.');
      if (index.dimensions.has(d.id)) add(`${p}.id`, `Dimension ${show(d.id)} déclarée plusieurs fois.`);
      if (!isNonEmptyString(d.label)) add(`${p}.label`, `Libellé manquant pour la dimension ${show(d.id)}.`);
      if (!FACTORS.includes(d.factor)) {
        add(`${p}.factor`, `Facteur ${show(d.factor)} invalide pour la dimension ${show(d.id)} : attendu « internal » ou « external ».`);
      }
      index.dimensions.set(d.id, { factor: d.factor });
    });
  }
  if (!Array.isArray(m.themes) || m.themes.length === 0) {
    add('ptce.themes', 'La liste des thèmes est absente ou vide.');
  } else {
    const roles = new Map<string, string>();
    m.themes.forEach((t: any, i) => {
      const p = `ptce.themes[${i}]`;
      if (!isObject(t)) return add(p, 'Un thème doit être un objet { id, label, dimension, seedRefs }.');
      if (!isNonEmptyString(t.id)) return add(`${p}.id`, 'Identifiant de thème manquant.');
      if (index.themes.has(t.id)) add(`${p}.id`, `Thème ${show(t.id)} déclaré plusieurs fois.`);
      if (!isNonEmptyString(t.label)) add(`${p}.label`, `Libellé manquant pour le thème ${show(t.id)}.`);
      if (!index.dimensions.has(t.dimension)) {
        add(`${p}.dimension`, `Le thème ${show(t.id)} se rattache à une dimension inconnue : ${show(t.dimension)}.`);
      }
      const seedRefs = Array.isArray(t.seedRefs) ? t.seedRefs.filter(isNonEmptyString) : [];
      if (!Array.isArray(t.seedRefs) || t.seedRefs.length === 0 || seedRefs.length !== t.seedRefs.length) {
        add(`${p}.seedRefs`, `Le thème ${show(t.id)} doit citer au moins une référence au document source (seedRefs), sans valeur vide.`);
      }
      if (t.role !== undefined && !isNonEmptyString(t.role)) add(`${p}.role`, `Rôle vide ou invalide pour le thème ${show(t.id)} : retirez « role » ou donnez le nom d’un thème du catalogue des options.`);
      else {
        const role = themeRole(t as { id: string; role?: string });
        const holder = roles.get(role);
        if (holder !== undefined) add(`${p}.role`, `Le thème ${show(t.id)} a le même rôle ${show(role)} que le thème ${show(holder)} : chaque thème mesure une chose différente.`);
        else roles.set(role, t.id);
        if (!CATALOGUE_ROLES.has(role)) {
          add(
            t.role === undefined ? `${p}.id` : `${p}.role`,
            `Le thème ${show(t.id)} n’a aucune option stratégique dans le catalogue (rôle ${show(role)} inconnu) : ` +
              `s’il renomme un thème existant, ajoutez "role": "<identifiant de ce thème>" (rôles connus : ${[...CATALOGUE_ROLES].join(', ')}) ; ` +
              `s’il est nouveau, ses options doivent d’abord entrer dans le catalogue (surveys/strategic-options.ts).`,
          );
        }
      }
      checkAlsoRoles(t, p, roles, add);
      index.themes.set(t.id, { dimension: t.dimension, seedRefs });
    });
  }
  return index;
}

/** `alsoRoles`: the roles of the themes a merged theme took over, each a role of the catalogue held by no other theme. */
function checkAlsoRoles(t: Json, p: string, roles: Map<string, string>, add: (path: string, message: string) => void): void {
  if (t.alsoRoles === undefined) return;
  if (!Array.isArray(t.alsoRoles) || !t.alsoRoles.every(isNonEmptyString)) {
    return add(`${p}.alsoRoles`, `« alsoRoles » du thème ${show(t.id)} doit être une liste de rôles du catalogue des options (les thèmes qu’il réunit).`);
  }
  t.alsoRoles.forEach((role: string, j: number) => {
    const holder = roles.get(role);
    if (holder !== undefined) add(`${p}.alsoRoles[${j}]`, `Le rôle ${show(role)} est déjà celui du thème ${show(holder)} : un rôle appartient à un seul thème.`);
    else roles.set(role, t.id);
    if (!CATALOGUE_ROLES.has(role)) add(`${p}.alsoRoles[${j}]`, `Rôle ${show(role)} inconnu du catalogue des options (surveys/strategic-options.ts) pour le thème ${show(t.id)}.`);
  });
}

function checkItemMeta(meta: unknown, path: string, where: string, index: SurveyMetaIndex, issues: CheckIssue[]): boolean {
  const add = (p: string, message: string) => issues.push({ path: p, message });
  if (!isObject(meta)) {
    add(path, `Métadonnées « ptce » invalides pour ${where} : un objet { dimension, theme, seedRef, polarity, factor } est attendu.`);
    return false;
  }
  const before = issues.length;
  const dim = index.dimensions.get(meta.dimension);
  if (!isNonEmptyString(meta.dimension)) add(`${path}.dimension`, `Dimension manquante pour ${where}.`);
  else if (!dim) add(`${path}.dimension`, `Dimension inconnue ${show(meta.dimension)} pour ${where}.`);
  const theme = index.themes.get(meta.theme);
  if (!isNonEmptyString(meta.theme)) add(`${path}.theme`, `Thème manquant pour ${where}.`);
  else if (!theme) add(`${path}.theme`, `Thème inconnu ${show(meta.theme)} pour ${where} : il n’est pas déclaré dans ptce.themes.`);
  else if (dim && theme.dimension !== meta.dimension) {
    add(`${path}.theme`, `Le thème ${show(meta.theme)} appartient à la dimension ${show(theme.dimension)}, pas à ${show(meta.dimension)} (${where}).`);
  }
  if (!FACTORS.includes(meta.factor)) {
    add(`${path}.factor`, `Facteur ${show(meta.factor)} invalide pour ${where} : attendu « internal » ou « external ».`);
  } else if (dim && dim.factor !== meta.factor) {
    add(`${path}.factor`, `Facteur ${show(meta.factor)} incohérent pour ${where} : la dimension ${show(meta.dimension)} est de facteur ${show(dim.factor)}.`);
  }
  if (!POLARITIES.includes(meta.polarity)) {
    add(`${path}.polarity`, `Polarité ${show(meta.polarity)} invalide pour ${where} : attendu « positive » ou « negative ».`);
  }
  if (!isNonEmptyString(meta.seedRef)) add(`${path}.seedRef`, `Référence au document source (seedRef) manquante pour ${where}.`);
  else if (theme && !theme.seedRefs.includes(meta.seedRef)) {
    add(`${path}.seedRef`, `La référence ${show(meta.seedRef)} de ${where} ne figure pas dans les seedRefs du thème ${show(meta.theme)} (${theme.seedRefs.join(', ')}).`);
  }
  return issues.length === before;
}

/** Names referenced by `{name}` in an expression (the part before any `.` or `[`). */
function expressionNames(expression: string): string[] {
  return [...expression.matchAll(/\{([^}]+)\}/g)].map((m) => m[1].trim().split(/[.[]/)[0]);
}

function checkStructure(json: Json, allowedTypes: readonly string[], issues: CheckIssue[]): ElementRef[] {
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!Array.isArray(json.pages) && !Array.isArray(json.elements)) {
    add('pages', 'Le questionnaire ne contient aucune page.');
  }
  if (Array.isArray(json.pages)) {
    json.pages.forEach((page: unknown, i: number) => {
      if (!isObject(page)) add(`pages[${i}]`, 'Une page doit être un objet.');
      else if (!Array.isArray(page.elements) || page.elements.length === 0) add(`pages[${i}].elements`, `La page ${show(page.name ?? i + 1)} ne contient aucune question.`);
    });
  }
  const refs = walkElements(json);
  // SurveyJS also reads a survey's, a page's or a panel's elements from « questions » (an older name): elements
  // there would be shown without any of these checks (allowed types, names, scoring metadata).
  const owners = [
    { owner: json, path: '' },
    ...(Array.isArray(json.pages) ? json.pages.map((page: unknown, i: number) => ({ owner: page, path: `pages[${i}].` })) : []),
    ...refs.filter((r) => r.element.type === 'panel').map((r) => ({ owner: r.element, path: `${r.path}.` })),
  ];
  for (const { owner, path } of owners) {
    if (isObject(owner) && owner.questions !== undefined) add(`${path}questions`, '« questions » n’est pas pris en charge : placez ces éléments dans « elements ».');
  }
  const names = new Map<string, string>();
  for (const { element, path } of refs) {
    const kind = element.type === 'panel' ? 'panneau' : 'question';
    if (!isNonEmptyString(element.type)) {
      add(`${path}.type`, 'Élément sans type.');
    } else if (!allowedTypes.includes(element.type)) {
      add(`${path}.type`, `Type de question non pris en charge : ${show(element.type)} (${show(element.name)}). Types autorisés : ${allowedTypes.join(', ')}.`);
    }
    if (!isNonEmptyString(element.name)) {
      add(`${path}.name`, `Élément (${kind}) sans nom.`);
      continue;
    }
    if (!KEY_PATTERN.test(element.name)) {
      add(`${path}.name`, `Nom ${show(element.name)} invalide : lettres, chiffres et « _ » uniquement, en commençant par une lettre (clé stable d’une année sur l’autre).`);
    }
    const previous = names.get(element.name);
    if (previous) add(`${path}.name`, `Nom ${show(element.name)} en double (déjà utilisé en ${previous}).`);
    else names.set(element.name, path);
  }
  for (const { element, path } of refs) {
    for (const prop of ['visibleIf'] as const) {
      if (element[prop] === undefined) continue;
      if (!isNonEmptyString(element[prop])) {
        add(`${path}.${prop}`, `Condition ${prop} vide ou invalide pour ${show(element.name)}.`);
        continue;
      }
      for (const ref of expressionNames(element[prop])) {
        if (!names.has(ref)) add(`${path}.${prop}`, `La condition de ${show(element.name)} fait référence à une question inconnue : {${ref}}.`);
      }
    }
  }
  return refs;
}

/** Checks a questionnaire definition; returns the problems found (empty when valid). */
export function checkQuestionnaire(json: unknown): CheckIssue[] {
  const issues: CheckIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  if (!isObject(json)) return [{ path: '', message: 'Le questionnaire doit être un objet JSON.' }];

  const index = checkSurveyMeta(json.ptce, issues);
  const refs = checkStructure(json, QUESTIONNAIRE_TYPES, issues);
  const itemsPerTheme = new Map<string, number>();
  const count = (meta: Json) => itemsPerTheme.set(meta.theme, (itemsPerTheme.get(meta.theme) ?? 0) + 1);

  for (const { element: q, path } of refs) {
    const qName = show(q.name);
    // A respondent-profile question (quasi-identifier) is not scored: its `ptce` has its own shape.
    if (isRespondentMeta(q.ptce)) {
      checkRespondentMeta(q, path, issues);
      continue;
    }
    if (q.type === 'matrix') {
      if (q.ptce !== undefined) {
        add(`${path}.ptce`, `La matrice ${qName} porte « ptce » au niveau de la question : placez ces métadonnées sur chacune de ses lignes.`);
      }
      const scale = choicesScale(q.columns);
      if (typeof scale === 'string') add(`${path}.columns`, `Colonnes de la matrice ${qName} : ${scale}.`);
      if (!Array.isArray(q.rows) || q.rows.length === 0) {
        add(`${path}.rows`, `La matrice ${qName} n’a aucune ligne.`);
        continue;
      }
      const rowValues = new Set<unknown>();
      q.rows.forEach((row: unknown, i: number) => {
        const rp = `${path}.rows[${i}]`;
        const value = itemValue(row);
        const where = `la ligne ${show(value)} de la matrice ${qName}`;
        if (typeof value !== 'string' || !KEY_PATTERN.test(value)) {
          add(`${rp}.value`, `Valeur de ligne ${show(value)} invalide dans la matrice ${qName} : une clé stable (lettres, chiffres, « _ ») est attendue.`);
        }
        if (rowValues.has(value)) add(`${rp}.value`, `Ligne ${show(value)} en double dans la matrice ${qName}.`);
        rowValues.add(value);
        if (!isObject(row) || row.ptce === undefined) {
          add(`${rp}.ptce`, `Métadonnées « ptce » manquantes sur ${where}.`);
          return;
        }
        if (checkItemMeta(row.ptce, `${rp}.ptce`, where, index, issues) && typeof scale !== 'string') count(row.ptce);
      });
    } else if (q.ptce !== undefined) {
      if (q.type !== 'radiogroup' && q.type !== 'rating') {
        add(`${path}.ptce`, `La question ${qName} de type ${show(q.type)} ne peut pas être notée : seules les lignes de matrice et les questions « radiogroup » ou « rating » portent « ptce ».`);
        continue;
      }
      const scale = q.type === 'rating' ? ratingScale(q as QuestionJson) : choicesScale(q.choices);
      if (typeof scale === 'string') add(`${path}.${q.type === 'rating' ? 'rateMin' : 'choices'}`, `Question notée ${qName} : ${scale}.`);
      if (q.type === 'radiogroup' && (q.showOtherItem || q.hasOther || q.showNoneItem || q.hasNone)) {
        add(`${path}.choices`, `La question notée ${qName} ne doit pas proposer de choix « autre » ni « aucun ».`);
      }
      if (checkItemMeta(q.ptce, `${path}.ptce`, `la question ${qName}`, index, issues) && typeof scale !== 'string') count(q.ptce);
    }
  }

  const themes = Array.isArray(json.ptce?.themes) ? (json.ptce.themes as unknown[]) : [];
  themes.forEach((t, i) => {
    if (!isObject(t) || !isNonEmptyString(t.id)) return;
    const n = itemsPerTheme.get(t.id) ?? 0;
    if (n < 2) {
      add(`ptce.themes[${i}]`, `Le thème ${show(t.id)} n’est mesuré que par ${n} item${n > 1 ? 's' : ''} noté${n > 1 ? 's' : ''} : au moins 2 sont nécessaires.`);
    }
  });

  const college = refs.find((r) => r.element.name === 'college');
  if (!college) add('pages', 'La question « college » (collège du répondant) est absente.');
  else if (college.element.type !== 'radiogroup') {
    add(`${college.path}.type`, `La question « college » doit être de type « radiogroup » (trouvé : ${show(college.element.type)}).`);
  } else if (!Array.isArray(college.element.choices) || college.element.choices.length < 2) {
    add(`${college.path}.choices`, 'La question « college » doit proposer au moins deux collèges.');
  } else {
    // « autres » names the merged group of small collèges in every result: a collège may not take it.
    college.element.choices.forEach((c: unknown, i: number) => {
      const value = c !== null && typeof c === 'object' ? (c as Json).value : c;
      if (value === MERGED_GROUP_ID) add(`${college.path}.choices[${i}].value`, `« ${MERGED_GROUP_ID} » est réservé au groupe « Autres collèges » des résultats : choisissez un autre identifiant.`);
    });
  }
  return issues;
}

/** Checks a pole profile form (filled once per campaign by the coordinator). */
export function checkProfileForm(json: unknown): CheckIssue[] {
  if (!isObject(json)) return [{ path: '', message: 'Le formulaire de profil doit être un objet JSON.' }];
  const issues: CheckIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const refs = checkStructure(json, PROFILE_TYPES, issues);
  const holders = new Map<ProfileRole, string>();
  for (const { element: q, path } of refs) {
    if (q.ptce !== undefined) checkProfileRole(q, `${path}.ptce`, holders, add);
    if (q.type === 'multipletext' && q.items !== undefined && !Array.isArray(q.items)) {
      add(`${path}.items`, `Les items de ${show(q.name)} doivent être une liste.`);
    }
  }
  return issues;
}

/** A profile question's `ptce` only says which fact of the pole it holds: `{ "role": … }` (see PROFILE_ROLES). */
function checkProfileRole(q: Json, path: string, holders: Map<ProfileRole, string>, add: (path: string, message: string) => void): void {
  const known = Object.keys(PROFILE_ROLES).join(', ');
  const meta = q.ptce;
  if (!isObject(meta) || Object.keys(meta).some((k) => k !== 'role')) {
    return add(path, `Le formulaire de profil ne comporte pas de question notée : sur ${show(q.name)}, « ptce » ne peut que déclarer un rôle { "role": … } (rôles : ${known}).`);
  }
  if (typeof meta.role !== 'string' || !Object.hasOwn(PROFILE_ROLES, meta.role)) {
    return add(`${path}.role`, `Rôle ${show(meta.role)} inconnu pour ${show(q.name)} (rôles : ${known}).`);
  }
  const role = meta.role as ProfileRole;
  const spec: { label: string; types: readonly string[]; kind: string; unit?: string } = PROFILE_ROLES[role];
  const numeric = (spec.kind !== 'year' && spec.kind !== 'number') || q.inputType === 'number';
  if (!spec.types.includes(q.type) || !numeric) {
    add(`${path}.role`, `La question ${show(q.name)} ne peut pas porter le rôle ${show(role)} (${spec.label}) : type attendu ${spec.types.join(' ou ')}${numeric ? '' : ' numérique (inputType « number »)'}.`);
  } else if (spec.unit) {
    checkFactRange(q, role, spec.label, spec.unit, `${path}.role`, add);
  }
  const holder = holders.get(role);
  if (holder) add(`${path}.role`, `Le rôle ${show(role)} est déjà porté par ${show(holder)} : une seule question par rôle.`);
  else holders.set(role, String(q.name));
}

/**
 * A number fact is validated by its question's bounds (surveys/validator.ts): amounts, jobs and counts cannot be
 * negative, a percentage stays within 0..100. Each field of an amounts question (public funding by level) likewise;
 * the collège fields of membersPerCollege are written by the service (registry.ts).
 */
function checkFactRange(q: Json, role: ProfileRole, label: string, unit: string, path: string, add: (path: string, message: string) => void): void {
  const bounded = (field: Json) =>
    field.inputType === 'number' && typeof field.min === 'number' && field.min >= 0 &&
    (unit !== 'percent' || (typeof field.max === 'number' && field.max <= 100));
  const expected = `numérique (inputType « number ») avec min ≥ 0${unit === 'percent' ? ' et max ≤ 100' : ''}`;
  if (q.type !== 'multipletext') {
    if (!bounded(q)) add(path, `La question ${show(q.name)} porte le rôle ${show(role)} (${label}) : elle doit être ${expected}.`);
    return;
  }
  if (role === 'membersPerCollege') return;
  const items = Array.isArray(q.items) ? q.items : [];
  if (!items.length) add(path, `La question ${show(q.name)} porte le rôle ${show(role)} (${label}) : elle doit avoir au moins un champ.`);
  items.forEach((item, i) => {
    if (isObject(item) && !bounded(item)) add(`${path.replace(/\.ptce\.role$/, '')}.items[${i}]`, `Le champ ${show(item.name)} de ${show(q.name)} (${label}) doit être ${expected}.`);
  });
}
