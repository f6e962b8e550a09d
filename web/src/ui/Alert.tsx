import type { ReactNode } from 'react';
import { errorMessage } from '../api';
import { Button } from './Button';

type Tone = 'error' | 'success' | 'info' | 'warning';

/** Errors interrupt (role="alert"); everything else is announced politely (role="status"). */
export function Alert({ tone = 'info', title, children }: { tone?: Tone; title?: ReactNode; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}

/** Shows the server's message for a failed request, or nothing. */
export function ErrorAlert({ error }: { error: unknown }) {
  if (!error) return null;
  return <Alert tone="error">{errorMessage(error)}</Alert>;
}

/** A version conflict: someone saved first. Offers to load their version; nothing was overwritten. */
export function ConflictAlert({ message, onReload }: { message: string; onReload: () => void | Promise<void> }) {
  return (
    <Alert tone="error" title="Someone else saved first">
      <p>{message}</p>
      <Button variant="secondary" onClick={onReload}>
        Reload the latest version
      </Button>
    </Alert>
  );
}
