import { databricksTechnology } from './databricks/databricks-technology.js';
import { mariadbTechnology, mysqlTechnology } from './mariadb/mariadb-technology.js';
import { postgresTechnology } from './postgres/postgres-technology.js';
import { snowflakeTechnology } from './snowflake/snowflake-technology.js';
import type { TechnologyDescriptor } from './technology.js';
import { trinoTechnology } from './trino/trino-technology.js';

/** Every technology this build of Warden supports. */
export const ALL_TECHNOLOGIES: readonly TechnologyDescriptor[] = [postgresTechnology, mariadbTechnology, mysqlTechnology, trinoTechnology, snowflakeTechnology, databricksTechnology];
