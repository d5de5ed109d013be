import * as vscode from 'vscode';
import { AUTHENTICATION_PROVIDER_ID, ScalingoAuthenticationProvider } from './auth/authenticationProvider';
import { ScalingoSession } from './auth/session';
import { TokenStore } from './auth/tokenStore';
import { signIn, signOut } from './commands/authCommands';
import { copyUrl, openInBrowser } from './commands/browserCommands';
import { importKeys, unlinkIntegration } from './commands/integrationCommands';
import { linkIntegration } from './commands/linkIntegration';
import { searchRepositoriesAndAct } from './commands/repositoryActions';
import { searchPullRequests } from './commands/searchPullRequests';
import { reportIssue } from './commands/reportIssue';
import { shapeCommands } from './commands/shapeCommands';
import { ScalingoUriHandler } from './commands/uriHandler';
import { changeLinkSetting, openApp, openAppDashboard, unlinkApp } from './commands/appCommands';
import { createReviewApp } from './commands/createReviewApp';
import { deployBranch } from './commands/deployBranch';
import { linkApp } from './commands/linkApp';
import { componentLog, createLogChannel } from './log';
import { WorkspaceRemotes } from './workspace/workspaceRemotes';
import { INTEGRATIONS_VIEW_ID, IntegrationsTreeProvider } from './tree/integrationsTreeProvider';
import type { TreeNode } from './tree/treeNode';
import { FocusRefresh } from './tree/focusRefresh';
import { LinkReturnWatch } from './tree/linkReturnWatch';
import { TreeShape } from './tree/treeShape';

/**
 * What the integration tests reach inside the extension host. Returned only in test mode: any
 * extension can read another's exports, and these would let it act as the signed-in user.
 */
export interface ScalingoExtensionApi {
  readonly tree: IntegrationsTreeProvider;
  readonly view: vscode.TreeView<TreeNode>;
  readonly session: ScalingoSession;
  readonly accounts: ScalingoAuthenticationProvider;
  /** Lets the tests check that nothing under the user-data folder holds a token. */
  readonly globalStorageUri: vscode.Uri;
  /** Lets the tests change the token as another VS Code window would. */
  readonly secrets: vscode.SecretStorage;
  /** Lets the tests check what is remembered across restarts (hidden and pinned rows). */
  readonly globalState: vscode.Memento;
  /** Lets the tests and the bench move time on and stand for the window getting the focus back. */
  readonly clock: { now: () => number };
  readonly focusRefresh: FocusRefresh;
  readonly linkReturn: LinkReturnWatch;
}

