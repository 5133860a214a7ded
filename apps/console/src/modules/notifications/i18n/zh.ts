// The notifications module's labels (zh-CN, the source); keys start with the module's prefix. `en.ts` must provide each.
export const zh = {
  'notifications.nav': '通知提醒',
  'notifications.notifications': '通知提醒',
  'notifications.unread': '未读 {unread} 条',
  'notifications.module': '模块',
  'notifications.retry': '重试',
  'notifications.noNotifications': '暂无通知',
  'notifications.notifications2': '通知列表',
  'notifications.markRead': '标为已读',
} as const;
