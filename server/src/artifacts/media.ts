/**
 * Video and audio clips: what the bytes are (file-type's magic numbers, never the name), what
 * ffprobe reads of them (length, tracks) and a poster frame from ffmpeg (Debian's package), made
 * into a small WebP by sharp. A clip is stored as it came: only images are re-encoded.
 *
 * Threats: a file named .mp4 holding a page a browser would run (the type comes from the bytes,
 * and the file is served with that type and nosniff); a crafted file that makes ffmpeg read other
 * files or addresses (each run names its demuxer from the sniffed type, reads only the one file,
 * no network protocols, and is killed after a time limit); a half-read file passed off as a clip
 * (ffprobe must read it, or nothing is stored).
 *
 * Without ffprobe or ffmpeg on the server the clip is still kept, with a note saying what Tandem
 * could not do (MEDIA_NOTES); the operator's README says how to install them.
 */
import { execFile } from 'node:child_process';
import { fileTypeFromFile } from 'file-type';
import sharp from 'sharp';
import type { ArtifactContentType } from '../../../shared/src/api';
import type { Language } from '../../../shared/src/i18n';
import { catalog } from '../../../shared/src/i18n';
import { format } from '../../../shared/src/i18n-format';
import type { Config } from '../config';
import { AppError } from '../platform/errors';

export type ClipType = Extract<ArtifactContentType, `video/${string}` | `audio/${string}`>;

/** Sniffed types taken as clips: what is stored, what it is with no picture, and ffmpeg's demuxer for it. */
const CLIPS: Record<string, { type: ClipType; audioOnly: ClipType; demuxer: string }> = {
  'video/mp4': { type: 'video/mp4', audioOnly: 'audio/mp4', demuxer: 'mov' },
  'video/quicktime': { type: 'video/quicktime', audioOnly: 'audio/mp4', demuxer: 'mov' },
  'video/webm': { type: 'video/webm', audioOnly: 'audio/webm', demuxer: 'matroska' },
  'audio/mp4': { type: 'audio/mp4', audioOnly: 'audio/mp4', demuxer: 'mov' },
  'audio/x-m4a': { type: 'audio/mp4', audioOnly: 'audio/mp4', demuxer: 'mov' },
  'audio/webm': { type: 'audio/webm', audioOnly: 'audio/webm', demuxer: 'matroska' },
  'audio/mpeg': { type: 'audio/mpeg', audioOnly: 'audio/mpeg', demuxer: 'mp3' },
  'audio/ogg': { type: 'audio/ogg', audioOnly: 'audio/ogg', demuxer: 'ogg' },
  'audio/opus': { type: 'audio/ogg', audioOnly: 'audio/ogg', demuxer: 'ogg' },
  'audio/wav': { type: 'audio/wav', audioOnly: 'audio/wav', demuxer: 'wav' },
  'audio/vnd.wave': { type: 'audio/wav', audioOnly: 'audio/wav', demuxer: 'wav' },
  'audio/x-wav': { type: 'audio/wav', audioOnly: 'audio/wav', demuxer: 'wav' },
};

/** What the first bytes of a file say it is ("audio/ogg; codecs=opus" read as "audio/ogg"), or null. */
export async function sniffFile(file: string): Promise<string | null> {
  const found = await fileTypeFromFile(file);
  return found?.mime.split(';')[0]!.trim() ?? null;
}

export const isClipType = (mime: string | null): mime is string => !!mime && mime in CLIPS;

/** Why a clip's facts are incomplete, shown to readers as a sentence (mediaWords). */
export const MEDIA_NOTES = ['no_ffmpeg', 'no_poster', 'no_duration', 'no_audio'] as const;
export type MediaNote = (typeof MEDIA_NOTES)[number];

export const mediaWords = catalog({
  en: {
    no_ffmpeg: "Tandem could not read this clip's length or make a poster: this server has no ffmpeg.",
    no_poster: 'Tandem could not make a poster for this clip: this server has no ffmpeg.',
    no_duration: "Tandem could not read this clip's length, so comments are not checked against its end.",
    no_audio: 'This clip has no sound.',
  },
  es: {
    no_ffmpeg: 'Tandem no pudo leer la duración de este clip ni hacer una imagen de portada: este servidor no tiene ffmpeg.',
    no_poster: 'Tandem no pudo hacer una imagen de portada para este clip: este servidor no tiene ffmpeg.',
    no_duration: 'Tandem no pudo leer la duración de este clip, así que no se comprueba que los comentarios caigan antes del final.',
    no_audio: 'Este clip no tiene sonido.',
  },
});

/** The sentences for a stored note ("no_audio,no_poster"), in the reader's language; null when nothing is missing. */
export function noteIn(language: Language, stored: string | null): string | null {
  const codes = (stored ?? '').split(',').filter((c): c is MediaNote => (MEDIA_NOTES as readonly string[]).includes(c));
  return codes.length ? codes.map((c) => format(language, mediaWords, c)).join(' ') : null;
}

