import { nowIso } from '../clock.js';
import { describePath } from '../domain/object-path.js';
import type { CrawledTag, Tag, TagSource } from '../domain/tag.js';
import { planTagAdditions } from '../domain/tag-rules.js';
import { WardenError } from '../errors.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import type { StoredTag } from '../store/repositories/tag-repository.js';
import { auditEntry, systemActor, type Actor } from './actor.js';
import type { CatalogService } from './catalog-service.js';
import type { DataSourceService } from './data-source-service.js';

/** The tags of one object and of each column of its dictionary (leaves). */
export interface ObjectTags {
  objectPath: string[];
  tags: Tag[];
  /** Leaves: every column of the dictionary, in order, with its tags. */
  columns?: { name: string; tags: Tag[] }[];
}

/** The legacy tag routes' model types (`/tag/{modelType}/{modelId}`). */
export type TagModelType = 'datasource' | 'column';

/** Where a tag call acts: an object, or one column of a leaf. */
interface Place {
  path: string[];
  column: string | null;
}

/**
 * User tags (and clearing the system `New` tag) on objects and columns, and the tag names in
 * use. Platform tags are written only by syncs; this refuses to remove them. Every change leaves
 * one audit row with the place's tags before and after.
 */
export class TagService {
  constructor(
    private readonly store: CatalogStore,
    private readonly catalog: CatalogService,
    private readonly dataSources: DataSourceService,
  ) {}

  async tagsOf(path: readonly string[]): Promise<ObjectTags> {
    const { object } = await this.catalog.locate(path);
    const [stored, columns] = await Promise.all([this.store.tags.listFor(object.id), object.isLeaf ? this.store.columns.listFor(object.id) : undefined]);
    return {
      objectPath: [...path],
      tags: stored.filter((t) => t.column === null).map(tagView),
      ...(columns && { columns: columns.map((c) => ({ name: c.name, tags: stored.filter((t) => t.column === c.name).map(tagView) })) }),
    };
  }

  /**
   * Adds user tags to the object or to one of its columns. A name the place already has as a
   * user tag is not added twice: its value becomes the one given (null when none is given).
   */
  async add(path: readonly string[], column: string | null, tags: readonly CrawledTag[], actor: Actor = systemActor('tags')): Promise<ObjectTags> {
    await this.change({ path: [...path], column }, actor, async (repos, objectId, before) => {
      const plan = planTagAdditions(before, tags, 'user');
      const addedAt = nowIso();
      await repos.tags.insert(plan.insert.map((t) => ({ objectId, column, ...t, source: 'user' as const, addedBy: actor.id, addedAt })));
      for (const update of plan.update) await repos.tags.updateValue(update.id, update.value);
    });
    return this.tagsOf(path);
  }

  /**
   * Removes a user tag (or, with source `system`, clears `New`). Platform tags follow the
   * platform: asking to remove one is a conflict, and so is naming only a platform tag's name.
   */
  async remove(path: readonly string[], tag: { name: string; column: string | null; source?: TagSource }, actor: Actor = systemActor('tags')): Promise<ObjectTags> {
    const source = tag.source ?? 'user';
    await this.change({ path: [...path], column: tag.column }, actor, async (repos, _objectId, before, place) => {
      const found = before.find((t) => t.name === tag.name && t.source === source);
      const fromPlatform = before.some((t) => t.name === tag.name && t.source === 'platform');
      if (fromPlatform && (source === 'platform' || !found)) throw new WardenError('PLATFORM_TAG_READ_ONLY', { name: tag.name, place });
      if (!found) throw new WardenError('TAG_NOT_FOUND', { source, name: tag.name, place });
      await repos.tags.delete([found.id]);
    });
    return this.tagsOf(path);
  }

  names(search: { searchText?: string; offset: number; size: number }) {
    return this.store.tags.names(search);
  }

  /** The object path a legacy model id names (for access control); null when it names nothing. */
  async pathOfModel(modelType: string, modelId: string): Promise<string[] | null> {
    const parsed = parseModelId(modelType, modelId);
    return parsed ? this.dataSources.pathOf(parsed.dataSourceId) : null;
  }

