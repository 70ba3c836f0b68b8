import { createHash } from 'node:crypto';
import type { CrawledColumn } from './catalog-types.js';
import type { CrawledTag, Tag } from './tag.js';

/** A stored tag of one object or column, as much as the diff needs. */
export type StoredTag = Pick<Tag, 'name' | 'value' | 'source'>;

/** What a sync must do to one object's (or column's) platform tags. */
export interface PlatformTagDiff {
  added: CrawledTag[];
  removed: CrawledTag[];
  /** Same name, another value: updated in place (its `addedAt` stays). */
  revalued: { name: string; from: string | null; to: string | null }[];
}

/**
 * Makes the stored platform tags equal to the crawled ones. Only `platform` tags take part: a
 * user or system tag with the same name is another tag and is never touched. `crawled`
 * undefined means the tags were not read (no tags on this platform, or reading them failed):
 * nothing changes, as safe deletion requires.
 */
export function diffPlatformTags(stored: readonly StoredTag[], crawled: readonly CrawledTag[] | undefined): PlatformTagDiff {
  const diff: PlatformTagDiff = { added: [], removed: [], revalued: [] };
  if (crawled === undefined) return diff;
  const before = new Map(stored.filter((t) => t.source === 'platform').map((t) => [t.name, t.value]));
  for (const tag of uniqueTags(crawled)) {
    if (!before.has(tag.name)) diff.added.push(tag);
    else if (before.get(tag.name) !== tag.value) diff.revalued.push({ name: tag.name, from: before.get(tag.name)!, to: tag.value });
    before.delete(tag.name);
  }
  for (const [name, value] of before) diff.removed.push({ name, value });
  return diff;
}

/** A platform reporting one name twice keeps the first (the store holds one tag per name and source). */
export function uniqueTags(tags: readonly CrawledTag[]): CrawledTag[] {
  const seen = new Map<string, CrawledTag>();
  for (const tag of tags) if (!seen.has(tag.name)) seen.set(tag.name, tag);
  return [...seen.values()];
}

/**
 * A digest of the platform tags a crawl reported for an object and its columns, stored with the
 * object so an unchanged table costs one comparison, tags included. Null when no tag of the
 * object or its columns was read: then nothing is compared and the stored digest stays. Parts
 * not read are marked as such, so a later complete read never looks unchanged.
 */
export function tagsFingerprint(tags: readonly CrawledTag[] | undefined, columns: readonly CrawledColumn[] | undefined): string | null {
  if (tags === undefined && !(columns ?? []).some((c) => c.tags !== undefined)) return null;
  const hash = createHash('sha1');
  const update = (list: readonly CrawledTag[] | undefined) => {
    if (list === undefined) return hash.update('\u0001\u0000');
    // Sorted: the platform's order of tags means nothing.
    for (const t of uniqueTags(list).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      hash.update(`${t.name}\u0000${t.value ?? '\u0001'}\u0000`);
    }
    return hash.update('\u0002');
  };
  update(tags);
  for (const column of columns ?? []) {
    hash.update(`${column.name}\u0000`);
    update(column.tags);
  }
  return hash.digest('base64');
}
