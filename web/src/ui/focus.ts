/**
 * Where keyboard focus goes after something happens, written once for every form:
 * after a save, to what was saved (focusSaved); after a refused submit, to the first
 * field with a problem, or to the form's message when the problem is not about one
 * field (useFocusFirstError). Focus the app moves itself lands on elements with
 * tabindex="-1", which show no ring (styles.css), so it never looks like an error.
 */
import { type RefObject, useEffect, useRef } from 'react';

/**
 * Moves keyboard focus to an element once it is on the page. After a save the
 * element (a new card's title, a reopened button) appears with the next
 * render, which on a busy device can come a few frames later; this waits up to
 * about half a second for it instead of giving up after one frame.
 */
export function focusSoon(id: string, framesLeft = 30): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element) {
      element.focus();
      keepFocus(id);
    } else if (framesLeft > 0) focusSoon(id, framesLeft - 1);
  });
}

/**
 * A save is often followed by a refresh of the list it belongs to, which can move
 * the saved card (a confirmed plan sorts elsewhere) or draw it anew; the browser
 * then drops focus to the page itself. For about a second after focus was placed,
 * this puts it back on the element with the same id whenever it has fallen to the
 * page; once the reader has moved focus anywhere else it stops.
 */
function keepFocus(id: string, framesLeft = 60): void {
  if (framesLeft <= 0) return;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    if (active && active !== document.body && active.id !== id) return;
    if (!active || active === document.body) {
      const element = document.getElementById(id);
      if (!element) return;
      if (!isFocusable(element)) element.setAttribute('tabindex', '-1');
      element.focus();
    }
    keepFocus(id, framesLeft - 1);
  });
}

/**
 * After a save: focus what was saved (the saved item's title, or the notice that
 * says it was saved), once it is on the page: it may arrive with the list's next
 * refresh, so this waits up to about two seconds. Anything that is not a control
 * is made focusable from script only (tabindex="-1"), so Tab order does not change.
 */
export function focusSaved(id: string, framesLeft = 120): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (!element) {
      if (framesLeft > 0) focusSaved(id, framesLeft - 1);
      return;
    }
    if (!isFocusable(element)) element.setAttribute('tabindex', '-1');
    element.focus();
    keepFocus(id);
  });
}

const CONTROL = 'input:not([type="hidden"]), select, textarea, button, a[href], summary, [tabindex]';
const isFocusable = (element: Element) => element.matches(CONTROL);

/**
 * Focuses the first field inside `container` that shows a problem (aria-invalid on a
 * control, or data-invalid on a group of radios or checkboxes: its chosen option, else
 * its first), in the order the reader sees them. With no such field, the message that
 * explains the problem (the first role="alert", or an element marked data-error-summary).
 * Returns whether it found anything to focus.
 */
export function focusFirstError(container: HTMLElement): boolean {
  const field = container.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]');
  let target: HTMLElement | null = null;
  if (field) {
    target = field.matches('input, select, textarea')
      ? field
      : (field.querySelector<HTMLElement>('input:checked, select, textarea, input:not([type="hidden"])') ?? field);
  } else {
    target = container.querySelector<HTMLElement>('[data-error-summary], [role="alert"]');
  }
  if (!target) return false;
  if (!isFocusable(target)) target.setAttribute('tabindex', '-1');
  target.focus();
  return true;
}

/**
 * After a refused submit, focus goes to the first problem in `container` (see
 * focusFirstError). Pass the values that change with each refused attempt: the
 * mutation's error (a new object each time it fails) and, for forms that check
 * answers before sending, a counter bumped on each refused try. Focus moves only
 * when one of them becomes a new, non-empty value: never while the reader types.
 */
export function useFocusFirstError(container: RefObject<HTMLElement | null>, ...failures: unknown[]): void {
  const seen = useRef<unknown[]>(failures);
  useEffect(() => {
    const fresh = failures.some((f, i) => f && f !== seen.current[i]);
    seen.current = failures;
    if (fresh && container.current) focusFirstError(container.current);
  });
}
