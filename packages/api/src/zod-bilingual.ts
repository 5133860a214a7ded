import { z } from 'zod';

/**
 * zod's built-in messages in Chinese and English at once. The global error map sees the raw
 * issue (with its input), so both locales can describe it fully; the two texts travel in one
 * message joined by a separator that `splitMessage` takes apart for the API's error body.
 */
const SEPARATOR = '\u241e';
const zh = z.locales.zhCN().localeError;
const en = z.locales.en().localeError;

type ErrorMap = NonNullable<Parameters<typeof z.config>[0]>['localeError'];
const text = (map: ErrorMap, issue: Parameters<NonNullable<ErrorMap>>[0]): string => {
  const out = map?.(issue);
  return typeof out === 'string' ? out : (out?.message ?? '');
};

export function installBilingualZodMessages(): void {
  z.config({ localeError: (issue) => `${text(zh, issue)}${SEPARATOR}${text(en, issue)}` });
}

export interface IssueView {
  path: (string | number)[];
  message: string;
  messageEn: string;
}

export function issueView(issue: z.core.$ZodIssue): IssueView {
  const [zhText, enText] = issue.message.split(SEPARATOR);
  const params = (issue as { params?: { en?: string } }).params;
  return {
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: zhText ?? issue.message,
    messageEn: enText ?? params?.en ?? zhText ?? issue.message,
  };
}
