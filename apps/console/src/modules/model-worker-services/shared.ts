export { PersonPicker, type PersonRow } from '../model-workers/PersonPicker';

export const HOUSING = ['owned', 'rented', 'public_rental', 'relatives', 'none'] as const;
export const EMPLOYMENT = ['employed', 'retired', 'laid_off', 'self_employed'] as const;
export const CATEGORIES = ['none', 'low_income', 'illness', 'disability', 'disaster', 'unemployment', 'schooling', 'other'] as const;
export const BENEFIT_KINDS = ['spring_festival', 'honour_allowance', 'special_subsidy'] as const;

export { parseYuan, shanghaiToday, shanghaiYear, yuan } from '../../format';
