/**
 * A video or audio clip sent with the tus resumable upload protocol (server: artifacts/uploads.routes.ts).
 * A lesson filmed on a phone is hundreds of megabytes over a school's connection that drops, so the
 * clip goes in chunks of a few megabytes: a dropped connection is retried on its own, Pause and
 * Resume continue from the last byte the server has, and choosing the same file again after a
 * reload continues the upload the device started (the server keeps it for a day).
 *
 * tus-js-client is loaded only when a clip form opens (`loadTus`), not with the first page.
 *
 * What the device keeps to resume is the upload's address and size only: the fingerprint that
 * finds it is a hash, and the note and the file's name (content: they may name a child) are never
 * written to localStorage, as tus-js-client's own store would.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DetailedError, HttpRequest, HttpResponse, PreviousUpload, Upload, UrlStorage } from 'tus-js-client';
import { ApiError, type FieldProblem, api, getCsrfToken } from '../../api';
import { type Artifact, artifactKey, artifactsBaseKey } from '../artifacts/artifactWords';

type Tus = typeof import('tus-js-client');

declare global {
  interface Window {
    /** For the browser test only: a smaller chunk, so that a pause lands between two of them. */
    __tandemClipChunkBytes?: number;
  }
}

/** A few megabytes: progress moves on a slow connection, and a drop loses at most one chunk. */
const CHUNK_BYTES = 4 * 1024 * 1024;
/** Waits before each new try after a dropped connection or a server hiccup (milliseconds). */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000];
/** The server keeps an unfinished upload this long (UPLOAD_EXPIRY_HOURS); older addresses are forgotten here too. */
const KEPT_MS = 24 * 3600_000;
const STORE_PREFIX = 'tandem-clip::';

/** The codes of an upload that ended without an answer from the server. */
export const CLIP_NETWORK = 'NETWORK';
export const CLIP_LOAD_FAILED = 'LOAD_FAILED';

let loading: Promise<Tus> | null = null;
/** tus-js-client, loaded once (a separate chunk of the bundle); a failed load is tried again next time. */
export function loadTus(): Promise<Tus> {
  loading ??= import('tus-js-client').catch((err: unknown) => {
    loading = null;
    throw err;
  });
  return loading;
}

export interface ClipFields {
  partnershipId: string;
  file: File;
  note: string;
  observationId?: string;
  goalId?: string;
  subjectId?: string;
}

/**
 * Where an upload is: nothing yet; on its way (`sent` of 1); paused by the person; stopped by a
 * connection that stayed down (it goes on by itself once the device is back online); refused or
 * failed (`error`); saved.
 */
export type ClipPhase = 'idle' | 'sending' | 'paused' | 'offline' | 'failed' | 'saved';

export interface ClipUploadState {
  phase: ClipPhase;
  /** Share of the clip the server has or is receiving, 0 to 1. */
  sent: number;
  /** When this upload continues one started before (a pause, a drop, a reload): the share the server already had. */
  continuingFrom: number | null;
  /** True while a dropped request waits to be tried again. */
  reconnecting: boolean;
  /** Why it stopped: the server's answer (its code and words), or one of the codes above. */
  error: ApiError | null;
  /** True after the person cancelled an upload (nothing kept, the form as it was). */
  cancelled: boolean;
}

const IDLE: ClipUploadState = { phase: 'idle', sent: 0, continuingFrom: null, reconnecting: false, error: null, cancelled: false };

