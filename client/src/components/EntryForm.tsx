import { useState } from 'react';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { ENTRY_KIND_LABELS, ENTRY_KINDS, entryInputSchema, inChina, type EntryInput, type EntryKind } from '@yanzhen/domain';
import { Button } from '../ui/nutui';
import './EntryForm.scss';

interface Props {
  /** Kinds offered (a secretary does not propose her own penalties). */
  kinds?: readonly EntryKind[];
  defaultKind?: EntryKind;
  defaultSource?: string;
  submitText: string;
  onSubmit: (entry: EntryInput) => Promise<string | null>;
}

/**
 * One dated archive entry with its source: the admin's "添加记录" and the secretary's "提交记录" (which an admin
 * confirms). Checked with the same schema the function uses; `onSubmit` answers an error message or null.
 * Test hooks: `.entry-form__kind[data-kind]`, `__date`, `__title`, `__source`, `__detail`, `__submit`.
 */
export function EntryForm({ kinds = ENTRY_KINDS, defaultKind = 'training', defaultSource = '', submitText, onSubmit }: Props) {
  const [kind, setKind] = useState<EntryKind>(defaultKind);
  const [date, setDate] = useState(inChina(new Date()).format('YYYY-MM-DD'));
  const [title, setTitle] = useState('');
  const [source, setSource] = useState(defaultSource);
  const [detail, setDetail] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function submit() {
    const parsed = entryInputSchema.safeParse({ kind, date, title, source, detail });
    if (!parsed.success) return setMessage({ kind: 'error', text: parsed.error.issues[0]?.message ?? '请检查填写的内容' });
    setBusy(true);
    const error = await onSubmit(parsed.data);
    setBusy(false);
    if (error) return setMessage({ kind: 'error', text: error });
    setTitle('');
    setDetail('');
    setMessage({ kind: 'ok', text: '已保存' });
  }

  return (
    <View className='entry-form'>
      <View className='entry-form__kinds'>
        {kinds.map((k) => (
          <Text key={k} className={`entry-form__kind${k === kind ? ' entry-form__kind--on' : ''}`} data-kind={k} onClick={() => setKind(k)}>
            {ENTRY_KIND_LABELS[k]}
          </Text>
        ))}
      </View>
      <Text className='entry-form__label'>日期（年-月-日）</Text>
      <Input className='entry-form__input entry-form__date' value={date} maxlength={10} onInput={(e) => setDate(e.detail.value)} />
      <Text className='entry-form__label'>内容</Text>
      <Input className='entry-form__input entry-form__title' value={title} maxlength={60} placeholder='如：全区社区书记示范培训班' onInput={(e) => setTitle(e.detail.value)} />
      <Text className='entry-form__label'>来源</Text>
      <Input className='entry-form__input entry-form__source' value={source} maxlength={40} placeholder='如：区委组织部' onInput={(e) => setSource(e.detail.value)} />
      <Text className='entry-form__label'>说明（可不填）</Text>
      <Textarea className='entry-form__textarea entry-form__detail' value={detail} maxlength={500} onInput={(e) => setDetail(e.detail.value)} />
      {message ? <Text className={`entry-form__message entry-form__message--${message.kind}`}>{message.text}</Text> : null}
      <Button className='entry-form__submit' type='primary' size='large' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在保存…' : submitText}
      </Button>
    </View>
  );
}
