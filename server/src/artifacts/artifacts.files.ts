/**
 * What an uploaded file is, and what is kept of it. The type is read from the bytes (file-type's
 * magic numbers), never from the name or the browser's Content-Type; images are decoded and
 * written again by sharp, so what is stored is pixels and nothing else.
 *
 * Threats: a photo's EXIF telling anyone who downloads it where a classroom is (GPS), when, and
 * with which phone; a file named .jpg holding HTML or a script that a browser would run; an
 * image crafted to be huge once decoded. Re-encoding drops every metadata block (EXIF, XMP,
 * IPTC, comments) after turning the pixels upright by the EXIF orientation; only JPEG, PNG
 * and PDF are ever stored; sharp refuses images over its pixel limit.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import type { ArtifactContentType } from '../../../shared/src/api';
import type { Language } from '../../../shared/src/i18n';
import { AppError } from '../platform/errors';

/** What an artifact is stored as: an image (re-encoded), a PDF, or a video or audio clip (media.ts). */
export type StoredType = ArtifactContentType;

export interface Prepared {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png' | 'application/pdf';
  width: number | null;
  height: number | null;
  /** A small WebP of an image (320 px wide at most); null for a PDF. */
  thumbnail: Buffer | null;
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif']);
const THUMB_WIDTH = 320;
/** 50 megapixels: any phone photo, far below what would exhaust memory once decoded. */
const MAX_PIXELS = 50_000_000;

/**
 * Reads what the bytes are and prepares what is stored: an image re-encoded without metadata
 * (JPEG for photos, PNG where there is transparency or the original was lossless) with its
 * thumbnail; a PDF as it came. Anything else is refused (415), a damaged image too (422).
 * (Video and audio clips are read by media.ts before this is asked.)
 */
export async function prepareUpload(bytes: Buffer): Promise<Prepared> {
  const found = await fileTypeFromBuffer(bytes);
  const mime = found?.mime as string | undefined;
  if (mime === 'application/pdf') return { bytes, contentType: 'application/pdf', width: null, height: null, thumbnail: null };
  if (mime === 'image/heic' || mime === 'image/heif' || mime === 'image/heic-sequence' || mime === 'image/heif-sequence') throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'artifactHeic');
  if (!mime || !IMAGE_TYPES.has(mime)) throw new AppError('UNSUPPORTED_MEDIA_TYPE', { key: 'artifactType', values: { found: mime ?? 'unknown' } });
  try {
    // The first frame of a GIF (pages: 1 is sharp's default); failOn 'warning' refuses a truncated or damaged file.
    const decoded = sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_PIXELS });
    const meta = await decoded.metadata();
    const lossless = mime === 'image/png' || mime === 'image/gif' || !!meta.hasAlpha;
    // rotate() with no angle turns the pixels upright by the EXIF orientation, before the orientation tag is dropped with the rest.
    const upright = decoded.rotate();
    const { data, info } = await (lossless ? upright.png({ compressionLevel: 6 }) : upright.jpeg({ quality: 85 })).toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data).resize({ width: THUMB_WIDTH, withoutEnlargement: true }).webp({ quality: 72 }).toBuffer();
    return { bytes: data, contentType: lossless ? 'image/png' : 'image/jpeg', width: info.width, height: info.height, thumbnail };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('UNPROCESSABLE', 'artifactCorrupt');
  }
}

const EXTENSION: Record<StoredType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
};

/**
 * The name kept for a file: the last part of what the device sent, without control characters,
 * ending in the extension of what is stored (a HEIC or WebP photo stored as JPEG says .jpg).
 */
export function storedName(sent: string | undefined, type: StoredType): string {
  const base = (sent ?? '').split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim() || 'file';
  const stem = base.replace(/\.(jpe?g|png|webp|gif|heic|heif|pdf|jfif|mp4|m4v|mov|qt|webm|mkv|mp3|m4a|aac|ogg|oga|opus|wav)$/i, '').slice(0, 150) || 'file';
  return `${stem}.${EXTENSION[type]}`;
}

/**
 * Content-Disposition for a stored name: an ASCII fallback with nothing that could end the
 * quoted string or the header, and the exact name as RFC 5987 UTF-8.
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\;%]/g, '_').trim() || 'file';
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** A size in words for messages: "20 MB", "1.5 GB", "812 KB" (powers of 1024, as the settings are read). */
export function sizeInWords(bytes: number, language: Language): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let n = Math.max(0, bytes);
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: u === 0 ? 0 : 1 }).format(n)} ${units[u]}`;
}
