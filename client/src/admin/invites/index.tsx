import { useEffect, useState } from 'react';
import { Text } from '@tarojs/components';
import type { Envelope } from '@yanzhen/domain';
import { PageShell } from '../../components/PageShell';
import { listContests, type ContestSummary } from '../../services/admin';
import { AdminsSection } from './AdminsSection';
import { JudgesSection } from './JudgesSection';
import '../admin.scss';

/** 管理员与评委: invitation codes for new admins and per-contest judges, and who holds those roles now. */
export default function InvitesPage() {
  const [contests, setContests] = useState<Envelope<{ items: ContestSummary[] }> | null>(null);
  useEffect(() => {
    void listContests().then(setContests);
  }, []);
  return (
    <PageShell className='adm-page invites'>
      <Text className='adm-intro'>邀请码由对方在“我的 → 绑定书记档案”输入后生效，72 小时内有效、只能用一次。人员只以编号显示，不显示微信账号。</Text>
      <AdminsSection />
      <JudgesSection contests={contests} />
    </PageShell>
  );
}
