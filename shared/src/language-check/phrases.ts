/**
 * The small phrase language the rule files are written in, and the folding
 * that makes matching case- and accent-insensitive. A program leader writes
 * phrases, never regular expressions, and every phrase compiles to a pattern
 * without nested repetition, tried only where a word starts, with at most one
 * wildcard in a word: a match is tried in time proportional to the words it
 * covers, so no rule file can make the check slow.
 *
 *   you should            words; a space matches any spaces, a comma or a hyphen
 *   aburrid{o,a,os,as}    one of several spellings (an empty one is allowed: job{,s})
 *   you [really] should   optional words
 *   # out of #            # is a number (8, 3.5, 7,5)
 *   rate * # out of #     * alone is any one word
 *   calific*              * inside a word is any letters (calificar, calificación…); one per word
 *   ^ try                 ^ first: only at the start of a sentence
 *
 * Phrases are folded like the text (lowercase, accents removed, curly
 * apostrophes straight), so "Deberías" in a file matches "deberias" and
 * "DEBERÍAS". An apostrophe may be left out: "don't" matches "dont".
 */

const COMBINING_MARK = /\p{M}/gu;
const foldCache = new Map<number, string>();

/** One UTF-16 unit folded: '' for a combining mark, else exactly one unit. */
function foldUnit(code: number): string {
  if (code < 0x80) return String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
  let folded = foldCache.get(code);
  if (folded === undefined) {
    const ch = String.fromCharCode(code);
    if (code === 0x2018 || code === 0x2019 || code === 0x02bc) folded = "'";
    else {
      const bare = ch.normalize('NFD').replace(COMBINING_MARK, '').toLowerCase();
      // A mark on its own disappears; a letter that would grow (ǅ → dz) stays as it was.
      folded = bare.length === 1 ? bare : /^\p{M}$/u.test(ch) ? '' : ch;
    }
    foldCache.set(code, folded);
  }
  return folded;
}

export interface Folded {
  text: string;
  /** Where each unit of `text` (and its end) was in the original, or null when no unit was dropped. */
  origin: Int32Array | null;
}

/** Lowercase, accents removed, apostrophes straight; offsets kept so a match maps back to the original. */
export function fold(text: string): Folded {
  if (!/[^\x00-\x7f]/.test(text)) return { text: text.toLowerCase(), origin: null };
  const out: string[] = [];
  let origin: Int32Array | null = null;
  for (let i = 0; i < text.length; i++) {
    const unit = foldUnit(text.charCodeAt(i));
    if (unit === '' && !origin) {
      origin = new Int32Array(text.length + 1);
      for (let j = 0; j < out.length; j++) origin[j] = j;
    }
    if (unit !== '') {
      if (origin) origin[out.length] = i;
      out.push(unit);
    }
  }
  if (origin) origin[out.length] = text.length;
  return { text: out.join(''), origin: origin ? origin.subarray(0, out.length + 1) : null };
}

// ---------- phrase → pattern ----------

/** Between two words: spaces, or a comma or dash with optional spaces ("next time, try", "well-planned"). */
const SEP = '[\\s,\\-\u2013\u2014]+';
const NUMBER = '\\d+(?:[.,]\\d+)?';
/**
 * Letters and digits as they are after folding: ASCII, the Latin letters with
 * no accent to remove (ß, æ, ø, ł…), Greek and Cyrillic. Written out rather than
 * \\p{L}: a Unicode property costs a fraction of a millisecond to compile in
 * every pattern, and the rules make hundreds of patterns (in the browser, while
 * the coach waits).
 */
const LETTER = 'a-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff';
export const LETTER_OR_DIGIT = `0-9${LETTER}`;
const WORD = `[${LETTER_OR_DIGIT}]+(?:'[${LETTER}]+)?`;
const LETTERS = `[${LETTER}]*`;
/** The start of a sentence: the start of the text, or after . ! ? ¡ ¿ … : ; a line break or an opening bracket, then up to a few spaces or quotes. */
const SENTENCE_START = `(?<=^|[.!?\u00a1\u00bf\u2026:;\\n(][\\s"'\u201c\u201d\u00ab\u00bb)]{0,6})`;
/** Word edges: a match never starts or ends inside a word. */
export const WORD_START = `(?<![${LETTER_OR_DIGIT}])`;
export const WORD_END = `(?![${LETTER_OR_DIGIT}])`;

type Part = { t: 'sep' } | { t: 'lit'; s: string } | { t: 'alt'; options: Part[][] } | { t: 'opt'; body: Part[] } | { t: 'num' } | { t: 'word' } | { t: 'letters' } | { t: 'start' };

