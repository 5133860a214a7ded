import { fileClocks } from '../domain/clocks.js';
import { studentPlace, type GrantStudent } from '../domain/aid.js';
import type { GrantRequest, Grant, HardshipFile } from '../domain/file.js';
import type { memberIdIndexesByPlace } from '../domain/household-identity.js';
import { tierLabels } from '../domain/tier.js';

/** The list view: masked identity, tier and clocks, never figures or ciphertexts. */
export function fileSummary(file: HardshipFile, on: string) {
  const clocks = fileClocks(file, on);
  const clock = clocks[0];
  return {
    fileId: file.fileId,
    unitId: file.unitId,
    status: file.status,
    tier: file.tier,
    tierLabel: tierLabels[file.tier].zh,
    worker: { name: file.worker.name, nameMasked: file.worker.nameMasked, idMasked: file.worker.idMasked, phoneMasked: file.worker.phoneMasked, migrant: file.worker.migrant },
    householdSize: file.householdSize,
    submittedOn: file.submittedOn,
    investigationDueOn: file.investigationDueOn,
    noticeStartsOn: file.noticeStartsOn,
    noticeEndsOn: file.noticeEndsOn,
    approvedOn: file.approvedOn,
    exitedOn: file.exitedOn,
    followUpDueOn: file.followUpDueOn,
    followedUpOn: file.followedUpOn,
    clocks,
    /** The nearest clock: its due day, whether it is overdue, and (notice) whether review may begin. */
    clock,
    dueOn: clock?.dueOn,
    overdue: clock?.state === 'overdue',
    reviewable: clock?.kind === 'notice' && clock.state === 'ready',
    version: file.version,
    createdBy: file.createdBy,
    /** A draft from an imported 台账 row: when (`createdBy` imported it). */
    importedAt: file.importedAt,
    /** A draft another module opened (the 劳模 survey): the module, its record and the fund it is routed to. */
    origin: file.origin,
    /** False on a draft opened without the worker: submitting it needs the consent confirmed. */
    consentGiven: file.consentGiven,
    submittedBy: file.submittedBy,
    updatedAt: file.updatedAt,
  };
}
export type FileSummary = ReturnType<typeof fileSummary>;

/** A 金秋助学 student as views show them: the place in the household and the level, never their ID number's index. */
const studentView = (s: GrantStudent | undefined) => s && { memberIndex: s.memberIndex, level: s.level };

/** A grant without its ciphertext. */
export function grantView(g: Grant) {
  const { bankAccountEncrypted: _b, student, ...rest } = g;
  return { ...rest, student: studentView(student) };
}

export function grantRequestView(r: GrantRequest) {
  const { bankAccountEncrypted: _b, student, ...rest } = r;
  return { ...rest, student: studentView(student) };
}

/**
 * A grant's student where the household lists them now (`memberIndex` undefined when it no longer does): the file page
 * names the member by it, so a reordered household still shows who was granted.
 */
export function studentNow(student: GrantStudent | undefined, places: ReturnType<typeof memberIdIndexesByPlace>, members: readonly { relation: string; idMasked?: string }[]) {
  return student && { level: student.level, memberIndex: studentPlace(places, members, student) };
}
