/**
 * The regions' side of the fake account: apps, links, deployments and review apps per region.
 * Deployments move through their statuses with the server clock (`stepMs` per status), so a
 * client polling them sees queued → building → pushing → starting → success (or an error).
 */
import { randomUUID } from 'node:crypto';
import type { FakeApp, FakeDeployment, FakeDeploymentOutcome, FakeRegion, FakeRepoLink, FakeReviewApp } from './model';

/** The statuses a deployment passes through before its outcome, in order. */
export const DEPLOYMENT_STEPS = ['queued', 'building', 'pushing', 'starting'] as const;

/**
 * The body of `manual_review_app` is undocumented, so the fake answers either way: `empty` (no
 * body; the review app appears in `review_apps` only after `appearsAfterMs`, as when Scalingo
 * creates it in the background) or `reviewApp` (the new review app in the body, listed at once).
 */
export interface ReviewAppCreation {
  answer: 'empty' | 'reviewApp';
  appearsAfterMs: number;
}

export class FakeRegionalState {
  readonly regions: FakeRegion[];
  /** Milliseconds each status lasts; the demo uses seconds, tests less. */
  stepMs: number;
  reviewAppCreation: ReviewAppCreation = { answer: 'empty', appearsAfterMs: 800 };
  /** Review apps created but not visible yet: (region, review app, visible from). */
  private readonly pending: { region: string; reviewApp: FakeReviewApp; visibleAt: number }[] = [];

  constructor(
    regions: FakeRegion[],
    private readonly clock: () => number,
    stepMs: number,
  ) {
    this.regions = regions;
    this.stepMs = stepMs;
  }

  region(name: string): FakeRegion | undefined {
    return this.regions.find((region) => region.name === name);
  }

  /** For tests: the region and app of that name, or a clear failure. */
  appNamed(name: string): { region: FakeRegion; app: FakeApp } {
    for (const region of this.regions) {
      const app = region.apps.find((candidate) => candidate.name === name);
      if (app) return { region, app };
    }
    throw new Error(`The fake API has no app ${name}.`);
  }

  /** `:app` is the name or the id, as on Scalingo. */
  findApp(region: FakeRegion, nameOrId: string): FakeApp | undefined {
    return region.apps.find((app) => app.name === nameOrId || app.id === nameOrId);
  }

  linkOf(region: FakeRegion, app: FakeApp): FakeRepoLink | undefined {
    return region.links.find((link) => link.app_id === app.id);
  }

  /** The status of a deployment now, from the time since it started. */
  statusOf(deployment: FakeDeployment): string {
    const step = Math.floor((this.clock() - deployment.started_at) / Math.max(1, this.stepMs));
    if (deployment.outcome === 'build-error' && step >= 2) return 'build-error';
    if (step < DEPLOYMENT_STEPS.length) return DEPLOYMENT_STEPS[step]!;
    return deployment.outcome;
  }

  startDeployment(region: FakeRegion, app: FakeApp, gitRef: string, pusher: string): FakeDeployment {
    const outcome: FakeDeploymentOutcome = app.failingBranches.includes(gitRef) ? 'build-error' : 'success';
    const deployment: FakeDeployment = { id: randomUUID(), app_id: app.id, git_ref: gitRef, started_at: this.clock(), outcome, pusher };
    region.deployments.push(deployment);
    return deployment;
  }

  lastDeploymentOf(region: FakeRegion, app: FakeApp): FakeDeployment | undefined {
    return region.deployments.filter((deployment) => deployment.app_id === app.id).at(-1);
  }

  /** Review apps of `parent` visible now (the pending ones appear when their time comes). */
  reviewAppsOf(region: FakeRegion, parent: FakeApp): FakeReviewApp[] {
    this.revealPending();
    return region.reviewApps.filter((reviewApp) => reviewApp.parent_app_id === parent.id);
  }

  /** Creates the child app, its first deployment and the review app (visible now or later). */
  createReviewApp(region: FakeRegion, parent: FakeApp, link: FakeRepoLink, pullRequestNumber: number, branch: string, now: string): FakeReviewApp {
    const child: FakeApp = { id: `ap-${randomUUID()}`, name: `${parent.name}-pr${pullRequestNumber}`, created_at: now, failingBranches: parent.failingBranches };
    region.apps.push(child);
    this.startDeployment(region, child, branch, link.linker_username);
    const reviewApp: FakeReviewApp = {
      id: randomUUID(),
      app_id: child.id,
      parent_app_id: parent.id,
      repo_link_id: link.id,
      pull_request_number: pullRequestNumber,
      created_at: now,
    };
    if (this.reviewAppCreation.answer === 'reviewApp' || this.reviewAppCreation.appearsAfterMs <= 0) region.reviewApps.push(reviewApp);
    else this.pending.push({ region: region.name, reviewApp, visibleAt: this.clock() + this.reviewAppCreation.appearsAfterMs });
    return reviewApp;
  }

  private revealPending(): void {
    const now = this.clock();
    for (const entry of [...this.pending]) {
      if (entry.visibleAt > now) continue;
      this.region(entry.region)?.reviewApps.push(entry.reviewApp);
      this.pending.splice(this.pending.indexOf(entry), 1);
    }
  }
}
