import type { Kysely } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';
import * as catalog from './001-catalog.js';
import * as access from './002-access.js';
import * as rootIndex from './003-root-index.js';
import * as columnsUncheckedParent from './004-columns-unchecked-parent.js';
import * as dataSources from './005-data-sources.js';
import * as columnsGenerated from './006-columns-generated.js';
import * as authFailures from './007-auth-failures.js';
import * as tags from './008-tags.js';
import * as columnIdsAndTagFingerprints from './009-column-ids-and-tag-fingerprints.js';
import * as legacy from './010-legacy.js';
import * as legacyRegistrations from './011-legacy-registrations.js';
import * as sessions from './012-sessions.js';
import * as legacyDataSourceEdits from './013-legacy-data-source-edits.js';
import * as dictionaryFingerprints from './014-dictionary-fingerprints.js';
import * as integrationUpgrades from './015-integration-upgrades.js';

/** A numbered migration, written once for both dialects. */
export interface StoreMigration {
  up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void>;
}

/** Every migration this version of Warden knows, by name; names sort in the order they run. */
export const MIGRATIONS: Readonly<Record<string, StoreMigration>> = {
  '001-catalog': catalog,
  '002-access': access,
  '003-root-index': rootIndex,
  '004-columns-unchecked-parent': columnsUncheckedParent,
  '005-data-sources': dataSources,
  '006-columns-generated': columnsGenerated,
  '007-auth-failures': authFailures,
  '008-tags': tags,
  '009-column-ids-and-tag-fingerprints': columnIdsAndTagFingerprints,
  '010-legacy': legacy,
  '011-legacy-registrations': legacyRegistrations,
  '012-sessions': sessions,
  '013-legacy-data-source-edits': legacyDataSourceEdits,
  '014-dictionary-fingerprints': dictionaryFingerprints,
  '015-integration-upgrades': integrationUpgrades,
};
