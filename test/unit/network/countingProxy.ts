import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/**
 * A forward proxy on 127.0.0.1 that tunnels CONNECT requests and counts them, as a corporate proxy
 * would; with `requireCredentials`, it answers every CONNECT with 407 as one that wants a login.
 */
export class CountingProxy {
  readonly tunnels: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: { readonly requireCredentials?: boolean } = {}): Promise<CountingProxy> {
    const server = createServer((_request, response) => response.writeHead(405).end());
    const proxy = await new Promise<CountingProxy>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve(new CountingProxy(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`))),
    );
    server.on('connect', (request, client: Socket, head) => {
      proxy.tunnels.push(request.url ?? '');
      if (options.requireCredentials) {
        client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="corp"\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const socket of [client, upstream]) {
        proxy.sockets.add(socket);
        socket.on('error', () => socket.destroy());
        socket.on('close', () => proxy.sockets.delete(socket));
      }
    });
    return proxy;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
