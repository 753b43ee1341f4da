import { SkipLink } from '../components/SkipLink';
import { Link } from '../router';
import { usePageTitle } from '../usePageTitle';

export function NotFoundPage() {
  usePageTitle('Page introuvable');
  return (
    <>
      <SkipLink />
      <main id="contenu" tabIndex={-1} className="page">
        <h1>Page introuvable</h1>
        <p>Cette adresse ne correspond à aucune page.</p>
        <p>
          <Link to="/" className="tap-target">Retour à l’accueil</Link>
        </p>
      </main>
    </>
  );
}
