import { randomUUID } from 'node:crypto';
import { nowIso } from '../clock.js';
import { WardenError } from '../errors.js';
import type { CatalogStore, Repositories } from '../store/catalog-store.js';
import type { PrincipalRecord } from '../store/repositories/principal-repository.js';
import { effectivePermissions, permissionsLacking } from '../domain/permissions.js';
import { auditEntry } from './actor.js';
import { GLOBAL_PERMISSIONS, type GlobalPermission, type Principal } from './auth-service.js';

export interface UserView {
  name: string;
  /** Granted to the user directly. */
  permissions: GlobalPermission[];
  groups: string[];
  /** The user's own and their groups' permissions: what their keys may do. */
  effectivePermissions: GlobalPermission[];
  builtin: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface GroupView {
  name: string;
  permissions: GlobalPermission[];
  members: string[];
  createdAt: string;
  updatedAt: string;
}

/**
 * Users and groups and the global permissions granted to them; every change is audited. No
 * actor grants what it does not hold: a change that gives a user (or a group's members) a
 * permission the actor lacks is FORBIDDEN and changes nothing.
 */
export class UserService {
  constructor(private readonly store: CatalogStore) {}

  async list(): Promise<UserView[]> {
    const users = await this.store.principals.list('user');
    return Promise.all(users.map((u) => this.view(this.store, u)));
  }

  async get(name: string): Promise<UserView> {
    return this.view(this.store, await this.find(this.store, name));
  }

  /*
   * add, update and putGroup look a name up and insert it when absent (a user; a group named by
   * `groups` or `putGroup`): under the store-wide lock, not a plain transaction, so two requests
   * creating the same name at once on PostgreSQL meet USER_EXISTS or the group the first made,
   * not the unique index (a 500). Principal changes are rare and short.
   */
  async add(input: { name: string; permissions?: GlobalPermission[]; groups?: string[] }, actor: Principal): Promise<UserView> {
    return this.store.exclusive(async (repos) => {
      if (await repos.principals.find('user', input.name)) throw new WardenError('USER_EXISTS', { name: input.name });
      const user = { id: randomUUID(), type: 'user' as const, name: input.name, permissions: normalise(input.permissions ?? []), createdAt: nowIso() };
      await repos.principals.insert(user);
      await repos.principals.setGroups(user.id, await this.groupIds(repos, input.groups ?? []));
      const after = await this.view(repos, { ...user, builtin: false, updatedAt: user.createdAt });
      assertMayGrant(actor, [], after.effectivePermissions);
      await repos.audit.insert(auditEntry(actor, 'user.created', { target: `user:${input.name}`, after }));
      return after;
    });
  }

  /** Replaces the user's permissions and/or groups (what is not given stays). */
  async update(name: string, changes: { permissions?: GlobalPermission[]; groups?: string[] }, actor: Principal): Promise<UserView> {
    return this.store.exclusive(async (repos) => {
      const user = await this.find(repos, name);
      if (user.builtin) throw new WardenError('BUILTIN_USER');
      const before = await this.view(repos, user);
      const now = nowIso();
      if (changes.permissions) await repos.principals.setPermissions(user.id, normalise(changes.permissions), now);
      if (changes.groups) await repos.principals.setGroups(user.id, await this.groupIds(repos, changes.groups));
      if (!changes.permissions) await repos.principals.setPermissions(user.id, user.permissions, now);
      const after = await this.view(repos, await this.find(repos, name));
      assertMayGrant(actor, before.effectivePermissions, after.effectivePermissions);
      await repos.audit.insert(auditEntry(actor, 'user.updated', { target: `user:${name}`, before, after }));
      return after;
    });
  }

  /** Deletes the user and, with them, their API keys. */
  async delete(name: string, actor: Principal): Promise<UserView> {
    // Under the job lock like add and update: a delete committing between an update's read and
    // its write left the update reading a row that was gone (a 500 the fuzzer found).
    return this.store.exclusive(async (repos) => {
      const user = await this.find(repos, name);
      if (user.builtin) throw new WardenError('BUILTIN_USER');
      const before = await this.view(repos, user);
      await repos.principals.delete(user.id);
      await repos.audit.insert(auditEntry(actor, 'user.deleted', { target: `user:${name}`, before }));
      return before;
    });
  }

