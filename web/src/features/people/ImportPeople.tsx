import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, Fragment, type ReactNode, useId, useState } from 'react';
import type { Values } from '../../../../shared/src/i18n';
import { type ImportResult, api } from '../../api';
import { useT } from '../../i18n';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { Section } from '../../ui/Page';
import { m } from './messages';

/** The same limit as the server's (2,000,000 characters); a byte count is close enough to warn early. */
const MAX_BYTES = 2_000_000;

/** The header row of the roster file: the server reads these column names, in English, in every language. */
const HEADER = 'name,email,roles,site,title,supervisor_email';
/** Values of the roles column the server reads (org/roster-import.ts), typed as they are, in English. */
const ROLE_WORDS = 'leader, supervisor, coach, mentor, coachee';
const EVERYDAY_ROLE_WORDS = 'teacher, home visitor, principal, director, instructional coach, mentor coach';

/**
 * A message whose placeholders stand for markup (<strong>, <code>): each is
 * formatted as a marker, then replaced by its node, so a language can put the
 * markup wherever its sentence needs it.
 */
function rich(text: (values: Values) => string, nodes: Record<string, ReactNode>, values: Values = {}): ReactNode[] {
  const names = Object.keys(nodes);
  const marked = text({ ...values, ...Object.fromEntries(names.map((name, i) => [name, `\u0001${i}\u0001`])) });
  return marked.split(/\u0001(\d+)\u0001/).map((part, i) => (i % 2 ? <Fragment key={i}>{nodes[names[Number(part)]!]}</Fragment> : part));
}

/**
 * Program leaders bring in their staff list from a spreadsheet: choose or paste
 * a CSV, preview what would happen to each row, and import only when every
 * row is fine — the server applies all rows or none.
 */
