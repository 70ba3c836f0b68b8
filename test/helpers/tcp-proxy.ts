import * as net from 'node:net';

/** Which way bytes travel through the proxy. */
export type Direction = 'toServer' | 'toClient';

/**
 * A network fault the proxy plays once armed (see {@link TcpProxy.arm}). Byte counts run from
 * the moment of arming, over every connection, in the named direction: a seeded count picks a
 * point anywhere in a crawl without knowing its protocol.
 */
export type Fault =
  /** After N bytes, that direction of that connection is held for `ms`, then goes on in order (a latency spike). */
  | { kind: 'delay'; direction: Direction; afterBytes: number; ms: number }
  /** After N bytes, that direction of that connection stops forwarding; the socket stays open (a hung server). */
  | { kind: 'stall'; direction: Direction; afterBytes: number }
  /** After N bytes, that connection is closed both sides (FIN): a lost connection. */
  | { kind: 'cut'; direction: Direction; afterBytes: number }
  /** After N bytes, that connection is reset both sides (RST). */
  | { kind: 'reset'; direction: Direction; afterBytes: number }
  /** New connections are reset as soon as they are accepted (a server that refuses); open ones go on. */
  | { kind: 'refuse' };

interface Pair {
  client: net.Socket;
  server: net.Socket;
  seen: string;
  stalled: Record<Direction, boolean>;
  /** Chunks held back by a delay, in order; null when that direction flows. */
  held: Record<Direction, Buffer[] | null>;
}

/**
 * A TCP proxy in front of a real database server, for failure tests that must be the same for
 * every technology: it forwards bytes both ways until told to cut a connection at a chosen
 * moment (when the client sends a given query text, or after a number of bytes), to stop
 * answering, to slow down or to refuse. Protocol-agnostic: it only counts bytes and looks for
 * text in what the client sends (connections run without TLS in tests).
 */
export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private cutRule: { marker: string; cut: () => void } | undefined;
  private stallRule: { marker: string } | undefined;
  private hanging = false;
  private fault: { fault: Fault; counted: Record<Direction, number>; fired: boolean } | undefined;
  private readonly total: Record<Direction, number> = { toServer: 0, toClient: 0 };
  /** Connections accepted so far (how many times a client signed in). */
  accepted = 0;

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

  /** Plays `fault` from now on (replacing an armed one); its byte counts start at zero. */
  arm(fault: Fault): void {
    this.fault = { fault, counted: { toServer: 0, toClient: 0 }, fired: false };
  }

  /** Whether the armed fault has struck yet (a refusal: once it refused a connection). */
  get faultFired(): boolean {
    return this.fault?.fired ?? false;
  }

  /** Stops the armed fault; stalled connections stay stalled (their client gives up on them). */
  disarm(): void {
    this.fault = undefined;
  }

  /** Bytes forwarded each way since the proxy started: how long a clean crawl is, to pick fault points inside it. */
  transferred(): Record<Direction, number> {
    return { ...this.total };
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
    this.accepted += 1;
    client.on('error', () => {});
    const stalled = { toServer: false, toClient: false };
    const held = { toServer: null, toClient: null };
    if (this.hanging) {
      this.pairs.add({ client, server: client, seen: '', stalled, held });
      return;
    }
    if (this.fault?.fault.kind === 'refuse') {
      this.fault.fired = true;
      client.resetAndDestroy();
      return;
    }
    const server = net.connect(target.port, target.host);
    server.on('error', () => client.destroy());
    client.on('error', () => server.destroy());
    const pair: Pair = { client, server, seen: '', stalled, held };
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
        pair.stalled.toClient = true;
      }
      this.forward(pair, 'toServer', chunk);
    });
    server.on('data', (chunk: Buffer) => this.forward(pair, 'toClient', chunk));
    client.on('close', () => {
      server.destroy();
      this.pairs.delete(pair);
    });
    server.on('close', () => client.destroy());
  }

  /** Sends `chunk` on in `direction`, playing the armed fault where its byte count falls inside the chunk. */
  private forward(pair: Pair, direction: Direction, chunk: Buffer): void {
    if (pair.stalled[direction]) return;
    const to = direction === 'toServer' ? pair.server : pair.client;
    const queue = pair.held[direction];
    if (queue !== null) {
      queue.push(chunk);
      return;
    }
    const armed = this.fault;
    const fault = armed?.fault;
    if (armed === undefined || fault === undefined || fault.kind === 'refuse' || armed.fired || fault.direction !== direction) {
      this.write(to, direction, chunk);
      return;
    }
    const room = fault.afterBytes - armed.counted[direction];
    armed.counted[direction] += chunk.length;
    if (room >= chunk.length) {
      this.write(to, direction, chunk);
      return;
    }
    // The fault strikes inside this chunk: exactly `afterBytes` get through, then the fault.
    armed.fired = true;
    if (room > 0) this.write(to, direction, chunk.subarray(0, room));
    if (fault.kind === 'delay') {
      // What follows on this direction waits behind the held rest, so the stream keeps its order.
      const held = [chunk.subarray(Math.max(room, 0))];
      pair.held[direction] = held;
      setTimeout(() => {
        pair.held[direction] = null;
        for (const part of held) this.write(to, direction, part);
      }, fault.ms);
    } else if (fault.kind === 'stall') {
      pair.stalled[direction] = true;
    } else if (fault.kind === 'cut') {
      pair.client.destroy();
      pair.server.destroy();
    } else {
      pair.client.resetAndDestroy();
      pair.server.resetAndDestroy();
    }
  }

  private write(to: net.Socket, direction: Direction, chunk: Buffer): void {
    this.total[direction] += chunk.length;
    if (!to.destroyed) to.write(chunk);
  }
}