class PhraseError extends Error {}

const SPECIAL = new Set(['{', '}', '[', ']', ',', '#', '*', '^', ' ']);

/** Parses a folded phrase into parts; throws PhraseError with a plain explanation. */
function parse(phrase: string): Part[] {
  let i = 0;
  /** Wildcards in the current word: two (*a*) could make one long word take quadratic time. */
  let wildcards = 0;
  const isWordish = (c: string | undefined) => c !== undefined && !SPECIAL.has(c);
  const seq = (closers: string): Part[] => {
    const parts: Part[] = [];
    while (i < phrase.length && !closers.includes(phrase[i])) {
      const c = phrase[i];
      if (c === ' ') {
        while (phrase[i] === ' ') i++;
        wildcards = 0;
        // No separator after "^": the sentence start is a place, not a word.
        if (parts.length && parts.at(-1)!.t !== 'sep' && parts.at(-1)!.t !== 'start') parts.push({ t: 'sep' });
        continue;
      }
      if (c === '{') {
        i++;
        // Only one spelling applies at a time: count each one's wildcards from the same start.
        const before = wildcards;
        let most = before;
        const option = () => {
          wildcards = before;
          const parts = seq(',}');
          most = Math.max(most, wildcards);
          return parts;
        };
        const options: Part[][] = [option()];
        while (phrase[i] === ',') {
          i++;
          options.push(option());
        }
        wildcards = most;
        if (phrase[i] !== '}') throw new PhraseError('a "{" is not closed with "}"');
        i++;
        if (options.length < 2) throw new PhraseError('"{…}" needs at least two spellings separated by commas, e.g. {o,a}');
        parts.push({ t: 'alt', options });
        continue;
      }
      if (c === '[') {
        i++;
        const body = seq(']');
        if (phrase[i] !== ']') throw new PhraseError('a "[" is not closed with "]"');
        i++;
        if (!body.some((p) => p.t !== 'sep')) throw new PhraseError('"[…]" is empty');
        parts.push({ t: 'opt', body: trimSeps(body) });
        continue;
      }
      if (c === '}' || c === ']') throw new PhraseError(`a "${c}" has nothing to close`);
      if (c === ',') throw new PhraseError('a comma belongs inside "{…}" (a space in a phrase already matches a comma in the text)');
      if (c === '#') {
        parts.push({ t: 'num' });
        i++;
        continue;
      }
      if (c === '^') {
        if (parts.length || closers) throw new PhraseError('"^" (start of a sentence) can only begin a phrase');
        parts.push({ t: 'start' });
        i++;
        continue;
      }
      if (c === '*') {
        if (++wildcards > 1) throw new PhraseError('use at most one "*" in a word');
        const alone = !isWordish(phrase[i - 1]) && phrase[i - 1] !== '}' && !isWordish(phrase[i + 1]) && phrase[i + 1] !== '{';
        parts.push(alone ? { t: 'word' } : { t: 'letters' });
        i++;
        continue;
      }
      let s = '';
      while (isWordish(phrase[i])) s += phrase[i++];
      parts.push({ t: 'lit', s });
    }
    return parts;
  };
  const parts = seq('');
  if (i < phrase.length) throw new PhraseError(`a "${phrase[i]}" has nothing to close`);
  const trimmed = trimSeps(parts);
  if (!trimmed.some((p) => p.t === 'lit' || p.t === 'num' || p.t === 'alt')) throw new PhraseError('a phrase needs at least one word or number to look for');
  return trimmed;
}

const trimSeps = (parts: Part[]) => {
  let a = 0;
  let b = parts.length;
  while (a < b && parts[a].t === 'sep') a++;
  while (b > a && parts[b - 1].t === 'sep') b--;
  return parts.slice(a, b);
};

const escapeLiteral = (s: string) =>
  [...s].map((c) => (c === "'" ? "'?" : c === '/' ? '\\s?/\\s?' : /[\\^$.*+?()[\]{}|]/.test(c) ? `\\${c}` : c)).join('');

