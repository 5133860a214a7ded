import { changesBetween } from '@ufp/core/audit/changes';
import type { Decision } from '@ufp/kit/transition';
import type { SettingsInput } from '../schemas.js';
import type { ContractSettings } from './contract.js';
import { filingDocumentKind } from './filing-kinds.js';

const defined = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

/** The tenant's rule settings with what the admin sent (`minimumWageFen: null` clears it); the version is the caller's concern. */
export function changeSettings(before: ContractSettings, input: SettingsInput): Decision<ContractSettings> {
  const { minimumWageFen, dayCount, requiredFilingDocuments: required, version: _v, ...rest } = input;
  const after: ContractSettings = { ...before, ...defined(rest), dayCount: { ...before.dayCount, ...defined(dayCount ?? {}) } };
  // The required 备案材料 in the kinds' own order, each once (an empty list: the bureau takes the package on paper).
  if (required) after.requiredFilingDocuments = filingDocumentKind.values.filter((k) => required.includes(k));
  if (minimumWageFen === null) delete after.minimumWageFen;
  else if (minimumWageFen !== undefined) after.minimumWageFen = minimumWageFen;
  const changes = changesBetween(before, after, ['dayCount', 'extendOnRestDay', 'minimumWageFen', 'outsiderShareMax', 'publishWithinDays', 'requiredFilingDocuments']);
  return {
    after,
    audit: { action: 'contracts.settings.set', entityType: 'settings', entityId: 'contracts', summary: `修改集体合同规则设置：${Object.keys(changes).join('、') || '无变化'}`, ...(Object.keys(changes).length ? { changes } : {}) },
  };
}
