// The notifications module's labels (zh-CN, the source); keys start with the module's prefix. `en.ts` must provide each.
export const zh = {
  'notifications.nav': '通知提醒',
  'notifications.notifications': '通知提醒',
  'notifications.unread': '未读 {unread} 条',
  'notifications.module': '模块',
  'notifications.retry': '重试',
  'notifications.noNotifications': '暂无通知。合同期限、帮扶时限和十件实事的提醒会在到期前出现在这里。',
  'notifications.noNotificationsUnit': '本单位暂无通知。本单位负责的困难档案入户调查临近期限、到期或逾期时会在这里提醒；合同期限等总工会范围的提醒由总工会工作人员处理，分配给本单位的实事项目见「任务」。',
  'notifications.notifications2': '通知列表',
  'notifications.markRead': '标为已读',
} as const;
