// Bundle figures: the production bundles raw and gzipped, the .vsix, and what they are made of
// according to esbuild's metafiles.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT } from './stage.mjs';

/**
 * `npx vsce package` runs vscode:prepublish, which rebuilds dist/ the production way. Also lists
 * the largest files it packs (`vsce ls`, sizes before compression), which say why the .vsix weighs what it does.
 */
export function packageVsix(topCount = 6) {
  const dir = mkdtempSync(join(tmpdir(), 'scalingo-bench-vsix-'));
  const file = join(dir, 'extension.vsix');
  const vsce = (...args) => execFileSync('npx', ['--no-install', 'vsce', ...args, '--no-dependencies'], { cwd: ROOT, stdio: 'pipe' }).toString();
  try {
    vsce('package', '-o', file);
    const packed = vsce('ls').split('\n').filter(Boolean);
    const vsixLargestFiles = packed
      .map((path) => ({ path, bytes: statSync(join(ROOT, path)).size }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, topCount);
    return { vsixBytes: statSync(file).size, vsixFileCount: packed.length, vsixLargestFiles };
  } catch (error) {
    return { vsixError: `vsce package failed: ${String(error.stderr || error.message).trim().split('\n').slice(-3).join(' ')}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `distDir`: the bench's staged copy of dist/ (the production build). Two bundles ship:
 * dist/extension.js, loaded at activation, and dist/api.js (undici, zod, the client), loaded on the
 * first request. Their metafiles come from esbuild.mjs (dist/*.meta.json).
 */
export async function measureBundle(distDir, topCount = 12) {
  const parts = Object.fromEntries(['extension', 'api'].map((name) => [name, measureOne(distDir, name, topCount)]));
  return {
    bytes: parts.extension.bytes + parts.api.bytes,
    gzipBytes: parts.extension.gzipBytes + parts.api.gzipBytes,
    activationBytes: parts.extension.bytes,
    activationGzipBytes: parts.extension.gzipBytes,
    metafileSource: 'esbuild.mjs (dist/extension.meta.json, dist/api.meta.json)',
    metafileMatchesShipped: parts.extension.matches && parts.api.matches,
    byPackage: mergeTotals(parts.extension.byPackage, parts.api.byPackage),
    topInputs: [...parts.extension.inputs, ...parts.api.inputs].sort((a, b) => b.bytes - a.bytes).slice(0, topCount),
  };
}

function measureOne(distDir, name, topCount) {
  const shipped = readFileSync(join(distDir, `${name}.js`));
  const metafile = JSON.parse(readFileSync(join(distDir, `${name}.meta.json`), 'utf8'));
  const [, output] = Object.entries(metafile.outputs).find(([path]) => path.endsWith(`${name}.js`));
  const inputs = Object.entries(output.inputs)
    .map(([input, { bytesInOutput }]) => ({ path: input.replace(/^.*?node_modules\//u, 'node_modules/'), bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    bytes: shipped.length,
    gzipBytes: gzipSync(shipped).length,
    matches: output.bytes === shipped.length,
    byPackage: groupByPackage(inputs),
    inputs: inputs.slice(0, topCount),
  };
}

function mergeTotals(...totals) {
  const merged = new Map();
  for (const total of totals) for (const [name, bytes] of Object.entries(total)) merged.set(name, (merged.get(name) ?? 0) + bytes);
  return Object.fromEntries([...merged].sort((a, b) => b[1] - a[1]));
}

/** node_modules/undici/lib/… → undici; the project's own files → (src). */
function groupByPackage(inputs) {
  const totals = new Map();
  for (const { path, bytes } of inputs) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/u.exec(path);
    const name = match ? match[1] : '(src)';
    totals.set(name, (totals.get(name) ?? 0) + bytes);
  }
  return Object.fromEntries([...totals].sort((a, b) => b[1] - a[1]));
}
