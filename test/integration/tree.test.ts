import * as assert from 'node:assert/strict';
import type { FakeScalingoApi } from '../fakeApi/server';
import { childLabelled, children, extensionApi, labelOf, signIn, signOut, startFakeApi } from './helpers';

const CANARY = 'canary-access-token-5d1a0b';

describe('integrations tree', () => {
  let api: FakeScalingoApi;

  before(async () => {
    api = await startFakeApi({ accessTokenCanary: CANARY });
    await signIn();
  });

  after(async () => {
    await signOut();
    await api.close();
  });

  it('lists the fake server\'s integrations, one per platform', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const labels = (await children(extension)).filter((node) => node.getTreeItem().contextValue?.startsWith('integration.')).map(labelOf).sort();
    assert.deepEqual(labels, ['GitHub', 'GitHub Enterprise', 'GitLab', 'GitLab self-hosted']);
  });

  it('drills down to pull requests, one request per expansion', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const github = await childLabelled(extension, undefined, 'GitHub');
    api.clearRequests();
    const owners = await children(extension, github);
    await children(extension, github);
    assert.equal(api.requestsTo('orgs').length, 1);
    const user = owners[0]!;
    const repositories = await children(extension, user);
    assert.equal(api.requestsTo('searchRepos').length, 1);
    const repository = repositories.find((node) => node.getTreeItem().contextValue?.startsWith('repository'))!;
    assert.ok(repository, 'no repository under the user namespace');
    const pullRequests = await children(extension, repository);
    assert.equal(api.requestsTo('searchPullRequests').length, 1);
    assert.ok(pullRequests.length > 0);
  });

  it('never shows an access token in any tree item', async () => {
    const extension = await extensionApi();
    const seen: string[] = [];
    async function walk(nodes: Awaited<ReturnType<typeof children>>, depth: number): Promise<void> {
      for (const node of nodes) {
        const item = node.getTreeItem();
        const tooltip = typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value;
        const commandText = item.command
          ? [item.command.title, ...(item.command.arguments ?? []).filter((argument) => typeof argument === 'string')]
          : [];
        seen.push(JSON.stringify({ label: item.label, description: item.description, tooltip, commandText }));
        if (depth < 3 && node.getChildren) await walk(await node.getChildren(), depth + 1);
      }
    }
    await walk(await children(extension), 0);
    assert.ok(seen.length > 10, `walked only ${seen.length} items`);
    assert.ok(!seen.some((text) => text.includes(CANARY)), 'an access token reached a tree item');
  });
});
