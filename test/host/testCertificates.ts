/**
 * Certificates for the corporate-network tests in the host: a private CA that the extension host
 * is told about only through NODE_EXTRA_CA_CERTS, another only in the operating system's store
 * (OpenSSL's SSL_CERT_FILE, which Node reads for `tls.getCACertificates('system')`), a 127.0.0.1
 * server certificate each signed, and one signed by a CA nobody trusts. Made with openssl for each
 * run; nothing is kept.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The folder holds <name>-ca.pem, <name>-key.pem and <name>-cert.pem for trusted, system and unknown. */
export function makeTestCertificates(): { readonly dir: string; readonly caFile: string; readonly systemCaFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'scalingo-test-ca-'));
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\n');
  for (const name of ['trusted', 'system', 'unknown']) {
    openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=Scalingo tests ${name} CA`,
      '-keyout', `${name}-ca-key.pem`, '-out', `${name}-ca.pem`);
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`);
    openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${name}-ca.pem`, '-CAkey', `${name}-ca-key.pem`, '-CAcreateserial',
      '-days', '2', '-extfile', 'san.ext', '-out', `${name}-cert.pem`);
  }
  return { dir, caFile: join(dir, 'trusted-ca.pem'), systemCaFile: join(dir, 'system-ca.pem') };
}
