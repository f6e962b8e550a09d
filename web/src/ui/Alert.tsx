import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { useT } from '../i18n';
import { Button } from './Button';
import { m } from './messages';

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

/** Shows the server's message for a failed request (the app's own words when the server was not reached), or nothing. */
export function ErrorAlert({ error }: { error: unknown }) {
  const t = useT(m);
  if (!error) return null;
  const message = error instanceof ApiError ? (error.code === 'NETWORK' ? t('networkError') : error.message) : t('somethingWrong');
  return <Alert tone="error">{message}</Alert>;
}

/** A version conflict: someone saved first. Offers to load their version; nothing was overwritten. */
export function ConflictAlert({ message, onReload }: { message: string; onReload: () => void | Promise<void> }) {
  const t = useT(m);
  return (
    <Alert tone="error" title={t('conflictTitle')}>
      <p>{message}</p>
      <Button variant="secondary" onClick={onReload}>
        {t('conflictReload')}
      </Button>
    </Alert>
  );
}
