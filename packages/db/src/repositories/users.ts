import { conflict } from '@ufp/core/errors';
import type { Role } from '@ufp/core/roles';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '../cursor.js';
import { keys, tenantPrefix } from '../keys.js';
import { queryAll, queryPage, stripKeys, type Page } from '../query.js';
import type { Table } from '../table.js';
import type { UnitOfWork } from '../unit-of-work.js';

/** A directory entry; credentials live with the identity provider, not here. */
export interface User {
  userId: string;
  tenantId?: string;
  scope?: string;
  name: string;
  roles: Role[];
  unitId?: string;
  createdAt: string;
}

export class UserRepository {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
  ) {}

  list(scope: TenantScope, page: { cursor?: string; limit?: number }): Promise<Page<User>> {
    return queryPage<User>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.userPartition(scope.tenantId) } },
      { ...page, map: (i) => stripKeys<User>(i) },
    );
  }

  add(uow: UnitOfWork, user: User & { tenantId: string }): void {
    uow.create({ ...keys.user(user.tenantId, user.userId), ...directoryLookup(user), kind: 'user', ...user }, conflict({ zh: '用户已存在', en: 'User already exists' }));
  }

  /** Every directory entry across tenants and scopes — for the local demo login only. */
  async listAllForDevLogin(): Promise<User[]> {
    const items = await queryAll(this.table, {
      IndexName: 'byLookup',
      KeyConditionExpression: 'lookupPk = :p',
      ExpressionAttributeValues: { ':p': 'DIRECTORY' },
    });
    return items.map((i) => stripKeys<User>(i));
  }
}

/** Directory entries are also indexed under `byLookup` so the local login can list them. */
export const directoryLookup = (user: User) => ({ lookupPk: 'DIRECTORY', lookupSk: `${user.tenantId ?? user.scope ?? 'platform'}#${user.userId}` });
