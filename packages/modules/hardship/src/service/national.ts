import { mapLimit } from '@ufp/core/map-limit';
import { UnitRepository } from '@ufp/db/repositories/units';
import { exportWorkbook, xlsxFile } from '@ufp/kit/excel';
import { write } from '@ufp/kit/write';
import type { z } from 'zod';
import { nationalFileColumns, nationalMemberColumns, onNationalFile, type NationalFileRow, type NationalMemberRow } from '../domain/national-layout.js';
import type { nationalExportInput } from '../schemas.js';
import { store, today, type Ctx } from './context.js';
import { cipherField, decrypt, decryptHousehold, decryptOptional } from './pii.js';

const DECRYPT_PARALLEL = 16;

/**
 * The files on file in the layout of the national 帮扶 system's 困难职工档案表 (`domain/national-layout.ts`), with a
 * sheet of their household members. The worker's ID number and phone are decrypted into it, so each export is
 * audited as a read of personal data (how many files, by whom) and never replayed from the idempotency store.
 */
export async function exportNational(ctx: Ctx, input: z.output<typeof nationalExportInput>) {
  const lang = input?.lang ?? 'zh';
  const files = (await store(ctx).allFiles(ctx.scope, 'approved')).filter(onNationalFile);
  const units = await unitNames(ctx);
  const rows: NationalFileRow[] = await mapLimit(files, DECRYPT_PARALLEL, async (file) => ({
    file,
    household: await decryptHousehold(ctx, file),
    idNumber: await decrypt(ctx, file.worker.idEncrypted, cipherField.idNumber),
    phone: await decryptOptional(ctx, file.worker.phoneEncrypted, cipherField.phone),
    unitName: units.get(file.unitId) ?? '',
  }));
  const members: NationalMemberRow[] = rows.flatMap((r) => r.household.members.map((member) => ({ fileId: r.file.fileId, member })));
  const { bytes, rows: written } = await exportWorkbook(lang, [
    { name: { zh: '困难职工档案表', en: 'Hardship worker files' }, columns: nationalFileColumns, rows },
    { name: { zh: '家庭成员信息', en: 'Household members' }, columns: nationalMemberColumns, rows: members },
  ]);
  await write(ctx, (uow) => {
    uow.audit({
      action: 'pii.reveal',
      entityType: 'hardship.file',
      entityId: 'export-national',
      summary: `导出全国帮扶系统格式的困难职工档案 ${rows.length} 份（含身份证号、联系电话明文）`,
    });
  });
  return xlsxFile(`hardship-national-${today(ctx)}.xlsx`, bytes, written);
}

async function unitNames(ctx: Ctx): Promise<Map<string, string>> {
  const units = await new UnitRepository(ctx.deps.table, ctx.deps.cursors).all(ctx.scope);
  return new Map(units.map((u) => [u.unitId, u.name]));
}
