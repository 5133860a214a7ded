import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startPlatform } from './platform';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data dir the demo seed filled once for the run; each test file's platform starts on a copy of it. */
    e2eSeededDataDir: string;
  }
}

/**
 * Seeds the demo data once: the seed goes through the API (tenants, units, users, contracts, hardship, 十件实事,
 * 劳模) and costs most of a platform's start. Every file still gets its own platform, on its own copy.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const seeded = await startPlatform();
  await seeded.stop({ graceful: true, keepData: true });
  project.provide('e2eSeededDataDir', seeded.dataDir);
  return async () => {
    await rm(seeded.dataDir, { recursive: true, force: true });
  };
}
