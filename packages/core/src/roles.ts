export const roles = [
  'platform_operator',
  'federation_admin',
  'federation_staff',
  'unit_reporter',
  'leadership_viewer',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  platform_operator: { zh: '平台运营', en: 'Platform operator' },
  federation_admin: { zh: '总工会管理员', en: 'Federation admin' },
  federation_staff: { zh: '总工会工作人员', en: 'Federation staff' },
  unit_reporter: { zh: '基层工会填报员', en: 'Unit reporter' },
  leadership_viewer: { zh: '领导查看', en: 'Leadership viewer' },
};
