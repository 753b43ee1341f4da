// /compte/mot-de-passe: a signed-in coordinator or admin changes their password (PUT /api/session/password).
// The other sessions of the account are closed by the server; this one stays open.
import { useState, type FormEvent } from 'react';
import { api, questionErrors } from '../api';
import { ErrorAlert, SuccessStatus } from '../components/Messages';
import { RequireStaff } from '../components/RequireStaff';
import { StaffLayout } from '../components/StaffLayout';
import { Link } from '../router';
import { homeFor } from '../session';
import { usePageTitle } from '../usePageTitle';
import { useAction } from '../useAction';
import type { User } from '../../reports/contract/resources';

/** Same minimum as the server's policy: said before sending, checked again there. */
const MIN_LENGTH = 10;
type Field = 'currentPassword' | 'newPassword' | 'confirmation';

function PasswordForm({ user }: { user: User }) {
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmation: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [done, setDone] = useState(false);
  const { pending, error, setError, run } = useAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setError(null);
    if (values.newPassword !== values.confirmation) {
      setFieldErrors({ confirmation: 'Les deux saisies du nouveau mot de passe sont différentes.' });
      return;
    }
    setFieldErrors({});
    await run(async () => {
      try {
        await api.put<void>('/api/session/password', { currentPassword: values.currentPassword, newPassword: values.newPassword });
      } catch (e) {
        // A 422 names its fields: each message goes beside its field, the alert sums up.
        const byField = Object.fromEntries(questionErrors(e).map((d) => [d.question, d.message]));
        setFieldErrors(byField);
        throw e;
      }
      setValues({ currentPassword: '', newPassword: '', confirmation: '' });
      setDone(true);
    });
  }

  const field = (name: Field, label: string, autoComplete: string, hint?: string) => {
    const problem = fieldErrors[name];
    const described = [hint && `${name}-hint`, problem && `${name}-error`].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field">
        <label htmlFor={name}>{label}</label>
        {hint && (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        )}
        <input
          id={name}
          type="password"
          autoComplete={autoComplete}
          required
          minLength={name === 'currentPassword' ? undefined : MIN_LENGTH}
          value={values[name]}
          aria-invalid={problem ? true : undefined}
          aria-describedby={described}
          onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        />
        {problem && (
          <p className="field-error" id={`${name}-error`}>
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="card form" onSubmit={handleSubmit} aria-label="Changer de mot de passe">
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {fieldErrors.confirmation && !error && <ErrorAlert>{fieldErrors.confirmation}</ErrorAlert>}
      {done && <SuccessStatus>Mot de passe changé. Vos autres sessions ouvertes ont été fermées.</SuccessStatus>}
      {/* Lets a password manager file the new password under the right account. */}
      <input type="text" name="username" autoComplete="username" value={user.email} readOnly hidden />
      {field('currentPassword', 'Mot de passe actuel', 'current-password')}
      {field('newPassword', 'Nouveau mot de passe', 'new-password', `${MIN_LENGTH} caractères minimum.`)}
      {field('confirmation', 'Confirmer le nouveau mot de passe', 'new-password')}
      <div className="actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Enregistrement…' : 'Changer le mot de passe'}
        </button>
        <Link to={homeFor(user)}>Retour</Link>
      </div>
    </form>
  );
}

export function PasswordPage() {
  usePageTitle('Changer de mot de passe');
  return (
    <StaffLayout>
      <RequireStaff allow={() => true}>
        {(user) => (
          <div className="page-narrow">
            <h1>Changer de mot de passe</h1>
            <PasswordForm user={user} />
          </div>
        )}
      </RequireStaff>
    </StaffLayout>
  );
}
