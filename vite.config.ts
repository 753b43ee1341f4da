import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { chunkManifest, preloadDynamicImports, preloadFonts, respondentPageInDev } from './client/build/vite-plugins.ts';

const ROOT = new URL('.', import.meta.url).pathname;

// SPA served from dist/client by the API server; in development `vite` proxies /api to it.
// Two pages: index.html for the staff, respondent.html for /r/<token> (the server answers each path with its page),
// so that a respondent's phone loads only what answering needs.
export default defineConfig({
  root: 'client',
  // Each script, style sheet and font-less text asset is also written precompressed (brotli and gzip) at build time:
  // the server sends the smallest one the browser accepts (server/app.ts), without compressing on each request.
  plugins: [
    react(),
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' }),
    preloadFonts(),
    preloadDynamicImports(['respondent.html']),
    respondentPageInDev('respondent.html'),
    // Which modules went into which file, for the tests (dist/client-manifest.json, outside the served folder).
    chunkManifest(`${ROOT}dist/client-manifest.json`, ROOT),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // The SurveyJS chunk (survey-core + survey-react-ui) alone is about 1.6 MB minified (360 kB gzip).
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      input: { index: `${ROOT}client/index.html`, respondent: `${ROOT}client/respondent.html` },
      output: {
        // SurveyJS is only reached through dynamic imports (respondent page, pole profile form, preview): kept in its own
        // chunk with what always comes with it (our setup, DOMPurify, the ptce properties), so that the staff pages stay
        // light and a respondent's phone makes few requests.
        codeSplitting: {
          // Without this, a group would also swallow what its modules import (React, for SurveyJS), and the
          // entries would then statically import the SurveyJS chunk.
          includeDependenciesRecursively: false,
          groups: [
            // The API client and Vite's loader: all that the respondent entry needs before it reads its link.
            { name: 'api', test: /client[\\/]api\.ts$|vite[\\/](preload-helper|modulepreload-polyfill)/ },
            // What both pages draw with (React, the router, messages): one file, not five. Not the API client: the
            // respondent entry reads its link with it before React has arrived.
            {
              name: 'common',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|client[\\/](router|format|copyText|usePageTitle)\.tsx?$|client[\\/]components[\\/](Messages|SkipLink)\.tsx$/,
            },
            {
              name: 'surveyjs',
              test: /node_modules[\\/](survey-(core|react-ui)|dompurify)[\\/]|client[\\/]survey[\\/](setup|serverErrors)\.ts$|surveys[\\/](html|serializer)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      // The API started by `npm run dev` listens on PORT (3000 by default).
      '/api': `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    },
  },
});
