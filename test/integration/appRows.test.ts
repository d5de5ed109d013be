import * as assert from 'node:assert/strict';
import type { TreeNode } from '../../src/tree/treeNode';
import { faults, type FakeScalingoApi } from '../fakeApi/server';
import { childLabelled, children, extensionApi, labelOf, nodeAt, signedInSuite } from './helpers';

const regionalRoutes = (api: FakeScalingoApi) => api.requests.filter((request) => request.region !== undefined || request.route === 'regions');

function tooltipText(node: TreeNode): string {
  const tooltip = node.getTreeItem().tooltip;
  return (typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '')).replace(/&nbsp;/gu, ' ');
}

describe('app rows under repositories', () => {
  const suite = signedInSuite();

  it('shows the apps that deploy from a repository before its pull requests, with region, branch and settings', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const repository = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app');
    const rows = await children(extension, repository);
    assert.deepEqual(rows.map(labelOf), ['ada-scalingo-app', 'ada-scalingo-app-staging', '#8 Add feature', '#3 Add logo']);
    const [production, staging] = rows as [TreeNode, TreeNode];
    assert.equal(production.getTreeItem().description, 'osc-fr1 · main · auto-deploy · review apps');
    assert.equal(production.getTreeItem().contextValue, 'appLink.autoDeployOn.reviewAppsOn.web');
    assert.match(tooltipText(production), /Last automatic deploy: /u);
    assert.equal(staging.getTreeItem().description, 'osc-fr1 · add-feature', 'the link spelled in other cases was not matched');
    assert.match(tooltipText(staging), /No automatic deploy yet/u);
    assert.equal(production.id, `${repository.id}/app:${suite.api.state.regional.appNamed('ada-scalingo-app').app.id}`);
  });

  it('adds no row to a repository no app deploys from', async () => {
    const extension = await extensionApi();
    const notes = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'notes');
    assert.deepEqual((await children(extension, notes)).map(labelOf), ['No open pull requests']);
  });

  it('costs at most 2 requests per region per integration, shared by every repository, and refresh reloads them', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const user = await nodeAt(extension, 'GitHub', 'ada-lovelace');
    const organization = await nodeAt(extension, 'GitHub', 'analytical-engines');
    suite.api.clearRequests();
    const repositories = [...(await children(extension, user)), ...(await children(extension, organization))].filter((node) => /^repository/u.test(node.getTreeItem().contextValue ?? ''));
    assert.ok(repositories.length >= 4);
    await Promise.all(repositories.map((repository) => children(extension, repository)));
    const perRegion = (route: string, region: string) => suite.api.requests.filter((request) => request.route === route && request.region === region).length;
    for (const region of ['osc-fr1', 'osc-secnum-fr1']) {
      assert.equal(perRegion('repoLinks', region), 1, `links of ${region}`);
      assert.equal(perRegion('apps', region), 1, `apps of ${region}`);
    }
    // Plus one review-app list per linked app shown (2 in osc-fr1, 1 in osc-secnum-fr1), and no regions call (cached for the session).
    assert.equal(suite.api.requestsTo('reviewApps').length, 3);
    assert.equal(suite.api.requestsTo('regions').length, 0);
    assert.equal(regionalRoutes(suite.api).length, 7);

    const secnum = suite.api.state.regional.region('osc-secnum-fr1')!;
    secnum.links[0]!.branch = 'faster-mill';
    extension.tree.refreshAll();
    suite.api.clearRequests();
    const engine = await nodeAt(extension, 'GitHub', 'analytical-engines', 'engine-core');
    const [app] = await children(extension, engine);
    assert.equal(app && labelOf(app), 'engine-core-prod');
    assert.match(String(app!.getTreeItem().description), /faster-mill/u);
    assert.equal(suite.api.requestsTo('repoLinks').length, 2, 'the refresh did not reload the links');
    secnum.links[0]!.branch = 'main';
  });

  it('lists a pull request\'s review apps under it, with their last deployment', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const pullRequest = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app', '#8 Add feature');
    assert.match(String(pullRequest.getTreeItem().contextValue), /^pullRequest\.web\.linked$/u);
    const [reviewApp] = await children(extension, pullRequest);
    assert.equal(reviewApp && labelOf(reviewApp), 'ada-scalingo-app-pr8');
    assert.equal(reviewApp!.getTreeItem().description, 'deployed');
    assert.equal(reviewApp!.getTreeItem().contextValue, 'reviewApp.web');
    const other = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app', '#3 Add logo');
    assert.deepEqual(await children(extension, other), []);
  });

  it('says when the review apps could not be read, keeping the apps and the pull requests', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    suite.api.inject('reviewApps', faults.serverError({ match: (request) => request.path.includes('/ada-scalingo-app-staging/') }));
    const rows = await children(extension, await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app'));
    assert.deepEqual(rows.map(labelOf).map((label) => label.replace(/: .*$/u, '')), [
      'ada-scalingo-app',
      'ada-scalingo-app-staging',
      "Couldn't load the review apps of ada-scalingo-app-staging",
      '#8 Add feature',
      '#3 Add logo',
    ]);
  });

  it('keeps the pull requests and the other region when one region fails, with a Retry that reloads', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    suite.api.inject('apps', faults.serviceUnavailable({ match: (request) => request.region === 'osc-secnum-fr1' }));
    const engine = await nodeAt(extension, 'GitHub', 'analytical-engines', 'engine-core');
    const rows = await children(extension, engine);
    assert.deepEqual(rows.map(labelOf).slice(1), ['#13 Lighter mill', '#12 Faster mill']);
    assert.match(labelOf(rows[0]!), /^Couldn't load the Scalingo apps of osc-secnum-fr1: /u);
    assert.equal(rows[0]!.getTreeItem().command?.command, 'scalingo.refreshNode');
    const scalingoApp = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app');
    assert.equal(labelOf((await children(extension, scalingoApp))[0]!), 'ada-scalingo-app');
    suite.api.clearFaults();
    extension.tree.refreshNode(rows[0]!);
    const engineAgain = await childLabelled(extension, await nodeAt(extension, 'GitHub', 'analytical-engines'), 'engine-core');
    assert.equal(labelOf((await children(extension, engineAgain))[0]!), 'engine-core-prod');
  });
});
