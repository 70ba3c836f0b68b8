import type { CrawlBatch, CrawledObject } from '../domain/catalog-types.js';

type ListingBatch = Extract<CrawlBatch, { type: 'listing' }>;

/**
 * The subtrees of one run whose tags the connector could not read (`tagsNotRead` batches). The
 * listings it sends for them afterwards are applied without tags, whatever they carry, so no
 * platform tag below such a path is removed (safe deletion covers tags too).
 */
export class UnreadTags {
  private readonly paths: string[][] = [];

  add(path: readonly string[]): void {
    this.paths.push([...path]);
  }

  /** The listing with the tags of every object at or below an unread path (and of its columns) left out. */
  strip(batch: ListingBatch): ListingBatch {
    if (this.paths.length === 0) return batch;
    const covered = (name: string) => this.paths.some((p) => p.length <= batch.parent.length + 1 && p.every((step, i) => (i < batch.parent.length ? batch.parent[i] : name) === step));
    if (!batch.objects.some((o) => covered(o.name))) return batch;
    return { ...batch, objects: batch.objects.map((o) => (covered(o.name) ? withoutTags(o) : o)) };
  }
}

function withoutTags({ tags: _tags, ...object }: CrawledObject): CrawledObject {
  if (!object.columns) return object;
  return { ...object, columns: object.columns.map(({ tags: _columnTags, ...column }) => column) };
}
