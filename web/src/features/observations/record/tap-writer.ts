/**
 * The page's side of the tap writer (tap-writer.worker.ts): sends a tap to the worker and resolves
 * with the moment it was stored, on this page's clock; null when it was not (no worker here, the
 * worker could not start, or its write failed), and then the caller stores it itself.
 */
export interface TapWrite {
  n: number;
  dbName: string;
  event: unknown;
}

export type TapWritten = { n: number; ok: true; storedAt: number } | { n: number; ok: false; error: string };

interface Writer {
  worker: Worker;
  waiting: Map<number, (answer: TapWritten | null) => void>;
  next: number;
}

/** undefined: not started yet; null: none on this device (tests in Node, a worker that failed to load). */
let writer: Writer | null | undefined;

function start(): Writer | null {
  if (writer !== undefined) return writer;
  if (typeof Worker === 'undefined') return (writer = null);
  try {
    const worker = new Worker(new URL('./tap-writer.worker.ts', import.meta.url), { type: 'module', name: 'tandem-taps' });
    const started: Writer = { worker, waiting: new Map(), next: 1 };
    worker.onmessage = ({ data }: MessageEvent<TapWritten>) => {
      started.waiting.get(data.n)?.(data);
      started.waiting.delete(data.n);
    };
    // Offline before the worker's file was ever loaded, or any other failure to run it: the page stores taps itself.
    worker.onerror = () => {
      writer = null;
      for (const settle of started.waiting.values()) settle(null);
      started.waiting.clear();
      worker.terminate();
    };
    return (writer = started);
  } catch {
    return (writer = null);
  }
}

/** Loads the worker ahead of the first tap (the recording screen calls it when it opens). */
export function prepareTapWriter(): void {
  start();
}

/** Stores a tap through the worker; the time it was stored (performance.now() on this page), or null when the caller must store it. */
export function writeTap(dbName: string, event: unknown): Promise<number | null> {
  const w = start();
  if (!w) return Promise.resolve(null);
  const n = w.next++;
  return new Promise((resolve) => {
    w.waiting.set(n, (answer) => resolve(answer?.ok ? answer.storedAt - performance.timeOrigin : null));
    w.worker.postMessage({ n, dbName, event } satisfies TapWrite);
  });
}
