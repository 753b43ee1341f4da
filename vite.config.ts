import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';

// SPA served from dist/client by the API server; in development `vite` proxies /api to it.
export default defineConfig({
  root: 'client',
  // Each script, style sheet and font-less text asset is also written precompressed (brotli and gzip) at build time:
  // the server sends the smallest one the browser accepts (server/app.ts), without compressing on each request.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    // The SurveyJS chunk (survey-core + survey-react-ui) alone is about 1.6 MB minified (360 kB gzip).
    chunkSizeWarningLimit: 1700,
    rolldownOptions: {
      output: {
        // SurveyJS is only reached through dynamic imports (respondent page, pole profile form):
        // keep it in its own chunk so the staff pages stay light.
        codeSplitting: {
          // Without this, the group would also swallow React (a dependency of survey-react-ui) and the
          // entry would then statically import the SurveyJS chunk.
          includeDependenciesRecursively: false,
          groups: [{ name: 'surveyjs', test: /node_modules[\\/]survey-(core|react-ui)[\\/]/ }],
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