  /** `POST /tag/{modelType}/{modelId}`: adds user tags; answers the data source's or column's tags. */
  async addToModel(modelType: TagModelType, modelId: string, tags: readonly CrawledTag[], actor: Actor): Promise<Tag[]> {
    const place = await this.modelPlace(modelType, modelId);
    return tagsAt(await this.add(place.path, place.column, tags, actor), place.column);
  }

  /** `DELETE /tag/{modelType}/{modelId}/{tag}`: removes a user tag; answers the tags left there. */
  async removeFromModel(modelType: TagModelType, modelId: string, name: string, actor: Actor): Promise<Tag[]> {
    const place = await this.modelPlace(modelType, modelId);
    return tagsAt(await this.remove(place.path, { name, column: place.column }, actor), place.column);
  }

  private async modelPlace(modelType: TagModelType, modelId: string): Promise<Place> {
    const parsed = parseModelId(modelType, modelId);
    if (!parsed) {
      const expected = modelType === 'datasource' ? 'send a data source id, e.g. 12' : 'send <dataSourceId>_<columnName>, e.g. 12_email';
      throw new WardenError('INVALID_TAG_MODEL_ID', { modelId, modelType, expected });
    }
    const view = await this.dataSources.get(parsed.dataSourceId);
    return { path: view.objectPath, column: parsed.column };
  }

  /** Runs one tag change at `place` in a transaction with its audit row. */
  private async change(
    place: Place,
    actor: Actor,
    work: (repos: Repositories, objectId: number, before: StoredTag[], placeName: string) => Promise<void>,
  ): Promise<void> {
    const { object } = await this.catalog.locate(place.path);
    if (place.column !== null) {
      const columns = object.isLeaf ? await this.store.columns.listFor(object.id) : [];
      if (!columns.some((c) => c.name === place.column)) throw new WardenError('COLUMN_NOT_FOUND', { column: place.column, path: describePath(place.path) });
    }
    const placeName = place.column === null ? describePath(place.path) : `column "${place.column}" of ${describePath(place.path)}`;
    await this.store.transaction(async (repos) => {
      // Deleted since it was found: answer as if it had never been found, not with the foreign key's error.
      if (!(await repos.objects.holdIfPresent(object.id))) throw new WardenError('OBJECT_NOT_FOUND', { path: describePath(place.path) });
      const at = async () => (await repos.tags.listFor(object.id)).filter((t) => t.column === place.column);
      const before = await at();
      await work(repos, object.id, before, placeName);
      const after = await at();
      await repos.audit.insert(
        auditEntry(actor, 'object.tags', {
          objectPath: place.path,
          ...(place.column !== null && { target: `column:${place.column}` }),
          before: { tags: before.map(auditTag) },
          after: { tags: after.map(auditTag) },
        }),
      );
    });
  }
}

/** A legacy model id: `datasource` takes a data source id, `column` `<dataSourceId>_<columnName>` (split at the first `_`). */
function parseModelId(modelType: string, modelId: string): { dataSourceId: number; column: string | null } | null {
  const match = modelType === 'datasource' ? /^([1-9]\d{0,9})$/.exec(modelId) : modelType === 'column' ? /^([1-9]\d{0,9})_(.+)$/s.exec(modelId) : null;
  if (!match) return null;
  return { dataSourceId: Number(match[1]), column: match[2] ?? null };
}

function tagsAt(view: ObjectTags, column: string | null): Tag[] {
  return column === null ? view.tags : (view.columns?.find((c) => c.name === column)?.tags ?? []);
}

/** A stored tag as the API shows it. */
export function tagView(tag: StoredTag): Tag {
  return { name: tag.name, value: tag.value, source: tag.source, addedBy: tag.addedBy, addedAt: tag.addedAt };
}

function auditTag(tag: StoredTag) {
  return { name: tag.name, value: tag.value, source: tag.source };
}

