// The ten-things module's labels (zh-CN, the source); keys start with the module's prefix. `en.ts` must provide each.
export const zh = {
  'tenThings.nav': '十件实事',
  'tenThings.navMine': '我的实事任务',
  'tenThings.navCompare': '十件实事对比',
} as const;
