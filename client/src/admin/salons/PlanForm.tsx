import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SALON_DEPARTMENTS, SALON_TOPICS, type SalonTopic, type Street } from '@yanzhen/domain';
import { createSalon } from '../../services/salon';
import { Button } from '../../ui/nutui';
import { Chips } from '../components/Chips';
import { tell } from '../confirm';

/** Shizhong district's centre, until the admin gives the venue's point (pasted from a map app: no location API, no privacy prompt). */
const DISTRICT_CENTRE = '116.99,36.65';
const TOPIC_OPTIONS = SALON_TOPICS.map((t) => ({ key: t, label: t }));

const chinaInstant = (day: string, time: string): Date => new Date(`${day}T${time}:00+08:00`);

/**
 * The next salon for the proposed host: date (the month's 19th at 14:30 by default), topic, headline, venue,
 * places and invited departments. Sign-up opens now and closes at 18:00 the day before.
 */
export function PlanForm({ host, month, onCreated, onCancel }: { host: Street; month: string; onCreated: () => void; onCancel: () => void }) {
  const [day, setDay] = useState(`${month}-19`);
  const [time, setTime] = useState('14:30');
  const [topic, setTopic] = useState<SalonTopic>(SALON_TOPICS[0]);
  const [theme, setTheme] = useState('');
  const [place, setPlace] = useState(`${host}街道党群服务中心`);
  const [capacity, setCapacity] = useState('40');
  const [departments, setDepartments] = useState<string[]>([]);
  const [point, setPoint] = useState(DISTRICT_CENTRE);
  const [busy, setBusy] = useState(false);

  async function submit() {
    const date = chinaInstant(day, time);
    if (Number.isNaN(date.getTime())) return tell('请按 2026-12-19 和 14:30 的格式填写日期和时间');
    const [longitude, latitude] = point.split(/[,，\s]+/).map(Number);
    if (!Number.isFinite(longitude) || !Number.isFinite(latitude)) return tell('请按“经度,纬度”填写会场坐标，如 116.99,36.65');
    const closes = new Date(chinaInstant(day, '18:00').getTime() - 24 * 3600 * 1000);
    setBusy(true);
    const res = await createSalon({
      hostStreet: host,
      date: date.toISOString(),
      topic,
      theme: theme.trim() || `${topic}经验交流`,
      place: place.trim(),
      location: { longitude, latitude },
      departments,
      capacity: Number(capacity),
      signupOpensAt: new Date().toISOString(),
      signupClosesAt: closes.toISOString(),
    });
    setBusy(false);
    if (!res.ok) return tell(res.error.message);
    void Taro.showToast({ title: `已安排${res.data.title}`, icon: 'none' });
    onCreated();
  }

  const toggle = (d: string) => setDepartments(departments.includes(d) ? departments.filter((x) => x !== d) : [...departments, d]);
  return (
    <View className='adm-card salons-plan'>
      <Text className='adm-card__name'>{`安排 ${month} 沙龙 · ${host}街道承办`}</Text>
      <Text className='adm-card__meta'>日期和时间（北京时间）</Text>
      <View className='salons-plan__row'>
        <Input className='adm-input salons-plan__day' value={day} onInput={(e) => setDay(e.detail.value)} />
        <Input className='adm-input salons-plan__time' value={time} onInput={(e) => setTime(e.detail.value)} />
      </View>
      <Text className='adm-card__meta'>话题</Text>
      <Chips options={TOPIC_OPTIONS} value={topic} onChange={setTopic} className='salons-plan__topics' />
      <Text className='adm-card__meta'>本期主题</Text>
      <Input className='adm-input salons-plan__theme' placeholder={`如：${topic}经验交流`} value={theme} onInput={(e) => setTheme(e.detail.value)} />
      <Text className='adm-card__meta'>地点</Text>
      <Input className='adm-input salons-plan__place' value={place} onInput={(e) => setPlace(e.detail.value)} />
      <Text className='adm-card__meta'>会场坐标（经度,纬度，可从地图应用复制）</Text>
      <Input className='adm-input salons-plan__point' value={point} onInput={(e) => setPoint(e.detail.value)} />
      <Text className='adm-card__meta'>名额</Text>
      <Input className='adm-input salons-plan__capacity' type='number' value={capacity} onInput={(e) => setCapacity(e.detail.value)} />
      <Text className='adm-card__meta'>邀请点评的部门</Text>
      <View className='adm-chips'>
        {SALON_DEPARTMENTS.map((d) => (
          <Text key={d} className={`adm-chip${departments.includes(d) ? ' adm-chip--on' : ''}`} data-key={d} onClick={() => toggle(d)}>
            {d}
          </Text>
        ))}
      </View>
      <Button className='salons-plan__submit' type='primary' block disabled={busy} onClick={() => void submit()}>
        {busy ? '正在安排…' : '确定安排'}
      </Button>
      <Button className='salons-plan__cancel' block disabled={busy} onClick={onCancel}>
        取消
      </Button>
    </View>
  );
}
