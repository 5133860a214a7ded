/** Errors a use case raises for its caller; the API maps `kind` to an HTTP status. */
export type DomainErrorKind = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unavailable';

export interface Bilingual {
  zh: string;
  en: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly text: Bilingual,
    readonly details: Record<string, unknown> = {},
  ) {
    super(`${text.zh} / ${text.en}`);
  }
}

/** "基层工会不存在" / "Union not found": the entity named in both languages. */
export const notFound = (entity: Bilingual): DomainError =>
  new DomainError('not_found', { zh: `${entity.zh}不存在`, en: `${entity.en} not found` }, { entity: entity.en });

export const staleVersion = (): DomainError =>
  new DomainError('conflict', {
    zh: '数据已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  }, { reason: 'stale_version' });

/** The data store cannot serve the call right now (restarting, unreachable, overloaded): 503, try again. */
export const storeUnavailable = (): DomainError =>
  new DomainError('unavailable', {
    zh: '存储暂不可用，请稍后重试',
    en: 'The data store is temporarily unavailable; please try again shortly',
  }, { reason: 'store_unavailable' });

export const forbidden = (text: Bilingual): DomainError => new DomainError('forbidden', text);
export const conflict = (text: Bilingual, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('conflict', text, details);
export const invalid = (text: Bilingual, details: Record<string, unknown> = {}): DomainError =>
  new DomainError('invalid', text, details);

/** The refusal a check raises, or undefined when it passes (any other error is thrown on). */
export function refusalOf(check: () => unknown): DomainError | undefined {
  try {
    check();
    return undefined;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}
