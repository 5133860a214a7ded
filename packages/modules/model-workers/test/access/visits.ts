import type { AccessTable } from '@ufp/testing/access';

const staff = ['federation_admin', 'federation_staff'] as const;
const readers = [...staff, 'unit_reporter'] as const;
const request = { enterprise: '矩阵企业', need: '焊缝开裂需要技术指导', skills: ['焊工'], contactName: '矩阵联系人', contactPhone: '13905261234' };
const sevenHas = { venue: true, equipment: true, team: true, projects: true, rules: true, funding: false, results: true };
const studio = { name: '矩阵创新工作室', level: 'city', leaderId: 'no-such-person', members: ['矩阵成员'], foundedOn: '2020-05-01', sevenHas, achievements: [{ kind: 'patent', title: '一种焊接夹具', year: 2024, valueFen: 100_000 }] };

/** 劳模工匠助企行 (a member unit files and follows its request; staff match and log visits) and the 创新工作室 registry. */
export const visitsAccess: AccessTable = {
  'modelWorkers.visits.file': { allow: readers, as: 'federation_admin', input: () => request },
  'modelWorkers.visits.list': { allow: readers, as: 'federation_admin', input: () => ({ status: 'open', year: 2026 }) },
  'modelWorkers.visits.logs': { allow: readers, as: 'federation_admin', input: () => ({ from: '2026-01-01', to: '2026-12-31', personId: 'no-such-person', solved: true, limit: 20 }) },
  'modelWorkers.visits.exportLogs': { allow: readers, as: 'federation_admin', input: () => ({ from: '2026-01-01', to: '2026-12-31', personId: 'no-such-person', solved: false, lang: 'en' }) },
  'modelWorkers.visits.get': { allow: readers, as: 'federation_admin', input: () => ({ requestId: 'no-such-request' }) },
  'modelWorkers.visits.suggest': { allow: staff, as: 'federation_admin', input: () => ({ requestId: 'no-such-request' }) },
  'modelWorkers.visits.match': { allow: staff, as: 'federation_admin', input: () => ({ requestId: 'no-such-request', version: 1, personIds: ['no-such-person'] }) },
  'modelWorkers.visits.log': {
    allow: staff,
    as: 'federation_admin',
    input: () => ({ requestId: 'no-such-request', version: 1, visitedOn: '2026-01-05', personIds: ['no-such-person'], problemsSolved: 2, peopleTrained: 30, note: '矩阵走访', closes: false }),
  },
  'modelWorkers.visits.reveal': { allow: staff, as: 'federation_admin', input: () => ({ requestId: 'no-such-request' }) },
  'modelWorkers.studios.create': { allow: staff, as: 'federation_admin', input: () => studio },
  'modelWorkers.studios.update': { allow: staff, as: 'federation_admin', input: () => ({ ...studio, studioId: 'no-such-studio', version: 1 }) },
  'modelWorkers.studios.review': { allow: staff, as: 'federation_admin', input: () => ({ studioId: 'no-such-studio', version: 1, year: 2025, outcome: 'passed', note: '矩阵考核' }) },
  'modelWorkers.studios.get': { allow: readers, as: 'federation_admin', input: () => ({ studioId: 'no-such-studio' }) },
  'modelWorkers.studios.list': { allow: readers, as: 'federation_admin', input: () => ({ level: 'city', complete: false, flagged: false, q: '矩阵' }) },
};
