import * as assert from 'node:assert/strict';
import { encodePath, namespaceOfRepository, namespaceProblem, organizationNamespace } from '../../src/tree/namespaces';

describe('namespaces', () => {
  const organization = (login: string, url: string | undefined) => ({ id: 1, login, url, avatarUrl: undefined, description: undefined });
  const cases: [string, string | undefined, string][] = [
    ['Another Organization', 'https://api.github.com/orgs/another-org', 'another-org'],
    ['Test', 'https://ghe.example.com/api/v3/orgs/Test', 'Test'],
    ['platform/backend', 'https://gitlab.com/api/v4/groups/4242', 'platform/backend'],
    ['Backend', 'https://gitlab.com/api/v4/groups/platform%2Fbackend', 'platform/backend'],
    ['Backend', 'https://code.example.org/gitlab/groups/platform/backend', 'platform/backend'],
    ['Research Lab', undefined, 'Research Lab'],
    ['odd', 'not a url', 'odd'],
  ];
  for (const [login, url, expected] of cases) {
    it(`reads ${login} at ${url} as ${expected}`, () => assert.equal(organizationNamespace(organization(login, url)), expected));
  }

  it('says why a namespace cannot be searched', () => {
    assert.equal(namespaceProblem('platform/backend'), undefined);
    assert.equal(namespaceProblem('Research Lab'), 'spaces');
    assert.equal(namespaceProblem(' / '), 'empty');
  });

  it('keeps the slashes of a path and escapes its segments', () => {
    assert.equal(encodePath('platform/backend'), 'platform/backend');
    assert.equal(encodePath('a b/c#d'), 'a%20b/c%23d');
    assert.equal(namespaceOfRepository('platform/backend/orders-api'), 'platform/backend');
  });
});