/** Hex of a SHA-256 digest where the browser has one (secure pages), else a small 53-bit string hash. */
async function hashOf(text: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

/**
 * Which earlier upload this one may continue: the same person, partnership and place it is
 * attached to (fixed when an upload is created) and the same file. Someone else on a shared
 * device, or the same file for another partnership, starts a new upload.
 */
function fingerprintOf(personId: string, f: ClipFields): Promise<string> {
  return hashOf([personId, f.partnershipId, f.observationId ?? '', f.goalId ?? '', f.subjectId ?? '', f.file.name, f.file.type, f.file.size, f.file.lastModified].join('\u0000'));
}

/** tus-js-client's address book in localStorage, holding only the address, size and time of each upload. */
const addressBook: UrlStorage = {
  async findAllUploads() {
    return entries(STORE_PREFIX);
  },
  async findUploadsByFingerprint(fingerprint) {
    return entries(`${STORE_PREFIX}${fingerprint}::`);
  },
  async removeUpload(key) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Storage unavailable: nothing was kept either.
    }
  },
  async addUpload(fingerprint, upload) {
    const key = `${STORE_PREFIX}${fingerprint}::${Math.round(Math.random() * 1e12)}`;
    const kept = { size: upload.size, uploadUrl: upload.uploadUrl, creationTime: upload.creationTime };
    localStorage.setItem(key, JSON.stringify(kept));
    return key;
  },
};

/** The kept uploads under a prefix; those the server has let expire are forgotten on the way. */
function entries(prefix: string): PreviousUpload[] {
  const found: PreviousUpload[] = [];
  try {
    for (let i = localStorage.length - 1; i >= 0; i--) {
      const key = localStorage.key(i);
      if (!key?.startsWith(prefix)) continue;
      try {
        const kept = JSON.parse(localStorage.getItem(key) ?? 'null') as { size: number | null; uploadUrl: string | null; creationTime: string } | null;
        if (!kept || !(Date.now() - Date.parse(kept.creationTime) < KEPT_MS)) {
          localStorage.removeItem(key);
          continue;
        }
        found.push({ ...kept, metadata: {}, urlStorageKey: key, parallelUploadUrls: null });
      } catch {
        localStorage.removeItem(key);
      }
    }
  } catch {
    // Storage unavailable (a private window): nothing to resume.
  }
  return found;
}

/** The upload's metadata as the server reads it (UploadClipMetadata): only the fields that have a value. */
function metadataOf(f: ClipFields): Record<string, string> {
  const meta: Record<string, string> = { partnershipId: f.partnershipId, filename: f.file.name, note: f.note };
  if (f.observationId) meta.observationId = f.observationId;
  if (f.goalId) meta.goalId = f.goalId;
  if (f.subjectId) meta.subjectId = f.subjectId;
  return meta;
}

const normalizePath = (path: string) => path.replace(/^(body|querystring|params|metadata)\./, '');

/** The server's refusal as an ApiError with its own words ({code, message, details}); '' when it sent none. */
function refusalOf(res: HttpResponse): ApiError {
  let body: { code?: string; message?: string; details?: FieldProblem[] } = {};
  try {
    body = JSON.parse(res.getBody() || '{}') ?? {};
  } catch {
    body = {};
  }
  const details = (body.details ?? []).map((d) => ({ path: normalizePath(d.path), message: d.message }));
  return new ApiError(res.getStatus(), body.code ?? 'UNKNOWN', body.message ?? '', details);
}

/** Whether tus-js-client should try a failed request again: no answer, the server's trouble, or a clash it resolves by asking. */
function worthRetrying(err: DetailedError): boolean {
  const status = err.originalResponse?.getStatus() ?? 0;
  const online = typeof navigator === 'undefined' || navigator.onLine !== false;
  return online && (status === 0 || status >= 500 || status === 409 || status === 423);
}

export interface ClipUploadOptions {
  personId: string;
  /** The note as the form holds it when the upload ends: an upload resumed from before was created with the note typed then. */
  currentNote: () => string;
  onSaved: (artifact: Artifact) => void;
}

/**
 * Adding a clip: start, pause, resume and cancel one upload, with where it is (`state`). The form
 * keeps everything typed whatever happens here; a refused clip leaves nothing on the server.
 */
