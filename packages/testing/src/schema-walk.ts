import { appRouter } from '@ufp/api/router';

/**
 * The fields of every procedure's input, found by walking its zod schemas (`_def.inputs`): the
 * label test checks each has a name in words, the fuzz test aims its mutations at them.
 */
type Zod = { _zod: { def: Record<string, any> } };
export type Segment = string | number;

export interface SchemaField {
  /** Array elements as index 0; a record's values under the key 'key'. */
  path: Segment[];
  /** The zod type at the leaf (string, number, enum, boolean…). */
  type: string;
  /** True when the path passes through a record (its keys are free). */
  inRecord: boolean;
}

export function schemaFields(schema: Zod, path: Segment[] = [], inRecord = false): SchemaField[] {
  const def = schema._zod.def;
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, Zod>).flatMap(([key, inner]) => schemaFields(inner, [...path, key], inRecord));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return schemaFields(def.innerType, path, inRecord);
    case 'pipe': {
      // z.preprocess(fn, object): the object is the pipe's output.
      const side = def.in._zod.def.type === 'transform' ? def.out : def.in;
      return schemaFields(side, path, inRecord);
    }
    case 'array':
      return schemaFields(def.element, [...path, 0], inRecord);
    case 'union': {
      const seen = new Map<string, SchemaField>();
      for (const f of (def.options as Zod[]).flatMap((o) => schemaFields(o, path, inRecord))) seen.set(`${f.path.join('.')}:${f.type}`, f);
      return [...seen.values()];
    }
    case 'tuple':
      return (def.items as Zod[]).flatMap((item, i) => schemaFields(item, [...path, i], inRecord));
    case 'record':
      return schemaFields(def.valueType, [...path, 'key'], true);
    default:
      return [{ path, type: def.type, inRecord }];
  }
}

type Procedure = { _def: { type: 'query' | 'mutation'; inputs: Zod[] } };
export const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;
export const procedurePaths = Object.keys(procedures).sort();

/** Every field of a procedure's input (none for a procedure without input). */
export const fieldsOf = (procedure: string): SchemaField[] => procedures[procedure]!._def.inputs.flatMap((i) => schemaFields(i));

/** `value` placed at `path` in a copy of `base`, creating what is missing on the way. */
export function withValue(base: unknown, path: Segment[], value: unknown): any {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [Segment, ...Segment[]];
  const container: any = Array.isArray(base) ? [...base] : base && typeof base === 'object' ? { ...base } : typeof head === 'number' ? [] : {};
  // JSON drops an array's named members (and `length` cannot be redefined), so such a key changes nothing on the wire.
  if (Array.isArray(container) && typeof head === 'string' && !/^\d+$/.test(head)) return container;
  const current = Object.prototype.hasOwnProperty.call(container, head) ? container[head] : undefined;
  // An own property even for `__proto__`: plain assignment would replace the copy's prototype (an array stops being iterable).
  Object.defineProperty(container, head, { value: withValue(current, rest, value), enumerable: true, writable: true, configurable: true });
  return container;
}

/** A copy of `base` without the field at `path` (nothing changes when it is not there). */
export function without(base: unknown, path: Segment[]): any {
  if (path.length === 0 || !base || typeof base !== 'object') return base;
  const [head, ...rest] = path as [Segment, ...Segment[]];
  const container: any = Array.isArray(base) ? [...base] : { ...base };
  if (rest.length === 0) {
    if (Array.isArray(container) && typeof head === 'number') container.splice(head, 1);
    else delete container[head];
  } else if (Object.prototype.hasOwnProperty.call(container, head)) {
    Object.defineProperty(container, head, { value: without(container[head], rest), enumerable: true, writable: true, configurable: true });
  }
  return container;
}