export function ImportPeople() {
  const t = useT(m);
  const example = [HEADER, t('exampleRow1'), t('exampleRow2'), t('exampleRow3')].join('\n');
  const client = useQueryClient();
  // Remounting the file input is the dependable way to empty it after an import.
  const [fileKey, setFileKey] = useState(0);
  const importHintId = useId();
  const [csv, setCsv] = useState('');
  const [source, setSource] = useState('');
  const [reading, setReading] = useState(false);
  const [fileProblem, setFileProblem] = useState('');
  const [done, setDone] = useState<ImportResult | null>(null);
  const preview = useMutation({ mutationFn: (text: string) => api.post<ImportResult>('/api/people/import', { csv: text, dryRun: true }) });
  const apply = useMutation({
    mutationFn: (text: string) => api.post<ImportResult>('/api/people/import', { csv: text, dryRun: false }),
    onSuccess: (result) => {
      setDone(result);
      setCsv('');
      setSource('');
      preview.reset();
      setFileKey((k) => k + 1);
      for (const key of ['people', 'sites', 'supervision-links', 'directory']) client.invalidateQueries({ queryKey: [key] });
    },
  });
  // A preview counts only for exactly the text it checked; any change asks for a new one.
  const current = preview.data && preview.variables === csv ? preview.data : null;
  const toImport = current ? current.created + current.updated : 0;
  const canImport = !!current && current.errors === 0 && toImport > 0;

  async function chooseFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileProblem('');
    setDone(null);
    preview.reset();
    apply.reset();
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileProblem(t('tooLarge', { file: file.name }));
      return;
    }
    setReading(true);
    try {
      const text = await file.text();
      setCsv(text);
      setSource(file.name);
    } catch {
      setFileProblem(t('unreadable', { file: file.name }));
    } finally {
      setReading(false);
    }
  }

  function changeText(text: string) {
    setCsv(text);
    setSource('');
    setDone(null);
    preview.reset();
    apply.reset();
  }

  let status = '';
  if (reading) status = t('reading');
  else if (done) status = t('doneStatus', { created: done.created, updated: done.updated, unchanged: done.unchanged });
  else if (current)
    status = t('previewStatus', { from: source ? 'file' : 'paste', file: source, created: current.created, updated: current.updated, unchanged: current.unchanged, errors: current.errors });
  else if (csv && source) status = t('ready', { file: source });

  const shown = done ?? current;
  const total = shown ? shown.created + shown.updated + shown.unchanged + shown.errors : 0;

  return (
    <Section title={t('importTitle')} id="import-people">
      <p>
        {rich((v) => t('importIntro', v), {
          name: <code>name</code>,
          email: <code>email</code>,
          roles: <code>roles</code>,
          site: <code>site</code>,
          title: <code>title</code>,
          supervisor: <code>supervisor_email</code>,
        })}
      </p>
      <ul>
        <li>{rich((v) => t('importRoles', v), { roles: <code>{ROLE_WORDS}</code>, everyday: <code>{EVERYDAY_ROLE_WORDS}</code>, example: <code>coach;mentor</code> })}</li>
        <li>{t('importNewSites')}</li>
        <li>{t('importSupervisors')}</li>
        <li>{t('importMatching')}</li>
      </ul>
      <figure className="csv-example">
        <figcaption className="group-title">{t('exampleCaption')}</figcaption>
        <pre>
          <code>{example}</code>
        </pre>
      </figure>
      <p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(`${example}\n`)}`} download={t('exampleFile')}>
          {t('downloadExample')}
        </a>
      </p>

      <div className="form">
        <TextField
          key={fileKey}
          label={t('chooseFile')}
          type="file"
          accept=".csv,text/csv"
          hint={t('chooseFileHint')}
          onClick={(e) => {
            // Choosing the same file again (after fixing it) should read it again.
            e.currentTarget.value = '';
          }}
          onChange={chooseFile}
          error={fileProblem || undefined}
        />
        <TextArea
          label={t('pasteLabel')}
          hint={t('pasteHint')}
          rows={6}
          spellCheck={false}
          className="csv-text"
          value={csv}
          onChange={(e) => changeText(e.target.value)}
        />
        <div className="button-row">
          <Button
            variant="secondary"
            busy={preview.isPending}
            disabled={!csv.trim() || reading}
            onClick={() => {
              setDone(null);
              apply.reset();
              preview.mutate(csv);
            }}
          >
            {t('preview')}
          </Button>
        </div>
      </div>

      <div className="import-status" role="status" aria-live="polite">
        {status ? <p>{status}</p> : null}
      </div>
      <ErrorAlert error={preview.error ?? apply.error} />

      {current ? (
        <div className="import-preview">
          {current.errors > 0 ? (
            <Alert tone="warning" title={t('needsFixingTitle', { count: current.errors })}>
              <p>{t('needsFixingBody')}</p>
            </Alert>
          ) : null}
          {current.newSites.length > 0 ? (
            <p>{rich((v) => t('newSites', v), { sites: <strong>{current.newSites.join(', ')}</strong> }, { count: current.newSites.length })}</p>
          ) : null}
          <div className="button-row">
            <Button busy={apply.isPending} disabled={!canImport} aria-describedby={canImport ? undefined : importHintId} onClick={() => apply.mutate(csv)}>
              {t('importButton', { count: toImport })}
            </Button>
          </div>
          {!canImport ? (
            <p className="field-hint" id={importHintId}>
              {current.errors > 0 ? t('fixFirst') : t('nothingToImport')}
            </p>
          ) : null}
        </div>
      ) : null}

      {done ? (
        <Alert tone="success" title={t('doneTitle')}>
          <p>{t('doneBody', { created: done.created, updated: done.updated, siteCount: done.newSites.length, sites: done.newSites.join(', ') })}</p>
        </Alert>
      ) : null}

      {shown ? <ImportRows result={shown} total={total} /> : null}
    </Section>
  );
}

function ImportRows({ result, total }: { result: ImportResult; total: number }) {
  const t = useT(m);
  const label = (action: string) => t(result.dryRun ? 'previewAction' : 'doneAction', { action });
  const sorted = [...result.rows].sort((a, b) => Number(b.action === 'error') - Number(a.action === 'error') || a.line - b.line);
  return (
    <div className="table-wrap">
      <table className="responsive-table import-table">
        <caption>{t('rowsCaption', { dryRun: result.dryRun ? 'yes' : 'no' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('line')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('whatHappens')}</th>
            <th scope="col">{t('details')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.line} className={r.action === 'error' ? 'import-row-error' : undefined}>
              <td data-label={t('line')}>{r.line}</td>
              <td data-label={t('email')}>{r.email || t('noEmail')}</td>
              <td data-label={t('whatHappens')}>{r.action === 'error' ? <strong>{label(r.action)}</strong> : label(r.action)}</td>
              <td data-label={t('details')}>{r.message ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > result.rows.length ? <p className="muted">{t('showingFirst', { shown: result.rows.length, total })}</p> : null}
    </div>
  );
}
