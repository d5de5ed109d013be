import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DEFAULT_SEED_IDS } from '../fakeApi/defaultSeed';
import { children, extensionApi, labelOf, nodeAt, signedInSuite } from './helpers';
import { stubWindow } from './stubs';
import type { QuickInputState } from './uiDriver';

const showsItem = (text: string) => (state: QuickInputState) => state.visible && state.items.some((item) => item.label.includes(text));
const focusedLabel = (state: QuickInputState) => state.items.find((item) => item.focused)?.label.trim();

describe('link a repository to an app', () => {
  const suite = signedInSuite({ driver: true });

  /** Types `text` into the pick of step `step` and accepts the single row left. */
  async function choose(step: number, text: string): Promise<QuickInputState> {
    const state = await suite.driver.waitForQuickInput((current) => current.visible && current.title.includes(`${step}/4`) && current.items.length > 0);
    if (text) {
      await suite.driver.type(text);
      await suite.driver.waitForQuickInput((current) => current.items.length === 1 && current.items[0]!.label.includes(text));
    }
    await suite.driver.press('Enter');
    return state;
  }

  it('links from a repository row: an app of any region (linked ones say so), the branch, auto-deploy, review apps', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const notes = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'notes');
    const info = stubWindow('showInformationMessage', () => undefined);
    try {
      await suite.driver.waitForQuickInput((state) => !state.visible);
      const done = vscode.commands.executeCommand('scalingo.linkApp', notes);
      const apps = await suite.driver.waitForQuickInput(showsItem('secure-vault'));
      assert.match(apps.title, /^Link ada-lovelace\/notes to a Scalingo app/u);
      const byLabel = new Map(apps.items.map((item) => [item.label.trim(), item]));
      assert.equal(byLabel.get('notes-api')?.description, 'osc-fr1');
      assert.equal(byLabel.get('secure-vault')?.description, 'osc-secnum-fr1');
      assert.equal(byLabel.get('ada-scalingo-app')?.detail, 'already linked: deploys from ada-lovelace/scalingo-app');
      await choose(1, 'notes-api');
      const branches = await choose(2, '');
      assert.equal(focusedLabel(branches), 'main');
      const autoDeploy = await choose(3, '');
      assert.equal(focusedLabel(autoDeploy), 'On');
      const reviewApps = await choose(4, '');
      assert.equal(focusedLabel(reviewApps), 'Off');
      const link = (await done) as { branch?: string } | undefined;
      assert.equal(link?.branch, 'main');
      assert.match(String(info.calls[0]?.[0]), /^notes-api now deploys from ada-lovelace\/notes@main\.$/u);
    } finally {
      info.restore();
    }
    assert.deepEqual(suite.api.requestsTo('createRepoLink').map((request) => [request.region, request.path, request.body]), [
      [
        'osc-fr1',
        '/v1/apps/notes-api/scm_repo_link',
        {
          scm_repo_link: {
            source: 'https://github.com/ada-lovelace/notes',
            auth_integration_uuid: DEFAULT_SEED_IDS.github,
            branch: 'main',
            auto_deploy_enabled: true,
            deploy_review_apps_enabled: false,
          },
        },
      ],
    ]);
    const rows = await children(extension, await nodeAt(extension, 'GitHub', 'ada-lovelace', 'notes'));
    assert.equal(labelOf(rows[0]!), 'notes-api', 'the repository row does not show its new app');
  });

  it('reopens the step a 422 is about, with what was chosen, then links', async () => {
    const extension = await extensionApi();
    const punchCards = await nodeAt(extension, 'GitHub', 'analytical-engines', 'punch-cards');
    suite.api.inject('createRepoLink', { status: 422, body: { errors: { branch: ['is protected'] } }, times: 1 });
    const info = stubWindow('showInformationMessage', () => undefined);
    try {
      const done = vscode.commands.executeCommand('scalingo.linkApp', punchCards);
      await choose(1, 'secure-vault');
      await choose(2, '');
      await choose(3, '');
      // Review apps on this time: kept through the 422.
      await suite.driver.waitForQuickInput((state) => state.title.includes('4/4'));
      await suite.driver.press('ArrowDown');
      await suite.driver.press('Enter');
      const reopened = await suite.driver.waitForQuickInput((state) => state.visible && state.title.includes('2/4') && /is protected/u.test(state.title));
      assert.match(reopened.title, /Scalingo: branch is protected/u);
      assert.equal(focusedLabel(reopened), 'main');
      await suite.driver.press('Enter');
      await choose(3, '');
      const reviewApps = await choose(4, '');
      assert.equal(focusedLabel(reviewApps), 'On', 'the review-apps choice was lost after the 422');
      assert.ok(await done);
    } finally {
      info.restore();
    }
    const sent = suite.api.requestsTo('createRepoLink').filter((request) => request.path.includes('secure-vault'));
    assert.equal(sent.length, 2);
    assert.deepEqual(sent[1]?.body, sent[0]?.body);
    assert.equal((sent[1]?.body as { scm_repo_link: { deploy_review_apps_enabled: boolean } }).scm_repo_link.deploy_review_apps_enabled, true);
  });

  it('says so and stays on the app step when the app picked is already linked', async () => {
    const extension = await extensionApi();
    const difference = await nodeAt(extension, 'GitHub', 'babbage-labs', 'difference');
    const done = vscode.commands.executeCommand('scalingo.linkApp', difference);
    await choose(1, 'compiler-app');
    const again = await suite.driver.waitForQuickInput((state) => state.visible && /already deploys from/u.test(state.title));
    assert.match(again.title, /compiler-app already deploys from grace-hopper\/compiler: unlink it there first/u);
    await suite.driver.press('Escape');
    assert.equal(await done, undefined);
    assert.equal(suite.api.requestsTo('createRepoLink').filter((request) => request.path.includes('compiler-app')).length, 0);
  });

  describe('an app a collaborator linked (whether /scm_repo_links lists it is undocumented: both ways)', () => {
    afterEach(() => {
      suite.api.state.regional.listsCollaboratorLinks = false;
    });

    it('not listed: the app picked is asked about, and the wizard says what it deploys from', async () => {
      const extension = await extensionApi();
      const notes = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'notes');
      suite.api.clearRequests();
      const done = vscode.commands.executeCommand('scalingo.linkApp', notes);
      const apps = await suite.driver.waitForQuickInput(showsItem('difference-engine'));
      assert.equal(apps.items.find((item) => item.label.trim() === 'difference-engine')?.detail, '');
      await choose(1, 'difference-engine');
      const again = await suite.driver.waitForQuickInput((state) => state.visible && /already deploys from/u.test(state.title));
      assert.match(again.title, /difference-engine already deploys from babbage-labs\/difference/u);
      assert.deepEqual(suite.api.requestsTo('repoLink').map((request) => request.path), ['/v1/apps/difference-engine/scm_repo_link']);
      await suite.driver.press('Escape');
      assert.equal(await done, undefined);
    });

    it('listed: the list says so at once', async () => {
      suite.api.state.regional.listsCollaboratorLinks = true;
      const extension = await extensionApi();
      const notes = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'notes');
      const done = vscode.commands.executeCommand('scalingo.linkApp', notes);
      const apps = await suite.driver.waitForQuickInput(showsItem('difference-engine'));
      assert.equal(apps.items.find((item) => item.label.trim() === 'difference-engine')?.detail, 'already linked: deploys from babbage-labs/difference');
      await suite.driver.press('Escape');
      assert.equal(await done, undefined);
    });
  });

  it('from the palette asks for the repository through the search first', async () => {
    const done = vscode.commands.executeCommand('scalingo.linkApp');
    await suite.driver.waitForQuickInput(showsItem('GitHub Enterprise'));
    await suite.driver.type('GitHub Enterprise');
    await suite.driver.waitForQuickInput((state) => state.items.length === 1);
    await suite.driver.press('Enter');
    // Before anything is typed the search lists the integration user's own repositories (issue 13).
    await suite.driver.waitForQuickInput(showsItem('alan-turing/morphogenesis'));
    await suite.driver.type('morpho');
    await suite.driver.waitForQuickInput((state) => state.items.length === 1 && state.items[0]!.label.includes('alan-turing/morphogenesis'));
    await suite.driver.press('Enter');
    const apps = await suite.driver.waitForQuickInput(showsItem('notes-api'));
    assert.match(apps.title, /^Link alan-turing\/morphogenesis to a Scalingo app/u);
    await suite.driver.press('Escape');
    assert.equal(await done, undefined);
  });
});
