import type { CrawledTag, Tag, TagSource } from './tag.js';

/**
 * What a user tag's name may be: dot-separated segments (`PII.Email`) of ASCII letters, digits,
 * `_` and `-`, single spaces inside a segment (`Cost Centre`). Narrow on purpose: names are
 * matched exactly (a filter, a policy), so look-alike Unicode or stray spaces would make two tags
 * of one. Platform tags are stored as the platform spells them and never checked against this.
 */
const SEGMENT = '[A-Za-z0-9_-]+(?: [A-Za-z0-9_-]+)*';
export const TAG_NAME_PATTERN = `^${SEGMENT}(?:\\.${SEGMENT})*$`;
export const TAG_NAME_MAX_LENGTH = 128;
/** A value is free text without control characters. */
export const TAG_VALUE_PATTERN = '^[^\\u0000-\\u001f\\u007f]+$';
export const TAG_VALUE_MAX_LENGTH = 256;

/** A stored tag as the plan below needs it. */
export interface PlacedTag extends Pick<Tag, 'name' | 'value' | 'source'> {
  id: number;
}

/** What adding tags at one place (an object or a column) writes. */
export interface TagAdditionPlan {
  insert: CrawledTag[];
  update: { id: number; value: string | null }[];
}

/**
 * Adding tags of `source` at one place holding `existing` (any source): a name the place has
 * from that source already keeps its row and takes the new value (adding is idempotent, or
 * changes the value); other sources' tags of the same name are separate and untouched. A name
 * given twice counts once, the last value winning.
 */
export function planTagAdditions(existing: readonly PlacedTag[], incoming: readonly CrawledTag[], source: TagSource): TagAdditionPlan {
  const wanted = new Map(incoming.map((t) => [t.name, t.value]));
  const mine = new Map(existing.filter((t) => t.source === source).map((t) => [t.name, t]));
  const plan: TagAdditionPlan = { insert: [], update: [] };
  for (const [name, value] of wanted) {
    const stored = mine.get(name);
    if (!stored) plan.insert.push({ name, value });
    else if (stored.value !== value) plan.update.push({ id: stored.id, value });
  }
  return plan;
}
