import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A Warden server in its own process (the built dist), so its RSS is its own. */
export interface BenchServer {
  url: string;
  pid: number;
  /** The admin key the server was started with (for clients such as autocannon). */
  apiKey: string;
  request<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Polls a job until it is no longer created/active. */
  waitForJob(id: string): Promise<any>;
  /** Peak resident set size so far, in MiB (VmHWM). */
  peakRssMiB(): number;
  /** CPU seconds (user + system) the server process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

// A fresh key per run: the server refuses admin keys shorter than 32 characters.
const API_KEY = `wdn_${randomBytes(24).toString('base64url')}`;

export async function startBenchServer(env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'warden-bench-'));
  const port = await freePort();
  // WARDEN_BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (node refuses --cpu-prof in NODE_OPTIONS).
  const profileDir = process.env.WARDEN_BENCH_CPU_PROF;
  const child: ChildProcess = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'bin/warden.js', 'serve'], {
    env: {
      ...process.env,
      WARDEN_DATA_DIR: dataDir,
      WARDEN_PORT: String(port),
      WARDEN_DEMO: '0',
      WARDEN_ADMIN_API_KEY: API_KEY,
      WARDEN_LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${API_KEY}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      if (i > 600) throw new Error('the bench server did not start');
    }
    await sleep(25);
  }
  return {
    url,
    pid: child.pid!,
    apiKey: API_KEY,
    request,
    async waitForJob(id) {
      for (;;) {
        // A poll is safe to repeat: a socket reset by a loaded machine (ECONNRESET) is polled again, not a failed bench.
        const { body } = await request('GET', `/jobs/${id}`).catch(() => request('GET', `/jobs/${id}`));
        if (body.state !== 'created' && body.state !== 'active') return body;
        await sleep(5);
      }
    },
    peakRssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    cpuSeconds() {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised command) are utime and stime in clock ticks.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
