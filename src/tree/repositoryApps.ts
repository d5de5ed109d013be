import * as vscode from 'vscode';
import type { Integration, PullRequest } from '../api/publicTypes';
import { describeError } from '../errorMessages';
import type { LinkedApp } from './appLinkIndex';
import { AppLinkNode } from './nodes/appLinkNode';
import { LinkedPullRequestNode, type ReviewAppEntry } from './nodes/linkedPullRequestNode';
import { MessageNode } from './nodes/messageNode';
import { PullRequestNode, type PullRequestDisplay } from './nodes/pullRequestNode';
import type { TreeContext, TreeNode } from './treeNode';

export interface RepositoryApps {
  /** The rows that go before the pull requests: apps, a failure, or the "Link to an app" hint. */
  readonly rows: TreeNode[];
  /** The row of one pull request: with its review apps when the repository deploys to Scalingo. */
  pullRequestNode(pullRequest: PullRequest, display?: PullRequestDisplay): TreeNode;
}

/**
 * What a repository row shows of Scalingo: its apps (from the integration's shared index: no
 * request per repository) and, when it has some, their review apps (one request per linked app).
 * A failure here never hides the pull requests: it becomes one error row among them.
 */
export async function loadRepositoryApps(
  parent: TreeNode,
  context: TreeContext,
  integration: Integration,
  repository: { readonly fullName: string; readonly url: string | undefined },
  options: { readonly offerLink: boolean },
): Promise<RepositoryApps> {
  const plain = (pullRequest: PullRequest, display?: PullRequestDisplay) => new PullRequestNode(parent, pullRequest, display);
  let linked: LinkedApp[];
  const rows: TreeNode[] = [];
  context.appLinks.drawnBy(integration.id, parent);
  try {
    const index = await context.appLinks.forIntegration(integration.id);
    linked = index.appsOf(repository.url);
    for (const failure of index.failures) {
      rows.push(failedRow(parent, context, `region:${failure.regionName}`, failure.error, { region: failure.regionName }));
    }
    const reviewApps = await reviewAppsOf(linked, context, (regionName, appName) => index.appNamed(regionName, appName)?.url, (error, app) =>
      rows.push(failedRow(parent, context, `review-apps:${app.link.appId}`, error, { reviewAppsOf: app.appName })),
    );
    rows.unshift(...linked.map((app) => new AppLinkNode(parent, integration, repository.fullName, app)));
    if (linked.length === 0 && options.offerLink && index.failures.length === 0) rows.push(linkHint(parent));
    if (linked.length === 0) return { rows, pullRequestNode: plain };
    return {
      rows,
      pullRequestNode: (pullRequest, display) =>
        new LinkedPullRequestNode(
          parent,
          pullRequest,
          linked,
          reviewApps.filter((entry) => entry.reviewApp.pullRequestNumber === pullRequest.number),
          display,
        ),
    };
  } catch (error) {
    return { rows: [failedRow(parent, context, 'apps', error, {})], pullRequestNode: plain };
  }
}

async function reviewAppsOf(
  linked: readonly LinkedApp[],
  context: TreeContext,
  urlOf: (regionName: string, appName: string) => string | undefined,
  onFailure: (error: unknown, app: LinkedApp) => void,
): Promise<ReviewAppEntry[]> {
  const lists = await Promise.all(
    linked.map(async (app) => {
      try {
        const reviewApps = await app.region.listReviewApps(app.appName, context.session.signal);
        return reviewApps.map((reviewApp) => ({ region: app.region, reviewApp, appUrl: urlOf(app.region.name, reviewApp.appName) }));
      } catch (error) {
        onFailure(error, app);
        return [];
      }
    }),
  );
  return lists.flat();
}

function failedRow(
  parent: TreeNode,
  context: TreeContext,
  key: string,
  error: unknown,
  what: { readonly region?: string; readonly reviewAppsOf?: string },
): TreeNode {
  const { message, remedies } = describeError(error);
  context.log.warn(`${parent.id}: Scalingo apps (${key}) could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  const label = what.reviewAppsOf
    ? vscode.l10n.t({
        message: "Couldn't load the review apps of {0}: {1}",
        args: [what.reviewAppsOf, message],
        comment: ['{0} is an app name', '{1} is the reason'],
      })
    : what.region
      ? vscode.l10n.t({
          message: "Couldn't load the Scalingo apps of {0}: {1}",
          args: [what.region, message],
          comment: ['{0} is a Scalingo region', '{1} is the reason'],
        })
      : vscode.l10n.t({ message: "Couldn't load the Scalingo apps: {0}", args: [message], comment: ['{0} is the reason'] });
  return MessageNode.error(parent, label, message, remedies, undefined, key);
}

function linkHint(parent: TreeNode): TreeNode {
  return MessageNode.hint(
    parent,
    'link-app',
    vscode.l10n.t('Link to a Scalingo App…'),
    vscode.l10n.t('No Scalingo app deploys from this repository yet. Link one to deploy it from here.'),
    { command: 'scalingo.linkApp', title: vscode.l10n.t('Link to a Scalingo App…'), arguments: [parent] },
  );
}
