/**
 * A valid input for every procedure of the app router, and a role that may send it: the
 * permission matrix (tests/permissions.test.ts) sends them as every role, the fuzz test
 * (tests/fuzz.property.test.ts) mutates them. Each procedure gets its row in its module's `test/access.ts`.
 *
 * Inputs name records that do not exist ('no-such-…') where a real one is not needed, so an
 * allowed call answers 200, 404 or 409; `f` holds the few real records (made in the tests'
 * beforeAll) and the other values the inputs need.
 */
import type { Claims } from '@ufp/kit/auth';
import { FIXTURE_TENANT, registeredAccess, type FixtureRole } from './access.js';
import { adminOf, leaderOf, operator, reporterOf, staffOf } from './platform.js';

export { FIXTURE_TENANT, type FixtureRole } from './access.js';

export interface FixtureRefs {
  /** A unit of the fixture tenant. */
  unitId: string;
  /** The current year (rule packs, funds, rollups). */
  year: number;
  /** A tenant id not used before (tenant creation). */
  newTenantId(): string;
  /** A ledger workbook (base64) with the template's header and one invalid row: the import answers 200 with row errors. */
  ledgerXlsx: string;
}

export interface Fixture {
  as: FixtureRole;
  input: (f: FixtureRefs) => unknown;
}

/** The claims of a fixture role in the fixture tenant (null: anonymous). */
export function claimsFor(role: FixtureRole, unitId: string): Claims | null {
  switch (role) {
    case 'platform_operator':
      return operator;
    case 'federation_admin':
      return adminOf(FIXTURE_TENANT);
    case 'federation_staff':
      return staffOf(FIXTURE_TENANT);
    case 'unit_reporter':
      return reporterOf(FIXTURE_TENANT, unitId);
    case 'leadership_viewer':
      return leaderOf('32');
    case 'anonymous':
      return null;
  }
}

/** The ledger workbook of `FixtureRefs.ledgerXlsx`. */
export async function fixtureLedgerXlsx(): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const { ledgerColumns } = await import('@ufp/hardship/domain/ledger');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRow(ledgerColumns.map((c) => c.zh)).commit();
  wb.worksheets[0]!.addRow(['不存在的工会', '矩阵', '1']);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** Every procedure's fixture, from the modules' access tables (`packages/modules/<m>/test/access.ts`). */
export const fixtures: Record<string, Fixture> = registeredAccess;
