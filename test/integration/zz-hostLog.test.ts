import * as assert from 'node:assert/strict';
import { hostLogErrors } from './helpers';

/**
 * Runs last (file order): after every other suite has driven the extension through its failures,
 * the extension host's own log must hold no error or unhandled rejection that involves it. Our
 * deliberate log lines go to the "Scalingo" channel, not there.
 */
describe('extension host log, after all the suites', () => {
  it('has no error or unhandled rejection from this extension', async () => {
    assert.deepEqual(await hostLogErrors(), []);
  });
});
