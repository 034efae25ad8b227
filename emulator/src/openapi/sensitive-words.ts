/**
 * The local stand-in for WeChat's content security model: a few words per label, so that tests and
 * the demo can see `security.msgSecCheck` reject text. Labels are the real v2 ones
 * (100 normal, 10001 ads, 20001 politics, 20002 porn, 20003 abuse, 20006 crime, 20008 fraud,
 * 20012 vulgar, 20013 copyright, 21000 other).
 */
export interface SensitiveWord {
  word: string;
  label: number;
}

export const SENSITIVE_WORDS: readonly SensitiveWord[] = [
  { word: '赌博', label: 20006 },
  { word: '代开发票', label: 20006 },
  { word: '色情', label: 20002 },
  { word: '裸聊', label: 20002 },
  { word: '刷单', label: 20008 },
  { word: '加微信领红包', label: 10001 },
  { word: '傻逼', label: 20003 },
  // ASCII, for tests that prefer not to type Chinese.
  { word: 'forbidden-word-test', label: 21000 },
];

/** The words found in `text` (case-insensitive for ASCII), in list order. */
export function findSensitiveWords(text: string): SensitiveWord[] {
  const lower = text.toLowerCase();
  return SENSITIVE_WORDS.filter((w) => lower.includes(w.word.toLowerCase()));
}
