import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Per shard: the last sequence number whose records were fully published, or done when closed. */
export type Checkpoints = Record<string, { seq?: string; done?: boolean }>;

export interface CheckpointStore {
  load(): Promise<Checkpoints>;
  save(state: Checkpoints): Promise<void>;
}

export class MemoryCheckpointStore implements CheckpointStore {
  state: Checkpoints = {};
  async load() {
    return structuredClone(this.state);
  }
  async save(state: Checkpoints) {
    this.state = structuredClone(state);
  }
}

/** A JSON file written atomically (temp file + rename), so a crash leaves the old or the new state. */
export class FileCheckpointStore implements CheckpointStore {
  constructor(private readonly path: string) {}
  async load(): Promise<Checkpoints> {
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as Checkpoints;
    } catch {
      return {};
    }
  }
  async save(state: Checkpoints): Promise<void> {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, this.path);
  }
}
