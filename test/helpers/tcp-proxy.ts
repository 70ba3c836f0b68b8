import * as net from 'node:net';

/**
 * A TCP proxy in front of a real database server, for failure tests that must be the same for
 * every technology: it forwards bytes both ways until told to cut a connection at a chosen
 * moment (when the client sends a given query text) or to stop answering. Protocol-agnostic:
 * it only looks for the text in what the client sends (connections run without TLS in tests).
 */
export class TcpProxy {
  private readonly pairs = new Set<{ client: net.Socket; server: net.Socket; seen: string }>();
  private cutRule: { marker: string; cut: () => void } | undefined;
  private stallRule: { marker: string } | undefined;
  private hanging = false;

  private constructor(
    private readonly listener: net.Server,
    readonly port: number,
  ) {}

  /** Starts a proxy on 127.0.0.1 (a free port) forwarding to `host:port`. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    let proxy: TcpProxy | undefined;
    const listener = net.createServer((client) => proxy!.accept(client, target));
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    proxy = new TcpProxy(listener, (listener.address() as net.AddressInfo).port);
    return proxy;
  }

  /**
   * The next connection whose client sends `marker` (e.g. the text of a catalog query) is cut
   * at once, both sides, before the server sees it. Resolves when that happened.
   */
  cutWhenClientSends(marker: string): Promise<void> {
    return new Promise((resolve) => {
      this.cutRule = { marker, cut: resolve };
    });
  }

  /** The next connection whose client sends `marker` stops forwarding the server's answers (the query hangs). */
  stallWhenClientSends(marker: string): void {
    this.stallRule = { marker };
  }

  /** From now on, new connections are accepted and never answered (a server that hangs). */
  hang(): void {
    this.hanging = true;
  }

  /** Destroys every open connection. */
  cutAll(): void {
    for (const pair of this.pairs) {
      pair.client.destroy();
      pair.server.destroy();
    }
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise((resolve) => this.listener.close(resolve));
  }

  private accept(client: net.Socket, target: { host: string; port: number }): void {
    client.on('error', () => {});
    if (this.hanging) {
      this.pairs.add({ client, server: client, seen: '' });
      return;
    }
    const server = net.connect(target.port, target.host);
    server.on('error', () => client.destroy());
    client.on('error', () => server.destroy());
    const pair = { client, server, seen: '' };
    let stalled = false;
    this.pairs.add(pair);
    client.on('data', (chunk: Buffer) => {
      // A rolling window, so a marker split across two chunks is still found.
      pair.seen = (pair.seen + chunk.toString('latin1')).slice(-4096);
      const cut = this.cutRule;
      if (cut !== undefined && pair.seen.includes(cut.marker)) {
        this.cutRule = undefined;
        client.destroy();
        server.destroy();
        cut.cut();
        return;
      }
      const stall = this.stallRule;
      if (stall !== undefined && pair.seen.includes(stall.marker)) {
        this.stallRule = undefined;
        stalled = true;
      }
      server.write(chunk);
    });
    server.on('data', (chunk: Buffer) => {
      if (!stalled) client.write(chunk);
    });
    client.on('close', () => {
      server.destroy();
      this.pairs.delete(pair);
    });
    server.on('close', () => client.destroy());
  }
}
