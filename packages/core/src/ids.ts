import { encodeTime, monotonicFactory } from 'ulid';

const next = monotonicFactory();
export const newId = (): string => next();

/** Bounds of the ids minted at `at` (ULIDs sort by their creation time): every id minted before `at` sorts below `idsFrom(at)`. */
export const idsFrom = (at: Date): string => `${encodeTime(Math.max(0, at.getTime()), 10)}${'0'.repeat(16)}`;
export const idsUpTo = (at: Date): string => `${encodeTime(Math.max(0, at.getTime()), 10)}${'Z'.repeat(16)}`;
