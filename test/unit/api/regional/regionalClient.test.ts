import * as assert from 'node:assert/strict';
import { ScalingoError } from '../../../../src/api/errors';
import type { RegionalClient } from '../../../../src/api/regional/regionalClient';
import { followDeployment } from '../../../../src/api/regional/followDeployment';
import type { Deployment } from '../../../../src/api/regional/schemas';
import { DEFAULT_SEED_IDS } from '../../../fakeApi/defaultSeed';
import { aRepoLink, anApp } from '../../../fakeApi/regional/builders';
import { faults, FakeScalingoApi } from '../../../fakeApi/server';
import { clientFor } from '../testClient';

const FAST_FOLLOW = { initialDelayMs: 20, factor: 1.5, maxDelayMs: 60 };

async function rejectsWith(promise: Promise<unknown>, kind: ScalingoError['kind']): Promise<ScalingoError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ScalingoError, `expected a ScalingoError, got ${String(error)}`);
    assert.equal(error.kind, kind, `expected ${kind}, got ${error.kind}: ${error.message}`);
    return error;
  }
  assert.fail(`expected a ${kind} error, but the call succeeded`);
}

describe('the seeds\' regions', () => {
  for (const seed of ['default', 'demo'] as const) {
    it(`link only repositories that the ${seed} seed's integrations hold, with branches they have`, async () => {
      const api = await FakeScalingoApi.start({ seed });
      try {
        const links = api.state.regional.regions.flatMap((region) => region.links);
        assert.ok(links.length >= 4);
        for (const link of links) {
          const repository = api.state
            .integration(link.auth_integration_uuid)
            ?.repositories.find((candidate) => `${candidate.owner}/${candidate.name}`.toLowerCase() === `${link.owner}/${link.repo}`.toLowerCase());
          assert.ok(repository, `${link.owner}/${link.repo} is not a repository of its integration`);
          assert.ok(repository.branches.includes(link.branch), `${link.owner}/${link.repo} has no branch ${link.branch}`);
        }
      } finally {
        await api.close();
      }
    });
  }
});

