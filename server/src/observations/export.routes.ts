/**
 * An observation's graphics as files (issue 10, item 4): each tool's graphic as SVG or PNG, and the
 * whole visit as a PDF with every graphic (drawn as vectors) and the numbers beside it. The same
 * chart components the review screen shows (web/src/features/observations/charts/render.tsx), fed
 * by the same projections, so a file cannot disagree with the screen. An export is a read of
 * coaching content: only those who may read the observation get it, and it is logged as an export.
 */
import { Resvg } from '@resvg/resvg-js';
import SVGtoPDF from 'svg-to-pdfkit';
import { z } from 'zod';
import { IdParams } from '../../../shared/src/api';
import { OBSERVATION_TOOLS } from '../../../shared/src/domain';
import type { Language, Values } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import { projectObservation } from '../../../shared/src/observations/projections';
import type { ToolView } from '../../../shared/src/observations/views';
import { DATA_METHOD_INFO } from '../../../shared/src/prompts';
import { renderChartParts, renderChartSvg } from '../../../web/src/features/observations/charts/render';
import { humanDateTime } from '../platform/dates';
import { notFound } from '../platform/errors';
import { type App, type Services, actorOf } from '../platform/http';
import { PDF_FONT, PDF_FONT_PATHS, PDF_LANG, renderPdf } from '../platform/pdf';
import { readOne } from '../privacy/content';
import { reportMessages } from './messages';
import { present, ref, selectObservations } from './records.routes';

const GraphicParams = IdParams.extend({
  // One tool of the observation as .svg or .png, for example event_count.svg.
  file: z.enum(OBSERVATION_TOOLS.flatMap((tool) => [`${tool}.svg`, `${tool}.png`] as const)),
});

/** A graphic as PNG at twice its size (sharp on a projector or in a slide), on white, in the fonts the PDF embeds (no system fonts are read, so it draws the same on any server). */
export function chartPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    background: '#ffffff',
    fitTo: { mode: 'zoom', value: 2 },
    font: { fontFiles: PDF_FONT_PATHS, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

export default async function observationExportRoutes(app: App, s: Services) {
  const { db, clock } = s;

  /** The observation as its reader may see it, logged as an export; to anyone else it does not exist. */
  async function exported(request: { params: { id: string } } & Parameters<typeof actorOf>[0]) {
    const actor = actorOf(request);
    const row = await selectObservations(db, actor).where('o.id', '=', request.params.id).executeTakeFirst();
    const decision = await readOne(db, clock, actor, row && ref(row), 'export');
    const observation = await present(db, row!, decision.basis === 'member' ? decision.ctx : null);
    const org = await db.selectFrom('organizations').select('time_zone').where('id', '=', actor.orgId).executeTakeFirstOrThrow();
    // A visit still recording is drawn up to the server's now, as the screen draws it up to the device's.
    return { actor, observation, views: projectObservation(observation, clock.now()), timeZone: org.time_zone };
  }

  const stem = (language: Language, startedAt: string) => format(language, reportMessages, 'fileStem', { date: startedAt.slice(0, 10) });

  app.get('/api/observations/:id/graphics/:file', { config: { matrix: 'observation.export' }, schema: { tags: ['observations'], summary: "One tool's graphic as an SVG or PNG file, in the reader's language (for those who may read the observation; logged as an export)", params: GraphicParams } }, async (request, reply) => {
    const [tool, kind] = request.params.file.split('.') as [ToolView['tool'], 'svg' | 'png'];
    const { actor, observation, views } = await exported(request);
    const view = views.find((v) => v.tool === tool);
    if (!view) throw notFound();
    const svg = renderChartSvg(view, actor.language);
    reply.header('content-disposition', `attachment; filename="${stem(actor.language, observation.startedAt)}-${tool}.${kind}"`).header('cache-control', 'no-store');
    if (kind === 'svg') return reply.type('image/svg+xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`);
    return reply.type('image/png').send(chartPng(svg));
  });

  app.get('/api/observations/:id/report.pdf', { config: { matrix: 'observation.export' }, schema: { tags: ['observations'], summary: "The observation as a PDF: when, how, and each tool's graphic with its numbers, in the reader's language (logged as an export)", params: IdParams } }, async (request, reply) => {
    const { actor, observation: o, views, timeZone } = await exported(request);
    const language = actor.language;
    const t = (key: keyof (typeof reportMessages)['en'], values?: Values) => format(language, reportMessages, key, values);
    const title = o.focus.trim() || t('untitled');
    const options = { size: 'LETTER', margin: 50, info: { Title: t('documentTitle', { focus: title }) }, lang: PDF_LANG[language], tagged: true, displayTitle: true } as PDFKit.PDFDocumentOptions;
    const pdf = await renderPdf(options, (doc) => {
      const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
      doc.font(PDF_FONT.bold).fontSize(18).text(title);
      doc.font(PDF_FONT.regular).fontSize(11);
      doc.text(t('subtitle', { mode: o.mode, start: humanDateTime(o.startedAt, timeZone, language), ended: o.endedAt ? 'yes' : 'no', end: o.endedAt ? humanDateTime(o.endedAt, timeZone, language) : '' }));
      doc.text(t('recordedBy', { name: o.createdBy }));
      doc.text(t('planned', { planned: o.planned ? 'yes' : 'no' }));
      for (const view of views) {
        const parts = renderChartParts(view, language);
        const scale = Math.min(1, width / parts.width);
        const height = parts.height * scale;
        // A graphic starts on a new page when it would not fit below the text before it.
        if (doc.y + 40 + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
        doc.moveDown(0.8).font(PDF_FONT.bold).fontSize(14).text(DATA_METHOD_INFO[language][view.tool].label).font(PDF_FONT.regular).fontSize(10);
        doc.text(parts.desc);
        const top = doc.y + 6;
        // Scaled to the page by the document, not by the SVG's own size, which the drawing follows.
        doc.save().translate(doc.page.margins.left, top).scale(scale);
        // svg-to-pdfkit draws nothing for currentColor (the screen's text colour); on paper it is black.
        SVGtoPDF(doc, parts.svg.replaceAll('currentColor', '#000000'), 0, 0, { assumePt: true, fontCallback: (_family: string, bold: boolean) => (bold ? PDF_FONT.bold : PDF_FONT.regular) });
        doc.restore();
        doc.x = doc.page.margins.left;
        doc.y = top + height + 10;
        for (const table of parts.tables) {
          if (table.rows.length === 0) continue;
          doc.font(PDF_FONT.bold).fontSize(10).text(table.caption).font(PDF_FONT.regular).fontSize(9);
          doc.table({ data: [table.head, ...table.rows.map((row) => row.map(String))], maxWidth: width });
          doc.moveDown(0.5);
        }
      }
    });
    reply.header('content-disposition', `attachment; filename="${stem(language, o.startedAt)}.pdf"`).header('cache-control', 'no-store');
    return reply.type('application/pdf').send(pdf);
  });
}
