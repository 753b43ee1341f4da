// Admin: coordinators (one pole each), list and creation; any account can be disabled (its sessions end) and enabled.
import { useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert, LoadError, Loading, SuccessStatus } from '../../components/Messages';
import { useResource } from '../../useResource';
import { useSession } from '../../session';
import type { Pole, User } from '../../../reports/contract/resources';
import { useAction } from '../../useAction';

function CoordinatorCreateForm({ poles, onCreated }: { poles: Pole[]; onCreated: (user: User) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [poleId, setPoleId] = useState('');
  const { pending, error, setError, run } = useAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (password.length < 10) {
      setError('Le mot de passe doit comporter au moins 10 caractères.');
      return;
    }
    await run(async () => {
      const user = await api.post<User>('/api/users', { email: email.trim(), password, poleId });
      setEmail('');
      setPassword('');
      setPoleId('');
      onCreated(user);
    });
  }

  return (
    <form className="card form" onSubmit={handleSubmit} aria-labelledby="coordinator-create-title">
      <h3 id="coordinator-create-title">Créer un coordinateur</h3>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <div className="field">
        <label htmlFor="coordinator-email">Adresse e-mail</label>
        <input
          id="coordinator-email"
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="coordinator-password">Mot de passe (10 caractères minimum)</label>
        <input
          id="coordinator-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="coordinator-pole">Pôle</label>
        <select id="coordinator-pole" required value={poleId} onChange={(e) => setPoleId(e.target.value)}>
          <option value="">— Choisir un pôle —</option>
          {poles.map((pole) => (
            <option key={pole.id} value={pole.id}>
              {pole.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending || poles.length === 0}>
        Créer le coordinateur
      </button>
      {poles.length === 0 && <p className="hint">Créez d’abord un pôle.</p>}
    </form>
  );
}

export function CoordinatorsSection({ poles }: { poles: Pole[] }) {
  const users = useResource<{ users: User[] }>('/api/users');
  const { state } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const [toDisable, setToDisable] = useState<User | null>(null);
  const [acting, setActing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const trigger = useRef<HTMLElement | null>(null);
  const poleName = (id: string | null) => poles.find((p) => p.id === id)?.name ?? '—';
  const list = users.data?.users ?? [];
  const me = state.status === 'authenticated' ? state.user.id : null;

  async function setDisabled(user: User, disabled: boolean) {
    setActing(true);
    setActionError(null);
    try {
      const updated = await api.patch<User>(`/api/users/${encodeURIComponent(user.id)}`, { disabled });
      users.setData({ users: list.map((u) => (u.id === updated.id ? updated : u)) });
      setMessage(disabled ? `Compte ${user.email} désactivé : ses sessions ouvertes sont fermées.` : `Compte ${user.email} réactivé.`);
      setToDisable(null);
    } catch (e) {
      setActionError(errorMessage(e));
    } finally {
      setActing(false);
    }
  }

  function closeDialog() {
    setToDisable(null);
    setActionError(null);
    const back = trigger.current;
    window.setTimeout(() => back?.focus(), 0);
  }

  return (
    <section aria-labelledby="coordinateurs" className="section" data-testid="coordinators-section">
      <h2 id="coordinateurs">Coordinateurs</h2>
      {message && <SuccessStatus>{message}</SuccessStatus>}
      {actionError && !toDisable && <ErrorAlert>{actionError}</ErrorAlert>}
      {users.error && <LoadError error={users.error} onRetry={() => void users.reload()} />}
      {users.loading && !users.data && <Loading />}
      {users.data && list.length === 0 && <p>Aucun compte pour l’instant.</p>}
      {list.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Liste des comptes" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Adresse e-mail</th>
                <th scope="col">Rôle</th>
                <th scope="col">Pôle</th>
                <th scope="col">État</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.email}</th>
                  <td>{user.role === 'admin' ? 'administrateur' : 'coordinateur'}</td>
                  <td>{user.role === 'admin' ? '—' : poleName(user.poleId)}</td>
                  <td data-testid="user-state">{user.disabled ? 'désactivé' : 'actif'}</td>
                  <td>
                    {user.id === me ? (
                      <span className="hint">votre compte</span>
                    ) : user.disabled ? (
                      <button type="button" className="button-secondary button-small" disabled={acting} aria-label={`Réactiver le compte ${user.email}`} onClick={() => void setDisabled(user, false)}>
                        Réactiver
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button-secondary button-danger-outline button-small"
                        disabled={acting}
                        aria-label={`Désactiver le compte ${user.email}`}
                        onClick={(event) => {
                          trigger.current = event.currentTarget;
                          setActionError(null);
                          setToDisable(user);
                        }}
                      >
                        Désactiver
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={toDisable !== null}
        title={`Désactiver le compte ${toDisable?.email ?? ''} ?`}
        confirmLabel="Désactiver"
        pending={acting}
        error={actionError}
        onConfirm={() => toDisable && void setDisabled(toDisable, true)}
        onCancel={closeDialog}
        testId="disable-dialog"
      >
        <p>Ses sessions ouvertes sont fermées aussitôt et il ne peut plus se connecter. Vous pourrez le réactiver.</p>
      </ConfirmDialog>
      <CoordinatorCreateForm
        poles={poles}
        onCreated={(user) => {
          users.setData({ users: [...list, user] });
          setMessage(`Compte coordinateur ${user.email} créé.`);
        }}
      />
    </section>
  );
}