describe('regional APIs against the fake regions', () => {
  let api: FakeScalingoApi;
  let client: ReturnType<typeof clientFor>;

  const region = async (name: string): Promise<RegionalClient> => {
    const found = (await client.regions()).find((candidate) => candidate.name === name);
    assert.ok(found, `no region ${name}`);
    return found;
  };

  beforeEach(async () => {
    api = await FakeScalingoApi.start({ seed: 'default', deploymentStepMs: 40 });
    client = clientFor(api);
  });

  afterEach(async () => {
    await client.close();
    await api.close();
  });

  describe('regions', () => {
    it('come from GET auth /v1/regions once per client, each with its own API URL', async () => {
      const regions = await client.regions();
      assert.deepEqual(
        regions.map((candidate) => [candidate.name, candidate.region.apiUrl]),
        [
          ['osc-fr1', api.regionUrl('osc-fr1')],
          ['osc-secnum-fr1', api.regionUrl('osc-secnum-fr1')],
        ],
      );
      await client.regions();
      assert.equal(api.requestsTo('regions').length, 1);
      assert.notEqual(api.regionUrl('osc-fr1'), api.url, 'a region should be a server of its own');
    });

    it('leave out a region whose API is plain http off loopback: the bearer never goes there', async () => {
      api.inject('regions', {
        body: { regions: [{ name: 'evil', api: 'http://regions.example.com' }, { name: 'osc-fr1', api: api.regionUrl('osc-fr1') }] },
      });
      assert.deepEqual((await client.regions()).map((candidate) => candidate.name), ['osc-fr1']);
    });

    it('are asked again after a failed load', async () => {
      api.inject('regions', faults.serverError({ times: 1 }));
      await rejectsWith(client.regions(), 'server');
      assert.equal((await client.regions()).length, 2);
    });

    it('build the dashboard page of an app as {dashboard}/apps/{region}/{app}', async () => {
      assert.equal((await region('osc-fr1')).dashboardUrl('ada-scalingo-app'), 'https://dashboard.scalingo.com/apps/osc-fr1/ada-scalingo-app');
    });
  });

  describe('one user, one budget', () => {
    it('sends the same bearer to auth and to every region, from one exchange', async () => {
      await client.listIntegrations();
      await (await region('osc-fr1')).listApps();
      await (await region('osc-secnum-fr1')).listApps();
      assert.equal(api.exchangeCount, 1);
      const bearers = new Set(api.requests.filter((request) => request.route !== 'exchange').map((request) => request.authorization));
      assert.equal(bearers.size, 1);
      assert.deepEqual(api.requestsTo('apps').map((request) => request.region), ['osc-fr1', 'osc-secnum-fr1']);
    });

    it('counts regional requests in the same per-minute limit as the auth service', async () => {
      await client.close();
      // exchange + regions + apps = 3: the fourth request, to the auth service, has to wait.
      client = clientFor(api, { rateLimit: { maxInFlight: 4, perMinute: 3 } });
      await (await region('osc-fr1')).listApps();
      const controller = new AbortController();
      const waiting = client.listIntegrations(controller.signal);
      const outcome = await Promise.race([waiting.then(() => 'sent'), new Promise((resolve) => setTimeout(() => resolve('waiting'), 300))]);
      assert.equal(outcome, 'waiting');
      controller.abort();
      await rejectsWith(waiting, 'cancelled');
      assert.equal(api.requestsTo('list').length, 0);
    });
  });

  describe('apps and links', () => {
    it('lists the apps of a region and the links of one integration only', async () => {
      const paris = await region('osc-fr1');
      assert.deepEqual((await paris.listApps()).map((app) => app.name), ['ada-scalingo-app', 'ada-scalingo-app-staging', 'ada-scalingo-app-pr8', 'notes-api', 'compiler-app']);
      const links = await paris.listRepoLinks(DEFAULT_SEED_IDS.github);
      assert.deepEqual(links.map((link) => `${link.owner}/${link.repo}@${link.branch}`), ['ada-lovelace/scalingo-app@main', 'Ada-Lovelace/Scalingo-App@add-feature']);
      assert.equal(api.requestsTo('repoLinks')[0]?.query.auth_integration_uuid, DEFAULT_SEED_IDS.github);
    });

    it('follows the pages of the links', async () => {
      const paris = api.state.regional.region('osc-fr1')!;
      const github = api.state.integration(DEFAULT_SEED_IDS.github)!;
      for (let index = 0; index < 130; index++) {
        const app = anApp({ name: `generated-${index}` });
        paris.apps.push(app);
        paris.links.push(aRepoLink(app, github, 'ada-lovelace/notes'));
      }
      const links = await (await region('osc-fr1')).listRepoLinks(DEFAULT_SEED_IDS.github);
      assert.equal(links.length, 132);
      assert.deepEqual(api.requestsTo('repoLinks').map((request) => request.query.page), ['1', '2']);
    });

    it('lists a collaborator\'s link only when the fake is told to (undocumented), and always answers for the app itself', async () => {
      const secnum = await region('osc-secnum-fr1');
      const names = async () => (await secnum.listRepoLinks(DEFAULT_SEED_IDS.github)).map((link) => link.repo);
      assert.deepEqual(await names(), ['engine-core']);
      api.state.regional.listsCollaboratorLinks = true;
      assert.deepEqual(await names(), ['engine-core', 'difference']);
      api.state.regional.listsCollaboratorLinks = false;
      assert.equal((await secnum.getRepoLink('difference-engine'))?.linkerUsername, 'charles-babbage');
    });

    it('reads a missing link as "not linked", not as an error', async () => {
      assert.equal(await (await region('osc-fr1')).getRepoLink('notes-api'), undefined);
      assert.equal((await (await region('osc-fr1')).getRepoLink('ada-scalingo-app'))?.branch, 'main');
    });

    it('links, updates and unlinks an app', async () => {
      const paris = await region('osc-fr1');
      const link = await paris.createRepoLink('notes-api', {
        source: 'https://github.com/ada-lovelace/notes',
        integrationId: DEFAULT_SEED_IDS.github,
        branch: 'main',
        autoDeploy: true,
        reviewApps: false,
      });
      assert.equal(link.autoDeploy, true);
      assert.deepEqual(api.requestsTo('createRepoLink')[0]?.body, {
        scm_repo_link: { source: 'https://github.com/ada-lovelace/notes', auth_integration_uuid: DEFAULT_SEED_IDS.github, branch: 'main', auto_deploy_enabled: true, deploy_review_apps_enabled: false },
      });
      assert.equal((await paris.updateRepoLink('notes-api', { autoDeploy: false })).autoDeploy, false);
      assert.equal(api.requestsTo('updateRepoLink')[0]?.method, 'PATCH');
      await paris.deleteRepoLink('notes-api');
      assert.equal(await paris.getRepoLink('notes-api'), undefined);
    });

    it('names the field of a 422 on link', async () => {
      const error = await rejectsWith(
        (await region('osc-fr1')).createRepoLink('notes-api', { source: 'https://github.com/ada-lovelace/notes', integrationId: DEFAULT_SEED_IDS.github, branch: 'nope' }),
        'validation',
      );
      assert.deepEqual(error.fieldErrors, { branch: ['does not exist in the repository'] });
    });

    it('scrubs the bearer from what a region echoes back, as it does the API token', async () => {
      const paris = await region('osc-fr1');
      await paris.listApps();
      const bearer = /^Bearer (.+)$/u.exec(api.requestsTo('apps')[0]?.authorization ?? '')?.[1];
      assert.ok(bearer);
      api.inject('updateRepoLink', { status: 422, body: { errors: { branch: [`refused for Bearer ${bearer}`] } } });
      const error = await rejectsWith(paris.updateRepoLink('ada-scalingo-app', { branch: 'main' }), 'validation');
      const everything = [error.message, error.describeForLog(), JSON.stringify(error.fieldErrors), error.stack ?? ''].join('\n');
      assert.ok(!everything.includes(bearer), `the bearer reached the error: ${everything.slice(0, 300)}`);
    });

    it('retries a rate-limited GET on a region, as on auth', async () => {
      api.inject('apps', faults.rateLimited({ times: 1 }));
      assert.equal((await (await region('osc-fr1')).listApps()).length, 5);
      assert.equal(api.requestsTo('apps').length, 2);
    });

    it('turns a proxy page on a region into the same invalidResponse/server errors', async () => {
      api.inject('apps', faults.htmlBadGateway());
      await rejectsWith((await region('osc-fr1')).listApps(), 'server');
    });
  });

  describe('deployments', () => {
    it('follows a deployment through each status to success, then stops polling', async () => {
      const paris = await region('osc-fr1');
      const started = await paris.manualDeploy('ada-scalingo-app', 'main');
      const seen: string[] = [];
      const final = await followDeployment(paris, 'ada-scalingo-app', started, (deployment) => seen.push(deployment.status), undefined, FAST_FOLLOW);
      assert.equal(final.status, 'success');
      assert.equal(seen[0], 'queued');
      assert.equal(seen.at(-1), 'success');
      assert.deepEqual([...new Set(seen)], seen, 'a status was reported twice');
      const polls = api.requestsTo('deployment').length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(api.requestsTo('deployment').length, polls, 'polling went on after the final status');
    });

    it('ends with the failure status of a failing branch', async () => {
      const paris = await region('osc-fr1');
      const started = await paris.manualDeploy('ada-scalingo-app', 'add-logo');
      const final = await followDeployment(paris, 'ada-scalingo-app', started, () => undefined, undefined, FAST_FOLLOW);
      assert.equal(final.status, 'build-error');
    });

    it('stops polling when cancelled (the deployment itself goes on)', async () => {
      api.state.regional.stepMs = 10_000;
      const paris = await region('osc-fr1');
      const started = await paris.manualDeploy('ada-scalingo-app', 'main');
      const controller = new AbortController();
      const following = followDeployment(paris, 'ada-scalingo-app', started, () => undefined, controller.signal, FAST_FOLLOW);
      await new Promise((resolve) => setTimeout(resolve, 100));
      controller.abort();
      await rejectsWith(following, 'cancelled');
      // The fake logs a request when its outcome is known: let a poll aborted in flight land first.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const polls = api.requestsTo('deployment').length;
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.equal(api.requestsTo('deployment').length, polls);
      assert.equal((await paris.getDeployment('ada-scalingo-app', started.id)).status, 'queued');
    });

    it('refuses to deploy a branch the repository does not have, naming the field', async () => {
      const error = await rejectsWith((await region('osc-fr1')).manualDeploy('ada-scalingo-app', 'no-such-branch'), 'validation');
      assert.ok(error.fieldErrors['branch']);
    });
  });

  describe('review apps (the manual_review_app answer is undocumented: both ways)', () => {
    for (const answer of ['empty', 'reviewApp'] as const) {
      it(`creates one when the answer is ${answer === 'empty' ? 'an empty body' : 'the review app'}, then finds it in review_apps`, async () => {
        api.state.regional.reviewAppCreation = { answer, appearsAfterMs: 100 };
        const paris = await region('osc-fr1');
        await paris.manualReviewApp('ada-scalingo-app', 3);
        assert.deepEqual(api.requestsTo('manualReviewApp')[0]?.body, { pull_request_id: 3 });
        let found: Deployment | undefined;
        for (let attempt = 0; attempt < 20 && !found; attempt++) {
          const reviewApp = (await paris.listReviewApps('ada-scalingo-app')).find((candidate) => candidate.pullRequestNumber === 3);
          if (reviewApp?.lastDeployment) found = await paris.getDeployment(reviewApp.appName, reviewApp.lastDeployment.id);
          else await new Promise((resolve) => setTimeout(resolve, 30));
        }
        assert.ok(found, 'the review app never appeared');
      });
    }

    it('says whether a pull request comes from a fork', async () => {
      const secnum = await region('osc-secnum-fr1');
      assert.equal((await secnum.getLinkedPull('engine-core-prod', 13)).fromFork, true);
      assert.equal((await secnum.getLinkedPull('engine-core-prod', 12)).fromFork, false);
    });

    it('lists the review apps of an app with their last deployment', async () => {
      const [reviewApp] = await (await region('osc-fr1')).listReviewApps('ada-scalingo-app');
      assert.equal(reviewApp?.appName, 'ada-scalingo-app-pr8');
      assert.equal(reviewApp?.pullRequestNumber, 8);
      assert.equal(reviewApp?.lastDeployment?.status, 'success');
    });
  });
});