export function useClipUpload({ personId, currentNote, onSaved }: ClipUploadOptions) {
  const client = useQueryClient();
  const [state, setState] = useState<ClipUploadState>(IDLE);
  const upload = useRef<Upload | null>(null);
  const fingerprint = useRef('');
  /** Share of the clip the server has confirmed (the end of the last chunk it took): where a pause really stands. */
  const accepted = useRef(0);
  const mounted = useRef(true);
  const latest = useRef({ currentNote, onSaved });
  latest.current = { currentNote, onSaved };

  const update = useCallback((change: Partial<ClipUploadState>) => {
    if (mounted.current) setState((was) => ({ ...was, ...change }));
  }, []);

  // Loaded when the form opens, so the first tap on "Upload" does not wait for it.
  useEffect(() => {
    mounted.current = true;
    loadTus().catch(() => undefined);
    return () => {
      mounted.current = false;
      // Leaving the page stops the upload; what was sent stays with the server to continue later.
      void upload.current?.abort(false);
      upload.current = null;
    };
  }, []);

  /** Forgets every kept address of this file: the server refused it or has let it go. */
  const forget = useCallback(async () => {
    if (!fingerprint.current) return;
    for (const kept of await addressBook.findUploadsByFingerprint(fingerprint.current)) await addressBook.removeUpload(kept.urlStorageKey);
  }, []);

  /** The clip is an artifact now: read it (fixing its note if the upload was made with an earlier one), refresh the lists, hand it on. */
  const saved = useCallback(
    async (id: string, partnershipId: string) => {
      let artifact: Artifact | null = null;
      try {
        artifact = await api.get<Artifact>(`/api/artifacts/${encodeURIComponent(id)}`);
        const note = latest.current.currentNote().trim();
        if (artifact.note !== note) artifact = await api.patch<Artifact>(`/api/artifacts/${encodeURIComponent(id)}`, { note });
      } catch {
        // The clip is kept; its page reads it again.
      }
      if (artifact) client.setQueryData(artifactKey(id), artifact);
      void client.invalidateQueries({ queryKey: artifactsBaseKey(partnershipId) });
      upload.current = null;
      update({ phase: 'saved', sent: 1, reconnecting: false });
      latest.current.onSaved(artifact ?? ({ id, partnershipId } as Artifact));
    },
    [client, update],
  );

  const start = useCallback(
    async (fields: ClipFields) => {
      if (upload.current) void upload.current.abort(false);
      upload.current = null;
      accepted.current = 0;
      setState({ ...IDLE, phase: 'sending' });
      let tus: Tus;
      try {
        tus = await loadTus();
      } catch {
        update({ phase: 'failed', error: new ApiError(0, CLIP_LOAD_FAILED, '') });
        return;
      }
      if (!mounted.current) return;
      fingerprint.current = await fingerprintOf(personId, fields);
      const canKeep = tus.canStoreURLs;
      let artifactId: string | null = null;
      const chunk = (typeof window !== 'undefined' && window.__tandemClipChunkBytes) || CHUNK_BYTES;
      const u: Upload = new tus.Upload(fields.file, {
        // Absolute: tus-js-client resolves the server's relative Location against it.
        endpoint: new URL('/api/uploads', window.location.origin).href,
        headers: { 'x-csrf-token': getCsrfToken() },
        metadata: metadataOf(fields),
        chunkSize: chunk,
        retryDelays: RETRY_DELAYS,
        storeFingerprintForResuming: canKeep,
        removeFingerprintOnSuccess: true,
        urlStorage: addressBook,
        fingerprint: async () => fingerprint.current,
        onAfterResponse: (req: HttpRequest, res: HttpResponse) => {
          const id = res.getHeader('Tandem-Artifact-Id');
          if (id) artifactId = id;
          // Asked where to continue (a resumed upload): say how much the server already had.
          if (req.getMethod() === 'HEAD' && res.getStatus() < 300) {
            const offset = Number(res.getHeader('Upload-Offset'));
            const length = Number(res.getHeader('Upload-Length'));
            if (length > 0) accepted.current = offset / length;
            if (offset > 0 && length > 0 && offset < length) update({ continuingFrom: offset / length, sent: offset / length });
          }
          if (res.getStatus() > 0) update({ reconnecting: false });
        },
        onShouldRetry: (err: DetailedError) => {
          const again = worthRetrying(err);
          if (again && !err.originalResponse) update({ reconnecting: true });
          return again;
        },
        onChunkComplete: (_chunk: number, bytesAccepted: number, bytesTotal: number) => {
          if (bytesTotal > 0) accepted.current = bytesAccepted / bytesTotal;
        },
        onProgress: (bytesSent: number, bytesTotal: number) => {
          if (bytesTotal > 0) update({ sent: Math.min(1, bytesSent / bytesTotal) });
        },
        onSuccess: ({ lastResponse }) => {
          const id = artifactId ?? lastResponse.getHeader('Tandem-Artifact-Id');
          if (upload.current !== u) return;
          if (!id) {
            update({ phase: 'failed', error: new ApiError(lastResponse.getStatus(), 'UNKNOWN', '') });
            return;
          }
          void saved(id, fields.partnershipId);
        },
        onError: (err: Error | DetailedError) => {
          if (upload.current !== u) return;
          const res = 'originalResponse' in err ? err.originalResponse : null;
          if (res && res.getStatus() >= 400) {
            // Refused (the kind of file, its size, the quota, a damaged clip, an expired upload): the server kept nothing.
            upload.current = null;
            void forget();
            update({ phase: 'failed', reconnecting: false, error: refusalOf(res) });
          } else if ('originalRequest' in err && err.originalRequest) {
            // No answer after every retry: kept as it is, to go on when the connection is back.
            update({ phase: 'offline', reconnecting: false, sent: accepted.current, error: new ApiError(0, CLIP_NETWORK, '') });
          } else {
            upload.current = null;
            update({ phase: 'failed', reconnecting: false, error: new ApiError(0, 'UNKNOWN', '') });
          }
        },
      });
      upload.current = u;
      if (canKeep) {
        const previous = await u.findPreviousUploads().catch(() => [] as PreviousUpload[]);
        const newest = previous.sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0];
        if (newest) u.resumeFromPreviousUpload(newest);
      }
      if (upload.current === u) u.start();
    },
    [personId, update, saved, forget],
  );

  /** Stops sending; what the server has is kept for a day. */
  const pause = useCallback(() => {
    const u = upload.current;
    if (!u) return;
    void u.abort(false);
    // The chunk on its way is dropped: the pause stands where the server's confirmed bytes end.
    update({ phase: 'paused', reconnecting: false, sent: accepted.current });
  }, [update]);

  /** Goes on from what the server has (it is asked first). */
  const resume = useCallback(() => {
    const u = upload.current;
    if (!u) return;
    update({ phase: 'sending', continuingFrom: null, error: null, reconnecting: false });
    // The session's token as it is now: a paused upload can outlive the one it started with.
    u.options.headers = { ...u.options.headers, 'x-csrf-token': getCsrfToken() };
    u.start();
  }, [update]);

  /** Stops and asks the server to throw away what it has; the form keeps what was typed. */
  const cancel = useCallback(async () => {
    const u = upload.current;
    upload.current = null;
    setState({ ...IDLE, cancelled: true });
    if (!u) return;
    // Offline, the server cannot be told: it lets the upload expire after a day.
    await u.abort(true).catch(() => undefined);
    await forget();
  }, [forget]);

  /** Forgets a refusal or a cancellation once the person changes the file. */
  const reset = useCallback(() => {
    if (upload.current) return;
    setState(IDLE);
  }, []);

  // Back online after the connection stayed down: go on without being asked.
  useEffect(() => {
    if (state.phase !== 'offline') return;
    const again = () => resume();
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [state.phase, resume]);

  return { state, start, pause, resume, cancel, reset };
}