function emit(parts: Part[]): string {
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.t === 'opt') {
      // "you [really] should": the optional words take one of the separators with them.
      if (parts[k + 1]?.t === 'sep') {
        out += `(?:${emit(p.body)}${SEP})?`;
        k++;
      } else if (out.endsWith(SEP)) {
        out = `${out.slice(0, -SEP.length)}(?:${SEP}${emit(p.body)})?`;
      } else out += `(?:${emit(p.body)})?`;
      continue;
    }
    out += p.t === 'sep' ? SEP : p.t === 'lit' ? escapeLiteral(p.s) : p.t === 'num' ? NUMBER : p.t === 'word' ? WORD : p.t === 'letters' ? LETTERS : p.t === 'start' ? SENTENCE_START : `(?:${p.options.map(emit).sort((a, b) => b.length - a.length).join('|')})`;
  }
  return out;
}

/** The pattern source for one phrase (without word edges), or a plain sentence saying what is wrong with it. */
export function phrasePattern(phrase: string): { source: string } | { problem: string } {
  try {
    return { source: emit(parse(fold(phrase.trim()).text)) };
  } catch (e) {
    if (e instanceof PhraseError) return { problem: e.message };
    throw e;
  }
}

// ---------- the first word of a phrase, for the index ----------

/**
 * Where a phrase can start: at one of these whole words (apostrophes left
 * out), at a word beginning with `prefix`, at a number, or anywhere (a phrase
 * that starts with punctuation or a wildcard: found by scanning the text).
 */
export type PhraseStart = { words: string[] } | { prefix: string } | { number: true } | { anywhere: true };

/** Spellings of one phrase with its leading options and alternatives spelled out, so each starts with something definite. */
export interface PhraseVariant {
  start: PhraseStart;
  /** The pattern source of this spelling, to be tried where it can start (without word edges). */
  source: string;
}

const MAX_SPELLINGS = 256;
const WORD_KEY = new RegExp(`^[${LETTER_OR_DIGIT}']+`);

/** Leading "[…]" and "{…}" spelled out: "[the] next time" is "the next time" and "next time". */
function expandHead(parts: Part[], budget: { left: number }): Part[][] {
  const [head, ...rest] = parts;
  if (--budget.left < 0 || !head) return [parts];
  if (head.t === 'start') return expandHead(rest, budget).map((v) => [head, ...v]);
  if (head.t === 'opt') return [...expandHead([...head.body, ...rest], budget), ...expandHead(trimSeps(rest), budget)];
  if (head.t === 'alt' && head.options.every((o) => o.length)) return head.options.flatMap((o) => expandHead([...o, ...rest], budget));
  return [parts];
}

/** The words a first token can be, if it is only letters and {…} spellings of letters. */
function spellings(token: Part[]): string[] | null {
  let words = [''];
  for (const p of token) {
    if (p.t === 'lit') words = words.map((w) => w + p.s);
    else if (p.t === 'alt' && p.options.every((o) => o.every((q) => q.t === 'lit'))) {
      const options = p.options.map((o) => o.map((q) => (q as { s: string }).s).join(''));
      words = words.flatMap((w) => options.map((o) => w + o));
    } else return null;
    if (words.length > MAX_SPELLINGS) return null;
  }
  return words;
}

function startOf(parts: Part[]): PhraseStart {
  const body = parts[0]?.t === 'start' ? parts.slice(1) : parts;
  const end = body.findIndex((p) => p.t === 'sep');
  const token = end < 0 ? body : body.slice(0, end);
  if (token[0]?.t === 'num') return { number: true };
  const words = spellings(token);
  if (words) {
    // The text's words run over letters, digits and inner apostrophes; a token like "a+" starts at the word "a".
    const keys = words.map((w) => (WORD_KEY.exec(w)?.[0] ?? '').replaceAll("'", ''));
    return keys.every((k) => k.length) ? { words: [...new Set(keys)] } : { anywhere: true };
  }
  // "calific*": any word that begins with the letters before the wildcard.
  const first = token[0];
  const lead = first?.t === 'lit' ? (WORD_KEY.exec(first.s)?.[0] ?? '') : '';
  return first?.t === 'lit' && lead && lead === first.s && !lead.includes("'") ? { prefix: lead } : { anywhere: true };
}

/** A phrase as the spellings the index files under their first word; or what is wrong with it. */
export function phraseVariants(phrase: string): { variants: PhraseVariant[] } | { problem: string } {
  let parts: Part[];
  try {
    parts = parse(fold(phrase.trim()).text);
  } catch (e) {
    if (e instanceof PhraseError) return { problem: e.message };
    throw e;
  }
  const budget = { left: MAX_SPELLINGS };
  const expanded = expandHead(parts, budget);
  if (budget.left < 0) return { variants: [{ start: { anywhere: true }, source: emit(parts) }] };
  return { variants: expanded.map((v) => ({ start: startOf(v), source: emit(v) })) };
}
