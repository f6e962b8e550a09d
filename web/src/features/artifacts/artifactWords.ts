/**
 * Plain helpers for artifacts (photos, documents and student work): their type as the web app
 * reads it, query keys, addresses, and what kind of thing a file is. The words are in messages.ts.
 */
import type { z } from 'zod';
import type * as Api from '../../../../shared/src/api';

/**
 * One artifact as the server sends it. The content type is read as any string, not the
 * server's current list: clips (video, audio) are being added to the same API, and a list
 * that meets a type it does not know shows a plain file with a download link instead of
 * breaking.
 */
export type Artifact = Omit<z.infer<typeof Api.Artifact>, 'contentType'> & { contentType: string };

/** Which artifacts a list shows: all of a partnership's, or those of one observation or one goal. */
export interface ArtifactFilter {
  observationId?: string;
  goalId?: string;
}

/** Every list of a partnership's artifacts starts with this key, so one invalidation refreshes them all. */
export const artifactsBaseKey = (partnershipId: string) => ['artifacts', partnershipId] as const;
export const artifactsKey = (partnershipId: string, filter: ArtifactFilter = {}) =>
  [...artifactsBaseKey(partnershipId), { observationId: filter.observationId ?? null, goalId: filter.goalId ?? null }] as const;
export const artifactKey = (id: string) => ['artifact', id] as const;

export const fileUrl = (id: string) => `/api/artifacts/${encodeURIComponent(id)}/file`;
/** The file shown in the page (a photo large, a clip playing): logged as a view, not a download. */
export const shownUrl = (id: string) => `${fileUrl(id)}?view=1`;
export const thumbnailUrl = (id: string) => `/api/artifacts/${encodeURIComponent(id)}/thumbnail`;
/** Where one artifact is seen large, inside its partnership's Evidence section. */
export const artifactHref = (partnershipId: string, id: string) => `/partnerships/${partnershipId}/evidence/${id}`;
export const evidenceHref = (partnershipId: string) => `/partnerships/${partnershipId}/evidence`;

/** What the file input offers: photos (on a phone, the camera roll) and PDFs. The server reads the bytes and decides. */
export const ACCEPT = 'image/*,application/pdf';
/** The second input's: photos only, straight from the back camera on a phone or tablet. */
export const ACCEPT_CAMERA = 'image/*';

export type ArtifactKind = 'image' | 'pdf' | 'video' | 'audio' | 'file';

/** What kind of thing a file is, for its icon and its words; anything not known is a plain file. */
export function kindOf(contentType: string): ArtifactKind {
  const type = contentType.toLowerCase();
  if (type.startsWith('image/')) return 'image';
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  return 'file';
}

/** The size of a file for people ("240 KB", "1.4 MB"), in the reader's number style. */
export function sizeText(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = Math.max(0, bytes);
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: u < 2 ? 0 : 1 }).format(n)} ${units[u]}`;
}
