// Type-level test of the typed client (checked by `tsc`, never run): the procedure path, its input and its
// output all come from the API's router, so each line marked @ts-expect-error must be a type error.
import { mutate, query, type RouterInputs, type RouterOutputs } from './api';

export async function typedClientChecks(): Promise<void> {
  // A wrong path.
  // @ts-expect-error — no procedure `units.lst`
  await query('units.lst', {});
  // A mutation is not a query (and the other way round).
  // @ts-expect-error — `units.create` is a mutation
  await query('units.create', { name: 'x', type: 'enterprise', memberCount: 1, chair: { name: 'x' } });
  // @ts-expect-error — `units.get` is a query
  await mutate('units.get', { unitId: 'u' });
  // A wrong input.
  // @ts-expect-error — `unitId` is a string
  await query('units.get', { unitId: 42 });
  // @ts-expect-error — `hardship.files.get` needs its input
  await query('hardship.files.get');
  // A wrong output field.
  const unit = await query('units.get', { unitId: 'u' });
  // @ts-expect-error — a unit has no `title`
  void unit.title;
  const file = await query('hardship.files.get', { fileId: 'f' });
  // @ts-expect-error — `status` is a union of the file statuses, not a number
  const n: number = file.status;
  void n;
  // Right calls type-check, and their outputs are the router's.
  const units: RouterOutputs['units']['list'] = await query('units.list', { limit: 10 });
  void units.items.map((u) => u.name);
  const input: RouterInputs['hardship']['files']['get'] = { fileId: file.fileId };
  void input;
}
