import type { TechnologyDescriptor } from '../technology.js';
import { POSTGRES_TECHNOLOGY, createPostgresConnector } from './postgres-connector.js';
import { POSTGRES_LEVELS } from './postgres-crawl.js';
import { postgresSetupScript } from './postgres-setup-script.js';

/** PostgreSQL as the connector registry knows it. */
export const postgresTechnology: TechnologyDescriptor = {
  technology: POSTGRES_TECHNOLOGY,
  levels: POSTGRES_LEVELS,
  authenticationTypes: ['userPassword'],
  defaultPort: 5432,
  create: createPostgresConnector,
  setupScript: postgresSetupScript,
};
