import { conflict, DomainError, staleVersion } from '@ufp/core/errors';
import { assignableModules, roles, type AssignableModule, type Role } from '@ufp/core/roles';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '../cursor.js';
import { keys, tenantPrefix } from '../keys.js';
import { z } from 'zod';
import { filterExpression, getItem, queryAll, queryPage, type Page } from '../query.js';
import { parseStored } from '../stored.js';
import type { Table } from '../table.js';
import type { UnitOfWork } from '../unit-of-work.js';

/** How a user signs in at the identity provider: a mobile number (kept encrypted, shown masked) or an account name. */
export interface LoginIdentifier {
  kind: 'phone' | 'account';
  /** What lists show: the account name, or the phone masked (`138****5678`). */
  display: string;
  /** The phone number, envelope-encrypted (field `user.loginId`); absent for account names. */
  encrypted?: string;
  /** Keyed hash of the normalised identifier: the per-tenant uniqueness guard is keyed by it, never by the value. */
  index: string;
}

/**
 * A directory entry; credentials live with the identity provider, not here. The identity provider
 * authenticates (its token names the user); the directory authorises: status, roles, unit and modules
 * of an entry replace what the token says (see `effectiveClaims` in the API's procedure tiers).
 */
export interface User {
  userId: string;
  tenantId?: string;
  scope?: string;
  name: string;
  roles: Role[];
  unitId?: string;
  /** Federation staff only: the modules they work in; absent = every module. */
  modules?: AssignableModule[];
  login?: LoginIdentifier;
  /** Absent on entries written before users had a status: active. */
  status?: 'active' | 'disabled';
  disabledAt?: string;
  disabledBy?: string;
  disabledReason?: string;
  createdAt: string;
  updatedAt?: string;
  /** Absent on entries written before users were versioned: 1. */
  version?: number;
}

export type TenantUser = User & { tenantId: string };

/** A directory entry as stored (parsed on read); older entries have no status or version. */
export const storedUser = z.object({
  userId: z.string(),
  tenantId: z.string().optional(),
  scope: z.string().optional(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  unitId: z.string().optional(),
  modules: z.array(z.enum(assignableModules)).optional(),
  login: z.object({ kind: z.enum(['phone', 'account']), display: z.string(), encrypted: z.string().optional(), index: z.string() }).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  disabledAt: z.string().optional(),
  disabledBy: z.string().optional(),
  disabledReason: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  version: z.number().int().optional(),
}) satisfies z.ZodType<User>;
const storedTenantUser = storedUser.extend({ tenantId: z.string() }) satisfies z.ZodType<TenantUser>;

const parseUser = (item: Record<string, unknown>): User => parseStored(storedUser, item, 'user');
const parseTenantUser = (item: Record<string, unknown>): TenantUser => parseStored(storedTenantUser, item, 'user');

export const isActive = (u: Pick<User, 'status'>): boolean => (u.status ?? 'active') === 'active';
export const isActiveAdmin = (u: Pick<User, 'status' | 'roles'>): boolean => isActive(u) && u.roles.includes('federation_admin');
export const versionOf = (u: Pick<User, 'version'>): number => u.version ?? 1;

export interface UserFilter {
  q?: string;
  role?: Role;
  status?: 'active' | 'disabled';
}

/** The filter clauses of a directory page: an entry without a status is active. */
function userFilterClauses(filter: UserFilter) {
  const clauses: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> }[] = [];
  if (filter.q) {
    clauses.push({ expression: '(contains(#u_name, :u_q) OR contains(#u_login.#u_display, :u_q))', names: { '#u_name': 'name', '#u_login': 'login', '#u_display': 'display' }, values: { ':u_q': filter.q } });
  }
  if (filter.role) clauses.push({ expression: 'contains(#u_roles, :u_role)', names: { '#u_roles': 'roles' }, values: { ':u_role': filter.role } });
  if (filter.status === 'disabled') clauses.push({ expression: '#u_status = :u_disabled', names: { '#u_status': 'status' }, values: { ':u_disabled': 'disabled' } });
  if (filter.status === 'active') clauses.push({ expression: '(attribute_not_exists(#u_status) OR #u_status = :u_active)', names: { '#u_status': 'status' }, values: { ':u_active': 'active' } });
  return clauses;
}

const DIRECTORY_CACHE_MS = 5_000;
const DIRECTORY_CACHE_MAX = 10_000;

