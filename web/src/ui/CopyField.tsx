import { useId, useState } from 'react';
import { Button } from './Button';

/** A read-only value (such as an invitation link) with a copy button; the button and the "copied" words can be tailored to what is copied. */
export function CopyField({
  label,
  value,
  button = 'Copy link',
  copiedHint = 'Copied. Paste it into a message to them.',
}: {
  label: string;
  value: string;
  button?: string;
  copiedHint?: string;
}) {
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
          {button}
        </Button>
      </div>
      <p role="status" className="field-hint">
        {copied === 'yes' ? copiedHint : copied === 'no' ? 'Copying is blocked here; the link is selected, so press Ctrl+C (or ⌘C).' : ''}
      </p>
    </div>
  );
}
