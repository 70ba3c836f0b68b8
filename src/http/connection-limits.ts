import type { Server as HttpServer, ServerOptions } from 'node:http';
import type { Server, Socket } from 'node:net';

/** How long a client may take and how many connections one address may hold (WARDEN_* settings). */
export interface HttpLimits {
  /** Time to receive a request's headers, from the connection's first byte. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, headers and body. */
  requestTimeoutMs: number;
  /** Time an idle keep-alive connection stays open after a response. */
  keepAliveTimeoutMs: number;
  /** Open connections one client address may hold; more are closed at once. */
  maxConnectionsPerAddress: number;
}

/**
 * Fastify's server options for `limits`. Without them a connection that never finishes its
 * headers, or sends its body a byte every few seconds, is held forever (Fastify's
 * `requestTimeout` defaults to 0, which turns Node's header timeout off too), and enough of
 * them starve every other client.
 */
export function serverTimeoutOptions(limits: HttpLimits): { requestTimeout: number; keepAliveTimeout: number; http: ServerOptions } {
  return {
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    http: {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      requestTimeout: limits.requestTimeoutMs,
      // Node enforces both timeouts only when it sweeps its connections (every 30 s by default).
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(limits.headersTimeoutMs / 2)),
    },
  };
}

/**
 * Closes a new connection at once when its address already holds `max`: one client (or one
 * attacker) cannot take every socket, so others — and `/health` — keep being served.
 */
export function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

/**
 * Closes an idle keep-alive connection only once the loop has read what is waiting on it. Node
 * closes it the moment its idle timer fires, in the timers phase, which runs before the loop
 * reads sockets: after a stall (a long synchronous piece, a starved CPU) a request the client
 * sent in time is still unread then, and closing a socket with unread input resets it (the
 * client sees ECONNRESET, with no answer). With a listener Node leaves the close to us: after
 * the loop's next poll of every socket, and not at all when bytes came in (Node serves that
 * request; the read re-armed the idle timer).
 */
export function closeIdleConnectionsAfterPendingInput(server: HttpServer): void {
  server.on('timeout', (socket: Socket) => {
    const read = socket.bytesRead;
    // Two turns of the check phase: a poll comes between them whichever phase this runs in.
    setImmediate(() =>
      setImmediate(() => {
        if (socket.bytesRead === read) socket.destroy();
      }),
    );
  });
}
