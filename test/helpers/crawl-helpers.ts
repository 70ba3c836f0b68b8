import * as net from 'node:net';
import { expect } from 'vitest';
import type { Connector } from '../../src/connectors/connector.js';
import type { CrawlBatch, CrawlScope, CrawledObject, ScopeStep } from '../../src/domain/catalog-types.js';
import { WardenError } from '../../src/errors.js';

/** Helpers every connector test uses to run a crawl and look at its batches. */

export type Listing = Extract<CrawlBatch, { type: 'listing' }>;
export type Failure = Extract<CrawlBatch, { type: 'failure' }>;

/** A scope; by default descending only into `databases` so other databases on the shared server are not crawled. */
export function scope(target: ScopeStep[], databases?: string[], descend?: (path: string[]) => boolean): CrawlScope {
  return {
    target,
    shouldDescend: (path) => (databases === undefined || databases.includes(path[0]!)) && (descend?.(path) ?? true),
  };
}

export async function crawlAll(connector: Connector, crawlScope: CrawlScope): Promise<CrawlBatch[]> {
  const batches: CrawlBatch[] = [];
  for await (const batch of connector.crawl(crawlScope, AbortSignal.timeout(60_000))) batches.push(batch);
  return batches;
}

export function listings(batches: CrawlBatch[]): Listing[] {
  return batches.filter((batch): batch is Listing => batch.type === 'listing');
}

export function failures(batches: CrawlBatch[]): Failure[] {
  return batches.filter((batch): batch is Failure => batch.type === 'failure');
}

/** The one listing of `parent`'s children (fails the test when there are none or several). */
export function listingOf(batches: CrawlBatch[], parent: string[]): Listing {
  const found = listings(batches).filter((batch) => JSON.stringify(batch.parent) === JSON.stringify(parent));
  expect(found, `listings of ${JSON.stringify(parent)}`).toHaveLength(1);
  return found[0]!;
}

export function names(objects: CrawledObject[]): string[] {
  return objects.map((object) => object.name).sort();
}

export function kinds(objects: CrawledObject[]): Record<string, string> {
  return Object.fromEntries(objects.map((object) => [object.name, object.kind]));
}

export function byName(objects: CrawledObject[], name: string): CrawledObject {
  const found = objects.find((object) => object.name === name);
  expect(found, `object ${name}`).toBeDefined();
  return found!;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<WardenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WardenError);
  return error as WardenError;
}

/** A TCP port on 127.0.0.1 that nothing listens on (one the OS just handed out and we released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that accepts TCP connections and never answers; `close()` also drops the sockets it holds. */
export async function silentServer(): Promise<{ port: number; accepted(): number; close(): Promise<void> }> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    accepted: () => sockets.length,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
