import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Integration } from '../../src/api/publicTypes';
import { faults, type FakeScalingoApi } from '../fakeApi/server';
import { childLabelled, children, extensionApi, labelOf, nodeAt, signIn, signOut, startFakeApi } from './helpers';
import { answerModal, stubWindow } from './stubs';
import { uiDriver, type QuickInputState, type UiDriver } from './uiDriver';

/** The quick input shows a row whose label includes `text`. */
const showsItem = (text: string) => (state: QuickInputState) =>
  state.visible && state.items.some((item) => item.label.includes(text));

describe('commands', () => {
  let api: FakeScalingoApi;

  before(async () => {
    // Scalingo may refuse a search with an empty query (undocumented): the stricter of the two.
    api = await startFakeApi({ emptySearchQuery: 'refuse' });
    await signIn();
  });

  after(async () => {
    await signOut();
    await api.close();
  });

  describe('link (through the real quick input)', () => {
    let driver: UiDriver;

    before(function () {
      const found = uiDriver();
      if (!found) this.skip();
      driver = found!;
    });

    it('links GitLab self-hosted after a 422: the server message shows on the token step, Back keeps the URL', async () => {
      const linked = vscode.commands.executeCommand<Integration | undefined>('scalingo.linkIntegration');
      await driver.waitForQuickInput(showsItem('GitLab self-hosted'));
      await driver.type('self-hosted');
      await driver.press('Enter');
      await driver.waitForQuickInput((state) => state.visible && state.placeholder === 'https://');
      await driver.type('http://gitlab.acme.test');
      await driver.press('Enter');
      const refused = await driver.waitForQuickInput((state) => state.validationMessage !== '');
      assert.match(refused.validationMessage, /https/u, 'plain http was accepted');
      for (let index = 0; index < 'http://gitlab.acme.test'.length; index++) await driver.press('Backspace');
      await driver.type('https://gitlab.acme.test');
      await driver.press('Enter');
      await driver.waitForQuickInput((state) => state.visible && /read_user/u.test(state.prompt + state.title));
      await driver.type('glpat-group-token');
      await driver.press('Enter');
      const rejected = await driver.waitForQuickInput((state) => /Scalingo/u.test(state.validationMessage), 10_000);
      assert.match(rejected.validationMessage, /required scopes/u);
      assert.equal(api.requestsTo('link').length, 1);
      await driver.clickQuickInputButton('Back');
      const urlStep = await driver.waitForQuickInput((state) => state.visible && state.value === 'https://gitlab.acme.test');
      assert.equal(urlStep.value, 'https://gitlab.acme.test', 'the URL typed before was lost');
      await driver.press('Enter');
      await driver.waitForQuickInput((state) => state.visible && /read_user/u.test(state.prompt + state.title));
      // Select what was kept from the refused attempt and replace it.
      await driver.press('Control+A');
      await driver.type('glpat-personal-token');
      await driver.press('Enter');
      const integration = await linked;
      assert.equal(integration?.scmType, 'gitlab-self-hosted');
      assert.equal(api.requestsTo('link').length, 2);
      assert.ok(api.state.integration(integration!.id), 'the fake server has no such integration');
      const extension = await extensionApi();
      assert.ok((await children(extension)).some((node) => node.id === `integration:${integration!.id}`), 'the new node is not in the tree');
    });

    /** Platform, URL and token typed as a person would, up to the Enter that sends the link request. */
    async function typeUpToTheLink(url: string, token: string): Promise<void> {
      await driver.waitForQuickInput(showsItem('GitHub Enterprise'));
      await driver.type('Enterprise');
      await driver.waitForQuickInput((state) => state.value === 'Enterprise' && state.items.length === 1);
      await driver.press('Enter');
      await driver.waitForQuickInput((state) => state.visible && state.placeholder === 'https://');
      await driver.type(url);
      await driver.press('Enter');
      await driver.waitForQuickInput((state) => state.visible && /repo scope/u.test(state.prompt + state.title));
      await driver.type(token);
      await driver.press('Enter');
    }

    it('keeps the token step open and busy while Scalingo answers, then shows its 422 in place', async () => {
      api.inject('link', { delayMs: 2000, status: 422, body: { errors: { access_token: ['is invalid'] } }, times: 1 });
      await driver.waitForQuickInput((state) => !state.visible);
      const linked = vscode.commands.executeCommand<Integration | undefined>('scalingo.linkIntegration');
      await typeUpToTheLink('https://ghe.busy.test', 'ghp_busyToken');
      // VS Code draws the progress bar 800 ms after `busy` is set.
      const waiting = await driver.waitForQuickInput((state) => state.busy, 1900);
      assert.equal(waiting.visible, true, 'the input closed while Scalingo was answering');
      assert.match(waiting.title, /Link GitHub Enterprise/u);
      const refused = await driver.waitForQuickInput((state) => /Scalingo/u.test(state.validationMessage) && !state.busy, 5000);
      assert.match(refused.validationMessage, /token is invalid/u);
      // The keyboard focus stayed in the input: typing goes on where it was.
      await driver.type('2');
      await driver.waitForQuickInput((state) => state.value === 'ghp_busyToken2', 2000);
      await driver.press('Escape');
      assert.equal(await linked, undefined);
    });

    for (const { fault, words } of [
      { fault: { status: 500 }, words: /HTTP 500/u },
      { fault: { drop: true }, words: /Could not reach Scalingo/u },
    ]) {
      it(`keeps what was typed when the link fails (${words.source}), and Retry sends it again`, async () => {
        api.inject('link', { ...fault, times: 1 });
        const before = api.requestsTo('link').length;
        await driver.waitForQuickInput((state) => !state.visible);
        const linked = vscode.commands.executeCommand<Integration | undefined>('scalingo.linkIntegration');
        await typeUpToTheLink('https://ghe.retry.test', 'ghp_retryToken');
        const failed = await driver.waitForQuickInput((state) => words.test(state.validationMessage), 10_000);
        assert.ok(failed.buttons.some((button) => button.startsWith('Retry')), `no Retry button: ${failed.buttons.join(', ')}`);
        assert.equal(failed.value, 'ghp_retryToken', 'the token typed was lost');
        await driver.clickQuickInputButton('Retry');
        const integration = await linked;
        assert.equal(integration?.url, 'https://ghe.retry.test');
        assert.equal(api.requestsTo('link').length - before, 2);
        api.state.removeIntegration(integration!.id);
      });
    }

    it('opens Scalingo\'s OAuth page for GitHub.com', async () => {
      const info = stubWindow('showInformationMessage', () => undefined);
      try {
        const done = vscode.commands.executeCommand('scalingo.linkIntegration');
        await driver.waitForQuickInput(showsItem('GitHub'));
        await driver.type('github.com');
        await driver.press('Enter');
        await done;
      } finally {
        info.restore();
      }
      const opened = await driver.openedUrls();
      assert.ok(opened.some((url) => url.endsWith('/users/github/link')), `opened: ${opened.join(', ')}`);
    });
  });

  describe('search repositories (through the real quick pick)', () => {
    let driver: UiDriver;

    before(function () {
      const found = uiDriver();
      if (!found) this.skip();
      driver = found!;
    });

    afterEach(async () => {
      api.clearFaults();
      if ((await driver.quickInput()).visible) await driver.press('Escape');
    });

    it("opens on the integration user's own repositories, under a separator, and never sends an empty query", async () => {
      const extension = await extensionApi();
      const github = await childLabelled(extension, undefined, 'GitHub');
      await driver.waitForQuickInput((state) => !state.visible);
      api.clearRequests();
      const done = vscode.commands.executeCommand('scalingo.searchRepositories', github);
      const opened = await driver.waitForQuickInput(showsItem('ada-lovelace/notes'));
      assert.deepEqual(api.requestsTo('searchRepos').map((request) => request.query.query), ['user:ada-lovelace']);
      assert.ok(!opened.items.some((item) => item.label.includes('babbage-labs/')), 'an organization\'s repository among "yours"');
      assert.match(opened.items[0]?.separator ?? '', /Repositories of ada-lovelace/u, JSON.stringify(opened.items[0]));
      await driver.type('difference');
      await driver.waitForQuickInput(showsItem('babbage-labs/difference'));
      await driver.press('Control+A');
      await driver.press('Backspace');
      await driver.waitForQuickInput((state) => state.value === '' && state.items.some((item) => item.label.includes('ada-lovelace/notes')));
      assert.ok(api.requestsTo('searchRepos').every((request) => request.query.query?.trim()), 'an empty query was sent');
      assert.ok(api.requestsTo('searchRepos').every((request) => request.status === 200));
      await driver.press('Escape');
      await done;
    });

    it('acts from the item buttons in one pick: Copy URL on a result copies it, no second pick', async () => {
      const extension = await extensionApi();
      const github = await childLabelled(extension, undefined, 'GitHub');
      await driver.waitForQuickInput((state) => !state.visible);
      await vscode.env.clipboard.writeText('');
      const done = vscode.commands.executeCommand('scalingo.searchRepositories', github);
      await driver.waitForQuickInput(showsItem('ada-lovelace/notes'));
      await driver.type('difference');
      await driver.waitForQuickInput((state) => state.items.length === 1 && state.items[0]!.label.includes('babbage-labs/difference'));
      await driver.clickItemButton('babbage-labs/difference', 'Copy URL');
      await done;
      assert.equal(await vscode.env.clipboard.readText(), 'https://github.com/babbage-labs/difference');
      assert.equal((await driver.quickInput()).items.some((item) => item.label.includes('Reveal in the Scalingo View')), false);
    });

    it('reveals a result in the view from its Reveal button', async () => {
      const extension = await extensionApi();
      const github = await childLabelled(extension, undefined, 'GitHub');
      await driver.waitForQuickInput((state) => !state.visible);
      const done = vscode.commands.executeCommand('scalingo.searchRepositories', github);
      await driver.waitForQuickInput(showsItem('ada-lovelace/notes'));
      await driver.clickItemButton('ada-lovelace/notes', 'Reveal in the Scalingo View');
      await done;
      assert.deepEqual(
        extension.view.selection.map((node) => (node as { repository?: { fullName: string } }).repository?.fullName),
        ['ada-lovelace/notes'],
      );
    });

    it('narrows to an owner from a list that separates you from the organizations', async () => {
      const extension = await extensionApi();
      const github = await childLabelled(extension, undefined, 'GitHub');
      await driver.waitForQuickInput((state) => !state.visible);
      const done = vscode.commands.executeCommand('scalingo.searchRepositories', github);
      await driver.waitForQuickInput(showsItem('ada-lovelace/notes'));
      await driver.clickQuickInputButton('Narrow to one user or organization (or type user:name)');
      const owners = await driver.waitForQuickInput(showsItem('babbage-labs'));
      const rows = owners.items.map((item) => [item.separator ?? '', item.label]);
      assert.deepEqual(rows.slice(0, 2), [['You', 'ada-lovelace'], ['Organizations', 'analytical-engines']], JSON.stringify(rows));
      assert.ok(rows.slice(2).every(([separator]) => separator === ''), JSON.stringify(rows));
      await driver.press('Escape');
      await done;
    });

    it('follows the typing with at most two requests for a word typed one character every 80 ms', async () => {
      const extension = await extensionApi();
      const github = await childLabelled(extension, undefined, 'GitHub');
      await driver.waitForQuickInput((state) => !state.visible);
      api.clearRequests();
      const done = vscode.commands.executeCommand('scalingo.searchRepositories', github);
      await driver.waitForQuickInput(showsItem('ada-lovelace/notes'));
      const opening = api.requestsTo('searchRepos').length;
      await driver.type('scalingo-app', { delayMs: 80 });
      const state = await driver.waitForQuickInput((current) => current.items.length === 1 && current.items[0]!.label.includes('scalingo-app'));
      assert.equal(state.items[0]!.label.includes('ada-lovelace/scalingo-app'), true);
      // On a loaded machine a pause mid-word sends "scalingo-a" first, whose answer already shows
      // the same single row: the search for the whole word may still be on its way.
      for (const deadline = Date.now() + 3000; api.requestsTo('searchRepos').at(-1)?.query.query !== 'scalingo-app' && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const typed = api.requestsTo('searchRepos').length - opening;
      assert.ok(typed >= 1 && typed <= 2, `${typed} search requests for one typed word`);
      assert.equal(api.requestsTo('searchRepos').at(-1)?.query.query, 'scalingo-app');
      await driver.press('Escape');
      await done;
    });

    it('never shows a slow answer that a newer search superseded', async () => {
      const extension = await extensionApi();
      const github = await childLabelled(extension, undefined, 'GitHub');
      await driver.waitForQuickInput((state) => !state.visible);
      api.inject('searchRepos', { delayMs: 1500, match: (request) => request.query.query === 'notes' });
      const done = vscode.commands.executeCommand('scalingo.searchRepositories', github);
      await driver.waitForQuickInput(showsItem('ada-lovelace/notes'));
      await driver.type('notes');
      // Let the debounce send the slow search, then supersede it.
      await new Promise((resolve) => setTimeout(resolve, 400));
      await driver.press('Control+A');
      await driver.type('difference');
      await driver.waitForQuickInput((state) => state.items.length === 1 && state.items[0]!.label.includes('babbage-labs/difference'));
      // The slow answer for "notes" would land about a second from now: it must never replace this one.
      const deadline = Date.now() + 2000;
      while (Date.now() < deadline) {
        const state = await driver.quickInput();
        assert.ok(!state.items.some((item) => item.label.includes('ada-lovelace/notes')), 'the superseded answer was displayed');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(
        api.requestsTo('searchRepos').map((request) => request.query.query).slice(-2),
        ['notes', 'difference'],
        'the slow search was not sent before the newer one',
      );
      await driver.press('Escape');
      await done;
    });

    it("says in the pick that Scalingo's rate limit holds the search, counting down, then shows the results", async function () {
      this.timeout(20_000);
      const extension = await extensionApi();
      const github = await childLabelled(extension, undefined, 'GitHub');
      await driver.waitForQuickInput((state) => !state.visible);
      api.clearRequests();
      api.inject('searchRepos', { ...faults.rateLimited(), headers: { 'retry-after': '3' }, times: 1, match: (request) => request.query.query === 'notes' });
      const done = vscode.commands.executeCommand('scalingo.searchRepositories', github);
      await driver.waitForQuickInput(showsItem('ada-lovelace/notes'));
      await driver.type('notes');
      const waiting = await driver.waitForQuickInput(showsItem('Scalingo is limiting requests; retrying in 3 s'));
      assert.equal(waiting.items.length, 1, JSON.stringify(waiting.items));
      await driver.waitForQuickInput(showsItem('Scalingo is limiting requests; retrying in 2 s'));
      await driver.waitForQuickInput((state) => state.items.length === 1 && state.items[0]!.label.includes('ada-lovelace/notes'));
      const [refused, retried] = api.requestsTo('searchRepos').filter((request) => request.query.query === 'notes');
      assert.equal(refused?.status, 429);
      assert.ok(retried!.at - refused!.at >= 2900, `searched again ${retried!.at - refused!.at} ms after the 429`);
      await driver.press('Escape');
      await done;
    });
  });

  describe('search repositories, then act on the choice', () => {
    it('reveals the chosen repository in the Scalingo view', async function () {
      const driver = uiDriver();
      if (!driver) this.skip();
      const extension = await extensionApi();
      const github = await nodeAt(extension, 'GitHub');
      await driver!.waitForQuickInput((state) => !state.visible);
      const done = vscode.commands.executeCommand('scalingo.searchRepositories', github);
      await driver!.waitForQuickInput(showsItem('ada-lovelace/notes'));
      await driver!.type('difference');
      await driver!.waitForQuickInput((state) => state.items.length === 1 && state.items[0]!.label.includes('babbage-labs/difference'));
      await driver!.press('Enter');
      await driver!.waitForQuickInput(showsItem('Reveal in the Scalingo View'));
      await driver!.type('Reveal');
      await driver!.press('Enter');
      await done;
      const [selected, ...others] = extension.view.selection;
      assert.equal(others.length, 0);
      assert.equal(labelOf(selected!), 'difference');
      assert.equal(labelOf(selected!.parent!), 'babbage-labs');
    });
  });

  describe('search pull requests (through the real quick pick)', () => {
    it('lists a repository\'s open pull requests, switches to closed, and opens the chosen one', async function () {
      const driver = uiDriver();
      if (!driver) this.skip();
      const extension = await extensionApi();
      const repository = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app');
      await driver!.waitForQuickInput((state) => !state.visible);
      const done = vscode.commands.executeCommand('scalingo.searchPullRequests', repository);
      const open = await driver!.waitForQuickInput(showsItem('#8 Add feature'));
      assert.deepEqual(open.items.map((item) => item.label.trim()), ['#8 Add feature', '#3 Add logo']);
      await driver!.clickQuickInputButton('Open pull requests');
      await driver!.waitForQuickInput(showsItem('#2 Initial setup'));
      await driver!.press('Enter');
      await done;
      assert.ok((await driver!.openedUrls()).includes('https://github.com/ada-lovelace/scalingo-app/pull/2'));
    });
  });

  describe('search pull requests in every state', () => {
    it('tells open from closed ones with a separator and an icon each, never one mixed list', async function () {
      const driver = uiDriver();
      if (!driver) this.skip();
      const extension = await extensionApi();
      const repository = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app');
      await vscode.workspace.getConfiguration('scalingo').update('pullRequests.state', 'all', vscode.ConfigurationTarget.Global);
      try {
        await driver!.waitForQuickInput((state) => !state.visible);
        const done = vscode.commands.executeCommand('scalingo.searchPullRequests', repository);
        const all = await driver!.waitForQuickInput(showsItem('#2 Initial setup'));
        assert.deepEqual(
          all.items.map((item) => [item.separator ?? '', item.label.trim()]),
          [['Open pull requests', '#8 Add feature'], ['', '#3 Add logo'], ['Closed pull requests', '#2 Initial setup']],
        );
        await driver!.press('Escape');
        await done;
      } finally {
        await vscode.workspace.getConfiguration('scalingo').update('pullRequests.state', undefined, vscode.ConfigurationTarget.Global);
      }
    });
  });

  describe('unlink', () => {
    it('asks first; cancelling keeps the integration', async () => {
      const extension = await extensionApi();
      extension.tree.refreshAll();
      const node = await childLabelled(extension, undefined, 'GitHub Enterprise');
      const warning = answerModal(undefined);
      try {
        assert.equal(await vscode.commands.executeCommand('scalingo.unlinkIntegration', node), false);
      } finally {
        warning.restore();
      }
      assert.match(String(warning.calls[0]?.[0]), /GitHub Enterprise · alan-turing · ghe\.example\.com/u);
      assert.equal((warning.calls[0]?.[1] as { modal?: boolean }).modal, true);
      assert.deepEqual(warning.offered, [['Unlink']], 'the dialog must offer Unlink (and Cancel, which VS Code adds)');
      assert.equal(api.requestsTo('unlink').length, 0);
    });

    it('unlinks when confirmed, and the node leaves the tree', async () => {
      const extension = await extensionApi();
      const node = await childLabelled(extension, undefined, 'GitHub Enterprise');
      const warning = answerModal('Unlink');
      try {
        assert.equal(await vscode.commands.executeCommand('scalingo.unlinkIntegration', node), true);
      } finally {
        warning.restore();
      }
      assert.deepEqual(warning.offered, [['Unlink']]);
      assert.equal(api.requestsTo('unlink').at(-1)?.status, 204);
      assert.ok(!(await children(extension)).map(labelOf).includes('GitHub Enterprise'));
    });

    it('says an integration already unlinked elsewhere is gone, and refreshes', async () => {
      const extension = await extensionApi();
      const node = await childLabelled(extension, undefined, 'GitLab');
      api.state.removeIntegration((node as unknown as { integration: Integration }).integration.id);
      const warning = answerModal('Unlink');
      const info = stubWindow('showInformationMessage', () => undefined);
      try {
        assert.equal(await vscode.commands.executeCommand('scalingo.unlinkIntegration', node), true);
      } finally {
        warning.restore();
        info.restore();
      }
      assert.match(String(info.calls[0]?.[0]), /already unlinked/u);
      assert.ok(!(await children(extension)).map(labelOf).includes('GitLab'));
    });
  });

  describe('unlink, cancelled while the DELETE is in flight', () => {
    it('refreshes the list, since the DELETE may have happened', async () => {
      const extension = await extensionApi();
      const node = await childLabelled(extension, undefined, 'GitLab self-hosted');
      api.inject('unlink', { delayMs: 1000, times: 1 });
      const warning = answerModal('Unlink');
      const originalProgress = vscode.window.withProgress;
      // The person presses Cancel on the "Unlinking…" notification 200 ms in.
      const progress = stubWindow('withProgress', (_options, task) => {
        const source = new vscode.CancellationTokenSource();
        setTimeout(() => source.cancel(), 200);
        return (task as (p: unknown, token: vscode.CancellationToken) => unknown)({ report: () => undefined }, source.token);
      });
      const listedBefore = api.requestsTo('list').length;
      try {
        assert.equal(await vscode.commands.executeCommand('scalingo.unlinkIntegration', node), false);
      } finally {
        warning.restore();
        progress.restore();
      }
      assert.equal(vscode.window.withProgress, originalProgress);
      await children(extension);
      assert.equal(api.requestsTo('list').length, listedBefore + 1, 'the list was not refreshed after the cancelled DELETE');
    });
  });

  describe('from the palette, signed out', () => {
    it('says to sign in instead of failing', async () => {
      await signOut();
      const errors = stubWindow('showErrorMessage', () => undefined);
      try {
        await vscode.commands.executeCommand('scalingo.searchRepositories');
        await vscode.commands.executeCommand('scalingo.searchPullRequests');
        await vscode.commands.executeCommand('scalingo.importKeys');
        // Before asking which code host: a GitHub Enterprise token typed while signed out would be lost.
        await vscode.commands.executeCommand('scalingo.linkIntegration');
      } finally {
        errors.restore();
        await signIn();
      }
      assert.equal(errors.calls.length, 4);
      for (const call of errors.calls) {
        assert.match(String(call[0]), /Sign in to Scalingo first/u);
        assert.ok(call.includes('Sign In'), 'no Sign In action');
      }
    });
  });

  describe('import SSH keys', () => {
    it('names what was imported, then says there is nothing new', async () => {
      const extension = await extensionApi();
      const node = await childLabelled(extension, undefined, 'GitHub');
      const info = stubWindow('showInformationMessage', () => undefined);
      try {
        const first = await vscode.commands.executeCommand<{ name: string }[]>('scalingo.importKeys', node);
        assert.deepEqual(first?.map((key) => key.name).sort(), ['github-laptop', 'github-workstation']);
        assert.match(String(info.calls[0]?.[0]), /Imported 2 SSH keys into Scalingo: github-laptop, github-workstation/u);
        const second = await vscode.commands.executeCommand<unknown[]>('scalingo.importKeys', node);
        assert.deepEqual(second, []);
        assert.match(String(info.calls[1]?.[0]), /No new SSH key/u);
      } finally {
        info.restore();
      }
    });
  });

  describe('open in browser', () => {
    it('opens a pull request from its node, and never opens a non-web URL', async function () {
      const driver = uiDriver();
      if (!driver) this.skip();
      const extension = await extensionApi();
      const repository = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app');
      // The repository's first rows are its apps; the pull request comes after them.
      const pullRequest = (await children(extension, repository)).find((node) => labelOf(node) === '#8 Add feature');
      assert.ok(pullRequest);
      await vscode.commands.executeCommand('scalingo.openInBrowser', pullRequest);
      assert.ok((await driver!.openedUrls()).includes('https://github.com/ada-lovelace/scalingo-app/pull/8'));
      const warning = stubWindow('showWarningMessage', () => undefined);
      try {
        await vscode.commands.executeCommand('scalingo.openUrl', 'javascript:alert(1)');
      } finally {
        warning.restore();
      }
      assert.ok(!(await driver!.openedUrls()).some((url) => url.startsWith('javascript:')));
      assert.match(String(warning.calls[0]?.[0]), /no web address/u);
    });
  });
});
