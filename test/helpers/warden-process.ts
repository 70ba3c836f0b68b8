import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiRequest, waitForJobThrough, type ApiRequest } from './api-request.js';

const ENTRY = fileURLToPath(new URL('./warden-process-main.ts', import.meta.url));

/** A `warden serve` in its own OS process, with its own data directory. */
export interface WardenProcess {
  url: string;
  /** This process's sync worker (`sync_runs.lease_owner`). */
  workerId: string;
  child: ChildProcess;
  output: string[];
  /** Requests with the admin key; see {@link apiRequest}. */
  request: ApiRequest;
  waitForJob(id: string, timeoutMs?: number): Promise<any>;
  /** SIGTERM and wait (a no-op once it exited). */
  stop(): Promise<void>;
  /** SIGKILL (a crash: nothing runs on the way out) and wait until it is gone. */
  kill(): Promise<void>;
}

export interface WardenProcessOptions {
  /** A data directory the test owns, kept when the process exits (a restart on the same store); a fresh one removed on exit otherwise. */
  dataDir?: string;
}

/** A `warden` command in its own OS process (e.g. `secrets rotate`), on the data directory the test owns. */
export interface WardenCommand {
  child: ChildProcess;
  /** What it wrote to stdout and stderr, chunk by chunk. */
  output: string[];
  /** Its exit code, or null when a signal ended it. */
  exited: Promise<number | null>;
  /** SIGKILL (a crash) and wait until it is gone. */
  kill(): Promise<void>;
}

/** Runs `warden <args>` with `env` added, in `dataDir`. */
export function runWardenCommand(env: Record<string, string>, args: string[], dataDir: string): WardenCommand {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
    env: { ...process.env, CI: process.env.CI ?? '', WARDEN_DATA_DIR: dataDir, WARDEN_DEMO: '0', WARDEN_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(String(chunk)));
  child.stderr!.on('data', (chunk: Buffer) => output.push(String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Starts `warden serve --port 0` with `env` added (WARDEN_ADMIN_API_KEY must be among them). */
export async function startWardenProcess(env: Record<string, string>, args: string[] = [], options: WardenProcessOptions = {}): Promise<WardenProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'warden-proc-'));
  const { child, output, exited: exitCode } = runWardenCommand(env, ['serve', '--port', '0', ...args], dataDir);
  const exited = exitCode.then(() => {});
  if (options.dataDir === undefined) child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const started = new Promise<{ url: string; workerId: string }>((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += String(chunk);
      const url = /API\s+(http:\/\/\S+)/.exec(text)?.[1];
      const workerId = /"workerId":"([^"]+)"/.exec(text)?.[1];
      if (url && workerId) resolve({ url, workerId });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`warden serve exited (${code}) before it started:\n${output.join('')}`)));
    setTimeout(() => reject(new Error(`warden serve did not start in time:\n${output.join('')}`)), 45_000).unref();
  });
  const { url, workerId } = await started;
  const request = apiRequest(url, env.WARDEN_ADMIN_API_KEY!);
  return {
    url,
    workerId,
    child,
    output,
    request,
    waitForJob: (id, timeoutMs) => waitForJobThrough(request, id, timeoutMs),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}
