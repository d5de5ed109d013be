import * as vscode from 'vscode';
import { isScalingoError } from '../api/errors';
import type { LinkedPull, RegionalClient, ReviewApp } from '../api/publicTypes';
import { sleep } from '../api/retryPolicy';
import type { ScalingoSession } from '../auth/session';
import type { AppLinkIndexes } from '../tree/appLinkIndex';
import { LinkedPullRequestNode } from '../tree/nodes/linkedPullRequestNode';
import { abortSignalOf } from '../util/cancellation';
import { appTargetOf, targetOfNode, type AppTarget } from './appTarget';
import { followInNotification, type FollowOutcome } from './followDeploymentProgress';
import { showError } from './showError';
import { AppLinkNode } from '../tree/nodes/appLinkNode';

interface ReviewAppRequest {
  readonly region: RegionalClient;
  readonly appName: string;
  readonly repositoryFullName: string;
  readonly number: number;
  readonly title: string;
  /** What the tree knows of the pull request's source, for when Scalingo cannot say (see forkOf). */
  readonly sourceRepoName: string | undefined;
  /** The integration whose rows show the review app. */
  readonly integrationId: string | undefined;
}

/** Scalingo creates the review app in the background: how long to look for it before giving up. */
const APPEARANCE_TIMEOUT_MS = 60_000;

/**
 * `scalingo.createReviewApp`: from a pull request of a repository that deploys to Scalingo, or
 * from the palette (an app, then one of its open pull requests). A pull request from a fork gets a
 * modal warning first, as the CLI does: the fork's code would run with the app's environment.
 * The new review app's first deployment is then followed like any other.
 */
export async function createReviewApp(
  session: ScalingoSession,
  appLinks: AppLinkIndexes,
  node: unknown,
  onCreated: (integrationId: string) => void,
): Promise<FollowOutcome | 'notCreated' | undefined> {
  // The session the command runs for: its end (sign-out, another account) ends the following too.
  const lifetime = session.signal;
  try {
    const request = await requestOf(session, appLinks, node);
    if (!request) return undefined;
    const fork = await forkOf(request, session.signal);
    if (fork && !(await confirmFork(request, fork))) return 'notCreated';
    const reviewApp = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t({
          message: 'Creating a review app of {0} for #{1}…',
          args: [request.appName, request.number],
          comment: ['{0} is an app name', '{1} is a pull request number'],
        }),
        cancellable: true,
      },
      async (_progress, cancellation) => {
        const signal = AbortSignal.any([abortSignalOf(cancellation), lifetime]);
        await request.region.manualReviewApp(request.appName, request.number, signal);
        return waitForReviewApp(request, signal);
      },
    );
    if (request.integrationId) onCreated(request.integrationId);
    if (!reviewApp?.lastDeployment) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t({
          message: 'Scalingo accepted the review app for #{0}; it will appear under the pull request once it is created.',
          args: [request.number],
          comment: ['{0} is a pull request number'],
        }),
      );
      return undefined;
    }
    const deployment = await request.region.getDeployment(reviewApp.appName, reviewApp.lastDeployment.id, lifetime);
    return await followInNotification({
      region: request.region,
      appName: reviewApp.appName,
      branch: reviewApp.branch ?? `#${request.number}`,
      appUrl: undefined,
      deployment,
      title: vscode.l10n.t({
        message: 'Deploying review app {0} (#{1})',
        args: [reviewApp.appName, request.number],
        comment: ['{0} is an app name', '{1} is a pull request number'],
      }),
      session: lifetime,
    });
  } catch (error) {
    // Signed out (or another account) while it waited: the person ended it, nothing to say.
    if (lifetime.aborted) return 'sessionEnded';
    showError(error, { retry: () => createReviewApp(session, appLinks, node, onCreated) });
    return undefined;
  }
}

async function requestOf(session: ScalingoSession, appLinks: AppLinkIndexes, node: unknown): Promise<ReviewAppRequest | undefined> {
  if (node instanceof LinkedPullRequestNode) {
    const parent = await pickParent(node);
    if (!parent) return undefined;
    return {
      region: parent.region,
      appName: parent.appName,
      repositoryFullName: `${parent.link.owner}/${parent.link.repo}`,
      number: node.pullRequest.number,
      title: node.pullRequest.title,
      sourceRepoName: node.pullRequest.sourceRepoName,
      integrationId: parent.link.integrationId,
    };
  }
  const target = node instanceof AppLinkNode ? targetOfNode(node) : await appTargetOf(node, session, appLinks, vscode.l10n.t('Create a review app of which app?'));
  if (!target) return undefined;
  const pull = await pickPull(session, target);
  return (
    pull && {
      region: target.region,
      appName: target.appName,
      repositoryFullName: target.repositoryFullName,
      number: pull.number,
      title: pull.title ?? '',
      sourceRepoName: pull.sourceRepoName,
      integrationId: target.integration.id,
    }
  );
}

