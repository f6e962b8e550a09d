import { useId, useState } from 'react';
import { useT } from '../i18n';
import { Button } from './Button';
import { m } from './messages';

/** A read-only value (such as an invitation link) with a copy button; the button and the "copied" words can be tailored to what is copied. */
export function CopyField({
  label,
  value,
  button,
  copiedHint,
}: {
  label: string;
  value: string;
  button?: string;
  copiedHint?: string;
}) {
  const t = useT(m);
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      const input = document.getElementById(id) as HTMLInputElement | null;
      input?.select();
      setCopied('no');
    }
  }
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <Button variant="secondary" onClick={copy}>
          {button ?? t('copyLink')}
        </Button>
      </div>
      <p role="status" className="field-hint">
        {copied === 'yes' ? (copiedHint ?? t('copiedLink')) : copied === 'no' ? t('copyBlocked') : ''}
      </p>
    </div>
  );
}
