/** Shizhong district's 17 streets (街道), as listed in design.md; demo data and filters use them. */
export const STREETS = [
  '大观园', '杆石桥', '四里村', '魏家庄', '二七新村', '七里山', '六里山', '舜玉路', '泺源',
  '王官庄', '舜耕', '白马山', '七贤', '十六里河', '兴隆', '党家', '陡沟',
] as const;
export type Street = (typeof STREETS)[number];
export const streetLabel = (s: Street): string => `${s}街道`;
