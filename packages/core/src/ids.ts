import { monotonicFactory } from 'ulid';

const next = monotonicFactory();
export const newId = (): string => next();
