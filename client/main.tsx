import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './fonts.css';
import './styles.css';
// After styles.css: controls at least 44 px tall (issue 13).
import './a11y.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root manquant');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
