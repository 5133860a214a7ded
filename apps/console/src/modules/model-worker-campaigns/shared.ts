import { t, tMaybe, type DictKey } from '../../i18n';

/** Labels of the server's enums, through this module's dictionary. */
export const statusLabel = (s: string) => tMaybe(`mwCampaigns.status.${s}`, s);
export const nominationStatusLabel = (s: string) => tMaybe(`mwCampaigns.nom.${s}`, s);
export const occupationLabel = (o: string) => tMaybe(`mwCampaigns.occ.${o}`, o);
export const ruleLabel = (r: string) => t(`mwCampaigns.rule.${r}` as DictKey);
/** Length as the server counts it: code points, not UTF-16 units. */
export const codePoints = (s: string) => [...s].length;
/** Today in Asia/Shanghai (yyyy-mm-dd). */
export { shanghaiToday } from '../../format';
