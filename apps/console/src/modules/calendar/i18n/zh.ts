// The calendar module's labels (zh-CN, the source); keys start with the module's prefix. `en.ts` must provide each.
export const zh = {
  'calendar.nav': '节假日安排',
} as const;
