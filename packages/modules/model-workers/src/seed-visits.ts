import type { SeedApi } from '@ufp/kit/seed';

type Tenant = SeedApi['tenants'][number];
const sevenHas = { venue: true, equipment: true, team: true, projects: true, rules: true, funding: true, results: true };

/**
 * 兴化's 劳模工匠助企行 (十件实事 2024: 深入企业开展技术服务、解决技术难题、培训职工) and two 创新工作室: three requests
 * (one visited and in service, one closed, one open) and two studios, one reviewed. `people` maps a name to its record.
 */
export async function seedVisitsAndStudios(api: SeedApi, county: Tenant, people: Record<string, string>): Promise<void> {
  const staff = api.staff(county.id);
  const unitId = county.unitIds[0];
  const contact = { contactName: '张经理', contactPhone: '13905267788' };
  const welding = await api.call(staff, 'modelWorkers.visits.file', { enterprise: '兴化市某不锈钢制品公司', unitId, need: '不锈钢薄板焊缝易开裂，需要焊接工艺指导和焊工培训', skills: ['焊工'], ...contact });
  const cnc = await api.call(staff, 'modelWorkers.visits.file', { enterprise: '兴化市某农机配件厂', need: '数控加工零件精度不稳定，需要工艺改进', skills: ['数控车工'], occupation: 'technical', ...contact });
  await api.call(staff, 'modelWorkers.visits.file', { enterprise: '兴化市某食品有限公司', need: '生产线设备老化，需要设备维修与保养指导', skills: ['钳工', '电工'], ...contact });
  const visits: [Record<string, unknown>, string, number, number, boolean, string][] = [
    [welding, '王建国', 3, 45, false, '现场讲解薄板焊接参数，带教焊工 45 人次'],
    [cnc, '李秀梅', 2, 30, true, '优化加工程序与刀具参数，精度问题解决'],
  ];
  for (const [request, name, problemsSolved, peopleTrained, closes, note] of visits) {
    const personId = people[name];
    if (!personId) continue;
    const matched = await api.call(staff, 'modelWorkers.visits.match', { requestId: request.requestId, version: request.version, personIds: [personId] });
    await api.call(staff, 'modelWorkers.visits.log', { requestId: request.requestId, version: matched.version, visitedOn: request.filedOn, personIds: [personId], problemsSolved, peopleTrained, note, closes });
  }
  if (people['王建国']) {
    const studio = await api.call(staff, 'modelWorkers.studios.create', {
      name: '王建国焊接技能创新工作室',
      level: 'city',
      leaderId: people['王建国'],
      members: ['刘强', '周明', '孙磊'],
      foundedOn: '2019-04-28',
      unitId,
      sevenHas,
      achievements: [
        { kind: 'patent', title: '一种不锈钢薄板焊接定位夹具', year: 2022 },
        { kind: 'innovation', title: '焊接变形控制工艺改进', year: 2023, valueFen: 8_600_000 },
      ],
    });
    await api.call(staff, 'modelWorkers.studios.review', { studioId: studio.studioId, version: studio.version, year: 2024, outcome: 'excellent', note: '成果转化显著' });
  }
  if (people['李秀梅']) {
    await api.call(staff, 'modelWorkers.studios.create', {
      name: '李秀梅数控技能大师工作室',
      level: 'county',
      leaderId: people['李秀梅'],
      members: ['吴婷', '郑浩'],
      foundedOn: '2021-09-10',
      sevenHas: { ...sevenHas, funding: false },
      achievements: [{ kind: 'result', title: '数控加工效率提升项目', year: 2024, valueFen: 3_200_000 }],
    });
  }
}
