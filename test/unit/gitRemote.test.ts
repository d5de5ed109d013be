import * as assert from 'node:assert/strict';
import { parseGitRemote } from '../../src/workspace/gitRemote';
import { matchRemote } from '../../src/workspace/remoteMatch';

describe('parseGitRemote', () => {
  const cases: [string, { host: string; fullName: string; kind: 'web' | 'ssh' } | undefined][] = [
    ['https://github.com/ada-lovelace/scalingo-app.git', { host: 'github.com', fullName: 'ada-lovelace/scalingo-app', kind: 'web' }],
    ['https://github.com/ada-lovelace/scalingo-app', { host: 'github.com', fullName: 'ada-lovelace/scalingo-app', kind: 'web' }],
    ['git@github.com:ada-lovelace/scalingo-app.git', { host: 'github.com', fullName: 'ada-lovelace/scalingo-app', kind: 'ssh' }],
    ['ssh://git@gitlab.example.org:2222/group/sub/project.git', { host: 'gitlab.example.org', fullName: 'group/sub/project', kind: 'ssh' }],
    ['https://user@GHE.example.com:8443/org/repo.git', { host: 'ghe.example.com:8443', fullName: 'org/repo', kind: 'web' }],
    ['gitlab.com:grace-hopper/compiler', { host: 'gitlab.com', fullName: 'grace-hopper/compiler', kind: 'ssh' }],
    ['/home/me/repos/local.git', undefined],
    ['file:///srv/git/repo.git', undefined],
    ['https://github.com/only-owner', undefined],
  ];
  for (const [remote, expected] of cases) {
    it(`reads ${remote}`, () => assert.deepEqual(parseGitRemote(remote), expected));
  }
});

describe('matchRemote', () => {
  const candidates = [
    { value: 'gitlab.com', webBase: 'https://gitlab.com' },
    { value: 'under /gitlab', webBase: 'https://code.example.org/gitlab' },
    { value: 'under /ghe', webBase: 'https://code.example.org/ghe' },
  ];
  const cases: [string, { value: string; fullName: string } | undefined][] = [
    ['https://code.example.org/gitlab/team/app.git', { value: 'under /gitlab', fullName: 'team/app' }],
    ['https://code.example.org/GitLab/group/sub/app', { value: 'under /gitlab', fullName: 'group/sub/app' }],
    ['https://code.example.org/ghe/org/repo.git', { value: 'under /ghe', fullName: 'org/repo' }],
    ['ssh://git@code.example.org:2222/gitlab/team/app.git', { value: 'under /gitlab', fullName: 'team/app' }],
    ['git@gitlab.com:grace-hopper/compiler.git', { value: 'gitlab.com', fullName: 'grace-hopper/compiler' }],
    // https under no known installation path: not one of ours.
    ['https://code.example.org/other/team/app.git', undefined],
    ['https://code.example.org/gitlab/only-one', undefined],
  ];
  for (const [remote, expected] of cases) {
    it(`matches ${remote}`, () => assert.deepEqual(matchRemote(parseGitRemote(remote)!, candidates), expected));
  }

  it('takes an ssh remote without the installation path on the host that has it', () => {
    const match = matchRemote(parseGitRemote('git@code.example.org:team/app.git')!, candidates.slice(0, 2));
    assert.deepEqual(match, { value: 'under /gitlab', fullName: 'team/app' });
  });
});
