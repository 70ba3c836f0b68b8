import type { TechnologyDescriptor } from '../technology.js';
import { MARIADB_LEVELS } from './mariadb-catalog.js';
import { MARIADB_TECHNOLOGY, MYSQL_TECHNOLOGY, mariadbConnectorFactory } from './mariadb-connector.js';
import { mariadbSetupScript } from './mariadb-setup-script.js';

function descriptor(technology: string): TechnologyDescriptor {
  return {
    technology,
    levels: MARIADB_LEVELS,
    authenticationTypes: ['userPassword'],
    defaultPort: 3306,
    create: mariadbConnectorFactory(technology),
    setupScript: mariadbSetupScript,
  };
}

/** MariaDB as the connector registry knows it. */
export const mariadbTechnology: TechnologyDescriptor = descriptor(MARIADB_TECHNOLOGY);

/** MySQL: the same connector (same protocol, same information_schema, same error numbers). */
export const mysqlTechnology: TechnologyDescriptor = descriptor(MYSQL_TECHNOLOGY);
