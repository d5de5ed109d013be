import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { children, eventually, extensionApi, labelOf, nodeAt, signedInSuite, signIn, signOut } from './helpers';
import { recordProgress } from './progress';
import { stubWindow } from './stubs';
import type { QuickInputState } from './uiDriver';

const showsItem = (text: string) => (state: QuickInputState) => state.visible && state.items.some((item) => item.label.includes(text));

function toastRecorder(choose: (buttons: string[]) => string | undefined = () => undefined) {
  const toasts: { message: string; buttons: string[] }[] = [];
  const answer = (...args: unknown[]) => {
    const buttons = args.slice(1).filter((button): button is string => typeof button === 'string');
    toasts.push({ message: String(args[0]), buttons });
    return choose(buttons);
  };
  const info = stubWindow('showInformationMessage', answer);
  const error = stubWindow('showErrorMessage', answer);
  return { toasts, restore: () => (info.restore(), error.restore()) };
}

describe('review apps', () => {
  const suite = signedInSuite({ driver: true, deploymentStepMs: 150 });

  it('opens a review app and its dashboard page from its row', async () => {
    const extension = await extensionApi();
    const reviewApp = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app', '#8 Add feature', 'ada-scalingo-app-pr8');
    await vscode.commands.executeCommand('scalingo.openApp', reviewApp);
    await vscode.commands.executeCommand('scalingo.openAppDashboard', reviewApp);
    const opened = await suite.driver.openedUrls();
    assert.ok(opened.includes('https://ada-scalingo-app-pr8.osc-fr1.scalingo.io/'), opened.join(', '));
    assert.ok(opened.includes('https://dashboard.scalingo.com/apps/osc-fr1/ada-scalingo-app-pr8'), opened.join(', '));
  });

  it('creates one for a pull request of the repository (no warning: not a fork), waits for it, and follows its deployment to the failure', async () => {
    suite.api.state.regional.reviewAppCreation = { answer: 'empty', appearsAfterMs: 800 };
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const pullRequest = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app', '#3 Add logo');
    const warning = stubWindow('showWarningMessage', () => assert.fail('no warning expected for a pull request of the repository itself'));
    const progress = recordProgress();
    const toasts = toastRecorder();
    try {
      const done = vscode.commands.executeCommand<string | undefined>('scalingo.createReviewApp', pullRequest);
      // Two apps deploy from the repository: which one is the parent?
      const parents = await suite.driver.waitForQuickInput(showsItem('ada-scalingo-app-staging'));
      assert.deepEqual(parents.items.map((item) => item.label.trim()), ['ada-scalingo-app', 'ada-scalingo-app-staging']);
      await suite.driver.press('Enter');
      assert.equal(await done, 'failure');
      await eventually(() => toasts.toasts.length > 0, { timeoutMs: 8000 });
    } finally {
      warning.restore();
      progress.restore();
      toasts.restore();
    }
    assert.deepEqual(suite.api.requestsTo('manualReviewApp').map((request) => [request.path, request.body]), [
      ['/v1/apps/ada-scalingo-app/scm_repo_link/manual_review_app', { pull_request_id: 3 }],
    ]);
    assert.ok(suite.api.requestsTo('reviewApps').length >= 2, 'the review app was found without waiting for it');
    const followed = progress.runs.find((run) => run.title === 'Deploying review app ada-scalingo-app-pr3 (#3)');
    assert.ok(followed, progress.runs.map((run) => run.title).join(', '));
    assert.equal(followed.messages.at(-1), 'build error');
    assert.deepEqual(toasts.toasts, [
      { message: 'The deployment of add-logo to ada-scalingo-app-pr3 failed: build error.', buttons: ['Open Deployment Log'] },
    ]);
    const again = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app', '#3 Add logo');
    assert.deepEqual((await children(extension, again)).map(labelOf), ['ada-scalingo-app-pr3']);
  });

  describe('from a fork', () => {
    async function forkPullRequest() {
      const extension = await extensionApi();
      extension.tree.refreshAll();
      return nodeAt(extension, 'GitHub', 'analytical-engines', 'engine-core', '#13 Lighter mill');
    }

    it('warns in a modal before anything is created; declining sends nothing', async () => {
      const pullRequest = await forkPullRequest();
      suite.api.clearRequests();
      const warning = stubWindow('showWarningMessage', () => undefined);
      try {
        assert.equal(await vscode.commands.executeCommand('scalingo.createReviewApp', pullRequest), 'notCreated');
      } finally {
        warning.restore();
      }
      const [message, options, ...buttons] = warning.calls[0]!;
      assert.equal(message, '#13 Lighter mill comes from the fork charles-babbage/engine-core. Create a review app of engine-core-prod for it?');
      assert.equal((options as vscode.MessageOptions).modal, true);
      assert.match(String((options as vscode.MessageOptions).detail), /environment of engine-core-prod.*secrets/u);
      assert.deepEqual(buttons, ['Create Review App']);
      assert.equal(suite.api.requestsTo('manualReviewApp').length, 0);
      assert.deepEqual(suite.api.requestsTo('linkPull').map((request) => request.path), ['/v1/apps/engine-core-prod/scm_repo_link/pulls/13']);
    });

    it('creates it once confirmed (the answer carrying the review app), and offers Open App at the end', async () => {
      suite.api.state.regional.reviewAppCreation = { answer: 'reviewApp', appearsAfterMs: 0 };
      const pullRequest = await forkPullRequest();
      const warning = stubWindow('showWarningMessage', () => 'Create Review App');
      const toasts = toastRecorder((buttons) => buttons[0]);
      try {
        assert.equal(await vscode.commands.executeCommand('scalingo.createReviewApp', pullRequest), 'success');
        await eventually(() => toasts.toasts.length > 0, { timeoutMs: 8000 });
      } finally {
        warning.restore();
        toasts.restore();
      }
      assert.deepEqual(toasts.toasts, [{ message: 'Deployed lighter-mill to engine-core-prod-pr13.', buttons: ['Open App'] }]);
      const appUrl = 'https://engine-core-prod-pr13.osc-secnum-fr1.scalingo.io/';
      await eventually(async () => (await suite.driver.openedUrls()).includes(appUrl), { timeoutMs: 8000 });
    });
  });

  it('from the palette asks for the app, then the pull request (forks say so)', async () => {
    suite.api.state.regional.reviewAppCreation = { answer: 'reviewApp', appearsAfterMs: 0 };
    const warning = stubWindow('showWarningMessage', () => assert.fail('no warning expected for #12'));
    const toasts = toastRecorder();
    try {
      await suite.driver.waitForQuickInput((state) => !state.visible);
      const done = vscode.commands.executeCommand<string | undefined>('scalingo.createReviewApp');
      await suite.driver.waitForQuickInput(showsItem('engine-core-prod'));
      await suite.driver.type('engine-core-prod');
      await suite.driver.waitForQuickInput((state) => state.items.length === 1);
      await suite.driver.press('Enter');
      const pulls = await suite.driver.waitForQuickInput(showsItem('#12 Faster mill'));
      // #13 already has its review app from the test before; the route still lists the pull request.
      assert.deepEqual(
        pulls.items.map((item) => [item.label.trim(), item.description]),
        [
          ['#12 Faster mill', ''],
          ['#13 Lighter mill', 'from the fork charles-babbage/engine-core'],
        ],
      );
      await suite.driver.press('Enter');
      assert.equal(await done, 'success');
    } finally {
      warning.restore();
      toasts.restore();
    }
    assert.deepEqual(suite.api.requestsTo('manualReviewApp').at(-1)?.body, { pull_request_id: 12 });
  });

  it('stops looking for the new review app at sign-out, without a word', async () => {
    suite.api.state.regional.reviewAppCreation = { answer: 'empty', appearsAfterMs: 60_000 };
    const extension = await extensionApi();
    extension.tree.refreshAll();
    const pullRequest = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app', '#3 Add logo');
    const toasts = toastRecorder();
    try {
      suite.api.clearRequests();
      const done = vscode.commands.executeCommand<string | undefined>('scalingo.createReviewApp', pullRequest);
      await suite.driver.waitForQuickInput(showsItem('ada-scalingo-app-staging'));
      await suite.driver.type('staging');
      await suite.driver.waitForQuickInput((state) => state.items.length === 1);
      await suite.driver.press('Enter');
      const looked = () => suite.api.requestsTo('reviewApps').some((request) => request.path.includes('/ada-scalingo-app-staging/'));
      await eventually(looked, { timeoutMs: 8000 });
      await signOut();
      const stillLooking = new Promise((resolve) => setTimeout(() => resolve('still looking'), 1000));
      assert.equal(await Promise.race([done, stillLooking]), 'sessionEnded');
      // A poll in flight at sign-out is logged by the fake when it ends: let it land, then count.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const polls = suite.api.requestsTo('reviewApps').length;
      // The next two looks would come 0.5 s and 1.5 s after the first one.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      assert.equal(suite.api.requestsTo('reviewApps').length, polls, 'it went on looking after sign-out');
      assert.deepEqual(toasts.toasts, [], 'a toast after sign-out');
    } finally {
      toasts.restore();
      await signIn();
    }
  });
});
