import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { RECOMMENDATION_REASONS, type Street } from '@yanzhen/domain';
import { useCloudQuery } from '../../hooks/useCloudQuery';
import { useRecommendForm } from '../../hooks/useRecommendForm';
import { streetBatches, type StreetBatches } from '../../services/talent';
import { Button } from '../../ui/nutui';

const tell = (content: string) => void Taro.showModal({ title: '提示', content, showCancel: false, confirmText: '知道了', confirmColor: '#C8161D' });

function Choice<K extends string>({ options, value, onChange }: { options: { key: K; label: string }[]; value: K; onChange: (k: K) => void }) {
  return (
    <View className='talent__choices'>
      {options.map((o) => (
        <Text key={o.key} className={`talent__choice${o.key === value ? ' talent__choice--on' : ''}`} data-key={o.key} onClick={() => onChange(o.key)}>
          {o.label}
        </Text>
      ))}
    </View>
  );
}

function Form({ batchId, street, people, onDone }: { batchId: string; street: Street; people: StreetBatches['secretaries']; onDone: () => void }) {
  const { secretaryId, setSecretaryId, reason, setReason, wishes, setWishes, canSubmit, submit } = useRecommendForm({ batchId, street, onDone, onFailed: tell });
  return (
    <View className='talent__form street-recommend__form'>
      <Choice options={people.map((p) => ({ key: p.secretaryId, label: `${p.name}（${p.community}）` }))} value={secretaryId} onChange={setSecretaryId} />
      <Choice options={RECOMMENDATION_REASONS.map((r) => ({ key: r, label: r }))} value={reason} onChange={setReason} />
      <Input className='talent__input street-recommend__wishes' value={wishes} maxlength={100} placeholder='意向挂职社区（最多 3 个，用顿号分隔）' onInput={(e) => setWishes(e.detail.value)} />
      <Button className='street-recommend__submit' type='primary' size='large' disabled={!canSubmit} onClick={() => void submit()}>
        提交本街道推荐
      </Button>
    </View>
  );
}

/**
 * 本街道推荐: a secretary may enter her street's recommendation for a batch now open (one per street; the
 * function keeps the first and tells a later one the street already recommended). Nothing shows when no open
 * batch includes her street.
 */
export function StreetRecommend() {
  const { state, reload } = useCloudQuery(streetBatches);
  if (state.status !== 'ready' || !state.data.street || state.data.items.length === 0) return null;
  const street = state.data.street;
  return (
    <View className='street-recommend'>
      <Text className='talent__section'>{`本街道推荐（${street}街道）`}</Text>
      {state.data.items.map((b) => (
        <View key={b.batchId} className='talent__card street-recommend__batch' data-batch={b.batchId}>
          <Text className='talent__name'>{b.title}</Text>
          {b.recommended ? (
            <Text className='talent__text'>{`已推荐：${b.recommended.name}（${b.recommended.community}），意向：${b.recommended.wishes.join('、')}`}</Text>
          ) : (
            <View>
              <Text className='talent__meta'>从本街道新建或工作相对薄弱的社区推荐 1 名书记，并填写其意向挂职社区。</Text>
              <Form batchId={b.batchId} street={street} people={state.data.secretaries} onDone={() => void reload()} />
            </View>
          )}
        </View>
      ))}
    </View>
  );
}
