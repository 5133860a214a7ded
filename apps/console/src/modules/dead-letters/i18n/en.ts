import type { zh } from './zh';

export const en: Record<keyof typeof zh, string> = {
  'deadLetters.nav': 'Dead letters',
  'deadLetters.title': 'Dead letters',
  'deadLetters.subtitle': 'Events whose handlers failed; replay them once the fault is fixed',
  'deadLetters.handler': 'Handler',
  'deadLetters.eventType': 'Event type',
  'deadLetters.eventId': 'Event ID',
  'deadLetters.error': 'Error',
  'deadLetters.attempts': 'Attempts',
  'deadLetters.failedAt': 'Failed at',
  'deadLetters.replay': 'Replay',
  'deadLetters.replayLabel': 'Replay event {id}',
  'deadLetters.replaying': 'Replaying…',
  'deadLetters.replayed': 'Event re-delivered',
  'deadLetters.empty': 'The dead-letter queue is empty: every event was handled',
};
