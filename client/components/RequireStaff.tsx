// Guards a staff page: waits for the session, sends anonymous users to /connexion,
// refuses users without access (coordinator of another pole).
import type { ReactNode } from 'react';
import { Redirect } from '../router';
import { useSession } from '../session';
import type { User } from '../../reports/contract/resources';
import { ErrorAlert, LoadError, Loading } from './Messages';

interface Props {
  allow: (user: User) => boolean;
  children: (user: User) => ReactNode;
}

export function RequireStaff({ allow, children }: Props) {
  const { state, refresh } = useSession();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'anonymous') return <Redirect to="/connexion" />;
  if (state.status === 'error') {
    return <LoadError error={state} onRetry={() => void refresh()} />;
  }
  if (!allow(state.user)) {
    return (
      <>
        <h1>Accès refusé</h1>
        <ErrorAlert>
          <p>Vous n’avez pas accès à cette page.</p>
        </ErrorAlert>
      </>
    );
  }
  return <>{children(state.user)}</>;
}

export const isAdmin = (user: User) => user.role === 'admin';

export const canSeePole = (poleId: string) => (user: User) =>
  user.role === 'admin' || (user.role === 'coordinator' && user.poleId === poleId);
