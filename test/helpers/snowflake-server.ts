import type { ServerConnectionDetails } from '../../src/connectors/shared/server-connection.js';
import { ADMIN_ROLE, SnowflakeAccount } from '../protocol-servers/snowflake/account.js';
import { SnowflakeProtocolServer } from '../protocol-servers/snowflake/server.js';

/** The account name every test account has (the driver sends it upper-case as ACCOUNT_NAME). */
export const TEST_ACCOUNT = 'WARDEN_TEST';
export const ADMIN_USER = 'WARDEN_ADMIN';
export const ADMIN_PASSWORD = 'Adm1n-pw-for-the-protocol-server';

/**
 * A Snowflake protocol server (test/protocol-servers/snowflake) with a fresh account and its
 * administrator, and connection details for it: plain HTTP to 127.0.0.1, the account named
 * explicitly (the driver would take `127` from the host otherwise).
 */
export class SnowflakeTestServer {
  private nextUser = 1;

  private constructor(readonly server: SnowflakeProtocolServer) {}

  static async start(): Promise<SnowflakeTestServer> {
    const account = new SnowflakeAccount(TEST_ACCOUNT);
    account.addUser({ name: ADMIN_USER, password: ADMIN_PASSWORD, roles: [ADMIN_ROLE] });
    return new SnowflakeTestServer(await SnowflakeProtocolServer.start(account));
  }

  get account(): SnowflakeAccount {
    return this.server.account;
  }

  /** The connection's fields common to every authentication type. */
  base(): ServerConnectionDetails & { account: string; warehouse: string } {
    return {
      technology: 'Snowflake',
      authenticationType: 'userPassword',
      hostname: '127.0.0.1',
      port: this.server.port,
      account: TEST_ACCOUNT,
      warehouse: 'WARDEN_WH',
      tls: { mode: 'disable' },
    };
  }

  adminDetails(): ServerConnectionDetails {
    return { ...this.base(), role: ADMIN_ROLE, username: ADMIN_USER, password: ADMIN_PASSWORD };
  }

  /** A new user with a password and a role of its own (no grants yet). */
  createUser(password: string, options: { accountUsage?: boolean } = {}): { user: string; role: string; details: ServerConnectionDetails } {
    const n = this.nextUser++;
    const user = `CRAWLER_${n}`;
    const role = `CRAWLER_ROLE_${n}`;
    this.account.addRole(role, options.accountUsage ?? false);
    this.account.addUser({ name: user, password, roles: [role] });
    return { user, role, details: { ...this.base(), role, username: user, password } };
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
