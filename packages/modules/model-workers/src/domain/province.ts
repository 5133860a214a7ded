import { HonourLevel, levelRank, type HonourLevel as Level } from './ladder.js';

export interface ProvinceHonourRow {
  provinceIndex: string;
  tenantId: string;
  honours: { code: string; level: Level; year: number; revokedOn?: string }[];
}

/**
 * The province's view of its 劳模: one person however many federations record them (rows share the
 * province blind index), with every federation's honours merged. Counts only.
 */
export function provinceSummary(rows: readonly ProvinceHonourRow[], on: string) {
  const people = new Map<string, { tenants: Set<string>; honours: Map<string, { level: Level; revoked: boolean }> }>();
  for (const row of rows) {
    const p = people.get(row.provinceIndex) ?? { tenants: new Set(), honours: new Map() };
    p.tenants.add(row.tenantId);
    // The same honour recorded by two federations (city and county) is one honour.
    for (const h of row.honours) p.honours.set(`${h.code}#${h.year}`, { level: h.level, revoked: !!h.revokedOn && h.revokedOn <= on });
    people.set(row.provinceIndex, p);
  }
  const byLevel = Object.fromEntries(HonourLevel.values.map((l) => [l, 0])) as Record<Level, number>;
  const honoursByLevel = { ...byLevel };
  let honoured = 0;
  let multiFederation = 0;
  let honours = 0;
  let revoked = 0;
  for (const p of people.values()) {
    const inForce = [...p.honours.values()].filter((h) => !h.revoked);
    revoked += p.honours.size - inForce.length;
    honours += inForce.length;
    for (const h of inForce) honoursByLevel[h.level]++;
    if (p.tenants.size > 1) multiFederation++;
    if (inForce.length === 0) continue;
    honoured++;
    const top = inForce.reduce((a, b) => (levelRank[b.level] > levelRank[a.level] ? b : a));
    byLevel[top.level]++;
  }
  return { people: honoured, recordsAcrossFederations: rows.length, multiFederation, byHighestLevel: byLevel, honours, honoursByLevel, revokedHonours: revoked };
}
