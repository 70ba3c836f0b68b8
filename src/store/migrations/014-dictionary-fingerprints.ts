import type { Kysely } from 'kysely';

/**
 * `objects.dictionary_fingerprint` (issue 17): the platform's fingerprint of the leaf's stored
 * dictionary (CrawledObject.dictionaryFingerprint), written with the columns it describes. A
 * re-sync hands these to the connector, which reads columns only where the platform's
 * fingerprint now differs. Null where the technology computes none, and for dictionaries
 * stored before: those are read (and fingerprinted) on their next sync.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('objects').addColumn('dictionary_fingerprint', 'text').execute();
}
