import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { signLocalToken } from '@ufp/api/auth';
import { ledgerColumns } from '@ufp/core/hardship/ledger';
import { idNumberCheckCharacter } from '@ufp/core/validation/id-number';
import { loadLocalKeys } from '@ufp/local/keys';
import { startLocal } from '@ufp/local/server';

const ROWS = Number(process.env.BENCH_HARDSHIP_ROWS ?? 10_000);

/** A 10,000-row 台账 workbook of valid, distinct households. */
async function ledger(unitName: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(ledgerColumns.map((c) => c.zh));
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String(Math.floor(i / 28 / 1000) % 12 + 1).padStart(2, '0');
    const first17 = `3212811980${month}${day}${String(Math.floor(i / 28) % 1000).padStart(3, '0')}`;
    ws.addRow([unitName, `职工${i}`, first17 + idNumberCheckCharacter(first17), '', (i % 5) + 1, 30000 + (i % 50) * 1000, 6000, '', '']);
  }
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/**
 * Ledger import: one request with a 10,000-row workbook, through the real API (parse, validate,
 * duplicate checks, encryption, batched transactions). Reports rows/s and the peak RSS.
 */
export async function benchHardshipImport(): Promise<{ rowsPerSecond: number; peakRssMb: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ufp-bench-'));
  const platform = await startLocal({ port: 0, dataDir, seed: 'none', log: () => {} });
  try {
    const { signing } = await loadLocalKeys(dataDir);
    const call = async (claims: Parameters<typeof signLocalToken>[1], path: string, input: unknown) => {
      const res = await platform.runtime.app.request(`/trpc/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await signLocalToken(signing, claims)}`, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      const body = (await res.json()) as { result?: { data: Record<string, unknown> }; error?: unknown };
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
      return body.result!.data;
    };
    await call({ sub: 'op', roles: ['platform_operator'] }, 'platform.tenants.create', { id: '321281', name: '兴化市总工会', level: 'county', divisionCode: '321281' });
    const admin = { sub: 'admin', roles: ['federation_admin' as const], tenantId: '321281' };
    await call(admin, 'units.create', { name: '基准测试工会', type: 'regional', memberCount: 10, chair: { name: '测' } });
    const fileBase64 = await ledger('基准测试工会');
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const result = await call(admin, 'hardship.ledger.import', { fileBase64, mode: 'allOrNothing' });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const rowsPerSecond = Math.round(Number(result.imported) / seconds);
    const peakRssMb = Math.round(peak / 1024 / 1024);
    console.log(`\nHardship ledger import — ${result.imported}/${ROWS} rows (${Math.round(fileBase64.length / 1024)} KiB base64) in ${seconds.toFixed(1)} s`);
    console.log(`${rowsPerSecond} rows/s (target ≥ 500: ${rowsPerSecond >= 500 ? 'met' : 'NOT met'}), peak RSS ${peakRssMb} MiB (whole process incl. the platform)`);
    return { rowsPerSecond, peakRssMb };
  } finally {
    await platform.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHardshipImport();
