/**
 * When the browser runs the app on Preact (see the alias in vite.config.ts), its effects run
 * after the next paint by default, where React runs them before the next key press or click.
 * Code written for React relies on that: React Query's useMutation, for one, takes the
 * mutation's latest `mutationFn` (and the form values it closes over) in an effect. On a busy
 * tablet a person who typed a password and pressed Enter before the next frame signed in with
 * the password as it was a few letters earlier. Running effects in a microtask right after each
 * render restores React's order: they have all run before the next event is handled.
 */
import { options } from 'preact';

type HookOptions = typeof options & { requestAnimationFrame?: (callback: () => void) => void };

(options as HookOptions).requestAnimationFrame = (callback) => queueMicrotask(callback);
