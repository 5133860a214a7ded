// `pnpm bench`: prints the figures the README quotes. Benchmarks are measurements, not tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { existsSync } = await import('node:fs');

const { benchApiRead } = await import('./api-read.js');
await benchApiRead();
const { benchCommitLatency } = await import('./commit-latency.js');
await benchCommitLatency(1);
await benchCommitLatency(4);
await (await import('./hardship.js')).benchHardshipImport();
await (await import('./ten-things.js')).benchTenThings();
await (await import('./quota-check.js')).benchQuotaCheck();
await (await import('./competitions.js')).benchCompetitions();
await (await import('./cockpit.js')).benchCockpit();
await (await import('./tick.js')).benchTick();
await (await import('./audit.js')).benchAuditVerify();
await (await import('./durability.js')).benchDurability();
if (existsSync(new URL('./bundle.ts', import.meta.url))) {
  const { benchBundle } = await import('./bundle.js');
  await benchBundle();
}
