/**
 * Tags: one model for every technology (ARCHITECTURE §6.4). A tag sits on an object (any level)
 * or on one column of a leaf. The same name from two sources is two tags; each source is managed
 * by its owner only: `platform` tags follow the platform (written by syncs), `user` tags by
 * people through the API (never touched by a sync), `system` tags by Warden itself (`New`).
 */
export const TAG_SOURCES = ['platform', 'user', 'system'] as const;
export type TagSource = (typeof TAG_SOURCES)[number];

/** The system tag a column gets when it is added to, or retyped on, an existing data source. */
export const NEW_TAG = 'New';

/** A tag as Warden stores and shows it. */
export interface Tag {
  /** Possibly hierarchical (`PII.Email`); Snowflake's are `DB.SCHEMA.TAG`. */
  name: string;
  /** Snowflake and Unity Catalog tags carry a value; null when the tag has none. */
  value: string | null;
  source: TagSource;
  /** `user:<name>` for user tags; null for platform and system tags. */
  addedBy: string | null;
  addedAt: string;
}

/** A tag as a crawl reports it: always a platform tag. */
export interface CrawledTag {
  name: string;
  value: string | null;
}
