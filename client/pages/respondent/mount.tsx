// The respondent page's React root, loaded by the respondent entry (client/respondent.tsx) with SurveyJS.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { matchPath, usePath } from '../../router';
import RespondentPage from './RespondentPage';
import { NotFoundView } from './RespondentViews';

/** The page of the current link: a shared link moves on to its personal one (navigate), which remounts the page. */
function RespondentRoute() {
  const respondent = matchPath('/r/:token', usePath());
  if (!respondent) {
    return (
      <main id="contenu" className="page page-respondent">
        <NotFoundView />
      </main>
    );
  }
  return <RespondentPage key={respondent.token} token={respondent.token} />;
}

export function mount(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <RespondentRoute />
    </StrictMode>,
  );
}
