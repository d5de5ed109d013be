// The bench's private copy of the build, in bench/.stage/. Others rebuild out/ and dist/ while they
// work (esbuild.mjs --tests starts by deleting out/), and a bench that read them in place could
// measure a half-written tree or a development bundle. Inside the repository, so that the copied
// out/ modules still resolve undici and zod from node_modules.
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const STAGE = join(ROOT, 'bench', '.stage');
/** The extension as the .vsix ships it: manifest, strings, images and the production bundle. */
export const STAGED_EXTENSION = join(STAGE, 'extension');
/**
 * The same extension with its eager activation events (`*`, `onStartupFinished`) removed from the
 * manifest, nothing else: the code is byte for byte the same. Activating at start-up leaves no
 * moment at which to start a clock of our own, and the hello-world beside it must be started the
 * same way, by the bench's own `activate()` call on a host at rest.
 */
export const STAGED_ON_DEMAND = join(STAGE, 'extension-on-demand');
const EAGER_EVENTS = new Set(['*', 'onStartupFinished']);
export const HELLO_WORLD = join(ROOT, 'bench', 'hello-world');

const SHIPPED = ['package.json', 'l10n', 'media'];

export function stageBuild() {
  if (!existsSync(join(ROOT, 'out', 'src', 'api', 'client.js')) || !existsSync(join(ROOT, 'dist', 'extension.js'))) {
    throw new Error('no build to measure: run `npm run bench` (it builds first)');
  }
  rmSync(STAGE, { recursive: true, force: true });
  mkdirSync(STAGED_EXTENSION, { recursive: true });
  cpSync(join(ROOT, 'out'), join(STAGE, 'out'), { recursive: true });
  // The bundle and what ships beside it (undici's fallback parser); source maps are not shipped.
  cpSync(join(ROOT, 'dist'), join(STAGED_EXTENSION, 'dist'), { recursive: true, filter: (path) => !path.endsWith('.map') });
  // A development bundle ends with a source map comment; measuring it would flatter nobody.
  if (/sourceMappingURL=/u.test(readFileSync(join(STAGED_EXTENSION, 'dist', 'extension.js'), 'utf8').slice(-200))) {
    throw new Error('dist/extension.js is a development build: run `npm run bench` (it builds with --production)');
  }
  const nls = readdirSync(ROOT).filter((name) => /^package\.nls.*\.json$/u.test(name));
  for (const name of [...SHIPPED, ...nls]) {
    if (existsSync(join(ROOT, name))) cpSync(join(ROOT, name), join(STAGED_EXTENSION, name), { recursive: true });
  }
  cpSync(STAGED_EXTENSION, STAGED_ON_DEMAND, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(STAGED_EXTENSION, 'package.json'), 'utf8'));
  const events = manifest.activationEvents ?? [];
  manifest.activationEvents = events.filter((event) => !EAGER_EVENTS.has(event));
  writeFileSync(join(STAGED_ON_DEMAND, 'package.json'), JSON.stringify(manifest, null, 2));
  return {
    extensionId: extensionIdOf(STAGED_EXTENSION),
    helloWorldId: extensionIdOf(HELLO_WORLD),
    eagerActivationEvents: events.filter((event) => EAGER_EVENTS.has(event)),
  };
}

function extensionIdOf(dir) {
  const { publisher, name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return `${publisher}.${name}`;
}

/** Loads a compiled CommonJS module of the staged out/ tree, e.g. stagedModule('src/api/client.js'). */
export const stagedModule = (path) => createRequire(import.meta.url)(join(STAGE, 'out', path));