export class UserRepository {
  /** (tenant, user) → the entry or its absence, read at most once per `cacheMs` per API instance. */
  private readonly cache = new Map<string, { user: TenantUser | undefined; at: number }>();

  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
    private readonly cacheMs = DIRECTORY_CACHE_MS,
  ) {}

  /** A page of the directory; `filter` narrows it on the server (name or login display contains `q`, a role, a status). */
  list(scope: TenantScope, page: { cursor?: string; limit?: number }, filter: UserFilter = {}): Promise<Page<TenantUser>> {
    const { values, ...where } = filterExpression({}, userFilterClauses(filter));
    return queryPage<TenantUser>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      { KeyConditionExpression: 'pk = :pk', ...where, ExpressionAttributeValues: { ':pk': keys.userPartition(scope.tenantId), ...values } },
      { ...page, map: parseTenantUser },
    );
  }

  /** Every directory entry of the tenant (the last-admin guard looks for another active admin). */
  async all(scope: Pick<TenantScope, 'tenantId'>): Promise<TenantUser[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.userPartition(scope.tenantId) } });
    return items.map(parseTenantUser);
  }

  async get(scope: Pick<TenantScope, 'tenantId'>, userId: string): Promise<TenantUser> {
    const item = await getItem<Record<string, unknown>>(this.table, keys.user(scope.tenantId, userId));
    if (!item) throw new DomainError('not_found', { zh: '用户不存在', en: 'User not found' }, { entity: 'user' });
    return parseTenantUser(item);
  }

  /**
   * The directory entry the procedure tier authorises a token's subject with, or undefined when the
   * identity exists only at the identity provider. Cached per API instance for a few seconds (one
   * GetItem per user per window); this instance's own writes drop the entry at once.
   */
  async directoryEntry(tenantId: string, userId: string): Promise<TenantUser | undefined> {
    const key = `${tenantId}\u0000${userId}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < this.cacheMs) return hit.user;
    const item = await getItem<Record<string, unknown>>(this.table, keys.user(tenantId, userId));
    const user = item ? parseTenantUser(item) : undefined;
    this.cache.delete(key);
    if (this.cache.size >= DIRECTORY_CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { user, at: Date.now() });
    return user;
  }

  add(uow: UnitOfWork, user: TenantUser): void {
    uow.create(this.item(user), conflict({ zh: '用户已存在', en: 'User already exists' }));
    if (user.login) this.guardLogin(uow, user);
    this.forget(user);
  }

  /** Replaces an entry only if nobody changed it since `before` was read; moves the login guard with the identifier. */
  replace(uow: UnitOfWork, before: TenantUser, after: TenantUser): void {
    const expected = before.version;
    uow.raw(
      {
        Put: {
          TableName: this.table.name,
          Item: this.item(after),
          // Entries written before users were versioned have no version attribute (they count as 1).
          ConditionExpression: expected === undefined ? 'attribute_exists(pk) AND attribute_not_exists(#v)' : 'attribute_exists(pk) AND #v = :expected',
          ExpressionAttributeNames: { '#v': 'version' },
          ...(expected === undefined ? {} : { ExpressionAttributeValues: { ':expected': expected } }),
        },
      },
      staleVersion(),
    );
    if (before.login?.index !== after.login?.index) {
      if (before.login) uow.delete(keys.uniqueGuard(before.tenantId, 'LOGIN', before.login.index));
      if (after.login) this.guardLogin(uow, after);
    }
    this.forget(after);
  }

  /**
   * In the same transaction: `user` is still an active admin. The last-admin guard names another admin
   * this way, so two admins demoting each other at once cannot both succeed.
   */
  requireActiveAdmin(uow: UnitOfWork, user: TenantUser, onChanged: DomainError): void {
    uow.raw(
      {
        ConditionCheck: {
          TableName: this.table.name,
          Key: keys.user(user.tenantId, user.userId),
          ConditionExpression: 'contains(#roles, :admin) AND (attribute_not_exists(#status) OR #status = :active)',
          ExpressionAttributeNames: { '#roles': 'roles', '#status': 'status' },
          ExpressionAttributeValues: { ':admin': 'federation_admin', ':active': 'active' },
        },
      },
      onChanged,
    );
  }

  /**
   * The platform's own entries (operators, leadership), outside every tenant's directory: the names
   * the platform audit log and a loaded holiday notice give an operator whose entry carries none.
   */
  async platformNames(): Promise<Map<string, string>> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.scopedUser('').pk } });
    return new Map(items.map(parseUser).map((u) => [u.userId, u.name]));
  }

  /** Every directory entry across tenants and scopes — for the local demo login only. */
  async listAllForDevLogin(): Promise<User[]> {
    const items = await queryAll(this.table, {
      IndexName: 'byLookup',
      KeyConditionExpression: 'lookupPk = :p',
      ExpressionAttributeValues: { ':p': 'DIRECTORY' },
    });
    return items.map(parseUser);
  }

  private item(user: TenantUser): Record<string, unknown> {
    return { ...keys.user(user.tenantId, user.userId), ...directoryLookup(user), kind: 'user', ...user };
  }

  private guardLogin(uow: UnitOfWork, user: TenantUser): void {
    uow.create(
      { ...keys.uniqueGuard(user.tenantId, 'LOGIN', user.login!.index), kind: 'guard', userId: user.userId },
      conflict({ zh: `登录标识 ${user.login!.display} 已被本单位其他用户使用`, en: `The login id ${user.login!.display} is already used by another user of this federation` }, { field: 'loginId' }),
    );
  }

  private forget(user: TenantUser): void {
    this.cache.delete(`${user.tenantId}\u0000${user.userId}`);
  }
}

/** Directory entries are also indexed under `byLookup` so the local login can list them. */
export const directoryLookup = (user: User) => ({ lookupPk: 'DIRECTORY', lookupSk: `${user.tenantId ?? user.scope ?? 'platform'}#${user.userId}` });
