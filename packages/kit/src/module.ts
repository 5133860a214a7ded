import type { AnyRouter } from '@trpc/server';
import type { Clock } from '@ufp/core/clock';
import type { BlobStore } from '@ufp/core/evidence/blob-store';
import type { FieldCipher } from '@ufp/core/pii/envelope';
import type { Indicator, DerivedIndicator } from '@ufp/core/rollups/indicators';
import type { CursorCodec } from '@ufp/db/cursor';
import type { Tenant } from '@ufp/core/tenancy/scope';
import type { Table } from '@ufp/db/table';
import type { TenantTickJob } from '@ufp/events/consumers/daily-tick';
import type { ConsumerHandler } from '@ufp/events/idempotent-consumer';
import type { RuleDefinition } from '@ufp/events/rules';
import { parseEnvelope, type EnvelopeOf, type EventDefinition } from './event.js';
import type { SeedApi } from './seed.js';

/** What a consumer or a tick is built with (a Lambda's composition root has these, not the API's deps). */
export interface ConsumerDeps {
  table: Table;
  clock: Clock;
  cursors: CursorCodec;
  /** The field cipher (a consumer opening a sealed hand-over, e.g. the 劳模 survey's household). */
  cipher: FieldCipher;
  /** The key of the blind indexes (look-ups by ID number). */
  blindIndexKey: Buffer;
  /** The blob store (an import consumer reads the uploaded workbook); absent where none is configured. */
  blobs?: BlobStore;
}

export interface ConsumerDefinition {
  /** The handler name: one consumer function in AWS, one registry entry locally. */
  readonly name: string;
  readonly rule: Omit<RuleDefinition, 'handler'>;
  create(deps: ConsumerDeps): ConsumerHandler;
}

/**
 * A consumer of typed events: the rule's pattern is their `detail-type`s (or `pattern` when the rule
 * needs more, e.g. types of modules not built yet, which reach the handler unparsed), and the handler
 * receives each envelope parsed against its event's schema.
 */
export function defineConsumer<const E extends readonly EventDefinition[]>(spec: {
  name: string;
  description: string;
  events: E;
  pattern?: Record<string, unknown>;
  create(deps: ConsumerDeps): (event: EnvelopeOf<E>, effects: Parameters<ConsumerHandler>[1]) => Promise<void>;
}): ConsumerDefinition {
  const known = new Set(spec.events.map((e) => e.type));
  return {
    name: spec.name,
    rule: { name: kebab(spec.name), description: spec.description, pattern: spec.pattern ?? { 'detail-type': spec.events.map((e) => e.type) } },
    create(deps) {
      const handle = spec.create(deps);
      return async (envelope, effects) => handle(known.has(envelope['detail-type']) ? parseEnvelope(spec.events, envelope) : (envelope as EnvelopeOf<E>), effects);
    },
  };
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** An indicator key the records cannot recompute (e.g. a count of events whose records keep no history), and why. */
export interface NotRecountable {
  key: string;
  reason: { zh: string; en: string };
}

/** One module's recount as the platform runs it (see `ModuleDefinition.recount`). */
export interface ModuleRecount {
  module: string;
  /** The keys of its indicators (derived ones excluded: they follow from their inputs). */
  keys: readonly string[];
  recount: (deps: ConsumerDeps, tenant: Tenant, year: number) => Promise<Record<string, number>>;
  notRecountable: readonly NotRecountable[];
}

export interface ModuleDefinition<N extends string = string, R extends AnyRouter = AnyRouter> {
  /** The first segment of the module's procedure paths, events (`<name>.<entity>.<verbPast>`) and console routes. */
  readonly name: N;
  readonly label: { zh: string; en: string };
  /** Whether staff can be assigned to it (then its procedures are refused to staff assigned elsewhere). */
  readonly assignable: boolean;
  /** The module's procedures, under its own names (merged into the app router). */
  readonly router: R;
  readonly events: readonly EventDefinition[];
  readonly consumers: readonly ConsumerDefinition[];
  /** Daily jobs for one tenant and one day; the kit runs them for every active tenant. */
  readonly ticks: readonly ((deps: ConsumerDeps) => TenantTickJob)[];
  readonly seed?: (api: SeedApi) => Promise<void>;
  /**
   * Recomputes from the tenant's own records what its rollup row should hold for `year`, for every indicator the
   * module declares: a stock as at the end of the year (now, for the current year), a flow or a period indicator for
   * that year alone. A key left out counts as 0. The cockpit's 重新核算 compares it with the projected rollup.
   */
  readonly recount?: (deps: ConsumerDeps, tenant: Tenant, year: number) => Promise<Record<string, number>>;
  /** Keys of its indicators that `recount` cannot recompute from the records, each with why (reported, never compared). */
  readonly notRecountable?: readonly NotRecountable[];
  readonly indicators: readonly Indicator[];
  readonly derivedIndicators: readonly DerivedIndicator[];
  /** Whether it raises in-app notifications (the notification list's module filter). */
  readonly notifies: boolean;
  /** Procedures whose request bodies may exceed the default limit (uploads), with their own limit in bytes. */
  readonly bodyLimits: Readonly<Record<string, number>>;
}

type Optional = 'events' | 'consumers' | 'ticks' | 'indicators' | 'derivedIndicators' | 'notifies' | 'bodyLimits' | 'assignable';

/**
 * What the platform knows of a module before any of its code runs: its name, label, indicators and upload
 * limits. The API function registers a feature module by its manifest and loads the module itself (router,
 * consumers, schemas) on the first call of one of its procedures, which keeps its cold start short. The
 * module spreads its manifest into its definition, so the two never disagree; its router has one top-level
 * key, the module's name.
 */
export type ModuleManifest<N extends string = string> = Pick<ModuleDefinition<N>, 'name' | 'label' | 'assignable' | 'notifies' | 'indicators' | 'derivedIndicators' | 'bodyLimits'>;

export function defineManifest<const N extends string>(spec: Pick<ModuleManifest<N>, 'name' | 'label'> & Partial<ModuleManifest<N>>): ModuleManifest<N> {
  return { indicators: [], derivedIndicators: [], notifies: false, bodyLimits: {}, assignable: false, ...spec };
}

/** A module registered by its manifest, loaded when first needed. */
export interface LazyModule<N extends string = string> {
  readonly manifest: ModuleManifest<N>;
  load(): Promise<ModuleDefinition<N>>;
  /** The top-level keys of its router that load it (default: its name); each must hold a router, not a procedure. */
  readonly routes?: readonly string[];
  /** Top-level procedures served without loading it (tRPC cannot load a procedure at the root lazily). */
  readonly eager?: AnyRouter;
}

/** One module: registering it is one line in `packages/api/src/modules.ts` (server) and one in the console's `modules.ts`. */
export function defineModule<const N extends string, R extends AnyRouter>(spec: Omit<ModuleDefinition<N, R>, Optional> & Partial<Pick<ModuleDefinition<N, R>, Optional>>): ModuleDefinition<N, R> {
  return {
    events: [],
    consumers: [],
    ticks: [],
    indicators: [],
    derivedIndicators: [],
    notifies: false,
    bodyLimits: {},
    assignable: false,
    ...spec,
  };
}

