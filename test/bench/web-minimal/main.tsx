// The smallest page that shows a respondent the questionnaire, the yardstick of `npm run bench:web`: React,
// survey-core and survey-react-ui alone, with SurveyJS's default style (its fontless file) and the same self-hosted
// Open Sans as the app. The definition and a new link's answers are built into the script (page.ts writes them):
// no request but the page's own files.
import { createRoot } from 'react-dom/client';
import { Model } from 'survey-core';
// The definition is in French (its `locale`): SurveyJS's own words (« Suivant », errors) too.
import 'survey-core/i18n/french';
import { Survey } from 'survey-react-ui';
import view from 'virtual:respondent-view';
import '@fontsource/open-sans/latin-400.css';
import '@fontsource/open-sans/latin-600.css';
import 'survey-core/survey-core.fontless.css';

const model = new Model(view.questionnaire);
model.data = view.data;
createRoot(document.getElementById('root')!).render(<Survey model={model} />);
