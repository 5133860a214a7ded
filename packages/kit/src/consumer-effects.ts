import type { Table } from '@ufp/db/table';
import { UnitOfWork, type WriteContext } from '@ufp/db/unit-of-work';
import type { ConsumerEffects } from '@ufp/events/idempotent-consumer';

/**
 * Builds a unit of work as a command would (items, outbox, audit entries with their hashes) and hands its items to the
 * consumer's effects, which commit them with the processed marker in one transaction: a consumer's writes and its
 * "done" mark land together or not at all.
 */
export async function intoEffects(table: Table, ctx: WriteContext, effects: ConsumerEffects, build: (uow: UnitOfWork) => void): Promise<void> {
  const captured: Parameters<ConsumerEffects['add']>[0][] = [];
  const capture: Table = {
    name: table.name,
    doc: { send: async (command: { input: { TransactItems?: typeof captured } }) => void captured.push(...(command.input.TransactItems ?? [])) } as unknown as Table['doc'],
  };
  const uow = new UnitOfWork(capture, ctx);
  build(uow);
  await uow.commit();
  for (const item of captured) effects.add(item);
}
