import type { EventDefinition } from '@ufp/kit/event';
import { transition, type Decision } from '@ufp/kit/transition';
import { overdueMetrics, stepOverdueMarks } from '../domain/clocks.js';
import type { HardshipFile } from '../domain/file.js';
import { fileMetricDeltas, nextStatus, type FileAction } from '../domain/workflow.js';
import { fileChanged, type fileStep } from '../events.js';
import { fileMissing } from '../store.js';
import { store, type Ctx } from './context.js';
import { fileSummary } from './views.js';

/** One workflow step of a file, as data: what it checks, changes, publishes and audits. */
export interface FileStep {
  action: FileAction;
  /** Refusals that need the file, checked once the workflow order allows the step (so a step out of order is refused for its order, not for a detail of a step that cannot happen). */
  check?(before: HardshipFile, today: string): void;
  change?(before: HardshipFile, on: string): Partial<HardshipFile>;
  event?: EventDefinition<string, typeof fileStep>;
  /** Extra rollup deltas of the step (beyond those of the status and tier change). */
  metrics?(before: HardshipFile, on: string): Record<string, number>;
  auditText: string;
  /** The day the step is dated (default today). */
  on?: string;
}

/**
 * The pure decision of a step: order checked (409 naming the status), the change applied, the clocks it
 * answered unmarked as overdue, the step's event with its metric deltas (or `hardship.file.changed` when only
 * metrics moved), the audit.
 */
export function decideStep(before: HardshipFile, step: FileStep, at: { now: Date; today: string; actor: string }): Decision<HardshipFile> {
  const status = nextStatus(before.status, step.action);
  step.check?.(before, at.today);
  const on = step.on ?? at.today;
  const now = at.now.toISOString();
  const changed: HardshipFile = {
    ...before,
    ...step.change?.(before, on),
    status,
    updatedAt: now,
    timeline: [...before.timeline, { at: now, action: step.action, actor: at.actor, on }],
  };
  // A clock the daily tick marked overdue and this step answered is unmarked: one fewer overdue clock.
  const marks = stepOverdueMarks(before, changed, at.today);
  const { overdueClocks: _marked, ...unmarked } = changed;
  const after: HardshipFile = marks.overdueClocks ? { ...unmarked, overdueClocks: marks.overdueClocks } : unmarked;
  const metrics = { ...fileMetricDeltas(before, after), ...step.metrics?.(before, on), ...overdueMetrics(marks.delta) };
  const data = { fileId: after.fileId, unitId: after.unitId, tier: after.tier, status: after.status, ...(Object.keys(metrics).length ? { metrics } : {}) };
  const event = step.event ?? (Object.keys(metrics).length ? fileChanged : undefined);
  return {
    after,
    events: event ? [event.create(data)] : [],
    audit: {
      action: `hardship.files.${step.action}`,
      entityType: 'hardship.file',
      entityId: after.fileId,
      summary: `${step.auditText}：困难档案 ${after.worker.nameMasked}`,
      changes: { status: { from: before.status, to: after.status }, ...(before.tier !== after.tier ? { tier: { from: before.tier, to: after.tier } } : {}) },
    },
  };
}

/**
 * Runs a step through `transition`: a retried or raced step fails on the version (409), never
 * applies twice. `loaded` is the file when the caller already read it (to prepare ciphertexts).
 */
export function runStep(ctx: Ctx, input: { fileId: string; version: number }, step: FileStep, loaded?: HardshipFile) {
  const files = store(ctx);
  return transition(
    ctx,
    {
      load: async () => loaded ?? files.findFile(ctx.scope, input.fileId),
      missing: fileMissing,
      expectedVersion: input.version,
      decide: (before, _input, { now, today }) => decideStep(before, step, { now, today, actor: ctx.scope.actor.sub }),
      save: (uow, after, before) => files.replaceFile(uow, before, after),
      view: (after, { today }) => fileSummary(after, step.on ?? today),
    },
    input,
  );
}
