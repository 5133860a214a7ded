// The 技能竞赛 procedures (the shared typed client; names kept short for the pages).
export { mutate as cm, query as cq } from '../../api';
