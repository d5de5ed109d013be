/**
 * What the fake holds when it starts: nothing, the small deterministic data set tests rely on,
 * the rich demo data set, or a seed the test builds itself.
 */
import { aUser } from './builders';
import { defaultSeed } from './defaultSeed';
import { demoSeed } from './demoSeed';
import type { FakeIntegration, FakeSshKey, FakeUser } from './model';
import type { FakeRegion } from './regional/model';

export interface FakeSeed {
  user: FakeUser;
  integrations: FakeIntegration[];
  /** SSH keys already on the Scalingo account. */
  keys?: FakeSshKey[];
  /** Scalingo's regions and their apps; each is served by its own loopback server. */
  regions?: FakeRegion[];
}

export type SeedOption = 'empty' | 'default' | 'demo' | FakeSeed;

/**
 * The seed to start from. With a canary every integration's `access_token` becomes that value, so
 * a test can search logs, trees and errors for it and prove the secret never leaks.
 */
export function resolveSeed(option: SeedOption, accessTokenCanary: string | undefined): FakeSeed {
  const seed = seedFor(option);
  if (accessTokenCanary === undefined) return seed;
  return {
    ...seed,
    integrations: seed.integrations.map((integration) => ({ ...integration, access_token: accessTokenCanary })),
  };
}

function seedFor(option: SeedOption): FakeSeed {
  switch (option) {
    case 'empty':
      return { user: aUser(), integrations: [] };
    case 'default':
      return defaultSeed();
    case 'demo':
      return demoSeed();
    default:
      return option;
  }
}
