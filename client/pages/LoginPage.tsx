// /connexion: email + password.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api';
import { ErrorAlert, Loading } from '../components/Messages';
import { SkipLink } from '../components/SkipLink';
import { navigate, Redirect } from '../router';
import { homeFor, useSession } from '../session';
import { usePageTitle } from '../usePageTitle';
import { useAction } from '../useAction';

function loginErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return error.message || 'Adresse e-mail ou mot de passe incorrect.';
    if (error.status === 429) {
      return error.message || 'Trop de tentatives de connexion. Réessayez dans quelques minutes.';
    }
    return error.message;
  }
  return 'Connexion impossible. Réessayez.';
}

export function LoginPage() {
  usePageTitle('Connexion');
  const { state, login } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { pending, error, setError, run } = useAction(loginErrorMessage);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'authenticated' && !pending) return <Redirect to={homeFor(state.user)} />;

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const user = await login(email.trim(), password);
      if (user) navigate(homeFor(user), { replace: true });
      else setError('Connexion impossible. Réessayez.');
    });
  }

  return (
    <>
      <SkipLink />
      <main id="contenu" tabIndex={-1} className="page page-narrow">
        <h1>Auto-évaluation PTCE</h1>
        <p className="lead">Espace des coordinateurs et de l’administration.</p>
        <form className="card form" onSubmit={handleSubmit}>
          <h2>Connexion</h2>
          {error && <ErrorAlert id="erreur-connexion">{error}</ErrorAlert>}
          <div className="field">
            <label htmlFor="login-email">Adresse e-mail</label>
            <input
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-describedby={error ? 'erreur-connexion' : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor="login-password">Mot de passe</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          <button type="submit" disabled={pending}>
            {pending ? 'Connexion…' : 'Se connecter'}
          </button>
        </form>
      </main>
    </>
  );
}
