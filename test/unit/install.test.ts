/**
 * A newcomer's first `npm ci` (issue 13, point 7): on the Node the README names, no package of the
 * lock file asks for a newer one (npm prints EBADENGINE), and every install script is reviewed
 * (npm 11 lists the ones `allowScripts` does not cover).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as semver from 'semver';

interface LockedPackage {
  readonly engines?: Record<string, string> | string[];
  readonly hasInstallScript?: boolean;
  readonly dev?: boolean;
}

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  readonly engines: Record<string, string>;
  readonly allowScripts?: Record<string, boolean | string>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { readonly packages: Record<string, LockedPackage> };
const installed = Object.entries(lock.packages).filter(([path]) => path !== '');
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('a clean first install', () => {
  const floor = semver.minVersion(manifest.engines.node ?? '');

  it("states the Node floor in package.json's engines and in the README", () => {
    assert.ok(floor, 'package.json has no engines.node');
    assert.match(readFileSync('README.md', 'utf8'), new RegExp(`Node\\.js ${floor.version.replace(/\./gu, '\\.')}`, 'u'));
  });

  it('installs on that Node without an EBADENGINE warning', () => {
    const tooNew = installed.flatMap(([path, entry]) => {
      const wanted = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      return wanted && floor && !semver.satisfies(floor, wanted) ? [`${nameOf(path)} wants Node ${wanted}`] : [];
    });
    assert.deepEqual(tooNew, [], `on Node ${floor?.version}`);
  });

  it('names in allowScripts every package that has an install script, and nothing else', () => {
    const withScripts = [...new Set(installed.filter(([, entry]) => entry.hasInstallScript).map(([path]) => nameOf(path)))].sort();
    assert.deepEqual(Object.keys(manifest.allowScripts ?? {}).sort(), withScripts);
  });
});
