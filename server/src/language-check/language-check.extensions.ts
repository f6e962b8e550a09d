/**
 * A program's own language-check rules: JSON files in
 * <dataDir>/language-check/*.json, each a rule set for one language (the shape
 * of shared/src/language-check/rules.en.json). They are read and checked once,
 * at start-up; a file with a problem stops the start with a message naming the
 * file and the problem, as a configuration problem does, rather than leaving
 * the check quietly without the program's words.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  type CompiledLanguageRules,
  type LanguageRuleSet,
  LanguageRulesError,
  builtInLanguageRuleSets,
  compileLanguageRules,
  parseLanguageRuleSet,
} from '../../../shared/src/language-check';
import { ConfigError } from '../config';

export const EXTENSIONS_FOLDER = 'language-check';

export interface LoadedLanguageRules {
  rules: CompiledLanguageRules;
  /** The extension files in force, in the order applied (by name). */
  files: string[];
}

/** The built-in rules plus every extension file, compiled; throws ConfigError listing every problem of every file. */
export function loadLanguageRules(dataDir: string): LoadedLanguageRules {
  const folder = path.join(dataDir, EXTENSIONS_FOLDER);
  const builtIn = builtInLanguageRuleSets();
  let names: string[];
  try {
    names = fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => e.name).sort();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { rules: compileLanguageRules(builtIn), files: [] };
    throw new ConfigError([`${folder}: the language-check extensions folder cannot be read (${(e as Error).message}).`]);
  }
  const files = names.map((name) => path.join(folder, name));
  const problems: string[] = [];
  const sets: LanguageRuleSet[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${file}: ${e instanceof SyntaxError ? `not valid JSON (${e.message})` : `cannot be read (${(e as Error).message})`}.`);
      continue;
    }
    const parsed = parseLanguageRuleSet(json);
    if (parsed.ok) sets.push(parsed.set);
    else problems.push(...parsed.problems.map((p) => `${file}: ${p}`));
  }
  if (problems.length) throw new ConfigError(problems);
  try {
    return { rules: compileLanguageRules([...builtIn, ...sets]), files };
  } catch (e) {
    if (!(e instanceof LanguageRulesError)) throw e;
    // Sets are numbered built-in first; every file parsed, so the n-th extension set is the n-th file.
    throw new ConfigError(e.problems.map((p) => `${files[p.set - builtIn.length] ?? 'built-in rules'}: ${p.message}`));
  }
}
