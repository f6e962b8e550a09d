/**
 * Every PDF Tandem makes: a pdfkit document with DejaVu Sans embedded, so the
 * text people type ("→", "ñ", "¿", "¡", accents) prints as typed. The standard
 * PDF fonts (Helvetica…) cover only WinAnsi and silently print "!'" for "→".
 *
 * The font files come from the `dejavu-fonts-ttf` npm package, resolved from
 * this module (not the working directory) and read once when the server
 * starts: a missing file stops the start with a message saying how to fix it,
 * instead of failing the first export.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { Language } from '../../../shared/src/i18n';

/** The names to pass to `doc.font(...)` in a document from `renderPdf`. */
export const PDF_FONT = { regular: 'Tandem-Regular', bold: 'Tandem-Bold' } as const;

const FONT_FILES: Record<keyof typeof PDF_FONT, string> = {
  regular: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

/** A font file's path, and its bytes, read once at start-up (a missing file stops the start with how to fix it). */
function loadFont(specifier: string): { path: string; bytes: Buffer } {
  try {
    const path = createRequire(import.meta.url).resolve(specifier);
    return { path, bytes: fs.readFileSync(path) };
  } catch (err) {
    throw new Error(`Tandem cannot start: the PDF font ${specifier} is missing (${(err as Error).message.split('\n')[0]}). Run \`npm ci\` to install the dejavu-fonts-ttf package.`, { cause: err });
  }
}

const LOADED = { regular: loadFont(FONT_FILES.regular), bold: loadFont(FONT_FILES.bold) };
const FONTS: Record<keyof typeof PDF_FONT, Buffer> = { regular: LOADED.regular.bytes, bold: LOADED.bold.bytes };
/** The same fonts as files, for renderers that take paths (the PNG of an observation graphic). */
export const PDF_FONT_PATHS: string[] = [LOADED.regular.path, LOADED.bold.path];

/** A PDF's language tag, for screen readers, from the reader's language. */
export const PDF_LANG: Record<Language, string> = { en: 'en-US', es: 'es' };

/**
 * Builds a PDF: a new document with Tandem's fonts registered and the regular
 * face selected, handed to `draw`, then collected into one buffer.
 */
export function renderPdf(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.registerFont(PDF_FONT.regular, FONTS.regular);
      doc.registerFont(PDF_FONT.bold, FONTS.bold);
      doc.font(PDF_FONT.regular);
      draw(doc);
      doc.end();
    } catch (err) {
      reject(err);
    }
  });
}
