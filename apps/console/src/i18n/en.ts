import { recordsEn } from './records';
import type { Dict } from './zh';

export const en: Dict = {
  ...recordsEn,
  'app.name': 'Union Federation Digital Platform',
  'app.shortName': 'Union Platform',
  'lang.switch': '中文',
  'lang.switchLabel': 'Switch to Chinese',

  'common.loading': 'Loading…',
  'common.loadMore': 'Load more',
  'common.noData': 'No data',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.cancel': 'Cancel',
  'common.create': 'Create',
  'common.submit': 'Submit',
  'common.back': 'Back',
  'common.refresh': 'Refresh',
  'common.search': 'Search',
  'common.reset': 'Reset',
  'common.close': 'Close',
  'common.actions': 'Actions',
  'common.all': 'All',
  'common.view': 'View',
  'common.edit': 'Edit',
  'common.createdAt': 'Created',
  'common.updatedAt': 'Updated',
  'common.required': 'required',
  'common.optional': 'optional',
  'common.retry': 'Retry',
  'common.listSeparator': ', ',
  'common.saved': 'Saved',
  'common.viewFile': 'View',
  'common.fileUploading': 'Uploading {pct}%',
  'common.fileChecking': 'Checking…',
  'common.fileTooLarge': 'The file is too large; the limit is {mb} MB',
  'common.uploadFailed': 'Upload failed ({status}); try again',
  'common.uploadExpired': 'The upload link expired; choose the file again',
  'common.uploadNetwork': 'Network error; the upload failed',
  'common.dismiss': 'Dismiss',

  'sheetImport.file': 'Choose an Excel file',
  'sheetImport.mode': 'When a row has errors',
  'sheetImport.allOrNothing': 'Import nothing',
  'sheetImport.validOnly': 'Import only the correct rows',
  'sheetImport.run': 'Import',
  'sheetImport.progress': 'Import progress',
  'sheetImport.row': 'Row',
  'sheetImport.field': 'Column',
  'sheetImport.message': 'Problem',
  'sheetImport.more': 'First {shown} of {total} shown',

  'header.tenant': 'Organisation',
  'header.user': 'Signed in as',
  'header.logout': 'Log out',
  'header.relogin': 'Sign in again',
  'header.menu': 'Menu',
  'header.menuOpen': 'Open navigation menu',
  'header.menuClose': 'Close navigation menu',

  'nav.label': 'Main navigation',
  'nav.skipToMain': 'Skip to main content',
  'tabbar.label': 'Tab bar',
  'tabbar.tasks': 'Tasks',
  'tabbar.apply': 'Apply',
  'tabbar.notices': 'Notices',
  'tabbar.mine': 'Me',
  'title.page': '{page} — {app}',

  'role.federation_admin': 'Federation admin',
  'role.federation_staff': 'Federation staff',
  'role.unit_reporter': 'Unit reporter',
  'role.leadership_viewer': 'Leadership viewer',
  'role.platform_operator': 'Platform operator',


  'login.title': 'Sign in',
  'login.subtitle': 'Pick a demo account to sign in (local development)',
  'login.loading': 'Loading demo accounts…',
  'login.platform': 'Platform',
  'login.signingIn': 'Signing in…',
  'login.oidcTitle': "Sign in with your organisation's identity provider",
  'login.oidcBody':
    "Demo accounts are not available here. Sign in through your organisation's OIDC identity provider; if you cannot sign in, ask your federation's system administrator for an account.",
  'login.failed': 'Sign-in failed: {message}',
  'login.sessionExpired': 'Your session has expired. Please sign in again.',
  'login.accountDisabled': 'Your account is disabled; contact your federation administrator.',

  'error.forbiddenTitle': 'Access denied',
  'error.forbiddenBody': 'Your role may not open this page. Ask your federation administrator for access.',
  'error.notFoundTitle': 'Page not found',
  'error.notFoundBody': 'The page you requested does not exist or has been removed.',
  'error.backHome': 'Back to home',
  'error.conflict': 'Someone else changed this record. Please refresh and try again.',
  'error.network': 'Network error. Check your connection and try again.',
  'error.unknown': 'The operation failed. Please try again later.',
  'error.generic': 'Error: {message}',
  'error.fixFields': 'Please correct the highlighted fields and submit again.',
  'error.meFailed': 'Could not load the current user',
  'error.noRole': 'This account has no features available. Ask an administrator to assign a role.',




  'module.tenThings': 'Ten practical things',
  'module.hardship': 'Hardship assistance',
  'module.contracts': 'Collective contracts',
  'module.modelWorkers': 'Model workers',
  'module.competitions': 'Skills competitions',



  // 集体合同 (contracts)

  'tenant.suspendedTitle': "Your federation's account is suspended",
  'tenant.suspendedBody': 'The platform operator has suspended the service of {name}. Its data is kept; contact the platform operator with any questions.',
  'public.pausedTitle': 'Service paused',
  'public.pausedBody': "This federation's online service is paused for now. Please try again later or contact the local federation.",
  // 困难职工帮扶 (hardship)

};
