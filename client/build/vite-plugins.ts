// Build steps of the client beyond Vite's own (vite.config.ts): the pages preload what their first screen needs, the
// development server answers /r/<token> with the respondent page, and the build writes which modules went into which
// file (for the tests that check the respondent page loads no staff code).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import type { HtmlTagDescriptor, Plugin } from 'vite';

type OutputBundle = Parameters<NonNullable<Extract<Plugin['generateBundle'], Function>>>[1];
type OutputChunk = Extract<OutputBundle[string], { type: 'chunk' }>;

const chunkOf = (bundle: OutputBundle, file: string): OutputChunk | undefined => {
  const output = bundle[file];
  return output?.type === 'chunk' ? output : undefined;
};

/** The chunks a chunk needs before it runs: itself and its static imports, recursively. */
function staticGraph(bundle: OutputBundle, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const imported of chunkOf(bundle, file)?.imports ?? []) staticGraph(bundle, imported, seen);
  return seen;
}

const cssOf = (bundle: OutputBundle, files: Iterable<string>) =>
  [...files].flatMap((file) => [...(chunkOf(bundle, file)?.viteMetadata?.importedCss ?? [])]);

/**
 * Preloads the fonts that the page's own style sheets use (WOFF2 only: fonts.css names no other format), so that text
 * is drawn in Open Sans at once rather than swapped in after the style sheet was read.
 */
export function preloadFonts(): Plugin {
  return {
    name: 'ptce:preload-fonts',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return;
        const fonts = new Set<string>();
        for (const css of cssOf(bundle, staticGraph(bundle, chunk.fileName))) {
          const asset = bundle[css];
          const text = asset?.type === 'asset' ? String(asset.source) : '';
          for (const match of text.matchAll(/url\(\s*['"]?\/?([^'")]+\.woff2)['"]?\s*\)/g)) fonts.add(match[1]);
        }
        return [...fonts].map<HtmlTagDescriptor>((file) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: `/${file}` },
          injectTo: 'head',
        }));
      },
    },
  };
}

/**
 * For the pages named here, preloads from the HTML itself the code their entry imports dynamically (the respondent
 * entry starts reading its link first, then imports React and SurveyJS): those files download alongside the entry
 * instead of after it, one round trip saved on a phone's connection. Style sheets are preloaded, not applied: Vite
 * applies them when the import runs, in the same order as before.
 */
export function preloadDynamicImports(pages: string[]): Plugin {
  return {
    name: 'ptce:preload-dynamic-imports',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk, filename }) {
        if (!bundle || !chunk || !pages.some((page) => filename.endsWith(page))) return;
        const loaded = staticGraph(bundle, chunk.fileName);
        const later = new Set<string>();
        for (const dynamic of chunk.dynamicImports) staticGraph(bundle, dynamic, later);
        const scripts = [...later].filter((file) => !loaded.has(file));
        const styles = cssOf(bundle, scripts).filter((file) => !cssOf(bundle, loaded).includes(file));
        return [
          ...scripts.map<HtmlTagDescriptor>((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: '', href: `/${file}` }, injectTo: 'head' })),
          ...styles.map<HtmlTagDescriptor>((file) => ({ tag: 'link', attrs: { rel: 'preload', as: 'style', crossorigin: '', href: `/${file}` }, injectTo: 'head' })),
        ];
      },
    },
  };
}

/** In development, /r/<token> is the respondent page (the server does the same with the built files). */
export function respondentPageInDev(page: string): Plugin {
  return {
    name: 'ptce:respondent-page-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/r\/[^/?#]+\/?(?:[?#]|$)/.test(req.url)) req.url = `/${page}`;
        next();
      });
    },
  };
}

/** One built file: what it holds and what it loads. */
export interface ManifestChunk {
  file: string;
  /** The HTML page whose entry this is, if any. */
  page?: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  css: string[];
  assets: string[];
  /** Source modules bundled in the file, relative to the project (node_modules/… for dependencies). */
  modules: string[];
}

/**
 * Writes, beside (not inside) the served folder, each built file with the modules it holds and the files it loads:
 * what Vite's own manifest lacks to tell whether a shared file carries staff code.
 */
export function chunkManifest(file: string, root: string): Plugin {
  return {
    name: 'ptce:chunk-manifest',
    apply: 'build',
    // Once written: Vite drops the chunks that only held style sheets late in generateBundle.
    writeBundle(_options, bundle) {
      const rel = (id: string) => relative(root, id.replace(/\?.*$/, '').replace(/^\0/, ''));
      const chunks: ManifestChunk[] = Object.values(bundle)
        .filter((output): output is OutputChunk => output.type === 'chunk')
        .map((chunk) => ({
          file: chunk.fileName,
          page: chunk.facadeModuleId?.endsWith('.html') ? rel(chunk.facadeModuleId) : undefined,
          isEntry: chunk.isEntry,
          isDynamicEntry: chunk.isDynamicEntry,
          imports: chunk.imports,
          dynamicImports: chunk.dynamicImports,
          css: [...(chunk.viteMetadata?.importedCss ?? [])],
          assets: [...(chunk.viteMetadata?.importedAssets ?? [])],
          modules: chunk.moduleIds.map(rel),
        }));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify({ chunks }, null, 1)}\n`);
    },
  };
}
