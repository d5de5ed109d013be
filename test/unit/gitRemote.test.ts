import * as assert from 'node:assert/strict';
import { parseGitRemote } from '../../src/workspace/gitRemote';

describe('parseGitRemote', () => {
  const cases: [string, { host: string; fullName: string } | undefined][] = [
    ['https://github.com/ada-lovelace/scalingo-app.git', { host: 'github.com', fullName: 'ada-lovelace/scalingo-app' }],
    ['https://github.com/ada-lovelace/scalingo-app', { host: 'github.com', fullName: 'ada-lovelace/scalingo-app' }],
    ['git@github.com:ada-lovelace/scalingo-app.git', { host: 'github.com', fullName: 'ada-lovelace/scalingo-app' }],
    ['ssh://git@gitlab.example.org:2222/group/sub/project.git', { host: 'gitlab.example.org', fullName: 'group/sub/project' }],
    ['https://user@GHE.example.com:8443/org/repo.git', { host: 'ghe.example.com:8443', fullName: 'org/repo' }],
    ['gitlab.com:grace-hopper/compiler', { host: 'gitlab.com', fullName: 'grace-hopper/compiler' }],
    ['/home/me/repos/local.git', undefined],
    ['file:///srv/git/repo.git', undefined],
    ['https://github.com/only-owner', undefined],
  ];
  for (const [remote, expected] of cases) {
    it(`reads ${remote}`, () => assert.deepEqual(parseGitRemote(remote), expected));
  }
});
