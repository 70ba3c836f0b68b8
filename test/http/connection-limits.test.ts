import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

/** A raw TCP connection to `server`, optionally from another loopback address. */
async function openSocket(server: TestServer, localAddress?: string): Promise<Socket> {
  const { hostname, port } = new URL(server.url);
  const socket = connect({ host: hostname, port: Number(port), ...(localAddress && { localAddress }) });
  socket.on('error', () => undefined);
  // Flowing, so that the server's close is seen even where nothing reads the answer.
  socket.resume();
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('close', () => reject(new Error('closed before connecting')));
  });
  return socket;
}

/** Milliseconds until the server closes `socket`; fails after `boundMs`. */
function closedWithin(socket: Socket, boundMs: number): Promise<number> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still open after ${boundMs} ms`)), boundMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(Date.now() - start);
    });
  });
}

/** GET /health over `socket`: the status line the server answers with. */
function health(socket: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    socket.once('data', (chunk) => resolve(String(chunk).split('\r\n')[0]!));
    socket.once('close', () => reject(new Error('closed without an answer')));
    socket.write('GET /health HTTP/1.1\r\nHost: warden\r\n\r\n');
  });
}

describe('slow clients', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ headersTimeoutMs: 300, requestTimeoutMs: 800, keepAliveTimeoutMs: 300 });
  });
  afterAll(() => server?.close());

  it('are cut off when their headers never end', async () => {
    const socket = await openSocket(server);
    socket.write('GET /health HTTP/1.1\r\nHost: warden\r\n');
    expect(await closedWithin(socket, 5_000)).toBeLessThan(5_000);
  });

  it('are cut off when their body trickles in a byte at a time', async () => {
    const socket = await openSocket(server);
    socket.write('POST /data/connection HTTP/1.1\r\nHost: warden\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n');
    // A byte every 200 ms would take 200 s for the whole body.
    const drip = setInterval(() => socket.writable && socket.write(' '), 200);
    try {
      expect(await closedWithin(socket, 5_000)).toBeLessThan(5_000);
    } finally {
      clearInterval(drip);
    }
  });

  it('lose an idle keep-alive connection after the keep-alive timeout', async () => {
    const socket = await openSocket(server);
    expect(await health(socket)).toBe('HTTP/1.1 200 OK');
    expect(await closedWithin(socket, 5_000)).toBeLessThan(5_000);
  });

  it('are answered when their request is waiting unread as the keep-alive timeout fires', async () => {
    const accepted: Socket[] = [];
    const onConnection = (socket: Socket) => accepted.push(socket);
    server.server.app.server.on('connection', onConnection);
    try {
      const socket = await openSocket(server);
      expect(await health(socket)).toBe('HTTP/1.1 200 OK');
      const serverSide = accepted.find((s) => s.remotePort === socket.localPort)!;
      const answer = health(socket);
      // The request is in the server's receive buffer (a loopback write), not read yet: what a
      // stalled loop meets when the idle timer is the first thing it runs.
      serverSide.emit('timeout');
      expect(await answer).toBe('HTTP/1.1 200 OK');
      // Still closed once idle.
      expect(await closedWithin(socket, 5_000)).toBeLessThan(5_000);
    } finally {
      server.server.app.server.off('connection', onConnection);
    }
  });
});

describe('connections per address', () => {
  let server: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ maxConnectionsPerAddress: 5 });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await server?.close();
  });

  it('are capped, and another address is still served', async () => {
    for (let i = 0; i < 5; i += 1) sockets.push(await openSocket(server));
    expect(await health(sockets[0]!)).toBe('HTTP/1.1 200 OK');
    const over = await openSocket(server).catch(() => null);
    if (over) {
      sockets.push(over);
      await expect(health(over)).rejects.toThrow('closed without an answer');
    }
    // Any 127.0.0.0/8 address is this host's loopback on Linux: a second client.
    const other = await openSocket(server, '127.0.0.2');
    sockets.push(other);
    expect(await health(other)).toBe('HTTP/1.1 200 OK');
  });
});
