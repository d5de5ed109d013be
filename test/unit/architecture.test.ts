import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  it('keeps vscode out of src/api, so the API module runs in plain Node', () => {
    const offenders = sourceFiles('src/api').filter((file) =>
      /from ['"]vscode['"]|require\(['"]vscode['"]\)/u.test(readFileSync(file, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it("never imports undici's package root at run time, which would replace every extension's fetch dispatcher", () => {
    // Declaration files only describe types; the deep-import declarations in src/api name the root for its types.
    const offenders = sourceFiles('src').filter((file) => !file.endsWith('.d.ts')).filter((file) => {
      const runtimeImports = readFileSync(file, 'utf8').replace(/import type[^;]+;/gu, '');
      return /from ['"]undici['"]|require\(['"]undici['"]\)|import\(['"]undici['"]\)/u.test(runtimeImports);
    });
    assert.deepEqual(offenders, []);
  });
});
