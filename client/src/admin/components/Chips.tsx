import { ScrollView, Text, View } from '@tarojs/components';

interface Props<K extends string> {
  options: readonly { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
  /** One scrolling row (many options, e.g. 17 streets) instead of wrapping lines. */
  scroll?: boolean;
  className?: string;
}

/** A single-choice row of large tap targets; `data-key` lets tests pick one. */
export function Chips<K extends string>({ options, value, onChange, scroll, className }: Props<K>) {
  const chips = options.map((o) => (
    <Text
      key={o.key}
      className={`adm-chip${o.key === value ? ' adm-chip--on' : ''}`}
      data-key={o.key}
      onClick={() => onChange(o.key)}
    >
      {o.label}
    </Text>
  ));
  if (scroll) {
    return (
      <ScrollView scrollX className={`adm-chips adm-chips--scroll ${className ?? ''}`}>
        <View className='adm-chips__row'>{chips}</View>
      </ScrollView>
    );
  }
  return <View className={`adm-chips ${className ?? ''}`}>{chips}</View>;
}
