import { useState } from 'react';
import { Image, Text, Textarea, View } from '@tarojs/components';
import { dimensionName } from '@yanzhen/domain';
import type { ShowcaseContentView, OwnerShowcase } from '../../services/my-showcase';
import { Button } from '../../ui/nutui';
import { formatTime } from '../format';

function Content({ content }: { content: ShowcaseContentView }) {
  return (
    <View className='review__content'>
      {content.story.split(/\n\s*\n/).map((p, i) => (
        <Text key={i} className='review__story'>
          {p}
        </Text>
      ))}
      {content.achievements.length ? <Text className='review__list'>成绩：{content.achievements.join('；')}</Text> : null}
      {content.tags.length ? <Text className='review__list'>标签：{content.tags.map(dimensionName).join('、')}</Text> : null}
    </View>
  );
}

/** A draft image as `showcase.pendingList` sends it: signed for the admin, with its content-security verdict. */
export interface PendingImage {
  fileID: string;
  url: string | null;
  check: 'pending' | 'pass' | 'risky';
}

const CHECK_LABELS: Record<PendingImage['check'], string> = { pending: '安全检测中', pass: '检测通过', risky: '未通过检测' };

function Images({ images }: { images: PendingImage[] }) {
  return (
    <View className='review__images'>
      {images.map((img) => (
        <View key={img.fileID} className={`review__image review__image--${img.check}`}>
          {img.url ? <Image className='review__photo' src={img.url} mode='aspectFill' /> : <View className='review__photo review__photo--missing' />}
          <Text className={`adm-badge review__check review__check--${img.check}`}>{CHECK_LABELS[img.check]}</Text>
        </View>
      ))}
    </View>
  );
}

interface Props {
  item: OwnerShowcase & { images?: PendingImage[] };
  busy: boolean;
  onApprove: () => void;
  onReject: (reason: string) => void;
}

/** One submission: the draft in full, the version now public for comparison, and the two decisions. */
export function ReviewCard({ item, busy, onApprove, onReject }: Props) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [showPublished, setShowPublished] = useState(false);
  return (
    <View className='adm-card review' data-showcase={item._id}>
      <View className='adm-card__head'>
        <Text className='adm-card__name'>{item.name}</Text>
        <Text className='adm-badge adm-badge--wait'>待审核</Text>
      </View>
      <Text className='adm-card__meta'>{`${item.street}街道 · ${item.community} · 提交于 ${formatTime(item.submittedAt)}`}</Text>
      <Text className='review__label'>提交的新版本</Text>
      {item.draft ? <Content content={item.draft} /> : null}
      {item.images?.length ? <Images images={item.images} /> : null}
      {item.images?.some((img) => img.check !== 'pass') ? (
        <Text className='adm-card__meta review__images-note'>
          {item.images.some((img) => img.check === 'risky') ? '有图片未通过内容安全检测，不能通过，请退回并说明原因。' : '图片安全检测完成后才能通过，请稍后下拉刷新。'}
        </Text>
      ) : null}
      {item.published ? (
        <Text className='review__toggle' onClick={() => setShowPublished(!showPublished)}>
          {showPublished ? '收起当前公开版本' : '对照当前公开版本 ›'}
        </Text>
      ) : (
        <Text className='adm-card__meta'>这是第一次提交，此前没有公开版本。</Text>
      )}
      {showPublished && item.published ? (
        <View className='review__published'>
          <Content content={item.published} />
        </View>
      ) : null}
      {rejecting ? (
        <View className='review__reject'>
          <Textarea
            className='adm-textarea review__reason'
            value={reason}
            maxlength={200}
            placeholder='请写明退回原因，书记会看到这段话'
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='adm-card__actions'>
            <Button className='review__confirm-reject' type='primary' size='normal' disabled={busy || !reason.trim()} onClick={() => onReject(reason)}>
              确认退回
            </Button>
            <Button className='review__cancel' size='normal' disabled={busy} onClick={() => setRejecting(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className='adm-card__actions'>
          <Button className='review__approve' type='primary' size='normal' disabled={busy} onClick={onApprove}>
            {busy ? '正在处理…' : '通过并公开'}
          </Button>
          <Button className='review__start-reject' size='normal' disabled={busy} onClick={() => setRejecting(true)}>
            退回修改
          </Button>
        </View>
      )}
    </View>
  );
}
