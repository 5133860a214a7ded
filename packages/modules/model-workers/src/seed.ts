import { demoIdNumber, type SeedApi } from '@ufp/kit/seed';
import { seedVisitsAndStudios } from './seed-visits.js';

const people = [
  { name: '王建国', birth: '19680312', seq: 31, occupation: 'frontline', skillGrade: 'grade1', trade: '焊工', honours: [['provincial_model_worker', 2020, '江苏省人民政府'], ['national_may_day_medal', 2023, '中华全国总工会']] },
  { name: '李秀梅', birth: '19750822', seq: 42, occupation: 'technical', skillGrade: 'grade2', trade: '数控车工', honours: [['city_model_worker', 2021, '泰州市人民政府']] },
  { name: '陈志强', birth: '19620105', seq: 53, occupation: 'manager', skillGrade: 'none', trade: undefined, honours: [['provincial_model_worker', 2015, '江苏省人民政府']] },
] as const;

/**
 * 兴化 (321281): three 劳模 with honours at different levels; the city (3212) records 王建国 too, so the
 * province summary shows one person with both federations' honours.
 */
export async function seedModelWorkers(api: SeedApi): Promise<void> {
  const county = api.tenants.find((t) => t.id === '321281');
  const city = api.tenants.find((t) => t.level === 'city');
  if (!county) return;
  const personIds: Record<string, string> = {};
  for (const p of people) {
    const idNumber = demoIdNumber(county.divisionCode, p.birth, p.seq);
    const person = await api.call(api.staff(county.id), 'modelWorkers.people.create', {
      idNumber,
      name: p.name,
      education: 'secondary',
      occupation: p.occupation,
      skillGrade: p.skillGrade,
      trade: p.trade,
      unitId: county.unitIds[0],
      employers: [{ employer: '兴化市某机械厂', from: '1990-07-01' }],
      phone: '13905261234',
    });
    personIds[p.name] = String(person.personId);
    for (const [code, year, conferredBy] of p.honours) {
      await api.call(api.staff(county.id), 'modelWorkers.honours.award', { personId: person.personId, code, year, conferredBy });
    }
    if (p.seq === 31 && city) {
      const again = await api.call(api.staff(city.id), 'modelWorkers.people.create', { idNumber, name: p.name, education: 'secondary', occupation: p.occupation, skillGrade: p.skillGrade, trade: p.trade });
      await api.call(api.staff(city.id), 'modelWorkers.honours.award', { personId: again.personId, code: 'city_model_worker', year: 2012, conferredBy: '泰州市人民政府' });
    }
  }
  await seedVisitsAndStudios(api, county, personIds);
}
