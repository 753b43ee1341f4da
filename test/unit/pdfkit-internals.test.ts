// pdfkit is pinned to an exact version because the reports use two of its internals: this fails, rather than the
// reports silently falling back, when a new version changes them.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDocument } from '../../reports/pdf/layout.ts';
import { currentFont, fragmentOf, PdfkitInternalsChanged } from '../../reports/pdf/pdfkit-internals.ts';

describe('pdfkit internals', () => {
  it('are there in the pinned version', () => {
    const pinned = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).dependencies.pdfkit;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    const { doc } = openDocument({ Title: 't', Author: 'a', Subject: 's', CreationDate: new Date(0) });
    expect(typeof fragmentOf(doc)).toBe('function');
    expect(typeof (currentFont(doc).source as { layout: unknown }).layout).toBe('function');
    doc.end();
  });

  it('fail loudly when they are gone', () => {
    const fake = {} as PDFKit.PDFDocument;
    expect(() => fragmentOf(fake)).toThrow(PdfkitInternalsChanged);
    expect(() => currentFont(fake)).toThrow(/pdfkit a changé/);
  });
});
