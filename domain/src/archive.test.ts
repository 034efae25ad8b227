import { maskPrivate, maskPrivateFields, PRIVATE_FIELDS, rosterId, rosterView, withoutPrivateFields } from './archive';
import { planImport, type RawRow } from './archive-import';

const person = (row: number, over: Record<string, string> = {}): RawRow => ({
  row,
  cells: { 档案编号: `p-${row}`, 姓名: `张${row}`, 性别: '女', 出生年月: '1985/3', 街道: '大观园街道', 社区: '青年东路社区', 职务: '居委会委员', 手机号: '19900000001', 身份证号: '37010319000101001x', ...over },
});
const member = (row: number, over: Record<string, string> = {}): RawRow => ({
  row,
  cells: { 街道: '大观园', 社区: '青年东路社区', 姓名: `张${row}`, 职务: '居委会委员', 任职日期: '2021/5/8', 档案编号: '', ...over },
});
const empty = { existingFileIds: new Set<string>(), existingMembers: new Set<string>() };

describe('private fields', () => {
  it('masks phone, ID number and address so that they can be told apart but not used', () => {
    expect(maskPrivate('phone', '19900000001')).toBe('199****0001');
    expect(maskPrivate('idNumber', '37010319000101001X')).toBe('370103********001X');
    expect(maskPrivate('address', '济南市市中区示例路1号')).toBe('济南市市中区****');
    expect(maskPrivateFields({ name: '张三', phone: '19900000001' })).toEqual({ name: '张三', phone: '199****0001' });
    expect(Object.keys(withoutPrivateFields({ name: '张三', phone: '1', idNumber: '2', address: '3' }))).toEqual(['name']);
    expect(PRIVATE_FIELDS).toEqual(['phone', 'idNumber', 'address']);
  });
});

describe('import plan', () => {
  it('normalises what offices type: street suffix, dates with slashes, lower-case x', () => {
    const plan = planImport([person(2)], [member(2, { 档案编号: 'p-2' })], empty);
    expect(plan.errors).toEqual([]);
    expect(plan.files[0]).toMatchObject({ fileId: 'p-2', basics: { street: '大观园', birth: '1985-03', idNumber: '37010319000101001X' } });
    expect(plan.members[0]).toMatchObject({ street: '大观园', since: '2021-05-08', fileId: 'p-2' });
  });

  it('reports each bad row with its sheet, row and column, and duplicates against the sheet and the store', () => {
    const plan = planImport(
      [person(2), person(3, { 性别: '未知' }), person(4, { 档案编号: 'p-2' }), person(5, { 档案编号: 'sec-01' })],
      [member(2), member(3, { 职务: '主任' }), member(4, { 姓名: '张2' }), member(5, { 档案编号: 'nobody' })],
      { existingFileIds: new Set(['sec-01']), existingMembers: new Set() },
    );
    expect(plan.errors.map((e) => `${e.sheet}:${e.row}:${e.column ?? ''}`)).toEqual([
      '人员档案:3:性别', '人员档案:4:档案编号', '人员档案:5:档案编号', '两委名册:3:职务', '两委名册:4:', '两委名册:5:档案编号',
    ]);
  });

  it('refuses a member already on the roster and an empty workbook', () => {
    const seated = planImport([], [member(2)], { existingFileIds: new Set(), existingMembers: new Set(['大观园|青年东路社区|张2|居委会委员']) });
    expect(seated.errors).toHaveLength(1);
    expect(planImport([], [], empty).errors[0].message).toBe('表格中没有可导入的数据');
  });
});

describe('rosters', () => {
  it('uses ASCII ids in street order and groups members by community in 两委 order, history newest first', () => {
    expect(rosterId('大观园')).toBe('roster-01');
    expect(rosterId('陡沟')).toBe('roster-17');
    const at = new Date(0);
    const view = rosterView({
      street: '大观园', communities: ['甲社区'],
      members: [
        { id: 'a', community: '乙社区', name: '甲', post: '居委会委员', since: '2021-05-08', fileId: null },
        { id: 'b', community: '乙社区', name: '乙', post: '党组织书记', since: '2021-05-08', fileId: null },
      ],
      history: [
        { id: 'a', date: '2021-05-08', community: '乙社区', name: '甲', post: '居委会委员', change: 'join', reason: '换届', recordedAt: at },
        { id: 'c', date: '2023-01-02', community: '乙社区', name: '丙', post: '居委会委员', change: 'leave', reason: '调动', recordedAt: at },
      ],
    });
    expect(view.communities.map((c) => [c.name, c.members.map((m) => m.name)])).toEqual([['甲社区', []], ['乙社区', ['乙', '甲']]]);
    expect(view.history.map((c) => c.id)).toEqual(['c', 'a']);
  });
});
