// Page frame of the staff pages: skip link, header with the user's email and logout, main landmark.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, navigate, usePath } from '../router';
import { homeFor, useSession } from '../session';
import { SkipLink } from './SkipLink';

export function StaffLayout({ children }: { children: ReactNode }) {
  const { state, logout } = useSession();
  const path = usePath();
  const [leaving, setLeaving] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);

  // After client-side navigation, move focus to the new page's heading (screen readers announce it).
  useEffect(() => {
    if (path === firstPath.current) return;
    firstPath.current = '';
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    } else {
      mainRef.current?.focus();
    }
  }, [path]);

  async function handleLogout() {
    setLeaving(true);
    try {
      await logout();
    } finally {
      setLeaving(false);
      navigate('/connexion', { replace: true });
    }
  }

  const user = state.status === 'authenticated' ? state.user : null;
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={user ? homeFor(user) : '/'} className="brand">
            Auto-évaluation PTCE
          </Link>
          {user && (
            <div className="user-box">
              <span className="user-email" data-testid="user-email">
                {user.email}
              </span>
              <Link to="/compte/mot-de-passe">Changer de mot de passe</Link>
              <button type="button" className="button-secondary" onClick={handleLogout} disabled={leaving}>
                Se déconnecter
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="contenu" tabIndex={-1} ref={mainRef} className="page">
        {children}
      </main>
    </>
  );
}
