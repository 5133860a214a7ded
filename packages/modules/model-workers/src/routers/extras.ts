import { publicProcedure, router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/extras.js';
import * as credentials from '../service/credentials.js';
import * as recuperation from '../service/recuperation.js';
import * as registry from '../service/registry.js';
import * as registryJobs from '../service/registry-job.js';

const staff = tenantProcedure(['federation_admin', 'federation_staff']);
const admins = tenantProcedure(['federation_admin']);

export const recuperationRouter = router({
  settings: staff.query(({ ctx }) => recuperation.settings(ctx)),
  setSettings: admins.input(s.recuperationSettingsInput).mutation(({ ctx, input }) => recuperation.setSettings(ctx, input)),
  create: staff.input(s.createBatchInput).mutation(({ ctx, input }) => recuperation.create(ctx, input)),
  list: staff.query(({ ctx }) => recuperation.list(ctx)),
  get: staff.input(s.batchIdInput).query(({ ctx, input }) => recuperation.get(ctx, input)),
  join: staff.input(s.joinBatchInput).mutation(({ ctx, input }) => recuperation.join(ctx, input)),
  leave: staff.input(s.leaveBatchInput).mutation(({ ctx, input }) => recuperation.leave(ctx, input)),
});

export const credentialsRouter = router({
  issue: staff.input(s.issueCredentialInput).mutation(({ ctx, input }) => credentials.issue(ctx, input)),
  verify: publicProcedure.input(s.verifyCredentialInput).query(({ ctx, input }) => credentials.verify(ctx, input)),
});

export const registryRouter = router({
  template: staff.input(s.registryTemplateInput).query(({ ctx, input }) => registry.template(ctx, input)),
  import: staff.input(s.registryImportInput).mutation(({ ctx, input }) => registry.importRegistry(ctx, input)),
  export: staff.meta({ auditedRead: true }).input(s.registryExportInput).mutation(({ ctx, input }) => registry.exportRegistry(ctx, input)),
  /** The console's import: a background job (upload straight to the blob store, checked and written by a consumer). */
  importJobs: router({
    start: staff.input(s.registryImportStartInput).mutation(({ ctx, input }) => registryJobs.start(ctx, input)),
    queue: staff.input(s.registryImportJobIdInput).mutation(({ ctx, input }) => registryJobs.queue(ctx, input)),
    get: staff.input(s.registryImportJobIdInput).query(({ ctx, input }) => registryJobs.get(ctx, input)),
    list: staff.query(({ ctx }) => registryJobs.list(ctx)),
    cancel: staff.input(s.registryImportJobIdInput).mutation(({ ctx, input }) => registryJobs.cancel(ctx, input)),
    resume: staff.input(s.registryImportJobIdInput).mutation(({ ctx, input }) => registryJobs.resume(ctx, input)),
    errors: staff.input(s.registryImportJobIdInput).query(({ ctx, input }) => registryJobs.errors(ctx, input)),
  }),
});