/** The app the review app is a child of: the only one, or the one the person picks. */
async function pickParent(node: LinkedPullRequestNode) {
  if (node.linkedApps.length === 1) return node.linkedApps[0];
  const picked = await vscode.window.showQuickPick(
    node.linkedApps.map((linked) => ({
      label: `$(rocket) ${linked.appName}`,
      description: `${linked.region.name} · ${linked.link.branch ?? ''}${linked.link.reviewApps ? ` · ${vscode.l10n.t('review apps')}` : ''}`,
      linked,
    })),
    { placeHolder: vscode.l10n.t({ message: 'A review app of which app, for #{0}?', args: [node.pullRequest.number], comment: ['{0} is a pull request number'] }) },
  );
  return picked?.linked;
}

async function pickPull(session: ScalingoSession, target: AppTarget): Promise<LinkedPull | undefined> {
  const pulls = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading pull requests…') },
    () => listPulls(target, session.signal),
  );
  if (pulls.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t({ message: '{0} has no open pull request.', args: [target.repositoryFullName], comment: ['{0} is owner/name'] }),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    pulls.map((pull) => ({
      label: `$(git-pull-request) #${pull.number} ${pull.title ?? ''}`,
      description: pull.fromFork ? vscode.l10n.t({ message: 'from the fork {0}', args: [pull.sourceRepoName ?? '?'], comment: ['{0} is owner/name'] }) : undefined,
      pull,
    })),
    {
      title: vscode.l10n.t({ message: 'Create a review app of {0}', args: [target.appName], comment: ['{0} is an app name'] }),
      placeHolder: vscode.l10n.t('Which pull request?'),
      matchOnDescription: true,
    },
  );
  return picked?.pull;
}

async function listPulls(target: AppTarget, signal: AbortSignal): Promise<LinkedPull[]> {
  return target.region.listLinkedPulls(target.appName, signal);
}

/**
 * Whether the pull request comes from a fork, as the CLI asks Scalingo
 * (`GET …/pulls/:number`, undocumented). When that route is missing, the tree's own knowledge of
 * the source repository decides; when neither knows, it counts as a fork: warning once too often
 * is cheaper than running a stranger's code with production secrets.
 */
async function forkOf(request: ReviewAppRequest, signal: AbortSignal): Promise<string | undefined> {
  try {
    const pull = await request.region.getLinkedPull(request.appName, request.number, signal);
    return pull.fromFork ? (pull.sourceRepoName ?? request.sourceRepoName ?? '?') : undefined;
  } catch (error) {
    if (!isScalingoError(error, 'notFound')) throw error;
    const source = request.sourceRepoName;
    if (source && source.toLowerCase() === request.repositoryFullName.toLowerCase()) return undefined;
    return source ?? '?';
  }
}

async function confirmFork(request: ReviewAppRequest, fork: string): Promise<boolean> {
  const create = vscode.l10n.t('Create Review App');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t({
      message: '#{0} {1} comes from the fork {2}. Create a review app of {3} for it?',
      args: [request.number, request.title, fork, request.appName],
      comment: ['{0} is a pull request number', '{1} is its title', '{2} is owner/name of the fork', '{3} is an app name'],
    }),
    {
      modal: true,
      detail: vscode.l10n.t({
        message:
          "The review app runs the fork's code with the environment of {0}: its environment variables, secrets included, are readable by that code. Create it only if you trust this change.",
        args: [request.appName],
        comment: ['{0} is an app name'],
      }),
    },
    create,
  );
  return choice === create;
}

/** Polls the review apps (with backoff) until the pull request's one is there with a deployment. */
async function waitForReviewApp(request: ReviewAppRequest, signal: AbortSignal): Promise<ReviewApp | undefined> {
  const deadline = Date.now() + APPEARANCE_TIMEOUT_MS;
  let delay = 500;
  for (;;) {
    const found = (await request.region.listReviewApps(request.appName, signal)).find(
      (reviewApp) => reviewApp.pullRequestNumber === request.number,
    );
    if (found?.lastDeployment || Date.now() + delay > deadline) return found;
    await sleep(delay, signal);
    delay = Math.min(delay * 2, 5000);
  }
}
