// Admin: questionnaire versions, list and import of a new version (SurveyJS Creator export).
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, errorMessage } from '../../api';
import { ErrorAlert, LoadError, Loading, SuccessStatus } from '../../components/Messages';
import type { Resource } from '../../useResource';
import type { QuestionnaireImported, QuestionnaireSummary } from '../../../reports/contract/resources';

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;
const MAX_BYTES = 512 * 1024;
const TOO_LARGE = 'Fichier trop volumineux (512 ko au plus).';

type ImportResult = QuestionnaireImported;

/** What the alert shows: a message, and the problems found in the definition (path + message). */
interface ImportError {
  message: string;
  lines?: string[];
  problems?: { path: string; message: string }[];
}

class LocalError extends Error {}

/** Reads a chosen file as a JSON object; a French error otherwise. */
async function readJsonObject(file: File, what: string): Promise<Record<string, unknown>> {
  if (file.size > MAX_BYTES) throw new LocalError(TOO_LARGE);
  let text: string;
  try {
    text = await file.text();
  } catch {
    throw new LocalError(`Lecture impossible du fichier « ${file.name} » (${what}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LocalError(
      `Le fichier « ${file.name} » (${what}) n’est pas un fichier JSON valide : exportez-le à nouveau depuis SurveyJS Creator (onglet « JSON Editor »), sans le modifier.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new LocalError(`Le fichier « ${file.name} » (${what}) doit contenir un objet JSON ({ … }).`);
  }
  return value as Record<string, unknown>;
}

/** "nouvelle_clé = ancienne_clé" per line (blank lines and lines starting with # ignored). */
function parseRenamed(text: string): { renamed: Record<string, string>; errors: string[] } {
  const renamed: Record<string, string> = {};
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^([^=\s]+)\s*=\s*([^=\s]+)$/.exec(line);
    if (!match) {
      errors.push(`Ligne ${index + 1} : « ${line} » ne suit pas la forme « nouvelle_clé = ancienne_clé ».`);
      return;
    }
    const [, key, old] = match;
    if (Object.hasOwn(renamed, key)) {
      errors.push(`Ligne ${index + 1} : la clé « ${key} » figure déjà plus haut.`);
      return;
    }
    renamed[key] = old;
  });
  return { renamed, errors };
}