  async listGroups(): Promise<GroupView[]> {
    const groups = await this.store.principals.list('group');
    return Promise.all(groups.map((g) => this.groupView(this.store, g)));
  }

  /** Creates the group or replaces its permissions. */
  async putGroup(name: string, permissions: GlobalPermission[], actor: Principal): Promise<GroupView> {
    return this.store.exclusive(async (repos) => {
      const existing = await repos.principals.find('group', name);
      const before = existing ? await this.groupView(repos, existing) : null;
      const id = existing?.id ?? (await this.groupIds(repos, [name]))[0]!;
      await repos.principals.setPermissions(id, normalise(permissions), nowIso());
      const after = await this.groupView(repos, (await repos.principals.findById(id))!);
      assertMayGrant(actor, before?.permissions ?? [], after.permissions);
      await repos.audit.insert(auditEntry(actor, existing ? 'group.updated' : 'group.created', { target: `group:${name}`, before, after }));
      return after;
    });
  }

  /** Deletes the group; its members lose what it granted. Ownership naming it stays (and grants nothing). */
  async deleteGroup(name: string, actor: Principal): Promise<GroupView> {
    return this.store.exclusive(async (repos) => {
      const group = await repos.principals.find('group', name);
      if (!group) throw new WardenError('GROUP_NOT_FOUND', { name });
      const before = await this.groupView(repos, group);
      await repos.principals.delete(group.id);
      await repos.audit.insert(auditEntry(actor, 'group.deleted', { target: `group:${name}`, before }));
      return before;
    });
  }

  private async find(repos: Pick<Repositories, 'principals'>, name: string): Promise<PrincipalRecord> {
    const user = await repos.principals.find('user', name);
    if (!user) throw new WardenError('USER_NOT_FOUND', { name });
    return user;
  }

  /** Ids of the named groups, creating (without permissions) those that do not exist yet. */
  private async groupIds(repos: Pick<Repositories, 'principals'>, names: readonly string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const name of new Set(names)) {
      const group = await repos.principals.find('group', name);
      if (group) ids.push(group.id);
      else {
        const id = randomUUID();
        await repos.principals.insert({ id, type: 'group', name, permissions: [], createdAt: nowIso() });
        ids.push(id);
      }
    }
    return ids;
  }

  private async view(repos: Pick<Repositories, 'principals'>, user: PrincipalRecord): Promise<UserView> {
    const groups = await repos.principals.groupsOf(user.id);
    return {
      name: user.name,
      permissions: normalise(user.permissions),
      groups: groups.map((g) => g.name),
      effectivePermissions: effectivePermissions(user, groups),
      builtin: user.builtin,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    };
  }

  private async groupView(repos: Pick<Repositories, 'principals'>, group: PrincipalRecord): Promise<GroupView> {
    return {
      name: group.name,
      permissions: normalise(group.permissions),
      members: await repos.principals.membersOf(group.id),
      createdAt: group.createdAt,
      updatedAt: group.updatedAt,
    };
  }
}

/** FORBIDDEN when going from `before` to `after` grants a permission `actor` does not hold. */
function assertMayGrant(actor: Principal, before: readonly GlobalPermission[], after: readonly GlobalPermission[]): void {
  const lacking = permissionsLacking(actor.permissions, permissionsLacking(before, after));
  if (lacking.length > 0) {
    throw new WardenError('FORBIDDEN', { actor: `User "${actor.name}"`, operation: `grant ${lacking.join(', ')}`, needs: `${lacking.join(' and ')} itself` });
  }
}

/** The permissions in catalogue order, each once. */
function normalise(permissions: readonly string[]): GlobalPermission[] {
  return GLOBAL_PERMISSIONS.filter((p) => permissions.includes(p));
}
