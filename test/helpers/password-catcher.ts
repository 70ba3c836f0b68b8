import { createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP listener speaking just enough of the PostgreSQL startup to ask for a cleartext
 * password: what a hostile host an edit points a connection at would do. It records every
 * password presented to it, then refuses the sign-in with `refusal` (a wrong password unless
 * told otherwise).
 */
export interface PasswordCatcher {
  port: number;
  /** The passwords clients presented, in order. */
  passwords: string[];
  /** How many clients connected at all. */
  connections: number;
  close(): Promise<void>;
}

const SSL_REQUEST = 80_877_103;

export interface Refusal {
  sqlState: string;
  message: string;
}

export async function startPasswordCatcher(refusal: Refusal = { sqlState: '28P01', message: 'password authentication failed' }): Promise<PasswordCatcher> {
  const sockets = new Set<Socket>();
  const catcher: PasswordCatcher = { port: 0, passwords: [], connections: 0, close: () => closeServer(server, sockets) };
  const server = createServer((socket) => {
    catcher.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    let started = false;
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (;;) {
        // The startup packet has no type byte; every later message has one.
        const head = started ? 1 : 0;
        if (buffered.length < head + 4) return;
        const length = buffered.readInt32BE(head);
        if (buffered.length < head + length) return;
        const message = buffered.subarray(0, head + length);
        buffered = buffered.subarray(head + length);
        if (!started && message.readInt32BE(4) === SSL_REQUEST) {
          socket.write('N');
        } else if (!started) {
          started = true;
          socket.write(authenticationCleartextPassword());
        } else if (message[0] === 'p'.charCodeAt(0)) {
          catcher.passwords.push(message.subarray(5, message.length - 1).toString('utf8'));
          socket.end(errorResponse(refusal.sqlState, refusal.message));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  catcher.port = (server.address() as { port: number }).port;
  return catcher;
}

function authenticationCleartextPassword(): Buffer {
  const message = Buffer.alloc(9);
  message.write('R', 0);
  message.writeInt32BE(8, 1);
  message.writeInt32BE(3, 5);
  return message;
}

function errorResponse(sqlState: string, text: string): Buffer {
  const fields = Buffer.from(`SFATAL\0C${sqlState}\0M${text}\0\0`, 'utf8');
  const head = Buffer.alloc(5);
  head.write('E', 0);
  head.writeInt32BE(4 + fields.length, 1);
  return Buffer.concat([head, fields]);
}

async function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
