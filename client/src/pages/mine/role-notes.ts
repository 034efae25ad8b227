import type { Role } from '@yanzhen/domain';

/** What each role may do, in the words the people who hold it would use (design.md, "Who uses it"). */
export const ROLE_NOTES: Record<Role, string> = {
  resident: '浏览书记风采、沙龙记录和大比武，参与公开投票，分享给邻里',
  secretary: '报名大比武，维护个人风采，报名沙龙、签到，查看本人档案和挂职结对',
  judge: '为所评轮次的选手逐项打分，与选手同街道时回避',
  admin: '组织大比武、沙龙、档案和挂职交流，审核报名与内容，发布结果',
};
