import { Text, View } from '@tarojs/components';
import { userHandle } from '@yanzhen/domain';
import type { SetupData, SetupRound } from '../../../services/judging';
import { Button } from '../../../ui/nutui';
import { Chips } from '../../components/Chips';
import { FORM_OPTIONS } from './form-state';

interface Props {
  rounds: SetupRound[];
  judges: SetupData['judges'];
  scoresByRound: Record<string, number>;
  saved: boolean;
  onChange: (rounds: SetupRound[]) => void;
  onLock: (round: SetupRound) => void;
}

/**
 * The contest's rounds in the article's forms, each with its judges (those invited to this contest, by their
 * handle and street); lock a saved round once its scoring is complete. A locked round cannot change.
 */
export function RoundsEditor({ rounds, judges, scoresByRound, saved, onChange, onLock }: Props) {
  const set = (i: number, round: SetupRound) => onChange(rounds.map((r, n) => (n === i ? round : r)));
  const toggleJudge = (i: number, key: string) => {
    const r = rounds[i];
    set(i, { ...r, judges: r.judges.includes(key) ? r.judges.filter((k) => k !== key) : [...r.judges, key] });
  };
  return (
    <View className='setup-rounds'>
      {rounds.map((r, i) => (
        <View key={r.key ?? `new-${i}`} className={`adm-card setup-round setup-round--${r.key ?? 'new'}`}>
          <View className='adm-card__head'>
            <Text className='adm-card__name'>{`第 ${i + 1} 轮 · ${r.form}`}</Text>
            <Text className={`adm-badge${r.locked ? '' : ' adm-badge--ok'}`}>{r.locked ? '已锁定' : r.key ? `已评 ${scoresByRound[r.key] ?? 0} 份` : '未保存'}</Text>
          </View>
          {r.locked ? null : <Chips options={FORM_OPTIONS} value={r.form} onChange={(form) => set(i, { ...r, form, kind: form === '知识竞赛' ? 'quiz' : 'scored', judges: form === '知识竞赛' ? [] : r.judges })} scroll />}
          {r.form === '知识竞赛' ? (
            <Text className='adm-card__meta'>知识竞赛由选手在线答题、自动计分，不设评委。</Text>
          ) : (
            <View>
              <Text className='adm-card__meta'>{`本轮评委（已选 ${r.judges.length} 位）`}</Text>
              {judges.length === 0 ? <Text className='adm-card__meta'>还没有评委。请先保存，再到“管理员与评委”按本次比武邀请评委。</Text> : null}
              <View className='adm-chips setup-round__judges'>
                {judges.map((j) => (
                  <Text
                    key={j.judgeKey}
                    className={`adm-chip${r.judges.includes(j.judgeKey) ? ' adm-chip--on' : ''}`}
                    data-key={j.judgeKey}
                    onClick={() => !r.locked && !j.competing && toggleJudge(i, j.judgeKey)}
                  >
                    {`${userHandle(j.judgeKey)}${j.street ? ` · ${j.street}` : ''}${j.competing ? '（参赛，不能评审）' : ''}`}
                  </Text>
                ))}
              </View>
            </View>
          )}
          {r.locked ? null : (
            <View className='adm-card__actions'>
              {saved && r.key ? (
                <Button className='setup-round__lock' size='normal' type='primary' fill='outline' onClick={() => onLock(r)}>
                  锁定本轮评分
                </Button>
              ) : null}
              {!scoresByRound[r.key ?? ''] ? (
                <Button className='setup-round__remove' size='normal' onClick={() => onChange(rounds.filter((_, n) => n !== i))}>
                  删除本轮
                </Button>
              ) : null}
            </View>
          )}
        </View>
      ))}
      <Button className='setup-rounds__add' block onClick={() => onChange([...rounds, { form: '实地观摩', kind: 'scored', judges: [] }])}>
        添加一轮
      </Button>
    </View>
  );
}