export interface ClipFacts {
  contentType: ClipType;
  durationMs: number | null;
  /** null: not read (no ffprobe). */
  hasAudio: boolean | null;
  hasVideo: boolean | null;
  width: number | null;
  height: number | null;
  /** A small WebP of a frame about a second in (the first frame of a shorter clip); null for audio or without ffmpeg. */
  poster: Buffer | null;
  notes: MediaNote[];
}

type Tools = Pick<Config, 'ffmpegPath' | 'ffprobePath'>;

const PROBE_TIMEOUT_MS = 60_000;
const POSTER_TIMEOUT_MS = 120_000;
const POSTER_WIDTH = 320;

/** Runs a program; 'missing' when it is not installed (or not runnable), else its output or its failure. */
function run(program: string, args: string[], timeout: number): Promise<{ ok: true; stdout: Buffer } | { ok: false; missing: boolean; stderr: string }> {
  return new Promise((resolve) => {
    execFile(program, args, { encoding: 'buffer', timeout, maxBuffer: 32 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return resolve({ ok: true, stdout });
      const code = (err as NodeJS.ErrnoException).code;
      resolve({ ok: false, missing: code === 'ENOENT' || code === 'EACCES', stderr: String(stderr ?? '').slice(0, 2000) });
    });
  });
}

// Input options for every run: no network or other files (only the one file), and the demuxer of the sniffed type.
const inputArgs = (demuxer: string, file: string, seekSeconds?: number) => ['-protocol_whitelist', 'file', '-f', demuxer, ...(seekSeconds ? ['-ss', String(seekSeconds)] : []), '-i', file];

interface Probe {
  streams?: Array<{ codec_type?: string; width?: number; height?: number; duration?: string; disposition?: { attached_pic?: number } }>;
  format?: { duration?: string };
}

/**
 * Reads a clip: its type (a video container with no picture is stored as audio), length, tracks and
 * poster. Refuses (422) a file ffprobe cannot read, or one with neither sound nor picture.
 */
export async function readClip(file: string, sniffed: string, tools: Tools): Promise<ClipFacts> {
  const kind = CLIPS[sniffed];
  if (!kind) throw new Error(`not a clip type: ${sniffed}`);
  const probed = await run(tools.ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', ...inputArgs(kind.demuxer, file)], PROBE_TIMEOUT_MS);
  if (!probed.ok && probed.missing) {
    // Kept as it came; the note tells readers what could not be read.
    return { contentType: kind.type, durationMs: null, hasAudio: null, hasVideo: null, width: null, height: null, poster: null, notes: ['no_ffmpeg'] };
  }
  let probe: Probe;
  try {
    if (!probed.ok) throw new Error(probed.stderr);
    probe = JSON.parse(probed.stdout.toString('utf8')) as Probe;
  } catch {
    throw new AppError('UNPROCESSABLE', 'clipCorrupt');
  }
  const streams = probe.streams ?? [];
  // An MP3's or M4A's cover art is a picture "stream" too; it is not a video.
  const video = streams.find((st) => st.codec_type === 'video' && !st.disposition?.attached_pic);
  const hasAudio = streams.some((st) => st.codec_type === 'audio');
  if (!video && !hasAudio) throw new AppError('UNPROCESSABLE', 'clipCorrupt');
  const seconds = Number(probe.format?.duration ?? video?.duration ?? NaN);
  const durationMs = Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
  const notes: MediaNote[] = [];
  if (durationMs === null) notes.push('no_duration');
  if (video && !hasAudio) notes.push('no_audio');
  let poster: Buffer | null = null;
  if (video) {
    const made = await posterOf(file, kind.demuxer, durationMs, tools);
    if (made === 'missing') notes.push('no_poster');
    else poster = made;
  }
  return {
    contentType: video ? kind.type : kind.audioOnly,
    durationMs,
    hasAudio,
    hasVideo: !!video,
    width: video?.width ?? null,
    height: video?.height ?? null,
    poster,
    notes,
  };
}

/** One frame about a second in (the first frame of a clip under two seconds) as a small WebP; null when no frame could be made. */
async function posterOf(file: string, demuxer: string, durationMs: number | null, tools: Tools): Promise<Buffer | null | 'missing'> {
  const frameAt = async (seconds: number) => {
    const out = await run(tools.ffmpegPath, ['-nostdin', '-v', 'error', ...inputArgs(demuxer, file, seconds), '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'], POSTER_TIMEOUT_MS);
    if (!out.ok) return out.missing ? ('missing' as const) : null;
    return out.stdout.length ? out.stdout : null;
  };
  const png = (durationMs !== null && durationMs >= 2000 ? await frameAt(1) : null) ?? (await frameAt(0));
  if (png === 'missing' || png === null) return png;
  try {
    return await sharp(png).resize({ width: POSTER_WIDTH, withoutEnlargement: true }).webp({ quality: 72 }).toBuffer();
  } catch {
    return null;
  }
}
