/**
 * The regions of the default seed: two, with apps linked to some of its repositories (two apps on
 * ada-lovelace/scalingo-app, one of them linked with the repository spelled in other letter cases),
 * a review app on pull request #8, unlinked apps to link, an app of another integration, and a
 * branch whose deployments fail (`add-logo`). The integration tests name what is here: change it
 * together with them.
 */
import type { FakeIntegration } from '../model';
import { aPastDeployment, aRegion, aRepoLink, aReviewApp, anApp } from './builders';
import type { FakeRegion } from './model';

export function defaultRegions(integrations: {
  github: FakeIntegration;
  gitlab: FakeIntegration;
  githubEnterprise: FakeIntegration;
}): FakeRegion[] {
  const { github, gitlab, githubEnterprise } = integrations;
  const production = anApp({ name: 'ada-scalingo-app', failingBranches: ['add-logo'] });
  const staging = anApp({ name: 'ada-scalingo-app-staging', failingBranches: ['add-logo'] });
  const reviewApp = anApp({ name: 'ada-scalingo-app-pr8' });
  const notes = anApp({ name: 'notes-api' });
  const compiler = anApp({ name: 'compiler-app' });
  const productionLink = aRepoLink(production, github, 'ada-lovelace/scalingo-app', {
    auto_deploy_enabled: true,
    deploy_review_apps_enabled: true,
    last_auto_deploy_at: '2024-11-20T09:14:00.000Z',
  });
  // The same repository, spelled as someone typed it: links compare case-insensitively.
  const stagingLink = aRepoLink(staging, { ...github, url: 'https://GitHub.com' }, 'Ada-Lovelace/Scalingo-App', {
    branch: 'add-feature',
    auto_deploy_enabled: false,
    deploy_review_apps_enabled: false,
  });
  const paris = aRegion({
    name: 'osc-fr1',
    display_name: 'Paris',
    default: true,
    apps: [production, staging, reviewApp, notes, compiler],
    links: [productionLink, stagingLink, aRepoLink(compiler, gitlab, 'grace-hopper/compiler')],
    deployments: [aPastDeployment(production, 'main'), aPastDeployment(staging, 'add-feature'), aPastDeployment(reviewApp, 'add-feature')],
    reviewApps: [aReviewApp(reviewApp, production, productionLink, 8)],
  });

  const engine = anApp({ name: 'engine-core-prod' });
  const bombe = anApp({ name: 'bombe' });
  const vault = anApp({ name: 'secure-vault' });
  const secnum = aRegion({
    name: 'osc-secnum-fr1',
    display_name: 'Paris - SecNumCloud',
    apps: [engine, bombe, vault],
    links: [
      aRepoLink(engine, github, 'analytical-engines/engine-core', { deploy_review_apps_enabled: false }),
      aRepoLink(bombe, githubEnterprise, 'bletchley/bombe', { auto_deploy_enabled: false }),
    ],
    deployments: [aPastDeployment(engine, 'main', { outcome: 'crashed-error' })],
  });
  return [paris, secnum];
}
