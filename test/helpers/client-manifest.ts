// The built client as its manifest describes it (dist/client-manifest.json, written by client/build/vite-plugins.ts):
// which files each page loads, and which files hold staff code — found by what they contain, not by their names.
import { readFileSync } from 'node:fs';
import { CLIENT_MANIFEST } from '../../server/client-build.ts';
import type { ManifestChunk } from '../../client/build/vite-plugins.ts';

/**
 * Staff code, by where it lives: the staff entry and its shell, every page but the respondent's, the charts, the pole
 * profile form, anything of reports/ (analysis, contracts' zod runtime, vocabulary, exports), and the libraries only
 * the staff use (chart.js, zod, QR codes).
 */
const STAFF_MODULES = [
  /^client\/(main|App|session)\.tsx$/,
  /^client\/pages\/(?!respondent\/)/,
  /^client\/charts\//,
  /^client\/survey\/ProfileForm\.tsx$/,
  /^reports\//,
  /node_modules\/(chart\.js|@kurkle|zod|@hono|qrcode)\//,
];

export const isStaffModule = (module: string) => STAFF_MODULES.some((pattern) => pattern.test(module));

export interface ClientBuild {
  chunks: ManifestChunk[];
  /** Built files (assets/…) holding at least one staff module, with those modules. */
  staffFiles: Map<string, string[]>;
  /** Every file a page may load: its entry, what it imports (statically or not), their style sheets. */
  filesOfPage(page: 'client/index.html' | 'client/respondent.html'): Set<string>;
}

export function readClientBuild(): ClientBuild {
  const { chunks } = JSON.parse(readFileSync(CLIENT_MANIFEST, 'utf8')) as { chunks: ManifestChunk[] };
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const staffFiles = new Map<string, string[]>();
  for (const chunk of chunks) {
    const staff = chunk.modules.filter(isStaffModule);
    if (staff.length) staffFiles.set(chunk.file, staff);
  }
  return {
    chunks,
    staffFiles,
    filesOfPage(page) {
      const entry = chunks.find((c) => c.page === page);
      if (!entry) throw new Error(`${page} absent du manifeste`);
      const files = new Set<string>();
      const visit = (file: string) => {
        if (files.has(file)) return;
        files.add(file);
        const chunk = byFile.get(file);
        for (const next of [...(chunk?.imports ?? []), ...(chunk?.dynamicImports ?? []), ...(chunk?.css ?? [])]) visit(next);
      };
      visit(entry.file);
      return files;
    },
  };
}
