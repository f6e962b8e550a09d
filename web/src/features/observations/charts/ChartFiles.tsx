/**
 * Links that save one tool's graphic as a file (SVG for documents, PNG for slides), made by the
 * server from the same components (server/src/observations/export.routes.ts): the download is a
 * read of the observation, logged like any other.
 */
import type { ObservationTool } from '../../../../../shared/src/domain';
import { useT } from '../../../i18n';
import { m } from './messages';

export function ChartFiles({ observationId, tool, toolLabel }: { observationId: string; tool: ObservationTool; toolLabel: string }) {
  const t = useT(m);
  const base = `/api/observations/${encodeURIComponent(observationId)}/graphics/${tool}`;
  return (
    <p className="chart-files no-print">
      <span>{t('filesLabel', { tool: toolLabel })}</span>{' '}
      <a href={`${base}.svg`} download>
        {t('fileSvg')}
      </a>
      {' · '}
      <a href={`${base}.png`} download>
        {t('filePng')}
      </a>
    </p>
  );
}
