/**
 * Follows one deployment to its end by polling it: each status change reported once, polls spaced
 * out while nothing changes (and tightened again when something does), stopped by a final status
 * or by the caller's signal. Used by the deploy and the review-app flows alike.
 */
import { sleep } from '../retryPolicy';
import type { Deployment } from './schemas';
import { isFinished } from './deploymentStatus';

export interface FollowPolicy {
  /** Wait before the first poll and after each change. */
  readonly initialDelayMs: number;
  /** Each unchanged poll multiplies the wait by this… */
  readonly factor: number;
  /** …up to this. */
  readonly maxDelayMs: number;
}

/**
 * About 20 requests in the first minute of a busy deployment, about 8 a minute once nothing
 * changes: a third of the 60-a-minute budget at worst (see the bench's figure).
 */
export const DEFAULT_FOLLOW_POLICY: FollowPolicy = { initialDelayMs: 1500, factor: 1.5, maxDelayMs: 8000 };

export interface DeploymentSource {
  getDeployment(appName: string, deploymentId: string, signal?: AbortSignal): Promise<Deployment>;
}

export async function followDeployment(
  source: DeploymentSource,
  appName: string,
  start: Deployment,
  onStatus: (deployment: Deployment) => void,
  signal?: AbortSignal,
  policy: FollowPolicy = DEFAULT_FOLLOW_POLICY,
): Promise<Deployment> {
  let current = start;
  onStatus(current);
  let delay = policy.initialDelayMs;
  while (!isFinished(current.status)) {
    await sleep(delay, signal);
    const next = await source.getDeployment(appName, current.id, signal);
    if (next.status !== current.status) {
      onStatus(next);
      delay = policy.initialDelayMs;
    } else {
      delay = Math.min(policy.maxDelayMs, delay * policy.factor);
    }
    current = next;
  }
  return current;
}
