import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;
const readers = [...staff, 'unit_reporter'] as const;
const employer = { employer: '矩阵机械厂', from: '2010-03-01', to: '2020-06-30' };
const person = { idNumber: '11010519491231002X', name: '矩阵劳模', education: 'secondary', occupation: 'frontline', employers: [employer] };

/** 劳模 person records, honours and the ladder: staff record, reporters read their unit's, the operator keeps the ladder. */
export const peopleAccess: AccessTable = {
  'modelWorkers.people.create': { allow: staff, as: 'federation_admin', input: () => person },
  'modelWorkers.people.update': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person', version: 1, name: '矩阵劳模', education: 'secondary', occupation: 'frontline', employers: [employer] }) },
  'modelWorkers.people.get': { allow: readers, as: 'federation_admin', input: () => ({ personId: 'no-such-person' }) },
  'modelWorkers.people.list': { allow: readers, as: 'federation_admin', input: () => ({ limit: 5, q: '劳模', level: 'national' }) },
  'modelWorkers.people.setStatus': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person', version: 1, status: 'retired', on: '2026-01-05' }) },
  'modelWorkers.people.reveal': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person', fields: ['idNumber'] }) },
  'modelWorkers.honours.ladder': { allow: 'signed-in', as: 'federation_admin', input: () => undefined },
  'modelWorkers.honours.setLadder': { allow: ['platform_operator'], as: 'platform_operator', input: () => ({ version: 99, honours: [{ code: 'matrix_honour', name: { zh: '矩阵荣誉', en: 'Matrix honour' }, category: 'model_worker', level: 'city', periodYears: 5 }] }) },
  'modelWorkers.honours.award': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person', code: 'city_model_worker', year: 2024, conferredBy: '市人民政府' }) },
  'modelWorkers.honours.revoke': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person', honourId: 'no-such-honour', on: '2026-01-05', document: '撤销文件', reason: '弄虚作假骗取荣誉' }) },
  'modelWorkers.evidence.createUpload': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person', honourId: 'no-such-honour', fileName: '证书.png', contentType: 'image/png', sizeBytes: 100 }) },
  'modelWorkers.evidence.createMinutesUpload': { allow: readers, as: 'federation_admin', input: () => ({ campaignId: 'no-such-campaign', nominationId: 'no-such-nomination', fileName: '职代会纪要.pdf', contentType: 'application/pdf', sizeBytes: 100 }) },
  'modelWorkers.evidence.complete': { allow: readers, as: 'federation_admin', input: () => ({ evidenceId: 'no-such-evidence' }) },
  'modelWorkers.evidence.url': { allow: readers, as: 'federation_admin', input: () => ({ evidenceId: 'no-such-evidence' }) },
  'modelWorkers.evidence.attachCertificate': { allow: staff, as: 'federation_admin', input: () => ({ personId: 'no-such-person', version: 1, honourId: 'no-such-honour', evidenceId: 'no-such-evidence' }) },
  'modelWorkers.province.summary': { allow: ['federation_admin', 'federation_staff', 'leadership_viewer(scope 32)', 'leadership_viewer(tenant)'], as: 'federation_admin', input: () => undefined },
};
