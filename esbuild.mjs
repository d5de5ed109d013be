// Builds the extension bundle (dist/extension.js) and, with --tests, the unbundled test tree (out/).
//   node esbuild.mjs               development bundles with source maps: dist/extension.js, and
//                                  dist/api.js (undici, zod, the client) that it loads on first use
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

/** The API module's entry, built on its own (dist/api.js) and required by the extension on first use. */
const API_ENTRY = /[\\/]api[\\/]index$/;
const apiOnFirstUse = {
  name: 'api-on-first-use',
  setup(build) {
    build.onResolve({ filter: API_ENTRY }, (args) =>
      args.importer.endsWith('apiLoader.ts') ? { path: './api.js', external: true } : undefined,
    );
  },
};

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // VS Code 1.101 ships Node 22.15: the lowest runtime these bundles must run on.
  target: 'node22',
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  // Lets `npm run bench` read what went into the bundles (dist/*.meta.json).
  metafile: true,
  logLevel: 'warning',
};

/** @type {import('esbuild').BuildOptions} */
const extensionBundle = {
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  plugins: [apiOnFirstUse],
};

/** @type {import('esbuild').BuildOptions} */
const apiBundle = {
  ...common,
  entryPoints: ['src/api/index.ts'],
  outfile: 'dist/api.js',
  plugins: [fallbackParserFromDisk],
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
  for (const options of [extensionBundle, apiBundle]) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching src/ …');
} else {
  for (const [name, options] of [['extension', extensionBundle], ['api', apiBundle]]) {
    const { metafile } = await esbuild.build(options);
    writeFileSync(join('dist', `${name}.meta.json`), JSON.stringify(metafile));
  }
  if (tests) {
    rmSync('out', { recursive: true, force: true });
    await esbuild.build(testTree());
  }
}
