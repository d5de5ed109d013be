import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { children, eventually, extensionApi, labelOf, nodeAt, signedInSuite, signIn, signOut } from './helpers';
import { recordProgress, type RecordedProgress } from './progress';
import { stubWindow } from './stubs';
import { uiDriver, type QuickInputState } from './uiDriver';

const showsItem = (text: string) => (state: QuickInputState) => state.visible && state.items.some((item) => item.label.includes(text));
const DASHBOARD = 'https://dashboard.scalingo.com/apps/osc-fr1/ada-scalingo-app';
const APP_URL = 'https://ada-scalingo-app.osc-fr1.scalingo.io/';

describe('deploy a branch from an app row', () => {
  const suite = signedInSuite({ driver: true, deploymentStepMs: 150 });

  async function appRow() {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    return nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app', 'ada-scalingo-app');
  }

  /** Runs Deploy Branch… on the production app, picks `branch`, confirms (`confirm`), answers the last toast with `choose`. */
  async function deploy(
    branch: string,
    choose: (message: string, buttons: string[]) => string | undefined,
    confirm: () => Promise<string | undefined> | string | undefined = () => 'Deploy',
  ) {
    const node = await appRow();
    const progress = recordProgress();
    const warning = stubWindow('showWarningMessage', confirm);
    const toasts: { message: string; buttons: string[] }[] = [];
    const answer = (...args: unknown[]) => {
      const message = String(args[0]);
      const buttons = args.slice(1).filter((button): button is string => typeof button === 'string');
      toasts.push({ message, buttons });
      return choose(message, buttons);
    };
    const info = stubWindow('showInformationMessage', answer);
    const error = stubWindow('showErrorMessage', answer);
    try {
      await suite.driver.waitForQuickInput((state) => !state.visible);
      const done = vscode.commands.executeCommand<string | undefined>('scalingo.deployBranch', node);
      const pick = await suite.driver.waitForQuickInput(showsItem('add-feature'));
      assert.ok(pick.items[0]?.label.includes('main'), `the link's branch is not first: ${pick.items.map((item) => item.label).join(', ')}`);
      assert.match(pick.items[0]!.description, /deploys from/u);
      await suite.driver.type(branch);
      await suite.driver.waitForQuickInput((state) => state.items.length === 1);
      await suite.driver.press('Enter');
      const outcome = await done;
      await eventually(() => toasts.length > 0);
      return { outcome, progress: progress.runs, warning: warning.calls, toasts };
    } finally {
      progress.restore();
      warning.restore();
      info.restore();
      error.restore();
    }
  }

  it('asks, deploys the chosen branch, reports each status, and offers Open App on success', async () => {
    suite.api.clearRequests();
    const { outcome, progress, warning, toasts } = await deploy('add-feature', (_message, buttons) => buttons[0]);
    assert.equal(outcome, 'success');
    const [message, options, ...buttons] = warning[0]!;
    assert.equal(message, 'Deploy add-feature to ada-scalingo-app?');
    assert.equal((options as vscode.MessageOptions).modal, true);
    assert.match(String((options as vscode.MessageOptions).detail), /ada-lovelace\/scalingo-app@add-feature.*osc-fr1/u);
    assert.deepEqual(buttons, ['Deploy']);
    assert.deepEqual(suite.api.requestsTo('manualDeploy').map((request) => request.body), [{ branch: 'add-feature' }]);
    const followed = progress.find((run) => run.title === 'Deploying add-feature to ada-scalingo-app');
    assert.ok(followed, `no progress titled for the deployment: ${progress.map((run) => run.title).join(', ')}`);
    assert.equal(followed.cancellable, true);
    assert.equal(followed.messages[0], 'queued');
    assert.equal(followed.messages.at(-1), 'deployed');
    assert.deepEqual(toasts, [{ message: 'Deployed add-feature to ada-scalingo-app.', buttons: ['Open App'] }]);
    await eventually(async () => (await suite.driver.openedUrls()).includes(APP_URL));
  });

  it('deploys nothing when the session ended while the confirmation was open, and says so', async () => {
    suite.api.clearRequests();
    try {
      const { outcome, toasts } = await deploy(
        'add-feature',
        () => undefined,
        async () => {
          await signOut();
          return 'Deploy';
        },
      );
      assert.equal(outcome, undefined);
      assert.deepEqual(toasts, [{ message: 'The Scalingo session ended while the confirmation was open: nothing was deployed.', buttons: [] }]);
      assert.equal(suite.api.requestsTo('manualDeploy').length, 0);
    } finally {
      await signIn();
    }
  });

  it('says which status a failed deployment ended with, and opens the dashboard for its log', async () => {
    const { outcome, toasts } = await deploy('add-logo', (_message, buttons) => buttons[0]);
    assert.equal(outcome, 'failure');
    assert.deepEqual(toasts, [{ message: 'The deployment of add-logo to ada-scalingo-app failed: build error.', buttons: ['Open Deployment Log'] }]);
    await eventually(async () => (await suite.driver.openedUrls()).includes(DASHBOARD));
  });

  it('stops waiting on Cancel, says the deployment goes on, and polls no more', async () => {
    suite.api.state.regional.stepMs = 5000;
    try {
      const node = await appRow();
      const progress = recordProgress((message) => message === 'queued');
      const warning = stubWindow('showWarningMessage', () => 'Deploy');
      const info = stubWindow('showInformationMessage', () => undefined);
      try {
        const done = vscode.commands.executeCommand<string | undefined>('scalingo.deployBranch', node);
        await suite.driver.waitForQuickInput(showsItem('add-feature'));
        await suite.driver.press('Enter');
        assert.equal(await done, 'stoppedWaiting');
        await eventually(() => info.calls.length > 0);
        assert.match(String(info.calls[0]![0]), /^Stopped following the deployment of main to ada-scalingo-app; it goes on on Scalingo\.$/u);
      } finally {
        progress.restore();
        warning.restore();
        info.restore();
      }
      const polls = suite.api.requestsTo('deployment').length;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      assert.equal(suite.api.requestsTo('deployment').length, polls, 'it went on polling after Cancel');
    } finally {
      suite.api.state.regional.stepMs = 150;
    }
  });

  /**
   * Deploys main to the production app (slowly), and once it is polled runs `interrupt`; then
   * `check` gets what the command ended with within a second, with the notifications and toasts
   * still recorded.
   */
  async function interruptFollowing(
    interrupt: () => Thenable<unknown>,
    check: (outcome: unknown, shown: { progress: RecordedProgress[]; info: unknown[][]; error: unknown[][] }) => Promise<void>,
  ): Promise<void> {
    suite.api.state.regional.stepMs = 5000;
    const node = await appRow();
    const progress = recordProgress();
    const warning = stubWindow('showWarningMessage', () => 'Deploy');
    const info = stubWindow('showInformationMessage', () => undefined);
    const error = stubWindow('showErrorMessage', () => undefined);
    try {
      suite.api.clearRequests();
      const done = vscode.commands.executeCommand<string | undefined>('scalingo.deployBranch', node);
      await suite.driver.waitForQuickInput(showsItem('add-feature'));
      await suite.driver.press('Enter');
      await eventually(() => suite.api.requestsTo('deployment').length > 0);
      await interrupt();
      const stillFollowing = new Promise((resolve) => setTimeout(() => resolve('still following'), 1000));
      await check(await Promise.race([done, stillFollowing]), { progress: progress.runs, info: info.calls, error: error.calls });
    } finally {
      progress.restore();
      warning.restore();
      info.restore();
      error.restore();
      suite.api.state.regional.stepMs = 150;
    }
  }

  it('stops polling at sign-out, at once, and ends the notification without a word', async () => {
    try {
      await interruptFollowing(signOut, async (outcome, { progress, info, error }) => {
        assert.equal(outcome, 'sessionEnded');
        const followed = progress.find((run) => run.title === 'Deploying main to ada-scalingo-app');
        assert.ok(followed?.ended, 'the notification is still open');
        // A poll in flight at sign-out is logged by the fake when it ends: let it land, then count.
        await new Promise((resolve) => setTimeout(resolve, 100));
        const polls = suite.api.requestsTo('deployment').length;
        // The follower's next two polls would come 2.25 s and 3.4 s after the first one.
        await new Promise((resolve) => setTimeout(resolve, 4000));
        assert.equal(suite.api.requestsTo('deployment').length, polls, 'it went on polling after sign-out');
        assert.deepEqual([...info, ...error], [], 'a toast after sign-out');
      });
    } finally {
      await signIn();
    }
  });

  it('says it stopped following when new connection settings end the connection, the account being the same', async () => {
    const settings = vscode.workspace.getConfiguration('scalingo');
    try {
      await interruptFollowing(
        () => settings.update('requestTimeoutSeconds', 20, vscode.ConfigurationTarget.Global),
        async (outcome, { info, error }) => {
          assert.equal(outcome, 'stoppedWaiting');
          await eventually(() => info.length > 0);
          assert.match(String(info[0]![0]), /^Stopped following the deployment of main to ada-scalingo-app; it goes on on Scalingo\.$/u);
          assert.deepEqual(error, []);
          assert.equal(await (await extensionApi()).session.isSignedIn(), true);
        },
      );
    } finally {
      await settings.update('requestTimeoutSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('from the palette asks for the app among every linked one, then the branch', async () => {
    const warning = stubWindow('showWarningMessage', () => 'Deploy');
    const info = stubWindow('showInformationMessage', () => undefined);
    try {
      await suite.driver.waitForQuickInput((state) => !state.visible);
      const done = vscode.commands.executeCommand<string | undefined>('scalingo.deployBranch');
      const apps = await suite.driver.waitForQuickInput(showsItem('bombe'));
      assert.deepEqual(
        apps.items.map((item) => item.label.trim()).sort(),
        ['ada-scalingo-app', 'ada-scalingo-app-staging', 'bombe', 'compiler-app', 'engine-core-prod'],
      );
      await suite.driver.type('bombe');
      await suite.driver.waitForQuickInput((state) => state.items.length === 1);
      await suite.driver.press('Enter');
      const branches = await suite.driver.waitForQuickInput(showsItem('menu-from-crib'));
      assert.equal(branches.items[0]?.label.trim(), 'main');
      await suite.driver.press('Enter');
      assert.equal(await done, 'success');
      assert.equal(warning.calls[0]?.[0], 'Deploy main to bombe?');
    } finally {
      warning.restore();
      info.restore();
    }
    assert.equal(suite.api.requestsTo('manualDeploy').at(-1)?.path, '/v1/apps/bombe/scm_repo_link/manual_deploy');
  });

  it('sends nothing when the confirmation is dismissed', async () => {
    const node = await appRow();
    suite.api.clearRequests();
    const warning = stubWindow('showWarningMessage', () => undefined);
    try {
      const done = vscode.commands.executeCommand('scalingo.deployBranch', node);
      await suite.driver.waitForQuickInput(showsItem('add-feature'));
      await suite.driver.press('Enter');
      assert.equal(await done, undefined);
    } finally {
      warning.restore();
    }
    assert.equal(suite.api.requestsTo('manualDeploy').length, 0);
  });
});

describe('app row actions', () => {
  const suite = signedInSuite();

  async function appRow(name = 'ada-scalingo-app') {
    const extension = await extensionApi();
    return nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app', name);
  }

  it('opens the app and its dashboard page', async function () {
    const driver = uiDriver();
    if (!driver) this.skip();
    await vscode.commands.executeCommand('scalingo.openApp', await appRow());
    await vscode.commands.executeCommand('scalingo.openAppDashboard', await appRow());
    const opened = await driver!.openedUrls();
    assert.ok(opened.includes(APP_URL), opened.join(', '));
    assert.ok(opened.includes(DASHBOARD), opened.join(', '));
  });

  it('turns auto-deploy off and review apps on, and the row says so', async () => {
    const extension = await extensionApi();
    extension.tree.refreshAll();
    assert.equal(await vscode.commands.executeCommand('scalingo.turnAutoDeployOff', await appRow()), true);
    assert.deepEqual(suite.api.requestsTo('updateRepoLink').at(-1)?.body, { scm_repo_link: { auto_deploy_enabled: false } });
    assert.equal(await vscode.commands.executeCommand('scalingo.turnReviewAppsOn', await appRow('ada-scalingo-app-staging')), true);
    assert.deepEqual(suite.api.requestsTo('updateRepoLink').at(-1)?.body, { scm_repo_link: { deploy_review_apps_enabled: true } });
    assert.equal((await appRow()).getTreeItem().contextValue, 'appLink.autoDeployOff.reviewAppsOn.web');
    assert.equal((await appRow('ada-scalingo-app-staging')).getTreeItem().contextValue, 'appLink.autoDeployOff.reviewAppsOn.web');
    await vscode.commands.executeCommand('scalingo.turnAutoDeployOn', await appRow());
    await vscode.commands.executeCommand('scalingo.turnReviewAppsOff', await appRow('ada-scalingo-app-staging'));
    assert.equal((await appRow()).getTreeItem().contextValue, 'appLink.autoDeployOn.reviewAppsOn.web');
  });

  it('unlinks an app after a modal naming the app and the repository; cancelling keeps it', async () => {
    const extension = await extensionApi();
    const refused = stubWindow('showWarningMessage', () => undefined);
    try {
      assert.equal(await vscode.commands.executeCommand('scalingo.unlinkApp', await appRow('ada-scalingo-app-staging')), false);
    } finally {
      refused.restore();
    }
    assert.equal(suite.api.requestsTo('deleteRepoLink').length, 0);
    const [message, options, ...buttons] = refused.calls[0]!;
    assert.equal(message, 'Unlink ada-scalingo-app-staging from ada-lovelace/scalingo-app?');
    assert.equal((options as vscode.MessageOptions).modal, true);
    assert.deepEqual(buttons, ['Unlink App']);
    const accepted = stubWindow('showWarningMessage', () => 'Unlink App');
    try {
      assert.equal(await vscode.commands.executeCommand('scalingo.unlinkApp', await appRow('ada-scalingo-app-staging')), true);
    } finally {
      accepted.restore();
    }
    assert.equal(suite.api.requestsTo('deleteRepoLink').length, 1);
    const repository = await nodeAt(extension, 'GitHub', 'ada-lovelace', 'scalingo-app');
    assert.deepEqual((await children(extension, repository)).map(labelOf), ['ada-scalingo-app', '#8 Add feature', '#3 Add logo']);
  });
});
