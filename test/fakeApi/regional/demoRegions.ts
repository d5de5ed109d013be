/**
 * The demo's regions: production and staging apps on ada-lovelace/scalingo-app (its pull request
 * #7 has a review app), apps on a few other repositories in both regions, apps not linked yet to
 * try linking with, and a branch whose deployments fail (`feature/add-logo`), so `npm run demo`
 * shows apps under repositories and can deploy, succeed and fail.
 */
import type { FakeIntegration } from '../model';
import { aPastDeployment, aRegion, aRepoLink, aReviewApp, anApp } from './builders';
import type { FakeRegion } from './model';

export function demoRegions(integrations: readonly FakeIntegration[]): FakeRegion[] {
  const of = (scmType: string) => integrations.find((integration) => integration.scm_type === scmType)!;
  const github = of('github');
  const gitlab = of('gitlab');
  const enterprise = of('github-enterprise');

  const production = anApp({ name: 'scalingo-app', failingBranches: ['feature/add-logo'] });
  const staging = anApp({ name: 'scalingo-app-staging', failingBranches: ['feature/add-logo'] });
  const reviewApp = anApp({ name: 'scalingo-app-pr7' });
  const blog = anApp({ name: 'poetical-science' });
  const engine = anApp({ name: 'engine-core-api' });
  const compiler = anApp({ name: 'compiler-docs' });
  const productionLink = aRepoLink(production, github, 'ada-lovelace/scalingo-app', {
    deploy_review_apps_enabled: true,
    last_auto_deploy_at: '2024-11-28T16:42:00.000Z',
  });
  const paris = aRegion({
    name: 'osc-fr1',
    display_name: 'Paris',
    default: true,
    apps: [production, staging, reviewApp, blog, engine, compiler, anApp({ name: 'notes-api' }), anApp({ name: 'sandbox' })],
    links: [
      productionLink,
      aRepoLink(staging, github, 'ada-lovelace/scalingo-app', { branch: 'feature/add-feature', auto_deploy_enabled: false }),
      aRepoLink(blog, github, 'ada-lovelace/poetical-science', { last_auto_deploy_at: '2024-10-02T08:00:00.000Z' }),
      aRepoLink(engine, github, 'analytical-engines/engine-core', { auto_deploy_enabled: false }),
      aRepoLink(compiler, gitlab, 'grace-hopper/compiler'),
    ],
    deployments: [
      aPastDeployment(production, 'main'),
      aPastDeployment(staging, 'feature/add-feature'),
      aPastDeployment(reviewApp, 'feature/deploy-review-apps-on-scalingo'),
      aPastDeployment(blog, 'main'),
    ],
    reviewApps: [aReviewApp(reviewApp, production, productionLink, 7)],
  });

  const store = anApp({ name: 'store-api' });
  const bombe = anApp({ name: 'bombe-prod' });
  const secnum = aRegion({
    name: 'osc-secnum-fr1',
    display_name: 'Paris - SecNumCloud',
    apps: [store, bombe, anApp({ name: 'vault' })],
    links: [
      aRepoLink(store, github, 'analytical-engines/store-api', { deploy_review_apps_enabled: true }),
      aRepoLink(bombe, enterprise, 'bletchley/bombe'),
    ],
    deployments: [aPastDeployment(store, 'main'), aPastDeployment(bombe, 'main', { outcome: 'crashed-error' })],
  });
  return [paris, secnum];
}
