import type { zh } from './zh';

export const en: Record<keyof typeof zh, string> = {
  'notifications.nav': 'Notifications',
  'notifications.notifications': 'Notifications',
  'notifications.unread': '{unread} unread',
  'notifications.module': 'Module',
  'notifications.retry': 'Retry',
  'notifications.noNotifications': 'No notifications. Reminders of contract deadlines, hardship clocks and ten-things items appear here before they are due.',
  'notifications.noNotificationsUnit': 'No notifications for your unit. Federation-wide reminders (contract deadlines, hardship clocks) go to federation staff; the items assigned to your unit are under Tasks, and your hardship files under Apply.',
  'notifications.notifications2': 'Notifications',
  'notifications.markRead': 'Mark read',
};
