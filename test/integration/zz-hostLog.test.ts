import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionApi, filesUnder } from './helpers';

/**
 * Runs last (file order): after every other suite has driven the extension through its failures,
 * the extension host's own log must hold no error or unhandled rejection that involves it. Our
 * deliberate log lines go to the "Scalingo" channel, not there.
 */
describe('extension host log, after all the suites', () => {
  it('has no error or unhandled rejection from this extension', async () => {
    const extension = await extensionApi();
    const userData = join(extension.globalStorageUri.fsPath, '..', '..', '..');
    const hostLogs = filesUnder(userData).filter((file) => /exthost\d*[\\/](remote)?exthost\.log$/u.test(file));
    assert.ok(hostLogs.length > 0, 'no extension host log found');
    const entries = hostLogs.flatMap((file) => readFileSync(file, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d )/u));
    const ours = entries.filter(
      (entry) => /\[error\]|unhandled|rejected promise/iu.test(entry) && /scalingo|dist[\\/](extension|api)\.js/iu.test(entry),
    );
    assert.deepEqual(ours, []);
  });
});
