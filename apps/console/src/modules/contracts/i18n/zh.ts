// The contracts module's labels (zh-CN, the source); keys start with the module's prefix. `en.ts` must provide each.
export const zh = {
  'contracts.nav': '集体合同',
} as const;