/** Builds the parts and registers them; nothing here sends a request or loads the HTTP code. */
export function activate(context: vscode.ExtensionContext): ScalingoExtensionApi | undefined {
  const channel = createLogChannel();
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const session = new ScalingoSession(
    new TokenStore(context.secrets),
    `scalingo-scm-vscode/${version} (VS Code ${vscode.version})`,
    componentLog(channel, 'auth'),
    componentLog(channel, 'api'),
  );
  const workspace = new WorkspaceRemotes();
  const shape = new TreeShape(context.globalState);
  const clock = { now: Date.now };
  const treeLog = componentLog(channel, 'tree');
  const tree = new IntegrationsTreeProvider(session, treeLog, context.extensionUri, workspace, shape, clock);
  const view = vscode.window.createTreeView<TreeNode>(INTEGRATIONS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const focusRefresh = new FocusRefresh(tree, () => session.isSignedIn(), clock, treeLog);
  const linkReturn = new LinkReturnWatch(
    async () => (await session.client()).listIntegrations(session.signal),
    (integrationId) => tree.revealIntegration(integrationId),
    treeLog,
  );

  const accounts = new ScalingoAuthenticationProvider(session);

  context.subscriptions.push(
    channel,
    session,
    workspace,
    shape,
    focusRefresh,
    linkReturn,
    accounts,
    vscode.authentication.registerAuthenticationProvider(AUTHENTICATION_PROVIDER_ID, 'Scalingo', accounts, {
      supportsMultipleAccounts: false,
    }),
    tree,
    view,
    vscode.commands.registerCommand('scalingo.signIn', () => signIn(session)),
    vscode.commands.registerCommand('scalingo.signOut', () => signOut(session)),
    vscode.commands.registerCommand('scalingo.refresh', () => tree.refreshAll()),
    vscode.commands.registerCommand('scalingo.refreshNode', (node: TreeNode) => tree.refreshNode(node)),
    vscode.commands.registerCommand('scalingo.showLog', () => channel.show(true)),
    vscode.commands.registerCommand('scalingo.reportIssue', () => reportIssue(version)),
    ...shapeCommands(shape),
    vscode.commands.registerCommand('scalingo.openWalkthrough', () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#scalingo.gettingStarted`, false),
    ),
    vscode.commands.registerCommand('scalingo.loadMore', (node: unknown) => tree.loadMore(node)),
    vscode.commands.registerCommand('scalingo.openInBrowser', openInBrowser),
    vscode.commands.registerCommand('scalingo.openUrl', openInBrowser),
    vscode.commands.registerCommand('scalingo.copyUrl', copyUrl),
    vscode.commands.registerCommand('scalingo.linkIntegration', () =>
      linkIntegration(
        session,
        async (integration) => {
          if (integration) await tree.revealIntegration(integration.id);
          else tree.refreshAll();
        },
        (scmType) => linkReturn.expect(scmType),
      ),
    ),
    vscode.commands.registerCommand('scalingo.unlinkIntegration', (node: unknown) =>
      unlinkIntegration(
        session,
        node,
        () => tree.refreshAll(),
        async (integrationId) => {
          const index = await tree.appLinks.forIntegration(integrationId);
          // A region that could not be read may hold some: an incomplete list would reassure wrongly.
          if (index.failures[0]) throw index.failures[0].error;
          return index.all.map((linked) => linked.appName);
        },
      ),
    ),
    vscode.commands.registerCommand('scalingo.importKeys', (node: unknown) => importKeys(session, node)),
    vscode.commands.registerCommand('scalingo.searchRepositories', (node: unknown) =>
      searchRepositoriesAndAct(session, node, (integration, repository) => tree.revealRepository(integration.id, repository)),
    ),
    vscode.commands.registerCommand('scalingo.searchPullRequests', (node: unknown) => searchPullRequests(session, node)),
    vscode.window.registerUriHandler(
      new ScalingoUriHandler(() => vscode.commands.executeCommand(`${INTEGRATIONS_VIEW_ID}.focus`), () => tree.refreshAll(), componentLog(channel, 'commands')),
    ),
    ...registerAppCommands(session, tree),
  );
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return { tree, view, session, accounts, globalStorageUri: context.globalStorageUri, secrets: context.secrets, globalState: context.globalState, clock, focusRefresh, linkReturn };
}

/** The commands on Scalingo apps (rows under repositories, or the palette). */
function registerAppCommands(session: ScalingoSession, tree: IntegrationsTreeProvider): vscode.Disposable[] {
  const changed = (target: { readonly integration: { readonly id: string } }) => tree.appLinksChanged(target.integration.id);
  const setting = (name: 'autoDeploy' | 'reviewApps', on: boolean) => (node: unknown) =>
    changeLinkSetting(session, tree.appLinks, node, name, on, changed);
  return [
    vscode.commands.registerCommand('scalingo.deployBranch', (node: unknown) => deployBranch(session, tree.appLinks, node)),
    vscode.commands.registerCommand('scalingo.openApp', (node: unknown) => openApp(session, tree.appLinks, node)),
    vscode.commands.registerCommand('scalingo.openAppDashboard', (node: unknown) => openAppDashboard(session, tree.appLinks, node)),
    vscode.commands.registerCommand('scalingo.turnAutoDeployOn', setting('autoDeploy', true)),
    vscode.commands.registerCommand('scalingo.turnAutoDeployOff', setting('autoDeploy', false)),
    vscode.commands.registerCommand('scalingo.turnReviewAppsOn', setting('reviewApps', true)),
    vscode.commands.registerCommand('scalingo.turnReviewAppsOff', setting('reviewApps', false)),
    vscode.commands.registerCommand('scalingo.unlinkApp', (node: unknown) => unlinkApp(session, tree.appLinks, node, changed)),
    vscode.commands.registerCommand('scalingo.linkApp', (node: unknown) => linkApp(session, node, (integrationId) => tree.appLinksChanged(integrationId))),
    vscode.commands.registerCommand('scalingo.createReviewApp', (node: unknown) =>
      createReviewApp(session, tree.appLinks, node, (integrationId) => tree.appLinksChanged(integrationId)),
    ),
  ];
}
