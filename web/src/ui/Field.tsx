/**
 * Labelled form controls. Every control has a visible <label>; hints and errors
 * are tied to it with aria-describedby so screen readers read them with the field.
 */
import { type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes, useId } from 'react';
import { useT } from '../i18n';
import { m } from './messages';

interface Common {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function useDescribed(hint: ReactNode, error: string | undefined) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

/** " (required)" after a required field's label, in the reader's language. */
function Required() {
  const t = useT(m);
  return <span className="required"> {t('required')}</span>;
}

function Extras({ hint, hintId, error, errorId }: { hint: ReactNode; hintId?: string; error?: string; errorId?: string }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({ label, hint, error, className, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const d = useDescribed(hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={input.id ?? d.id}>
        {label}
        {input.required ? <Required /> : null}
      </label>
      <input id={d.id} {...input} aria-describedby={d.describedBy} aria-invalid={error ? true : undefined} />
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function TextArea({ label, hint, error, className, ...area }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const d = useDescribed(hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={area.id ?? d.id}>
        {label}
        {area.required ? <Required /> : null}
      </label>
      <textarea rows={4} id={d.id} {...area} aria-describedby={d.describedBy} aria-invalid={error ? true : undefined} />
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function SelectField({ label, hint, error, className, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const d = useDescribed(hint, error);
  return (
    <div className={['field', className].filter(Boolean).join(' ')}>
      <label htmlFor={select.id ?? d.id}>{label}</label>
      <select id={d.id} {...select} aria-describedby={d.describedBy} aria-invalid={error ? true : undefined}>
        {children}
      </select>
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

export function Checkbox({ label, hint, error, className, ...input }: Common & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const d = useDescribed(hint, error);
  return (
    <div className={['check', className].filter(Boolean).join(' ')}>
      <input type="checkbox" id={d.id} {...input} aria-describedby={d.describedBy} aria-invalid={error ? true : undefined} />
      <label htmlFor={input.id ?? d.id}>{label}</label>
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
    </div>
  );
}

/** A group of checkboxes or radios with a visible legend; with an error it is marked data-invalid, so focus can find it (ui/focus.ts). */
export function FieldSet({ legend, hint, error, children, className }: { legend: ReactNode; hint?: ReactNode; error?: string; children: ReactNode; className?: string }) {
  const d = useDescribed(hint, error);
  return (
    <fieldset className={['fieldset', className].filter(Boolean).join(' ')} aria-describedby={d.describedBy} data-invalid={error ? 'true' : undefined}>
      <legend>{legend}</legend>
      <Extras hint={hint} hintId={d.hintId} error={error} errorId={d.errorId} />
      {children}
    </fieldset>
  );
}

export function Radio({ label, hint, ...input }: { label: ReactNode; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const d = useDescribed(hint, undefined);
  return (
    <div className="check">
      <input type="radio" id={d.id} {...input} aria-describedby={d.describedBy} />
      <label htmlFor={d.id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={d.hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
