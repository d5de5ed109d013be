import * as vscode from 'vscode';
import { isScalingoError } from '../api/errors';
import type { Integration, RegionalClient, RepoLink, ScalingoApp } from '../api/publicTypes';
import type { ScalingoSession } from '../auth/session';
import { RepositoryNode } from '../tree/nodes/repositoryNode';
import { abortSignalOf } from '../util/cancellation';
import { askPick } from './multiStepPick';
import { searchRepositories } from './searchRepositories';
import { showError } from './showError';

interface RepositoryToLink {
  readonly integration: Integration;
  readonly fullName: string;
  /** Its web URL: the `source` the link route takes. */
  readonly url: string;
}

interface AppChoice {
  readonly region: RegionalClient;
  readonly app: ScalingoApp;
  /** `owner/name` it already deploys from, if it is linked. */
  readonly linkedTo: string | undefined;
}

/** What the wizard has gathered; kept across Back and the server's 422s. */
interface LinkDraft {
  app: AppChoice | undefined;
  branch: string | undefined;
  autoDeploy: boolean;
  reviewApps: boolean;
  messages: Partial<Record<Step, string>>;
}

type Step = 1 | 2 | 3 | 4;
const TOTAL_STEPS = 4;

/**
 * `scalingo.linkApp`: from a repository row (or the palette, which asks for the repository through
 * the search), pick an app of any region (apps already linked say to what), the branch, and
 * whether automatic deploys and review apps are on. A 422 reopens the step it is about, with what
 * was chosen still chosen.
 */
export async function linkApp(session: ScalingoSession, node: unknown, onLinked: (integrationId: string) => void): Promise<RepoLink | undefined> {
  try {
    const repository = await repositoryOf(session, node);
    if (!repository) return undefined;
    const { apps, branches } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Loading Scalingo apps…') },
      () => loadChoices(session, repository),
    );
    if (apps.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Your Scalingo account has no app to link yet. Create one in the dashboard first.'));
      return undefined;
    }
    const draft: LinkDraft = { app: undefined, branch: defaultBranch(branches), autoDeploy: true, reviewApps: false, messages: {} };
    return await runWizard(repository, apps, branches, draft, onLinked);
  } catch (error) {
    showError(error, { retry: () => linkApp(session, node, onLinked) });
    return undefined;
  }
}

async function repositoryOf(session: ScalingoSession, node: unknown): Promise<RepositoryToLink | undefined> {
  if (node instanceof RepositoryNode && node.webUrl) return { integration: node.integration, fullName: node.repository.fullName, url: node.webUrl };
  const found = await searchRepositories(session, undefined);
  return found?.url ? { integration: found.integration, fullName: found.fullName, url: found.url } : undefined;
}

/** Every region's apps and links (unfiltered: a link through another integration counts too), and the branches. */
async function loadChoices(session: ScalingoSession, repository: RepositoryToLink): Promise<{ apps: AppChoice[]; branches: string[] }> {
  const client = await session.client();
  const signal = session.signal;
  const [regions, branches] = await Promise.all([client.regions(signal), client.listBranches(repository.integration.id, repository.fullName, signal)]);
  const perRegion = await Promise.all(
    regions.map(async (region) => {
      const [apps, links] = await Promise.all([region.listApps(signal), region.listRepoLinks(undefined, signal)]);
      return apps.map((app) => {
        const link = links.find((candidate) => candidate.appId === app.id);
        return { region, app, linkedTo: link && `${link.owner}/${link.repo}` };
      });
    }),
  );
  const apps = perRegion.flat().sort((a, b) => Number(a.linkedTo !== undefined) - Number(b.linkedTo !== undefined) || a.app.name.localeCompare(b.app.name));
  return { apps, branches };
}

function defaultBranch(branches: readonly string[]): string | undefined {
  return ['main', 'master'].find((name) => branches.includes(name)) ?? branches[0];
}

