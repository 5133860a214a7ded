export const roles = [
  'platform_operator',
  'federation_admin',
  'federation_staff',
  'unit_reporter',
  'leadership_viewer',
] as const;
export type Role = (typeof roles)[number];

/** Roles held inside one tenant (and so the ones a federation admin may grant): never platform_operator. */
export const tenantRoles = ['federation_admin', 'federation_staff', 'unit_reporter', 'leadership_viewer'] as const satisfies readonly Role[];
export type TenantRole = (typeof tenantRoles)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  platform_operator: { zh: '平台运营', en: 'Platform operator' },
  federation_admin: { zh: '总工会管理员', en: 'Federation admin' },
  federation_staff: { zh: '总工会工作人员', en: 'Federation staff' },
  unit_reporter: { zh: '基层工会填报员', en: 'Unit reporter' },
  leadership_viewer: { zh: '领导查看', en: 'Leadership viewer' },
};

/**
 * The modules a `federation_staff` user may be assigned to (the first path segment of their procedures).
 * A staff user with assigned modules calls only those modules' procedures and the shared ones; none
 * assigned means every module.
 */
export const assignableModules = ['tenThings', 'hardship', 'contracts', 'modelWorkers', 'competitions'] as const;
export type AssignableModule = (typeof assignableModules)[number];

export const moduleLabels: Record<AssignableModule, { zh: string; en: string }> = {
  tenThings: { zh: '十件实事', en: 'Ten practical things' },
  hardship: { zh: '困难职工帮扶', en: 'Hardship assistance' },
  contracts: { zh: '集体合同', en: 'Collective contracts' },
  modelWorkers: { zh: '劳模工匠', en: 'Model workers' },
  competitions: { zh: '技能竞赛', en: 'Skills competitions' },
};

/** The module a procedure path belongs to (`hardship.files.list` → `hardship`), if any. */
export function moduleOfPath(path: string): AssignableModule | undefined {
  const first = path.split('.', 1)[0] ?? '';
  return (assignableModules as readonly string[]).includes(first) ? (first as AssignableModule) : undefined;
}
