/** Types of what the tests import from build-division-codes.mjs. */
export interface DatasetCode {
  code: string;
  name: string;
}
export function currentCodes(): { source: string; provinces: DatasetCode[]; cities: DatasetCode[]; counties: DatasetCode[] };
export function isStatisticalZone(code: string): boolean;
export const STATISTICAL_ONLY: Set<string>;
