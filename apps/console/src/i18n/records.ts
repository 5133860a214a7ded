// Shell keys for truthful errors, missing records and confirmations (spread into zh.ts / en.ts).
export const recordsZh = {
  'record.notFoundTitle': '未找到该档案',
  'record.notFoundBody': '该记录不存在或已被删除，请检查链接是否正确。',
  'record.forbiddenTitle': '无权查看',
  'record.forbiddenBody': '您没有查看该记录的权限。如需查看，请联系本级总工会管理员。',
  'record.back': '返回列表',
  'record.staleBody': '数据已被他人修改。重新载入后，您已填写的内容会保留，请核对后再提交。',
  'record.reload': '重新载入（保留已填写内容）',
  'confirm.cancel': '取消',
  'confirm.irreversible': '此操作提交后不能撤销。',
} as const;

export const recordsEn: Record<keyof typeof recordsZh, string> = {
  'record.notFoundTitle': 'Record not found',
  'record.notFoundBody': 'This record does not exist or has been removed. Check that the link is correct.',
  'record.forbiddenTitle': 'Not allowed to view',
  'record.forbiddenBody': 'You may not view this record. Ask your federation administrator for access.',
  'record.back': 'Back to the list',
  'record.staleBody': 'Someone else changed this record. Reload it: what you typed is kept; check it and submit again.',
  'record.reload': 'Reload (keep what I typed)',
  'confirm.cancel': 'Cancel',
  'confirm.irreversible': 'This cannot be undone once submitted.',
};
