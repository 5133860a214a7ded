// Source dictionary (zh-CN). `en.ts` must provide every key (enforced by its type).
// Placeholders use `{name}` and are filled by `t(key, { name })`.
import { recordsZh } from './records';

export const zh = {
  ...recordsZh,
  'app.name': '工会联合会数字化平台',
  'app.shortName': '工会数字化平台',
  'lang.switch': 'English',
  'lang.switchLabel': '切换为英文界面',

  'common.loading': '加载中…',
  'common.loadMore': '加载更多',
  'common.noData': '暂无数据',
  'common.save': '保存',
  'common.saving': '保存中…',
  'common.cancel': '取消',
  'common.create': '创建',
  'common.submit': '提交',
  'common.back': '返回',
  'common.refresh': '刷新',
  'common.search': '搜索',
  'common.reset': '重置',
  'common.close': '关闭',
  'common.actions': '操作',
  'common.all': '全部',
  'common.view': '查看',
  'common.edit': '编辑',
  'common.createdAt': '创建时间',
  'common.updatedAt': '更新时间',
  'common.required': '必填',
  'common.optional': '选填',
  'common.retry': '重试',
  /** Between the items of an inline list. */
  'common.listSeparator': '、',
  'common.saved': '已保存',
  'common.viewFile': '查看',
  'common.fileUploading': '正在上传 {pct}%',
  'common.fileChecking': '正在核验…',
  'common.fileTooLarge': '文件过大，单个文件不能超过 {mb} MB',
  'common.uploadFailed': '上传失败（{status}），请重试',
  'common.uploadExpired': '上传链接已过期，请重新选择文件',
  'common.uploadNetwork': '网络中断，上传失败',
  'common.dismiss': '关闭提示',

  'sheetImport.file': '选择 Excel 文件',
  'sheetImport.mode': '有错误时',
  'sheetImport.allOrNothing': '全部不导入',
  'sheetImport.validOnly': '只导入正确的行',
  'sheetImport.run': '开始导入',
  'sheetImport.progress': '导入进度',
  'sheetImport.row': '行号',
  'sheetImport.field': '列',
  'sheetImport.message': '问题',
  'sheetImport.more': '仅显示前 {shown} 条，共 {total} 条',
  'sheetImport.uploading': '上传进度',
  'importJob.recent': '最近的导入',
  'importJob.file': '文件',
  'importJob.status': '状态',
  'importJob.startedAt': '开始时间',
  'importJob.by': '导入人',
  'importJob.counts': '共 {total} 行：已写入 {written} 行，错误 {errors} 行',
  'importJob.skipped': '另有 {skipped} 行此前已由同一文件导入，未重复写入',
  'importJob.checking': '正在检查：已读 {checked} 行',
  'importJob.queued': '已提交，等待处理…',
  'importJob.progress': '导入进度',
  'importJob.cancel': '取消导入',
  'importJob.cancelling': '正在停止（当前一批写完后停止）…',
  'importJob.resume': '继续导入',
  'importJob.errorReport': '下载完整错误报告',
  'importJob.view': '查看',
  'importJob.failed': '导入失败：{reason}',
  'importJob.none': '还没有导入记录',
  'importJob.cancelledNote': '已取消：已处理到第 {cursor} 行，已写入的 {written} 行保留。继续导入将从第 {next} 行接着写，不会重复。',
  'importJob.background': '文件上传后在后台导入，可以离开本页，稍后回来查看结果。',

  'header.tenant': '所属组织',
  'header.user': '当前用户',
  'header.logout': '退出登录',
  'header.relogin': '重新登录',
  'header.menu': '菜单',
  'header.menuOpen': '打开导航菜单',
  'header.menuClose': '关闭导航菜单',

  'nav.label': '主导航',
  'nav.skipToMain': '跳到主要内容',
  /** The phone's bottom tab bar (unit reporters), like the 智慧工会 apps. */
  'tabbar.label': '底部导航',
  'tabbar.tasks': '任务',
  'tabbar.apply': '申请',
  'tabbar.notices': '通知',
  'tabbar.mine': '我的',
  /** `document.title`: the page's name, then the platform's. */
  'title.page': '{page} — {app}',

  'role.federation_admin': '总工会管理员',
  'role.federation_staff': '总工会工作人员',
  'role.unit_reporter': '基层工会填报员',
  'role.leadership_viewer': '领导查看',
  'role.platform_operator': '平台运营',


  'login.title': '登录',
  'login.subtitle': '请选择一个演示账号登录（本地开发环境）',
  'login.loading': '正在获取演示账号…',
  'login.platform': '平台',
  'login.signingIn': '登录中…',
  'login.oidcTitle': '通过组织统一身份认证登录',
  'login.oidcBody':
    '本环境不提供演示账号。请通过所在组织的统一身份认证（OIDC）服务登录；如无法登录，请联系本级总工会的系统管理员开通账号。',
  'login.failed': '登录失败：{message}',
  'login.sessionExpired': '登录已过期，请重新登录。',
  'login.accountDisabled': '账号已停用，请联系本单位管理员。',

  'error.forbiddenTitle': '无权访问',
  'error.forbiddenBody': '您的角色无权访问此页面。如需开通权限，请联系本级总工会管理员。',
  'error.notFoundTitle': '页面不存在',
  'error.notFoundBody': '您访问的页面不存在或已被移除。',
  'error.backHome': '返回首页',
  'error.conflict': '数据已被他人修改，请刷新后重试',
  'error.network': '网络错误，请检查网络连接后重试',
  'error.unknown': '操作失败，请稍后重试',
  'error.generic': '出错了：{message}',
  'error.fixFields': '请修正标出的字段后重新提交',
  'error.meFailed': '无法获取当前用户信息',
  'error.noRole': '当前账号没有可用的功能，请联系管理员分配角色。',




  'module.tenThings': '十件实事',
  'module.hardship': '困难职工帮扶',
  'module.contracts': '集体合同',
  'module.modelWorkers': '劳模工匠',
  'module.competitions': '技能竞赛',



  // 集体合同 (contracts)

  'tenant.suspendedTitle': '所属租户已停用',
  'tenant.suspendedBody': '{name}的平台服务已被平台运营方停用，暂时无法使用。数据均已保留；如有疑问请联系平台运营方。',
  'public.pausedTitle': '服务已暂停',
  'public.pausedBody': '该总工会的线上服务暂时停止，请稍后再试或联系当地总工会。',
  // 困难职工帮扶 (hardship)

} as const;

/** The shell's own keys (modules bring theirs: `modules/<module>/i18n`). */
export type CoreKey = keyof typeof zh;
export type Dict = Record<CoreKey, string>;
