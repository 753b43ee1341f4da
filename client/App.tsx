// The staff pages' routes. The respondent page (/r/:token) is another entry (client/respondent.tsx), served by the
// server as respondent.html: it loads none of this.
import { lazy, Suspense, type ReactNode } from 'react';
import { Loading } from './components/Messages';
import { AdminPage } from './pages/admin/AdminPage';
import { CampaignPage } from './pages/campaign/CampaignPage';
import { QrSheetPage } from './pages/campaign/QrSheetPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PasswordPage } from './pages/PasswordPage';
import { PolePage } from './pages/PolePage';
import { matchPath, usePath } from './router';
import { SessionProvider } from './session';
import { StaffLayout } from './components/StaffLayout';

// The dashboard brings chart.js: kept out of the main chunk.
const ResultsPage = lazy(() => import('./pages/results/ResultsPage'));
// The read-only questionnaire preview brings SurveyJS.
const PreviewPage = lazy(() => import('./pages/campaign/PreviewPage'));
// The Labo's network dashboard (admin only), with chart.js too.
const NetworkPage = lazy(() => import('./pages/network/NetworkPage'));
// The pole's collective review, opened once or twice a year.
const ReviewPage = lazy(() => import('./pages/review/ReviewPage'));

/** A staff page loaded on demand, with the staff layout and a loading message meanwhile. */
function Lazy({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <StaffLayout>
          <Loading label={label} />
        </StaffLayout>
      }
    >
      {children}
    </Suspense>
  );
}

function StaffRoutes({ path }: { path: string }) {
  let params: Record<string, string> | null;
  if (path === '/' || path === '') return <HomePage />;
  if (matchPath('/connexion', path)) return <LoginPage />;
  if (matchPath('/admin', path)) return <AdminPage />;
  if (matchPath('/compte/mot-de-passe', path)) return <PasswordPage />;
  if ((params = matchPath('/poles/:poleId', path))) return <PolePage key={params.poleId} poleId={params.poleId} />;
  if ((params = matchPath('/poles/:poleId/campagnes/:campaignId', path))) {
    return <CampaignPage key={path} poleId={params.poleId} campaignId={params.campaignId} />;
  }
  if ((params = matchPath('/poles/:poleId/campagnes/:campaignId/qr', path))) {
    return <QrSheetPage key={path} poleId={params.poleId} campaignId={params.campaignId} />;
  }
  if ((params = matchPath('/poles/:poleId/campagnes/:campaignId/apercu', path))) {
    return <Lazy label="Chargement de l’aperçu…"><PreviewPage key={path} poleId={params.poleId} campaignId={params.campaignId} /></Lazy>;
  }
  if ((params = matchPath('/poles/:poleId/campagnes/:campaignId/resultats', path))) {
    return <Lazy label="Chargement du tableau de bord…"><ResultsPage key={path} poleId={params.poleId} campaignId={params.campaignId} /></Lazy>;
  }
  if ((params = matchPath('/poles/:poleId/campagnes/:campaignId/revue', path))) {
    return <Lazy label="Chargement de la revue collective…"><ReviewPage key={path} poleId={params.poleId} campaignId={params.campaignId} /></Lazy>;
  }
  if ((params = matchPath('/reseau/campagnes/:campaignId', path))) {
    return <Lazy label="Chargement des résultats du réseau…"><NetworkPage key={path} campaignId={params.campaignId} /></Lazy>;
  }
  return <NotFoundPage />;
}

export function App() {
  const path = usePath();
  return (
    <SessionProvider>
      <StaffRoutes path={path} />
    </SessionProvider>
  );
}
