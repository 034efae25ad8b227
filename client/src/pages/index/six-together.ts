/**
 * The 经纬雁阵"六共" model as the district describes it (shared/reference/seed-article.txt): three pairs, each a
 * way secretaries learn from one another. Static channel copy, not data: it changes only with the model itself.
 */
export interface TogetherPillar {
  pair: string;
  motto: string;
  summary: string;
  facts: string[];
}

export const SIX_TOGETHER: readonly TogetherPillar[] = [
  {
    pair: '共话 · 共商',
    motto: '坐下聊一聊',
    summary:
      '“社区书记沙龙”实行轮值主席制，每月由一个街道承办，围绕停车管理、物业服务等居民反映集中的难题，书记们面对面交流、共商解题。',
    facts: ['“你问我答”现场应答', '区住建局、区城管局、区水务局、交警大队等部门点评'],
  },
  {
    pair: '共育 · 共融',
    motto: '帮着带一带',
    summary:
      '依托“优秀社区书记工作室”开展传帮带，新建和相对薄弱社区的书记到优秀社区挂职交流，一对一结对、浸入式教学。',
    facts: ['已组织 2 批次、12 名社区书记区内挂职', '“一人一档、一街一册”记录成长，培育“雏雁”成“青雁”、“青雁”变“头雁”'],
  },
  {
    pair: '共进 · 共勉',
    motto: '站着拼一拼',
    summary:
      '“我们的红色幸福家园”城市社区党组织书记“大比武”，围绕组织建设、抓班子带队伍、阵地打造、网格化治理、红色物业建设、新业态新就业群体党建六个方面同台打擂。',
    facts: ['2023 年度第一期 17 名书记同台“打擂”', '评出一等奖 1 名、二等奖 2 名、三等奖 3 名'],
  },
];
