// `node bench/follow.mjs`: the requests a followed deployment sends, with the follower's shipped
// policy, against the fake API in a process of its own whose deployments last a minute
// (queued, building, pushing, starting: 15 s each). Prints one JSON line.
import { startFakeApi } from './fakeProcess.mjs';
import { stagedModule } from './stage.mjs';

const { ScalingoClient } = stagedModule('src/api/client.js');
const { createDispatcher } = stagedModule('src/api/dispatcher.js');
const { followDeployment, DEFAULT_FOLLOW_POLICY } = stagedModule('src/api/regional/followDeployment.js');

const fake = await startFakeApi('follow');
const dispatcher = createDispatcher();
try {
  const client = new ScalingoClient({ baseUrl: fake.url, apiToken: 'tk-us-test-token', userAgent: 'scalingo-scm-bench', dispatcher });
  const region = (await client.regions()).find((candidate) => candidate.name === 'osc-fr1');
  const started = await region.manualDeploy('ada-scalingo-app', 'main');
  const startedAt = performance.now();
  const polls = [];
  const statuses = [];
  const source = {
    getDeployment: async (...args) => {
      polls.push(performance.now() - startedAt);
      return region.getDeployment(...args);
    },
  };
  const final = await followDeployment(source, 'ada-scalingo-app', started, (deployment) => statuses.push(deployment.status));
  const followedMs = performance.now() - startedAt;
  console.log(
    JSON.stringify({
      policy: DEFAULT_FOLLOW_POLICY,
      deploymentMs: 60_000,
      followedMs,
      finalStatus: final.status,
      statuses,
      polls: polls.length,
      pollsInFirstMinute: polls.filter((at) => at <= 60_000).length,
      // How stale the end is: time from the deployment's end (60 s) to the poll that saw it.
      endSeenAfterMs: followedMs - 60_000,
    }),
  );
} finally {
  await dispatcher.close();
  await fake.stop();
}
