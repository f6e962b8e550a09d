/**
 * Artifacts through hooks: the lists (paged), one artifact, its note and its removal, and the
 * upload — the one request of the app that is not JSON. It goes by XMLHttpRequest, because
 * fetch cannot report how much of a photo has left a phone yet; it carries the same CSRF
 * header and turns an answer into the same ApiError as web/src/api.ts.
 */
import { type InfiniteData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiError, type FieldProblem, type Page, api, query } from '../../api';
import { useSignedIn } from '../session/session';
import { type Artifact, type ArtifactFilter, artifactKey, artifactsBaseKey, artifactsKey } from './artifactWords';

/** One page of a list as many as a phone shows comfortably; "Show more" asks for the next. */
const PAGE_SIZE = 24;

/** A partnership's artifacts, or one observation's or goal's, newest first. */
export function useArtifactList(partnershipId: string, filter: ArtifactFilter = {}, enabled = true) {
  return useInfiniteQuery({
    queryKey: artifactsKey(partnershipId, filter),
    queryFn: ({ pageParam }) =>
      api.get<Page<Artifact>>(`/api/partnerships/${partnershipId}/artifacts${query({ limit: PAGE_SIZE, cursor: pageParam, observationId: filter.observationId, goalId: filter.goalId })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** One artifact's details (the server answers 404 to anyone who may not read it). */
export function useArtifact(id: string) {
  return useQuery({ queryKey: artifactKey(id), queryFn: () => api.get<Artifact>(`/api/artifacts/${encodeURIComponent(id)}`) });
}

type Pages = InfiniteData<Page<Artifact>>;

/** Puts a changed artifact into every list of its partnership that holds it, and its own entry; or takes it out of all of them. */
function useStore() {
  const client = useQueryClient();
  return {
    replace(saved: Artifact) {
      client.setQueriesData<Pages>({ queryKey: artifactsBaseKey(saved.partnershipId) }, (old) =>
        old ? { ...old, pages: old.pages.map((pg) => ({ ...pg, items: pg.items.map((a) => (a.id === saved.id ? saved : a)) })) } : old,
      );
      client.setQueryData(artifactKey(saved.id), saved);
    },
    remove(gone: Artifact) {
      client.setQueriesData<Pages>({ queryKey: artifactsBaseKey(gone.partnershipId) }, (old) =>
        old ? { ...old, pages: old.pages.map((pg) => ({ ...pg, items: pg.items.filter((a) => a.id !== gone.id) })) } : old,
      );
      client.removeQueries({ queryKey: artifactKey(gone.id) });
      void client.invalidateQueries({ queryKey: artifactsBaseKey(gone.partnershipId) });
    },
    /** A new artifact goes first in the lists it belongs in (all of the partnership's, its observation's or goal's); then they refresh. */
    add(saved: Artifact) {
      const lists = [artifactsKey(saved.partnershipId), ...(saved.observationId ? [artifactsKey(saved.partnershipId, { observationId: saved.observationId })] : []), ...(saved.goalId ? [artifactsKey(saved.partnershipId, { goalId: saved.goalId })] : [])];
      for (const key of lists) {
        client.setQueryData<Pages>(key, (old) =>
          old && old.pages.length ? { ...old, pages: [{ ...old.pages[0], items: [saved, ...old.pages[0].items.filter((a) => a.id !== saved.id)] }, ...old.pages.slice(1)] } : old,
        );
      }
      void client.invalidateQueries({ queryKey: artifactsBaseKey(saved.partnershipId) });
    },
  };
}

/** Changes an artifact's note (the server allows it to its uploader: abilities.edit). */
export function useUpdateNote(artifact: Artifact) {
  const store = useStore();
  return useMutation({
    mutationFn: (note: string) => api.patch<Artifact>(`/api/artifacts/${encodeURIComponent(artifact.id)}`, { note }),
    onSuccess: (saved) => store.replace(saved),
  });
}

/** Removes an artifact with its file (abilities.delete). */
export function useRemoveArtifact(artifact: Artifact) {
  const store = useStore();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/artifacts/${encodeURIComponent(artifact.id)}`),
    onSuccess: () => store.remove(artifact),
  });
}

export interface UploadFields {
  file: File;
  note: string;
  observationId?: string;
  goalId?: string;
  subjectId?: string;
}

/** The codes an upload ends with when it never got an answer: no network, or stopped by the person. */
export const UPLOAD_NETWORK = 'NETWORK';
export const UPLOAD_STOPPED = 'UPLOAD_STOPPED';

const normalizePath = (path: string) => path.replace(/^(body|querystring|params)\./, '');

/**
 * Sends one file with its fields as multipart/form-data, reporting the share of it sent
 * (0 to 1) while it goes. Resolves with the stored artifact; rejects with an ApiError whose
 * message is the server's (a size limit, a type it does not take), or with the codes above.
 */
export function sendUpload(partnershipId: string, fields: UploadFields, csrfToken: string, onProgress: (sent: number) => void, signal: AbortSignal): Promise<Artifact> {
  const body = new FormData();
  // The text fields first: the server reads the parts in order and can refuse early.
  body.set('note', fields.note);
  if (fields.observationId) body.set('observationId', fields.observationId);
  if (fields.goalId) body.set('goalId', fields.goalId);
  if (fields.subjectId) body.set('subjectId', fields.subjectId);
  body.set('file', fields.file, fields.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/partnerships/${partnershipId}/artifacts`);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(1, e.loaded / e.total));
    };
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && data) {
        onProgress(1);
        resolve(data as Artifact);
        return;
      }
      const e = (data ?? {}) as { code?: string; message?: string; details?: FieldProblem[] };
      reject(new ApiError(xhr.status, e.code ?? 'UNKNOWN', e.message ?? '', (e.details ?? []).map((d) => ({ path: normalizePath(d.path), message: d.message }))));
    };
    xhr.onerror = () => reject(new ApiError(0, UPLOAD_NETWORK, ''));
    xhr.onabort = () => reject(new ApiError(0, UPLOAD_STOPPED, ''));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

/**
 * Adding evidence: the upload as a mutation, how much of the file has been sent (null before
 * and after), and a way to stop it. A failed upload keeps nothing on the server and leaves the
 * form as it was, so the note typed is still there to try again.
 */
export function useUpload(partnershipId: string) {
  const me = useSignedIn();
  const store = useStore();
  const [progress, setProgress] = useState<number | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mutation = useMutation({
    mutationFn: (fields: UploadFields) => {
      controller.current = new AbortController();
      setProgress(0);
      return sendUpload(partnershipId, fields, me.csrfToken, setProgress, controller.current.signal);
    },
    onSuccess: (saved) => store.add(saved),
    onSettled: () => {
      controller.current = null;
      setProgress(null);
    },
  });
  return { mutation, progress, stop: () => controller.current?.abort() };
}
