// Builds the extension bundle (dist/extension.js) and, with --tests, the unbundled test tree (out/).
//   node esbuild.mjs               development bundle with source maps
//   node esbuild.mjs --production  minified bundle, what `npm run package` ships
//   node esbuild.mjs --watch       rebuild the development bundle on change
//   node esbuild.mjs --tests       also compile src/ and test/ file by file into out/ for mocha
import * as esbuild from 'esbuild';
import { mkdirSync, readdirSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const tests = process.argv.includes('--tests');

/**
 * undici carries two HTTP parsers as base64 WebAssembly in its JavaScript (about 72 KB each): a SIMD
 * one, used wherever VS Code runs, and a plain fallback (no-SIMD machines, UNDICI_NO_WASM_SIMD=1).
 * The fallback ships as a binary file beside the bundle and is read only if it is ever needed.
 */
const FALLBACK_PARSER_FILE = 'llhttp.wasm';
const fallbackParserFromDisk = {
  name: 'llhttp-fallback-from-disk',
  setup(build) {
    build.onResolve({ filter: /\/llhttp-wasm\.js$/ }, () => ({ path: FALLBACK_PARSER_FILE, namespace: 'llhttp-fallback' }));
    build.onLoad({ filter: /.*/, namespace: 'llhttp-fallback' }, () => ({
      contents: `module.exports = require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(FALLBACK_PARSER_FILE)}));`,
      loader: 'js',
    }));
    build.onEnd(() => {
      const parser = createRequire(import.meta.url)('undici/lib/llhttp/llhttp-wasm.js');
      mkdirSync('dist', { recursive: true });
      writeFileSync(join('dist', FALLBACK_PARSER_FILE), parser);
    });
  },
};

/** @type {import('esbuild').BuildOptions} */
const extensionBundle = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  format: 'cjs',
  platform: 'node',
  // VS Code 1.101 ships Node 22.15: the lowest runtime this bundle must run on.
  target: 'node22',
  external: ['vscode'],
  plugins: [fallbackParserFromDisk],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Lets `npm run bench` and the size check read what went into the bundle.
  metafile: true,
  logLevel: 'warning',
};

function typeScriptFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return typeScriptFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/** @returns {import('esbuild').BuildOptions} */
const testTree = () => ({
  entryPoints: [...typeScriptFiles('src'), ...typeScriptFiles('test')],
  outdir: 'out',
  outbase: '.',
  bundle: false,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});

if (watch) {
  const context = await esbuild.context(extensionBundle);
  await context.watch();
  console.log('esbuild: watching src/ …');
} else {
  await esbuild.build(extensionBundle);
  if (tests) {
    rmSync('out', { recursive: true, force: true });
    await esbuild.build(testTree());
  }
}
