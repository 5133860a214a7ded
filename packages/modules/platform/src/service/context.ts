import type { Actor, TenantScope } from '@ufp/core/tenancy/scope';
import type { Claims } from '@ufp/kit/auth';
import type { Context } from '@ufp/kit/trpc';

/** What a tenant procedure hands its service: the caller's tenant scope and verified (directory-refreshed) claims. */
export type TenantCtx = Context & { scope: TenantScope; claims: Claims };
/** What a platform (operator) procedure hands its service. */
export type PlatformCtx = Context & { actor: Actor };
