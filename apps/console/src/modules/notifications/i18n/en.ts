import type { zh } from './zh';

export const en: Record<keyof typeof zh, string> = {
  'notifications.nav': 'Notifications',
  'notifications.notifications': 'Notifications',
  'notifications.unread': '{unread} unread',
  'notifications.module': 'Module',
  'notifications.retry': 'Retry',
  'notifications.noNotifications': 'No notifications',
  'notifications.notifications2': 'Notifications',
  'notifications.markRead': 'Mark read',
};
