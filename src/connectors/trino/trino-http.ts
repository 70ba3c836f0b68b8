import * as http from 'node:http';
import * as https from 'node:https';
import type { NodeTlsOptions } from '../shared/tls-options.js';

/** One HTTP answer, its body read whole (Trino's pages and token answers are small JSON). */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  signal: AbortSignal;
}

/**
 * The sockets of one Trino connection: keep-alive agents for http:// and https:// (Node's
 * fetch cannot take a CA per request without undici's dispatcher, which is not a dependency),
 * the connection's TLS options on every https request, and `destroy()` to tear every socket
 * down at once (an abort, a deadline, close).
 */
export class HttpSockets {
  private readonly plain = new http.Agent({ keepAlive: true, maxSockets: 4 });
  private readonly secure: https.Agent;

  constructor(tls: NodeTlsOptions | undefined) {
    this.secure = new https.Agent({ keepAlive: true, maxSockets: 4, ...tls });
  }

  /**
   * Sends one request and reads the answer. Rejects with Node's error (its `code` says what
   * failed) or the signal's reason; never on an HTTP status.
   */
  request(request: HttpRequest): Promise<HttpAnswer> {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    const send = secure ? https.request : http.request;
    return new Promise((resolve, reject) => {
      const outgoing = send(
        url,
        { method: request.method, headers: request.headers, agent: secure ? this.secure : this.plain, signal: request.signal },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          // A socket cut mid-body ends the response as aborted, not with an error.
          incoming.on('aborted', () => reject(Object.assign(new Error('the response was cut off'), { code: 'ECONNRESET' })));
          incoming.on('end', () => {
            if (!incoming.complete) return;
            resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks).toString('utf8') });
          });
        },
      );
      outgoing.on('error', reject);
      outgoing.end(request.body);
    });
  }

  destroy(): void {
    this.plain.destroy();
    this.secure.destroy();
  }
}
