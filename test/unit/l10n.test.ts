import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getL10nJson, type IScriptFile, type l10nJsonMessageFormat } from '@vscode/l10n-dev';

/** Regenerates l10n/bundle.l10n.json from src/; the failure messages tell the reader to run it. */
const EXPORT_COMMAND = 'npm run l10n:export';

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

/** The files `l10n-dev export ./src` reads: the same pattern, so the test and the command agree. */
function scriptFiles(dir: string): IScriptFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scriptFiles(path);
    return /\.(ts|tsx|js|jsx)$/u.test(path) ? [{ extension: extname(path), contents: readFileSync(path, 'utf8') }] : [];
  });
}

/** A bundle entry is the message itself, or `{ message, comment }` when l10n.t was given a comment. */
function englishText(value: l10nJsonMessageFormat): string {
  return typeof value === 'string' ? value : value.message;
}

/**
 * What a translation must carry over untouched: the {N} placeholders l10n.t fills in, and the
 * targets of Markdown links (welcome-view buttons are `command:` links).
 */
function fixedParts(text: string): string[] {
  const placeholders = text.match(/\{\d+\}/gu) ?? [];
  const linkTargets = [...text.matchAll(/\]\(([^)]*)\)/gu)].map((match) => `(${match[1]})`);
  return [...new Set([...placeholders, ...linkTargets])].sort();
}

/** One line per problem, naming the key: missing or empty, fixed parts changed, or no longer in English. */
function translationProblems(english: Record<string, string>, translated: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, text] of Object.entries(english)) {
    const translation = translated[key];
    if (typeof translation !== 'string' || translation.trim() === '') {
      problems.push(`missing: ${JSON.stringify(key)}`);
    } else if (fixedParts(translation).join(' ') !== fixedParts(text).join(' ')) {
      problems.push(`keeps ${fixedParts(translation).join(' ') || 'nothing'} instead of ${fixedParts(text).join(' ')}: ${JSON.stringify(key)}`);
    }
  }
  // A stale key is a translation of a string that was reworded or removed: the new wording needs one.
  for (const key of Object.keys(translated)) {
    if (!(key in english)) problems.push(`not in the English file any more: ${JSON.stringify(key)}`);
  }
  return problems;
}

/** Every `%key%` in package.json, wherever it sits in the manifest. */
function manifestKeys(value: unknown): string[] {
  if (typeof value === 'string') return /^%(.+)%$/u.exec(value)?.slice(1) ?? [];
  if (Array.isArray(value)) return value.flatMap(manifestKeys);
  if (value && typeof value === 'object') return Object.values(value).flatMap(manifestKeys);
  return [];
}

describe('localisation', () => {
  it(`has every l10n.t string of src/ in l10n/bundle.l10n.json (else run ${EXPORT_COMMAND})`, async function () {
    // The extraction parses every file with tree-sitter: a second or two, more on a cold machine.
    this.timeout(30_000);
    const extracted = await getL10nJson(scriptFiles('src'));
    const committed = readJson('l10n/bundle.l10n.json');
    const missing = Object.keys(extracted).filter((key) => !(key in committed));
    const unused = Object.keys(committed).filter((key) => !(key in extracted));
    assert.ok(
      missing.length === 0 && unused.length === 0,
      [
        `l10n/bundle.l10n.json does not match src/: run \`${EXPORT_COMMAND}\`, then translate the new strings in l10n/bundle.l10n.fr.json.`,
        ...missing.map((key) => `  missing: ${JSON.stringify(key)}`),
        ...unused.map((key) => `  no longer in src/: ${JSON.stringify(key)}`),
      ].join('\n'),
    );
  });

  it('translates every string of l10n/bundle.l10n.json into French, keeping its placeholders', () => {
    const english = Object.fromEntries(
      Object.entries(readJson('l10n/bundle.l10n.json') as Record<string, l10nJsonMessageFormat>).map(([key, value]) => [key, englishText(value)]),
    );
    const problems = translationProblems(english, readJson('l10n/bundle.l10n.fr.json'));
    assert.deepEqual(problems, [], `l10n/bundle.l10n.fr.json:\n  ${problems.join('\n  ')}`);
  });

  it('defines every %key% of package.json in package.nls.json', () => {
    const defined = readJson('package.nls.json');
    const undefinedKeys = [...new Set(manifestKeys(readJson('package.json')))].filter((key) => !(key in defined));
    assert.deepEqual(undefinedKeys, [], `package.json uses keys package.nls.json does not define: ${undefinedKeys.join(', ')}`);
  });

  it('translates every string of package.nls.json into French', () => {
    const problems = translationProblems(readJson('package.nls.json') as Record<string, string>, readJson('package.nls.fr.json'));
    assert.deepEqual(problems, [], `package.nls.fr.json:\n  ${problems.join('\n  ')}`);
  });
});
