// The 技能竞赛 procedures, typed by the contract (contract.ts) while the server's router is being built.
import { mutate, query } from '../../api';
import type { Mutations, Queries } from './contract';

type Args<T> = T extends [infer I, unknown] ? (undefined extends I ? [input?: I] : [input: I]) : never;
type Untyped = (path: string, input?: unknown) => Promise<unknown>;

export function cq<P extends keyof Queries>(path: P, ...args: Args<Queries[P]>): Promise<Queries[P][1]> {
  return (query as unknown as Untyped)(path, args[0]) as Promise<Queries[P][1]>;
}

export function cm<P extends keyof Mutations>(path: P, ...args: Args<Mutations[P]>): Promise<Mutations[P][1]> {
  return (mutate as unknown as Untyped)(path, args[0]) as Promise<Mutations[P][1]>;
}
