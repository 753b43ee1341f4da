// /: to the role's home when logged in, else to /connexion.
import { LoadError, Loading } from '../components/Messages';
import { Redirect } from '../router';
import { homeFor, useSession } from '../session';

export function HomePage() {
  const { state, refresh } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'authenticated') return <Redirect to={homeFor(state.user)} />;
  if (state.status === 'error') {
    return (
      <main id="contenu" className="page">
        <h1>Auto-évaluation PTCE</h1>
        <LoadError error={state} onRetry={() => void refresh()} />
      </main>
    );
  }
  return <Redirect to="/connexion" />;
}
