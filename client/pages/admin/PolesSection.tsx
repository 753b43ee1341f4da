// Admin: list of poles, creation, renaming.
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { ErrorAlert, LoadError, Loading, SuccessStatus } from '../../components/Messages';
import { Link } from '../../router';
import type { Resource } from '../../useResource';
import type { Pole } from '../../../reports/contract/resources';
import { useAction } from '../../useAction';

function PoleRenameForm({ pole, onDone }: { pole: Pole; onDone: (updated: Pole | null) => void }) {
  const [name, setName] = useState(pole.name);
  const { pending, error, run } = useAction();
  const inputId = `pole-rename-${pole.id}`;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const updated = await api.patch<Pole>(`/api/poles/${encodeURIComponent(pole.id)}`, { name: name.trim() });
      onDone(updated);
    });
  }

  return (
    <form className="inline-form" onSubmit={handleSubmit}>
      <label htmlFor={inputId}>Nouveau nom du pôle « {pole.name} »</label>
      <input id={inputId} required value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      <button type="submit" disabled={pending}>
        Enregistrer
      </button>
      <button type="button" className="button-secondary" onClick={() => onDone(null)}>
        Annuler
      </button>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </form>
  );
}

function PoleCreateForm({ onCreated }: { onCreated: (pole: Pole) => void }) {
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [departement, setDepartement] = useState('');
  const { pending, error, run } = useAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const body: Record<string, string> = { name: name.trim() };
      if (region.trim()) body.region = region.trim();
      if (departement.trim()) body.departement = departement.trim();
      const pole = await api.post<Pole>('/api/poles', body);
      setName('');
      setRegion('');
      setDepartement('');
      onCreated(pole);
    });
  }

  return (
    <form className="card form" onSubmit={handleSubmit} aria-labelledby="pole-create-title">
      <h3 id="pole-create-title">Créer un pôle</h3>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <div className="field">
        <label htmlFor="pole-name">Nom du pôle</label>
        <input id="pole-name" required value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="pole-region">Région (facultatif)</label>
          <input id="pole-region" value={region} onChange={(e) => setRegion(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="pole-departement">Département (facultatif)</label>
          <input id="pole-departement" value={departement} onChange={(e) => setDepartement(e.target.value)} />
        </div>
      </div>
      <button type="submit" disabled={pending}>
        Créer le pôle
      </button>
    </form>
  );
}

export function PolesSection({ resource }: { resource: Resource<{ poles: Pole[] }> }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const poles = resource.data?.poles ?? [];

  function replacePole(updated: Pole) {
    resource.setData({ poles: poles.map((p) => (p.id === updated.id ? updated : p)) });
  }

  return (
    <section aria-labelledby="poles" className="section" data-testid="poles-section">
      <h2 id="poles">Pôles</h2>
      {message && <SuccessStatus>{message}</SuccessStatus>}
      {resource.error && <LoadError error={resource.error} onRetry={() => void resource.reload()} />}
      {resource.loading && !resource.data && <Loading />}
      {resource.data && poles.length === 0 && <p>Aucun pôle pour l’instant.</p>}
      {poles.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Liste des pôles" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Région</th>
                <th scope="col">Département</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {poles.map((pole) => (
                <tr key={pole.id} data-testid={`pole-${pole.id}`}>
                  <th scope="row">
                    <Link to={`/poles/${encodeURIComponent(pole.id)}`}>{pole.name}</Link>
                  </th>
                  <td>{pole.region ?? '—'}</td>
                  <td>{pole.departement ?? '—'}</td>
                  <td>
                    {editing === pole.id ? (
                      <PoleRenameForm
                        pole={pole}
                        onDone={(updated) => {
                          setEditing(null);
                          if (updated) {
                            replacePole(updated);
                            setMessage(`Pôle renommé en « ${updated.name} ».`);
                          }
                        }}
                      />
                    ) : (
                      <button
                        type="button"
                        className="button-secondary"
                        onClick={() => {
                          setMessage(null);
                          setEditing(pole.id);
                        }}
                        aria-label={`Renommer le pôle ${pole.name}`}
                      >
                        Renommer
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PoleCreateForm
        onCreated={(pole) => {
          resource.setData({ poles: [...poles, pole] });
          setMessage(`Pôle « ${pole.name} » créé.`);
        }}
      />
    </section>
  );
}
