/**
 * Moves keyboard focus to an element once it is on the page. After a save the
 * element (a new card's title, a reopened button) appears with the next
 * render, which on a busy device can come a few frames later; this waits up to
 * about half a second for it instead of giving up after one frame.
 */
export function focusSoon(id: string, framesLeft = 30): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element) element.focus();
    else if (framesLeft > 0) focusSoon(id, framesLeft - 1);
  });
}
