import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { type ImportResult, type ImportRow, api } from '../../api';
import { Alert, ErrorAlert } from '../../ui/Alert';
import { Button } from '../../ui/Button';
import { TextArea, TextField } from '../../ui/Field';
import { Section } from '../../ui/Page';

/** The same limit as the server's (2,000,000 characters); a byte count is close enough to warn early. */
const MAX_BYTES = 2_000_000;

const EXAMPLE = [
  'name,email,roles,site,title,supervisor_email',
  'Sam Okafor,sam@school.example,principal,Maple Street,Principal,',
  'Rosa Alvarez,rosa@school.example,teacher,Maple Street,Pre-K teacher,sam@school.example',
  'Dev Patel,dev@school.example,coach;mentor,,Instructional coach,',
].join('\n');

const PREVIEW_LABEL: Record<ImportRow['action'], string> = { error: 'Needs fixing', create: 'Will be added', update: 'Will be updated', unchanged: 'No change needed' };
const DONE_LABEL: Record<ImportRow['action'], string> = { error: 'Needs fixing', create: 'Added', update: 'Updated', unchanged: 'No change' };

function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

function rows(n: number): string {
  return `${n} ${n === 1 ? 'row' : 'rows'}`;
}

function previewSentence(r: ImportResult, source: string): string {
  const parts = [`${people(r.created)} to add`, `${r.updated} to update`, `${r.unchanged} already up to date`];
  const fix = r.errors > 0 ? ` and ${rows(r.errors)} to fix first` : '';
  return `Preview of ${source}: ${parts.join(', ')}${fix}.`;
}

function doneSentence(r: ImportResult): string {
  return `Imported: ${people(r.created)} added, ${r.updated} updated, ${r.unchanged} already up to date.`;
}

/**
 * Program leaders bring in their staff list from a spreadsheet: choose or paste
 * a CSV, preview what would happen to each row, and import only when every
 * row is fine — the server applies all rows or none.
 */
export function ImportPeople() {
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
      setFileProblem(`${file.name} is larger than 2 MB. Split it into smaller files and import them one after another.`);
      return;
    }
    setReading(true);
    try {
      const text = await file.text();
      setCsv(text);
      setSource(file.name);
    } catch {
      setFileProblem(`We could not read ${file.name}. Save it from your spreadsheet as “CSV (comma separated)” and choose it again.`);
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
  if (reading) status = 'Reading the file…';
  else if (done) status = doneSentence(done);
  else if (current) status = previewSentence(current, source || 'your list');
  else if (csv && source) status = `${source} is ready. Press Preview to check it before anything changes.`;

  const shown = done ?? current;
  const total = shown ? shown.created + shown.updated + shown.unchanged + shown.errors : 0;

  return (
    <Section title="Import from a spreadsheet" id="import-people">
      <p>
        Bring in your whole staff list at once. Save it from your spreadsheet as a CSV file whose first row names the columns: <strong>name</strong>,{' '}
        <strong>email</strong> and <strong>roles</strong> are needed; <strong>site</strong>, <strong>title</strong> and{' '}
        <strong>supervisor_email</strong> are optional.
      </p>
      <ul>
        <li>
          Roles: leader, supervisor, coach, mentor or coachee. Everyday words work too — teacher, home visitor, principal, director, instructional
          coach, mentor coach. Put several roles in one cell with a semicolon, such as <code>coach;mentor</code>.
        </li>
        <li>A site that Tandem does not know yet is created for you.</li>
        <li>A supervisor must be in the same file or already in Tandem, with the supervisor role.</li>
        <li>People already here are matched by e-mail and updated. Importing never removes anyone.</li>
      </ul>
      <figure className="csv-example">
        <figcaption className="group-title">A small example</figcaption>
        <pre>
          <code>{EXAMPLE}</code>
        </pre>
      </figure>
      <p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(`${EXAMPLE}\n`)}`} download="tandem-people-example.csv">
          Download the example as a starting point
        </a>
      </p>

      <div className="form">
        <TextField
          key={fileKey}
          label="Choose a CSV file"
          type="file"
          accept=".csv,text/csv"
          hint="Nothing changes until you preview and then press Import."
          onClick={(e) => {
            // Choosing the same file again (after fixing it) should read it again.
            e.currentTarget.value = '';
          }}
          onChange={chooseFile}
          error={fileProblem || undefined}
        />
        <TextArea
          label="Or paste the rows here"
          hint="Include the header row. Choosing a file fills this in, so you can check it."
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
            Preview
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
            <Alert tone="warning" title={`${rows(current.errors)} ${current.errors === 1 ? 'needs' : 'need'} fixing`}>
              <p>
                They are listed first below, with their line in the file. Fix them in your spreadsheet, save it again, choose it here and preview once
                more. Nothing is imported while any row needs fixing.
              </p>
            </Alert>
          ) : null}
          {current.newSites.length > 0 ? (
            <p>
              New {current.newSites.length === 1 ? 'site' : 'sites'} to create: <strong>{current.newSites.join(', ')}</strong>
            </p>
          ) : null}
          <div className="button-row">
            <Button busy={apply.isPending} disabled={!canImport} aria-describedby={canImport ? undefined : importHintId} onClick={() => apply.mutate(csv)}>
              Import {people(toImport)}
            </Button>
          </div>
          {!canImport ? (
            <p className="field-hint" id={importHintId}>
              {current.errors > 0 ? 'Fix the rows marked “Needs fixing” first.' : 'Everyone in this list is already up to date, so there is nothing to import.'}
            </p>
          ) : null}
        </div>
      ) : null}

      {done ? (
        <Alert tone="success" title="The import is done.">
          <p>
            {people(done.created)} added and {people(done.updated)} updated
            {done.newSites.length ? `; new ${done.newSites.length === 1 ? 'site' : 'sites'}: ${done.newSites.join(', ')}` : ''}. The people list
            above now includes them. New people can join once you send them an invitation link (Manage → Create an invitation link).
          </p>
        </Alert>
      ) : null}

      {shown ? <ImportRows result={shown} total={total} /> : null}
    </Section>
  );
}

function ImportRows({ result, total }: { result: ImportResult; total: number }) {
  const labels = result.dryRun ? PREVIEW_LABEL : DONE_LABEL;
  const sorted = [...result.rows].sort((a, b) => Number(b.action === 'error') - Number(a.action === 'error') || a.line - b.line);
  return (
    <div className="table-wrap">
      <table className="responsive-table import-table">
        <caption>{result.dryRun ? 'What would happen to each row (rows to fix first)' : 'What happened to each row'}</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">E-mail</th>
            <th scope="col">What happens</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr key={r.line} className={r.action === 'error' ? 'import-row-error' : undefined}>
              <td data-label="Line">{r.line}</td>
              <td data-label="E-mail">{r.email || '(none)'}</td>
              <td data-label="What happens">{r.action === 'error' ? <strong>{labels[r.action]}</strong> : labels[r.action]}</td>
              <td data-label="Details">{r.message ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > result.rows.length ? <p className="muted">Showing the first {result.rows.length} of {total} rows.</p> : null}
    </div>
  );
}