async function runWizard(
  repository: RepositoryToLink,
  apps: AppChoice[],
  branches: string[],
  draft: LinkDraft,
  onLinked: (integrationId: string) => void,
): Promise<RepoLink | undefined> {
  const title = vscode.l10n.t({ message: 'Link {0} to a Scalingo app', args: [repository.fullName], comment: ['{0} is owner/name'] });
  const onOff = (on: boolean) => [
    { label: `$(check) ${vscode.l10n.t('On')}`, value: true },
    { label: `$(circle-slash) ${vscode.l10n.t('Off')}`, value: false },
  ].sort((a, b) => Number(b.value === on) - Number(a.value === on));
  let step: Step = 1;
  for (;;) {
    let answer: { result: 'next' | 'back' | 'cancel'; value: unknown };
    const message = draft.messages[step];
    draft.messages[step] = undefined;
    switch (step) {
      case 1:
        answer = await askPick<AppChoice>({
          title,
          step,
          totalSteps: TOTAL_STEPS,
          placeholder: vscode.l10n.t('Which app deploys from it?'),
          serverMessage: message,
          matchOnDescription: true,
          chosen: draft.app,
          items: apps.map((choice) => ({
            label: `$(rocket) ${choice.app.name}`,
            description: choice.region.name,
            detail: choice.linkedTo
              ? vscode.l10n.t({ message: 'already linked: deploys from {0}', args: [choice.linkedTo], comment: ['{0} is owner/name'] })
              : undefined,
            value: choice,
          })),
        });
        if (answer.result === 'next') {
          const chosen = answer.value as AppChoice;
          draft.app = chosen;
          if (chosen.linkedTo) {
            draft.messages[1] = vscode.l10n.t({
              message: '{0} already deploys from {1}: unlink it there first, or pick another app.',
              args: [chosen.app.name, chosen.linkedTo],
              comment: ['{0} is an app name', '{1} is owner/name'],
            });
            continue;
          }
        }
        break;
      case 2:
        answer = await askPick<string>({
          title,
          step,
          totalSteps: TOTAL_STEPS,
          placeholder: vscode.l10n.t({ message: 'Which branch does {0} deploy?', args: [draft.app!.app.name], comment: ['{0} is an app name'] }),
          serverMessage: message,
          chosen: draft.branch,
          items: branches.map((branch) => ({ label: `$(git-branch) ${branch}`, value: branch })),
        });
        if (answer.result === 'next') draft.branch = answer.value as string;
        break;
      case 3:
        answer = await askPick<boolean>({
          title,
          step,
          totalSteps: TOTAL_STEPS,
          placeholder: vscode.l10n.t({ message: 'Deploy automatically each push to {0}?', args: [draft.branch ?? ''], comment: ['{0} is a branch'] }),
          serverMessage: message,
          chosen: draft.autoDeploy,
          items: onOff(draft.autoDeploy),
        });
        if (answer.result === 'next') draft.autoDeploy = answer.value as boolean;
        break;
      case 4:
        answer = await askPick<boolean>({
          title,
          step,
          totalSteps: TOTAL_STEPS,
          placeholder: vscode.l10n.t('Create a review app for each new pull request?'),
          serverMessage: message,
          chosen: draft.reviewApps,
          items: onOff(draft.reviewApps),
        });
        if (answer.result === 'next') draft.reviewApps = answer.value as boolean;
        break;
    }
    if (answer.result === 'cancel') return undefined;
    if (answer.result === 'back') {
      step = Math.max(1, step - 1) as Step;
      continue;
    }
    if (step < TOTAL_STEPS) {
      step = (step + 1) as Step;
      continue;
    }
    const outcome = await send(repository, draft);
    if (typeof outcome === 'number') {
      step = outcome;
      continue;
    }
    if (outcome === 'failed') return undefined;
    onLinked(repository.integration.id);
    void vscode.window.showInformationMessage(
      vscode.l10n.t({
        message: '{0} now deploys from {1}@{2}.',
        args: [draft.app!.app.name, repository.fullName, outcome.branch ?? draft.branch ?? ''],
        comment: ['{0} is an app name', '{1} is owner/name', '{2} is a branch'],
      }),
    );
    return outcome;
  }
}

/** The link, the step to reopen for a 422, or 'failed' (already said). */
async function send(repository: RepositoryToLink, draft: LinkDraft): Promise<RepoLink | Step | 'failed'> {
  const { region, app } = draft.app!;
  try {
    return await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t({ message: 'Linking {0} to {1}…', args: [app.name, repository.fullName], comment: ['{0} is an app name', '{1} is owner/name'] }),
        cancellable: true,
      },
      (_progress, cancellation) =>
        region.createRepoLink(
          app.name,
          {
            source: repository.url,
            integrationId: repository.integration.id,
            branch: draft.branch,
            autoDeploy: draft.autoDeploy,
            reviewApps: draft.reviewApps,
          },
          abortSignalOf(cancellation),
        ),
    );
  } catch (error) {
    if (!isScalingoError(error, 'validation')) {
      showError(error);
      return 'failed';
    }
    // Each field's words go on the step that chose it; the rest (app, source…) on the app step.
    const { branch, auto_deploy_enabled: autoDeploy, deploy_review_apps_enabled: reviewApps, ...others } = error.fieldErrors;
    const say = (field: string, messages: readonly string[] | undefined) =>
      messages && messages.length > 0
        ? vscode.l10n.t({ message: 'Scalingo: {0}', args: [`${field} ${messages.join(', ')}`], comment: ['{0} is what Scalingo said'] })
        : undefined;
    const rest = Object.entries(others).map(([field, messages]) => say(field.replace(/_/gu, ' '), messages)).filter(Boolean);
    draft.messages = {
      1: rest.length > 0 ? rest.join(' ') : undefined,
      2: say('branch', branch),
      3: say('auto-deploy', autoDeploy),
      4: say('review apps', reviewApps),
    };
    const first = ([1, 2, 3, 4] as const).find((step) => draft.messages[step]);
    if (first) return first;
    draft.messages[1] = error.message;
    return 1;
  }
}
