// Submitted responses of the pole as files: CSV (long or wide, ; or , as separator) and XLSX.
import { useState } from 'react';

type Separator = ';' | ',';

export function ExportsSection({ basePath }: { basePath: string }) {
  const [sep, setSep] = useState<Separator>(';');
  const csv = (format: 'long' | 'wide') => `${basePath}/export.csv?format=${format}&sep=${encodeURIComponent(sep)}`;

  return (
    <section aria-labelledby="exports-title" className="section" data-testid="exports">
      <h2 id="exports-title">Exporter les réponses du pôle</h2>
      <p className="hint" id="exports-note">
        Seules les réponses envoyées par les répondants sont exportées (pas les brouillons). Les liens d’invitation n’y
        figurent jamais : chaque réponse porte un identifiant aléatoire.
      </p>
      <div className="card">
        <fieldset className="export-separator" style={{ border: 0, padding: 0, margin: '0 0 0.5rem', minWidth: 0 }}>
          <legend style={{ fontWeight: 600, padding: 0, marginBottom: '0.4rem' }}>Séparateur des fichiers CSV</legend>
          <div className="field checkbox-field">
            <input
              id="export-sep-semicolon"
              type="radio"
              name="export-sep"
              value=";"
              checked={sep === ';'}
              onChange={() => setSep(';')}
            />
            <label htmlFor="export-sep-semicolon">« ; » pour Excel en français (décimales avec virgule)</label>
          </div>
          <div className="field checkbox-field">
            <input
              id="export-sep-comma"
              type="radio"
              name="export-sep"
              value=","
              checked={sep === ','}
              onChange={() => setSep(',')}
            />
            <label htmlFor="export-sep-comma">« , » pour les autres logiciels (décimales avec point)</label>
          </div>
        </fieldset>
        <ul className="actions" style={{ listStyle: 'none', padding: 0 }}>
          <li>
            <a href={csv('long')} download className="button-link" aria-describedby="exports-note" data-testid="export-csv-long">
              CSV (une ligne par réponse à une question)
            </a>
          </li>
          <li>
            <a href={csv('wide')} download className="button-link" aria-describedby="exports-note" data-testid="export-csv-wide">
              CSV (une ligne par répondant)
            </a>
          </li>
          <li>
            <a href={`${basePath}/export.xlsx`} download className="button-link" aria-describedby="exports-note" data-testid="export-xlsx">
              Classeur Excel (XLSX)
            </a>
          </li>
        </ul>
        <p className="hint">
          Le classeur Excel contient les réponses, les scores par thème et le dictionnaire des questions ; le séparateur ne
          s’applique qu’aux fichiers CSV.
        </p>
      </div>
    </section>
  );
}
