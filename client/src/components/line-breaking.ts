/**
 * Line breaking for text drawn on a canvas (the share poster), following the Chinese rules (W3C clreq, 禁则):
 * no line starts with closing punctuation (。，、；：？！）」 …) and no line ends with opening punctuation
 * (（「“《 …). CJK text may otherwise break between any two characters; a Latin word or number stays whole
 * when it fits on a line.
 */

/** Characters a line must not start with: closing marks, pauses and stops (full- and half-width). */
export const NO_LINE_START = new Set(Array.from('。，、；：？！）」』”’》〉】〕〗…—·%‰,.;:?!)]}'));
/** Characters a line must not end with: opening marks. */
export const NO_LINE_END = new Set(Array.from('（「『“‘《〈【〔〖([{'));

/** Units that are never split: runs of Latin letters and digits, and single other characters. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9]+|[\s\S]/gu) ?? [];
}

const endsBadly = (line: string) => line.length > 0 && NO_LINE_END.has(line[line.length - 1]);

/**
 * Breaks `text` into lines no wider than `maxWidth` (as `measure` reports), at most `maxLines`; when the text does
 * not fit, the last line ends with "…". Whitespace runs become one space. A closing mark that would start a line
 * stays at the end of the previous one (hanging past `maxWidth` by that mark, as Chinese print does); an opening
 * mark that would end a line moves down with the character it opens.
 */
export function breakLines(measure: (s: string) => number, text: string, maxWidth: number, maxLines: number): string[] {
  const all = units(text.replace(/\s+/g, ' ').trim());
  const lines: string[] = [];
  let line = '';
  let i = 0;
  for (; i < all.length && lines.length < maxLines; i++) {
    const unit = all[i];
    if (line === '' && unit === ' ') continue;
    if (line === '' || measure(line + unit) <= maxWidth || NO_LINE_START.has(unit[0])) {
      line += unit;
      continue;
    }
    // The line is full before `unit`: carry opening marks at its end over to the next line.
    let carried = '';
    while (endsBadly(line) && line.length > 1) {
      carried = line[line.length - 1] + carried;
      line = line.slice(0, -1);
    }
    lines.push(line.trimEnd());
    line = unit === ' ' ? carried : carried + unit;
  }
  const rest = i < all.length;
  if (line && lines.length < maxLines) lines.push(line.trimEnd());
  else if (line) return ellipsize(lines, measure, maxWidth);
  return rest ? ellipsize(lines, measure, maxWidth) : lines;
}

/** Ends the last line with "…", dropping characters until it fits (never leaving an opening mark before it). */
function ellipsize(lines: string[], measure: (s: string) => number, maxWidth: number): string[] {
  if (lines.length === 0) return lines;
  let last = lines[lines.length - 1];
  while (last.length > 0 && (measure(`${last}…`) > maxWidth || endsBadly(last))) last = last.slice(0, -1);
  return [...lines.slice(0, -1), `${last}…`];
}
