// Entry of the respondent page (/r/<token>, served as respondent.html): only what answering needs, none of the staff
// pages. The link, then the questionnaire it points to, are asked for at once, while React and SurveyJS still load
// (the page preloads their files: see client/build/vite-plugins.ts).
import './fonts.css';
import './styles.css';
// After styles.css: controls at least 44 px tall (issue 13); the phone's compact header comes last.
import './a11y.css';
import './pages/respondent/respondent.css';
import { preloadResponse, tokenOfPath } from './pages/respondent/respondentLoad';

const token = tokenOfPath(window.location.pathname);
if (token) preloadResponse(token);

const root = document.getElementById('root');
if (!root) throw new Error('#root manquant');
void import('./pages/respondent/mount').then(
  ({ mount }) => mount(root),
  () => {
    root.innerHTML = '';
    const alert = document.createElement('p');
    alert.className = 'alert alert-error';
    alert.setAttribute('role', 'alert');
    alert.textContent = 'La page n’a pas pu être chargée. Vérifiez votre connexion, puis rechargez la page.';
    root.append(alert);
  },
);
