import Taro from '@tarojs/taro';
import type { WhoAmI } from '@yanzhen/domain';
import { Cell, CellGroup } from '../../ui/nutui';

/** Where each entry of 我的 leads; every page outside the tab pages lives in a subpackage. */
export const ROUTES = {
  bind: '/secretary/bind/index',
  showcaseEdit: '/secretary/showcase-edit/index',
  admin: '/admin/index',
} as const;

const go = (url: string) => () => void Taro.navigateTo({ url });

/**
 * The next steps open to this person: a resident binds their archive record (the same page takes admin and
 * judge invitation codes), a secretary keeps their showcase, and only an admin sees 管理后台 at all.
 */
export function MineEntries({ me }: { me: WhoAmI }) {
  const isSecretary = me.roles.includes('secretary');
  const isAdmin = me.roles.includes('admin');
  // Only the entries this person has, as a plain list: CellGroup draws a divider under every child but the
  // last, and a `null` child would count as that last one.
  const entries = [
    isSecretary
      ? { key: 'showcase', title: '我的风采', description: '编辑事迹、成绩和标签，提交审核后公开', url: ROUTES.showcaseEdit }
      : { key: 'bind', title: '绑定书记档案', description: '输入区委组织部当面交给您的绑定码', url: ROUTES.bind },
    ...(isSecretary ? [{ key: 'invite', title: '使用邀请码', description: '收到管理员或评委邀请码时在这里输入', url: ROUTES.bind }] : []),
    ...(isAdmin ? [{ key: 'admin', title: '管理后台', description: '书记绑定、邀请、内容审核和操作记录', url: ROUTES.admin }] : []),
  ];
  return (
    <CellGroup title='常用功能' className='mine__group mine__entries'>
      {entries.map((e) => (
        <Cell key={e.key} className={`mine__entry mine__entry--${e.key}`} title={e.title} description={e.description} extra='›' clickable onClick={go(e.url)} />
      ))}
    </CellGroup>
  );
}
