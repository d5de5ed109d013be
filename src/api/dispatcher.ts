/**
 * The one keep-alive connection pool the client sends through. Built from explicit network
 * settings because a bundled undici gets none of VS Code's proxy or certificate support.
 */
import * as tls from 'node:tls';
import type { Dispatcher as DispatcherType } from 'undici';
import connect from 'undici/lib/api/api-connect';
import Dispatcher from 'undici/lib/dispatcher/dispatcher';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent';

// The proxy agent opens its CONNECT tunnel with `dispatcher.connect()`, a method undici's package
// root adds to Dispatcher.prototype. We do not load the root (it replaces the host's global fetch
// dispatcher), so the one method is added here, to our own bundled copy of the class only.
(Dispatcher.prototype as { connect?: unknown }).connect ??= connect;

export interface NetworkSettings {
  /** VS Code's `http.proxy`; empty means "use HTTPS_PROXY / HTTP_PROXY from the environment". */
  readonly proxy?: string;
  /** VS Code's `http.noProxy`, merged with NO_PROXY. */
  readonly noProxy?: readonly string[];
  /**
   * VS Code's `http.proxyStrictSSL`: false accepts untrusted certificates on the way through a
   * proxy (the proxy's own, and the ones a re-signing corporate proxy presents for Scalingo). A
   * direct connection is always verified: the setting is about proxies.
   */
  readonly strictSSL?: boolean;
}

export function createDispatcher(settings: NetworkSettings = {}): DispatcherType {
  const proxy = settings.proxy?.trim() || undefined;
  const noProxy = [...(settings.noProxy ?? []), process.env.NO_PROXY ?? process.env.no_proxy ?? '']
    .filter((entry) => entry.trim() !== '')
    .join(',');
  const ca = trustedCertificates();
  const direct = { ca, rejectUnauthorized: true };
  const throughProxy = { ca, rejectUnauthorized: settings.strictSSL ?? true };
  return new EnvHttpProxyAgent({
    // Explicit values win over the environment; undefined falls back to HTTP(S)_PROXY.
    ...(proxy ? { httpProxy: proxy, httpsProxy: proxy } : {}),
    ...(noProxy ? { noProxy } : {}),
    keepAliveTimeout: 10_000,
    // `connect` is the TLS of a direct connection; through a proxy, `requestTls` is the TLS to
    // Scalingo inside the tunnel and `proxyTls` the TLS to an https proxy.
    connect: direct,
    requestTls: throughProxy,
    proxyTls: throughProxy,
  });
}

/**
 * Node's bundled roots plus the operating system's store where Node can read it (22.15+), so a
 * GitHub Enterprise or GitLab behind a corporate CA works as it does in the browser.
 */
function trustedCertificates(): string[] | undefined {
  // Reading the system store takes about 20 ms; it does not change while VS Code runs.
  certificates ??= { list: readCertificates() };
  return certificates.list;
}

let certificates: { list: string[] | undefined } | undefined;

function readCertificates(): string[] | undefined {
  const read = (tls as { getCACertificates?: (type: 'default' | 'system') => string[] }).getCACertificates;
  if (!read) return undefined;
  try {
    return [...new Set([...read('default'), ...read('system')])];
  } catch {
    return undefined;
  }
}
