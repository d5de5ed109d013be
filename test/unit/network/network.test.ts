import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScalingoClient } from '../../../src/api/client';
import { createDispatcher, type NetworkSettings } from '../../../src/api/dispatcher';
import { ScalingoError } from '../../../src/api/errors';
import { FakeScalingoApi } from '../../fakeApi/server';
import { TEST_API_TOKEN } from '../api/testClient';
import { CountingProxy } from './countingProxy';

function clientThrough(api: FakeScalingoApi, settings: NetworkSettings): { client: ScalingoClient; close(): Promise<void> } {
  const dispatcher = createDispatcher(settings);
  const client = new ScalingoClient({ baseUrl: api.url, apiToken: TEST_API_TOKEN, userAgent: 'tests', dispatcher, timeoutMs: 3000 });
  return { client, close: () => dispatcher.close() };
}

/** A self-signed certificate for 127.0.0.1, made with openssl for this run only. */
function selfSignedCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scalingo-tls-'));
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('network settings', () => {
  let api: FakeScalingoApi;
  let proxy: CountingProxy;

  beforeEach(async () => {
    api = await FakeScalingoApi.start({ seed: 'default' });
    proxy = await CountingProxy.start();
  });

  afterEach(async () => {
    await proxy.close();
    await api.close();
  });

  it('sends every request through http.proxy', async () => {
    const { client, close } = clientThrough(api, { proxy: proxy.url });
    try {
      assert.equal((await client.listIntegrations()).length, 4);
      assert.ok(proxy.tunnels.length >= 1, 'nothing went through the proxy');
      assert.ok(proxy.tunnels.every((target) => target === new URL(api.url).host));
    } finally {
      await close();
    }
  });

  it('goes direct for hosts in http.noProxy', async () => {
    const { client, close } = clientThrough(api, { proxy: proxy.url, noProxy: ['127.0.0.1'] });
    try {
      await client.listIntegrations();
      assert.deepEqual(proxy.tunnels, []);
    } finally {
      await close();
    }
  });

  it('says a 407 from the proxy is the proxy asking for credentials', async () => {
    const guarded = await CountingProxy.start({ requireCredentials: true });
    const { client, close } = clientThrough(api, { proxy: guarded.url });
    try {
      await assert.rejects(client.listIntegrations(), (error: unknown) => {
        assert.ok(error instanceof ScalingoError, String(error));
        assert.equal(error.kind, 'proxyAuthenticationRequired', error.message);
        return true;
      });
      assert.ok(guarded.tunnels.length >= 1);
    } finally {
      await close();
      await guarded.close();
    }
  });

  describe('https with a certificate nobody vouches for', () => {
    let secure: FakeScalingoApi;

    beforeEach(async () => {
      secure = await FakeScalingoApi.start({ seed: 'default', tls: selfSignedCertificate() });
    });

    afterEach(() => secure.close());

    it('refuses it, saying the certificate is not trusted', async () => {
      const { client, close } = clientThrough(secure, {});
      try {
        await assert.rejects(client.listIntegrations(), (error: unknown) => {
          assert.ok(error instanceof ScalingoError && error.kind === 'network');
          assert.match(error.message, /certificate is not trusted/u);
          return true;
        });
      } finally {
        await close();
      }
    });

    it('applies the same certificate rules inside a proxy tunnel', async () => {
      const strict = clientThrough(secure, { proxy: proxy.url });
      const lenient = clientThrough(secure, { proxy: proxy.url, strictSSL: false });
      try {
        await assert.rejects(strict.client.listIntegrations(), { kind: 'network' });
        assert.equal((await lenient.client.listIntegrations()).length, 4);
        assert.ok(proxy.tunnels.length >= 2, 'the https requests did not go through the proxy');
      } finally {
        await strict.close();
        await lenient.close();
      }
    });

    it('still verifies a direct connection when http.proxyStrictSSL is off: the setting is about proxies', async () => {
      const { client, close } = clientThrough(secure, { strictSSL: false });
      try {
        await assert.rejects(client.listIntegrations(), (error: unknown) => {
          assert.ok(error instanceof ScalingoError && error.kind === 'network', String(error));
          assert.equal(error.details.untrustedCertificate, true);
          return true;
        });
      } finally {
        await close();
      }
    });
  });
});
