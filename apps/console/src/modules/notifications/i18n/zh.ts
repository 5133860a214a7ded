// The notifications module's labels (zh-CN, the source); keys start with the module's prefix. `en.ts` must provide each.
export const zh = {
  'notifications.nav': '通知提醒',
} as const;
