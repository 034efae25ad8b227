import { Input, Text, Textarea, View } from '@tarojs/components';
import { DIMENSIONS, type DimensionKey } from '@yanzhen/domain';

export const STORY_MAX = 2000;
export const ACHIEVEMENTS_MAX = 10;

export interface DraftFields {
  story: string;
  achievements: string[];
  tags: DimensionKey[];
}

interface Props {
  fields: DraftFields;
  onChange: (next: DraftFields) => void;
}

/** Story, achievements (one per line item, ≤ 10) and tags from the six contest dimensions. */
export function EditorForm({ fields, onChange }: Props) {
  const set = (patch: Partial<DraftFields>) => onChange({ ...fields, ...patch });
  const setAchievement = (i: number, value: string) => set({ achievements: fields.achievements.map((a, j) => (j === i ? value : a)) });
  const toggleTag = (key: DimensionKey) =>
    set({ tags: fields.tags.includes(key) ? fields.tags.filter((t) => t !== key) : [...fields.tags, key] });

  return (
    <View className='edit-form'>
      <View className='sec-card'>
        <Text className='sec-card__title'>我的事迹</Text>
        <Text className='sec-card__hint'>讲讲您和居民一起做成的事。空一行开始新的段落。</Text>
        <Textarea
          className='sec-textarea edit-form__story'
          value={fields.story}
          maxlength={STORY_MAX}
          autoHeight
          placeholder='例如：把闲置车棚改成党群服务驿站……'
          onInput={(e) => set({ story: e.detail.value })}
        />
        <Text className='edit-form__count'>
          {fields.story.length} / {STORY_MAX} 字
        </Text>
      </View>

      <View className='sec-card'>
        <Text className='sec-card__title'>主要成绩</Text>
        {fields.achievements.map((a, i) => (
          <View key={i} className='edit-form__achievement'>
            <Input
              className='sec-input edit-form__achievement-input'
              value={a}
              maxlength={100}
              placeholder='一条成绩，不超过 100 字'
              onInput={(e) => setAchievement(i, e.detail.value)}
            />
            <Text className='edit-form__remove' onClick={() => set({ achievements: fields.achievements.filter((_, j) => j !== i) })}>
              删除
            </Text>
          </View>
        ))}
        {fields.achievements.length < ACHIEVEMENTS_MAX ? (
          <Text className='edit-form__add' onClick={() => set({ achievements: [...fields.achievements, ''] })}>
            ＋ 添加一条成绩
          </Text>
        ) : (
          <Text className='sec-card__hint'>最多 {ACHIEVEMENTS_MAX} 条</Text>
        )}
      </View>

      <View className='sec-card'>
        <Text className='sec-card__title'>特色标签</Text>
        <Text className='sec-card__hint'>选择与大比武六个维度相符的方面，可多选。</Text>
        <View className='edit-form__tags'>
          {DIMENSIONS.map((d) => (
            <Text
              key={d.key}
              className={`edit-form__tag${fields.tags.includes(d.key) ? ' edit-form__tag--on' : ''}`}
              data-key={d.key}
              onClick={() => toggleTag(d.key)}
            >
              {fields.tags.includes(d.key) ? '✓ ' : ''}
              {d.name}
            </Text>
          ))}
        </View>
      </View>
    </View>
  );
}