function problemsOf(error: ApiError): { path: string; message: string }[] {
  if (!Array.isArray(error.details)) return [];
  return error.details
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null)
    .map((d) => ({ path: String(d.path ?? d.question ?? ''), message: String(d.message ?? '') }));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function QuestionnaireImportForm({ onStart, onImported }: { onStart: () => void; onImported: (result: ImportResult) => void }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [id, setId] = useState('');
  const [definitionFile, setDefinitionFile] = useState<File | null>(null);
  const [profileFile, setProfileFile] = useState<File | null>(null);
  const [renamedText, setRenamedText] = useState('');
  const [error, setError] = useState<ImportError | null>(null);
  const [pending, setPending] = useState(false);
  const idInvalid = id !== '' && !ID_PATTERN.test(id);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    onStart();
    if (!ID_PATTERN.test(id)) {
      setError({ message: 'Identifiant invalide : 3 à 64 caractères, lettres minuscules, chiffres et tirets, commençant par une lettre ou un chiffre (ex. ptce-2027).' });
      return;
    }
    if (!definitionFile) {
      setError({ message: 'Choisissez le fichier JSON de la définition SurveyJS.' });
      return;
    }
    const { renamed, errors: renamedErrors } = parseRenamed(renamedText);
    if (renamedErrors.length) {
      setError({ message: 'Questions renommées : format incorrect.', lines: renamedErrors });
      return;
    }
    setPending(true);
    try {
      const body: Record<string, unknown> = { id, definition: await readJsonObject(definitionFile, 'définition SurveyJS') };
      if (profileFile) body.profile = await readJsonObject(profileFile, 'formulaire de profil');
      if (Object.keys(renamed).length) body.renamed = renamed;
      if (new Blob([JSON.stringify(body)]).size > MAX_BYTES) throw new LocalError(TOO_LARGE);
      const result = await api.post<ImportResult>('/api/questionnaires', body);
      formRef.current?.reset();
      setId('');
      setDefinitionFile(null);
      setProfileFile(null);
      setRenamedText('');
      onImported(result);
    } catch (e) {
      if (e instanceof LocalError) setError({ message: e.message });
      else if (e instanceof ApiError && e.status === 413) setError({ message: TOO_LARGE });
      else if (e instanceof ApiError && e.code === 'invalid_questionnaire') setError({ message: e.message, problems: problemsOf(e) });
      else if (e instanceof ApiError && e.code === 'validation') {
        const problems = problemsOf(e).filter((p) => p.message);
        setError({ message: e.message, lines: problems.map((p) => (p.path ? `${p.path} : ${p.message}` : p.message)) });
      } else setError({ message: errorMessage(e) });
    } finally {
      setPending(false);
    }
  }

  return (
    <form ref={formRef} className="card form" onSubmit={handleSubmit} aria-labelledby="questionnaire-import-title" noValidate>
      <h3 id="questionnaire-import-title">Importer une nouvelle version</h3>
      {error && (
        <ErrorAlert>
          <p>{error.message}</p>
          {error.lines && error.lines.length > 0 && (
            <ul>
              {error.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
          {error.problems && error.problems.length > 0 && (
            <ul data-testid="questionnaire-problems">
              {error.problems.map((p, i) => (
                <li key={i}>
                  {p.path && (
                    <>
                      <code>{p.path}</code> :{' '}
                    </>
                  )}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </ErrorAlert>
      )}
      <div className="field">
        <label htmlFor="questionnaire-id">Identifiant de la version</label>
        <input
          id="questionnaire-id"
          required
          maxLength={64}
          autoComplete="off"
          spellCheck={false}
          value={id}
          onChange={(e) => setId(e.target.value.trim())}
          aria-describedby="questionnaire-id-hint"
          aria-invalid={idInvalid || undefined}
        />
        <p id="questionnaire-id-hint" className="hint">
          Lettres minuscules, chiffres et tirets, 3 à 64 caractères, ex. ptce-2027. Un identifiant déjà pris est refusé.
        </p>
      </div>
      <div className="field">
        <label htmlFor="questionnaire-definition">Définition SurveyJS (fichier JSON exporté de SurveyJS Creator)</label>
        <input
          id="questionnaire-definition"
          type="file"
          accept=".json,application/json"
          required
          onChange={(e) => setDefinitionFile(e.target.files?.[0] ?? null)}
          aria-describedby="questionnaire-definition-hint"
        />
        <p id="questionnaire-definition-hint" className="hint">
          Le questionnaire et ses métadonnées « ptce » (dimensions, thèmes, items notés) ; 512 ko au plus.
        </p>
      </div>
      <div className="field">
        <label htmlFor="questionnaire-profile">Formulaire de profil (JSON, facultatif)</label>
        <input
          id="questionnaire-profile"
          type="file"
          accept=".json,application/json"
          onChange={(e) => setProfileFile(e.target.files?.[0] ?? null)}
          aria-describedby="questionnaire-profile-hint"
        />
        <p id="questionnaire-profile-hint" className="hint">
          Sans fichier, le formulaire de profil de la version la plus récente est repris.
        </p>
      </div>
      <div className="field">
        <label htmlFor="questionnaire-renamed">Questions renommées (facultatif)</label>
        <textarea
          id="questionnaire-renamed"
          rows={4}
          value={renamedText}
          onChange={(e) => setRenamedText(e.target.value)}
          aria-describedby="questionnaire-renamed-hint"
          autoComplete="off"
          spellCheck={false}
          placeholder="nouvelle_clé = ancienne_clé"
        />
        <p id="questionnaire-renamed-hint" className="hint">
          Une ligne par question dont la clé a changé depuis la version précédente, sous la forme{' '}
          <code>nouvelle_clé = ancienne_clé</code> (pour une ligne de matrice : <code>question.ligne</code>), afin de
          comparer les résultats d’une année à l’autre. Les lignes vides sont ignorées.
        </p>
      </div>
      <button type="submit" disabled={pending}>
        Importer la version
      </button>
    </form>
  );
}

export function QuestionnairesSection({ questionnaires }: { questionnaires: Resource<{ questionnaires: QuestionnaireSummary[] }> }) {
  const [message, setMessage] = useState<string | null>(null);
  const list = questionnaires.data?.questionnaires ?? [];

  return (
    <section aria-labelledby="questionnaires" className="section" data-testid="questionnaires-section">
      <h2 id="questionnaires">Questionnaires</h2>
      <p className="hint">
        Chaque version du questionnaire est figée par les campagnes qui l’utilisent : elle ne se modifie plus. Pour la faire
        évoluer, importez une nouvelle version sous un nouvel identifiant.
      </p>
      {message && <SuccessStatus>{message}</SuccessStatus>}
      {questionnaires.error && <LoadError error={questionnaires.error} onRetry={() => void questionnaires.reload()} />}
      {questionnaires.loading && !questionnaires.data && <Loading />}
      {questionnaires.data && list.length === 0 && <p>Aucune version pour l’instant.</p>}
      {list.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Versions du questionnaire" tabIndex={0}>
          <table data-testid="questionnaires-table">
            <thead>
              <tr>
                <th scope="col">Identifiant</th>
                <th scope="col">Titre</th>
              </tr>
            </thead>
            <tbody>
              {list.map((q) => (
                <tr key={q.id} data-testid={`questionnaire-${q.id}`}>
                  <th scope="row">
                    <code>{q.id}</code>
                  </th>
                  <td>{q.title}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <QuestionnaireImportForm
        onStart={() => setMessage(null)}
        onImported={(result) => {
          setMessage(
            `Version ${result.id} importée : ${plural(result.themes, 'thème', 'thèmes')}, ${plural(result.scoredItems, 'item noté', 'items notés')}.`,
          );
          void questionnaires.reload();
        }}
      />
    </section>
  );
}
