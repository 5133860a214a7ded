import { maskName } from '@ufp/core/pii/mask';
import { highestHonourLevel, treatmentLevelOn, type Person } from '../domain/person.js';

/** A person as lists and answers show them: masked ID and phone, never ciphertext or blind indexes. */
export function personView(p: Person, on: string, names?: Map<string, string>) {
  const { idEncrypted: _id, phoneEncrypted: _phone, idIndex: _i, provinceIndex: _p, ...rest } = p;
  return {
    ...rest,
    highestLevel: highestHonourLevel(p, on) ?? null,
    treatmentLevel: treatmentLevelOn(p, on) ?? null,
    honours: p.honours.map((h) => ({ ...h, recordedByName: names?.get(h.recordedBy) ?? null, revoked: h.revoked ? { ...h.revoked, byName: names?.get(h.revoked.by) ?? null } : null })),
    createdByName: names?.get(p.createdBy) ?? null,
  };
}
export type PersonView = ReturnType<typeof personView>;

/** The list row: no history, no employers. */
export function personRow(p: Person, on: string) {
  const v = personView(p, on);
  return {
    personId: v.personId,
    name: v.name,
    nameMasked: v.nameMasked ?? maskName(v.name),
    idMasked: v.idMasked,
    gender: v.gender,
    birthDate: v.birthDate,
    unitId: v.unitId ?? null,
    occupation: v.occupation,
    status: v.status,
    highestLevel: v.highestLevel,
    treatmentLevel: v.treatmentLevel,
    honours: v.honours.map((h) => ({ honourId: h.honourId, title: h.title, level: h.level, year: h.year, revokedOn: h.revoked?.on ?? null })),
    deputies: v.deputies,
    version: v.version,
  };
}
