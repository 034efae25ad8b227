import { diffAudit, maskName } from './audit';

const names = { secretaries: { 'sec-02': '李红（朝阳里社区）' }, contests: { 'contest-2023': '2023年社区书记大比武' } };

describe('audit in people\'s language', () => {
  it('masks names but keeps them recognisable', () => {
    expect(maskName('郑晓梅')).toBe('郑*梅');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳丽娜')).toBe('欧**娜');
    expect(maskName('王')).toBe('王');
  });

  it('lists only what changed, with names for ids and words for roles', () => {
    expect(diffAudit({ roles: ['resident'], secretaryId: null }, { roles: ['resident', 'judge'], secretaryId: null }, names)).toEqual([
      { field: '角色', before: '居民', after: '居民、评委' },
    ]);
    expect(diffAudit({ secretaryId: 'sec-02' }, null, names)).toEqual([{ field: '书记档案', before: '李红（朝阳里社区）', after: '（无）' }]);
    expect(diffAudit(null, { role: 'judge', contestId: 'contest-2023' }, names)).toEqual([
      { field: '角色', before: '（无）', after: '评委' },
      { field: '比武活动', before: '（无）', after: '2023年社区书记大比武' },
    ]);
  });

  it('diffs nested content field by field and shows times in China time', () => {
    const before = { reviewStatus: 'pending', published: { story: '旧事迹', tags: ['grid'] } };
    const after = { reviewStatus: 'none', published: { story: '新事迹', tags: ['grid'] } };
    expect(diffAudit(before, after, names)).toEqual([
      { field: '审核状态', before: '审核中', after: '无待审' },
      { field: '公开内容 · 事迹', before: '旧事迹', after: '新事迹' },
    ]);
    expect(diffAudit(null, { expiresAt: new Date('2026-01-01T16:30:00Z') }, names)).toEqual([{ field: '有效期至', before: '（无）', after: '2026-01-02 00:30' }]);
  });
});
