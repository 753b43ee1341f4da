// The only place that reaches into pdfkit's internals (the package is pinned to an exact version for this reason).
// Two of them make the reports several times faster (see text.ts and layout.ts); they fail loudly if a new pdfkit
// changes them, rather than falling back silently to slower or different output: test/unit/pdfkit-internals.test.ts.
type Doc = PDFKit.PDFDocument;

/** pdfkit's `_fragment(text, x, y, options)`: writes one laid-out run, without measuring the line again. */
export type Fragment = (this: Doc, text: string, x: number, y: number, options: object) => void;

export type FontSource = Buffer | { layout: (...args: unknown[]) => unknown };
/** The current font's parsed source (`_font.font`) and its word-layout cache (`_font.layoutCache`). */
export interface FontInternals {
  source: FontSource;
  setLayoutCache(cache: Record<string, unknown>): void;
}

export class PdfkitInternalsChanged extends Error {
  constructor(what: string) {
    super(`pdfkit a changé : ${what} introuvable. Vérifiez reports/pdf/pdfkit-internals.ts avant de changer de version.`);
  }
}

export function fragmentOf(doc: Doc): Fragment {
  const candidate = (doc as unknown as { _fragment?: unknown })._fragment;
  if (typeof candidate !== 'function' || candidate.length !== 4) throw new PdfkitInternalsChanged('_fragment(text, x, y, options)');
  return candidate as Fragment;
}

export function currentFont(doc: Doc): FontInternals {
  const font = (doc as unknown as { _font?: { font?: unknown; layoutCache?: unknown } })._font;
  const source = font?.font as FontSource | undefined;
  if (!font || !source || typeof (source as { layout?: unknown }).layout !== 'function') throw new PdfkitInternalsChanged('_font.font.layout');
  if (!font.layoutCache || typeof font.layoutCache !== 'object') throw new PdfkitInternalsChanged('_font.layoutCache');
  return {
    source,
    setLayoutCache(cache) {
      font.layoutCache = cache;
    },
  };
}
