import type { zh } from './zh';

export const en: Record<keyof typeof zh, string> = {
  'notifications.nav': 'Notifications',
  'notifications.notifications': 'Notifications',
  'notifications.unread': '{unread} unread',
  'notifications.module': 'Module',
  'notifications.retry': 'Retry',
  'notifications.noNotifications': 'No notifications. Reminders of contract deadlines, hardship clocks and ten-things items appear here before they are due.',
  'notifications.noNotificationsUnit': 'No notifications for your unit. You are reminded here when a hardship investigation your union owes is near its deadline, due or overdue; federation-wide reminders (contract deadlines) go to federation staff, and the items assigned to your unit are under Tasks.',
  'notifications.notifications2': 'Notifications',
  'notifications.markRead': 'Mark read',
};
