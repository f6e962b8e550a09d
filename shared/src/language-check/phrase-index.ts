/**
 * Finding many phrases in a text in one walk over its words. Each phrase is
 * filed under the words it can start with; the text's words are visited once,
 * and at each only the phrases filed under it are tried, anchored there
 * (sticky patterns). A few phrases have no definite first word (one that starts
 * with punctuation, like "¿por qué no", or with a wildcard): those are found by
 * scanning the text. This is what keeps a 2,000-word text well under 5 ms with
 * hundreds of phrases.
 */
import { LETTER_OR_DIGIT, WORD_END, WORD_START, phraseVariants } from './phrases';

/** A word of the (folded) text: where it starts, and its letters without apostrophes. */
export interface TextWord {
  start: number;
  key: string;
}

const TEXT_WORDS = new RegExp(`[${LETTER_OR_DIGIT}]+(?:'[${LETTER_OR_DIGIT}]+)*`, 'g');

export function wordsOf(text: string): TextWord[] {
  const words: TextWord[] = [];
  TEXT_WORDS.lastIndex = 0;
  for (let m = TEXT_WORDS.exec(text); m; m = TEXT_WORDS.exec(text)) {
    words.push({ start: m.index, key: m[0].includes("'") ? m[0].replaceAll("'", '') : m[0] });
  }
  return words;
}

interface Entry<T> {
  payload: T;
  pattern: RegExp;
}

const alternation = (sources: Iterable<string>) => [...new Set(sources)].join('|');

export class PhraseIndex<T> {
  private readonly byWord = new Map<string, Array<Entry<T>>>();
  private readonly byPrefix: Array<{ prefix: string; entry: Entry<T> }> = [];
  private readonly atNumbers: Array<Entry<T>> = [];
  private readonly scans: Array<Entry<T>> = [];

  /** Groups of phrases, each with what a match reports (a rule); problems are reported per group and the phrase left out. */
  constructor(groups: Array<{ payload: T; phrases: readonly string[] }>, problem: (payload: T, message: string) => void) {
    for (const { payload, phrases } of groups) {
      const byWord = new Map<string, string[]>();
      const byPrefix = new Map<string, string[]>();
      const atNumbers: string[] = [];
      const anywhere: string[] = [];
      for (const phrase of phrases) {
        const compiled = phraseVariants(phrase);
        if ('problem' in compiled) {
          problem(payload, `"${phrase}": ${compiled.problem}.`);
          continue;
        }
        for (const { start, source } of compiled.variants) {
          if ('words' in start) for (const w of start.words) byWord.set(w, [...(byWord.get(w) ?? []), source]);
          else if ('prefix' in start) byPrefix.set(start.prefix, [...(byPrefix.get(start.prefix) ?? []), source]);
          else if ('number' in start) atNumbers.push(source);
          else anywhere.push(source);
        }
      }
      // One anchored pattern per spelling: an alternation stops at the first spelling that fits, and the longest must win.
      const sticky = (sources: string[]) => [...new Set(sources)].map((source) => ({ payload, pattern: new RegExp(`(?:${source})${WORD_END}`, 'uy') }));
      for (const [word, sources] of byWord) this.byWord.set(word, [...(this.byWord.get(word) ?? []), ...sticky(sources)]);
      for (const [prefix, sources] of byPrefix) for (const entry of sticky(sources)) this.byPrefix.push({ prefix, entry });
      this.atNumbers.push(...sticky(atNumbers));
      if (anywhere.length) this.scans.push({ payload, pattern: new RegExp(`${WORD_START}(?:${alternation(anywhere)})${WORD_END}`, 'gu') });
    }
  }

  get empty(): boolean {
    return !this.byWord.size && !this.byPrefix.length && !this.atNumbers.length && !this.scans.length;
  }

  /** Calls `found` for every match, overlapping ones included (at most one per spelling and starting word). */
  find(text: string, words: readonly TextWord[], found: (payload: T, start: number, end: number) => void): void {
    const tryAt = (entry: Entry<T>, at: number) => {
      entry.pattern.lastIndex = at;
      const m = entry.pattern.exec(text);
      if (m && m[0].length) found(entry.payload, at, at + m[0].length);
    };
    for (const word of words) {
      const entries = this.byWord.get(word.key);
      if (entries) for (const entry of entries) tryAt(entry, word.start);
      for (const { prefix, entry } of this.byPrefix) if (word.key.startsWith(prefix)) tryAt(entry, word.start);
      if (this.atNumbers.length) {
        const c = text.charCodeAt(word.start);
        if (c >= 48 && c <= 57) for (const entry of this.atNumbers) tryAt(entry, word.start);
      }
    }
    for (const { payload, pattern } of this.scans) {
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        if (m[0].length) found(payload, m.index, m.index + m[0].length);
        else pattern.lastIndex++;
      }
    }
  }
}
