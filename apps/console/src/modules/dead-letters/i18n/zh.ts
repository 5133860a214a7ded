// The dead-letters module's labels (zh-CN, the source); keys start with the module's prefix. `en.ts` must provide each.
export const zh = {
  'deadLetters.nav': '死信队列',
  'deadLetters.title': '死信队列',
  'deadLetters.subtitle': '处理失败的事件，可在排除故障后重放',
  'deadLetters.handler': '处理器',
  'deadLetters.eventType': '事件类型',
  'deadLetters.eventId': '事件 ID',
  'deadLetters.error': '错误信息',
  'deadLetters.attempts': '尝试次数',
  'deadLetters.failedAt': '失败时间',
  'deadLetters.replay': '重放',
  'deadLetters.replayLabel': '重放事件 {id}',
  'deadLetters.replaying': '重放中…',
  'deadLetters.replayed': '事件已重新投递',
  'deadLetters.empty': '死信队列为空，所有事件均已成功处理',
} as const;
