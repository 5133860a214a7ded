import type { DomainError } from '@ufp/core/errors';

/** The error a domain rule throws, for a test to look into (fails the test when nothing is thrown). */
export function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a refusal');
}
