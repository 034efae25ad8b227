import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/PageShell';
import { ErrorView, LoadingView } from '../../../components/StatusView';
import { useCloudQuery } from '../../../hooks/useCloudQuery';
import { studios } from '../../../services/talent';
import { Button } from '../../../ui/nutui';
import { ActivityForm, StudioForm } from './forms';
import '../../admin.scss';
import '../talent.scss';

/** 书记工作室 (admin): the studios, recording their activities, setting up a new one. */
export default function StudiosAdminPage() {
  const { state, reload } = useCloudQuery(studios);
  const [recording, setRecording] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const done = () => (setRecording(null), setCreating(false), void reload());
  return (
    <PageShell className='adm-page studio-admin'>
      <Text className='adm-intro'>优秀社区书记工作室：专题研讨、经验分享、挂职实训。这里记录的活动会公开显示在工作室页面上，只显示姓名、社区和街道。</Text>
      {state.status === 'loading' ? <LoadingView text='正在读取工作室…' /> : null}
      {state.status === 'failed' ? <ErrorView error={state.error} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' ? (
        <View>
          {state.data.items.length === 0 ? <Text className='adm-empty'>还没有工作室。点下方“设立工作室”，选择领办书记和成员。</Text> : null}
          {state.data.items.map((s) => (
            <View key={s._id} className='adm-card studio-admin__item' data-studio={s._id}>
              <Text className='adm-card__name'>{s.name}</Text>
              <Text className='adm-card__meta'>{`领办书记 ${s.leader.name} · 成员 ${s.memberCount} 人 · 活动 ${s.activityCount} 次`}</Text>
              {recording === s._id ? (
                <ActivityForm studioId={s._id} onDone={done} />
              ) : (
                <View className='adm-card__actions'>
                  <Button className='studio-admin__record' type='primary' size='normal' onClick={() => setRecording(s._id)}>
                    记录活动
                  </Button>
                  <Button size='normal' onClick={() => void Taro.navigateTo({ url: `/talent/studio/index?id=${s._id}` })}>
                    查看公开页面
                  </Button>
                </View>
              )}
            </View>
          ))}
          {creating ? (
            <StudioForm onDone={done} />
          ) : (
            <Button className='studio-admin__create' size='large' onClick={() => setCreating(true)}>
              设立工作室
            </Button>
          )}
        </View>
      ) : null}
    </PageShell>
  );
}
