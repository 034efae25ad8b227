import type { DimensionKey } from '@yanzhen/domain';
import { randomFrom } from '../random';
import { circle, ellipse, hex, line, Picture, polygon, rect, roundRect, within, without, type Rgb } from './raster';

/**
 * The demo's pictures, drawn at seed time: a portrait illustration per secretary (an avatar, never a real
 * person) and activity scenes in the flat style of a community notice board, one kind per contest dimension.
 */
const RED = hex('#C8161D');
const GOLD = hex('#D4A437');
const WHITE = hex('#FFFFFF');
const INK = hex('#2B2B2B');

const BACKGROUNDS = ['#F6E3D6', '#E3EEF6', '#EAF3E3', '#F3E6F0', '#FFF2D6', '#E6ECEF'].map(hex);
const SKINS = ['#F2CBA8', '#E8B98F', '#F6D5BC', '#DDA77C'].map(hex);
const HAIR = ['#1E1A18', '#2E2622', '#4A3B32', '#5C5C5C'].map(hex);
const JACKETS = ['#26375A', '#3B3B45', '#7A1E22', '#2F4B3A', '#4A4F6A'].map(hex);

export type HairStyle = 'short' | 'parted' | 'long' | 'bob' | 'bun' | 'crew';

export interface PortraitLook {
  gender: '男' | '女';
  index: number;
}

/** A 240 × 240 portrait: head and shoulders in a work jacket with the Party badge, on a soft colour. */
export function drawPortrait({ gender, index }: PortraitLook): Buffer {
  const S = 240;
  const random = randomFrom(1000 + index);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const skin = pick(SKINS);
  const hair = index % 7 === 6 ? HAIR[3] : pick(HAIR.slice(0, 3));
  const jacket = pick(JACKETS);
  const style: HairStyle = gender === '女' ? pick(['long', 'bob', 'bun'] as const) : pick(['short', 'parted', 'crew'] as const);
  const pic = new Picture(S, S, BACKGROUNDS[index % BACKGROUNDS.length]);
  pic.fill(circle(S * 0.5, S * 0.46, S * 0.42), WHITE, 0.45);

  // Long hair falls behind the shoulders.
  if (style === 'long') pic.fill(roundRect(S * 0.27, S * 0.26, S * 0.46, S * 0.5, 40), hair);
  // Shoulders, shirt collar, neck.
  pic.fill(ellipse(S * 0.5, S * 1.02, S * 0.44, S * 0.3), jacket);
  pic.fill(polygon([[S * 0.4, S * 0.74], [S * 0.6, S * 0.74], [S * 0.5, S * 0.9]]), WHITE);
  pic.fill(rect(S * 0.44, S * 0.6, S * 0.12, S * 0.14), skin);
  pic.fill(polygon([[S * 0.44, S * 0.72], [S * 0.56, S * 0.72], [S * 0.5, S * 0.8]]), skin);
  // The Party badge on the left chest.
  pic.fill(circle(S * 0.33, S * 0.86, S * 0.032), RED).fill(circle(S * 0.33, S * 0.86, S * 0.013), GOLD);
  // Head and ears.
  pic.fill(ellipse(S * 0.32, S * 0.47, S * 0.035, S * 0.05), skin).fill(ellipse(S * 0.68, S * 0.47, S * 0.035, S * 0.05), skin);
  const head = ellipse(S * 0.5, S * 0.44, S * 0.18, S * 0.21);
  pic.fill(head, skin);
  drawHair(pic, style, hair, S);
  // Face: eyes, brows, a smile, a little colour on the cheeks.
  for (const side of [-1, 1]) {
    pic.fill(ellipse(S * (0.5 + side * 0.075), S * 0.46, S * 0.016, S * 0.021), INK);
    pic.fill(line(S * (0.5 + side * 0.05), S * 0.405, S * (0.5 + side * 0.1), S * 0.4, S * 0.014), hair);
    pic.fill(circle(S * (0.5 + side * 0.11), S * 0.52, S * 0.025), hex('#F08C8C'), 0.35);
  }
  pic.fill(without(ellipse(S * 0.5, S * 0.53, S * 0.06, S * 0.045), ellipse(S * 0.5, S * 0.515, S * 0.065, S * 0.045)), hex('#B5544F'));
  if (index % 5 === 3) {
    for (const side of [-1, 1]) pic.fill(without(circle(S * (0.5 + side * 0.075), S * 0.46, S * 0.045), circle(S * (0.5 + side * 0.075), S * 0.46, S * 0.036)), INK);
    pic.fill(line(S * 0.47, S * 0.455, S * 0.53, S * 0.455, S * 0.01), INK);
  }
  return pic.toPng();
}

function drawHair(pic: Picture, style: HairStyle, hair: Rgb, S: number): void {
  const cap = within(ellipse(S * 0.5, S * 0.4, S * 0.2, S * 0.2), rect(0, 0, S, S * 0.4));
  switch (style) {
    case 'crew':
      pic.fill(within(ellipse(S * 0.5, S * 0.42, S * 0.19, S * 0.2), rect(0, 0, S, S * 0.34)), hair);
      break;
    case 'short':
      pic.fill(cap, hair).fill(ellipse(S * 0.42, S * 0.33, S * 0.12, S * 0.05), hair);
      break;
    case 'parted':
      pic.fill(cap, hair).fill(polygon([[S * 0.44, S * 0.26], [S * 0.7, S * 0.32], [S * 0.68, S * 0.42], [S * 0.58, S * 0.33]]), hair);
      break;
    case 'long':
      pic.fill(cap, hair).fill(polygon([[S * 0.32, S * 0.38], [S * 0.55, S * 0.3], [S * 0.36, S * 0.46]]), hair);
      break;
    case 'bob':
      // Hair round the whole head down to the chin, with the face left open below the fringe.
      pic.fill(without(within(ellipse(S * 0.5, S * 0.44, S * 0.23, S * 0.24), rect(0, 0, S, S * 0.58)), within(ellipse(S * 0.5, S * 0.44, S * 0.18, S * 0.21), rect(0, S * 0.36, S, S))), hair);
      break;
    case 'bun':
      pic.fill(circle(S * 0.5, S * 0.2, S * 0.075), hair).fill(cap, hair);
      break;
  }
}

/** A 480 × 300 activity scene: what the secretary's story is about, in the notice-board style. */
export function drawScene(kind: DimensionKey, index: number): Buffer {
  const W = 480;
  const H = 300;
  const random = randomFrom(5000 + index);
  const pic = new Picture(W, H, hex(['#DCEBF5', '#E8F1F8', '#F5EBDD'][index % 3]));
  pic.fill(rect(0, H * 0.72, W, H * 0.28), hex('#D9D2C5'));
  const person = (x: number, y: number, scale: number, shirt: Rgb) => {
    pic.fill(roundRect(x - 16 * scale, y, 32 * scale, 46 * scale, 12 * scale), shirt);
    pic.fill(circle(x, y - 12 * scale, 13 * scale), SKINS[Math.floor(random() * SKINS.length)]);
    pic.fill(within(circle(x, y - 14 * scale, 13.5 * scale), rect(x - 20 * scale, y - 30 * scale, 40 * scale, 14 * scale)), HAIR[Math.floor(random() * 3)]);
  };
  const flag = (x: number, y: number) => {
    pic.fill(rect(x, y, 4, 90), hex('#8C8C8C'));
    pic.fill(polygon([[x + 4, y + 2], [x + 58, y + 8], [x + 4, y + 40]]), RED);
    pic.fill(circle(x + 16, y + 14, 5), GOLD);
  };
  const building = (x: number, w: number, h: number, color: Rgb) => {
    const top = H * 0.72 - h;
    pic.fill(rect(x, top, w, h), color);
    for (let fy = top + 14; fy < H * 0.72 - 20; fy += 26)
      for (let fx = x + 10; fx < x + w - 16; fx += 24) pic.fill(rect(fx, fy, 12, 14), random() < 0.3 ? hex('#FFE7A3') : hex('#9FB6C8'));
  };
  const tree = (x: number) => {
    pic.fill(rect(x - 4, H * 0.56, 8, H * 0.16), hex('#7A5A3A'));
    pic.fill(circle(x, H * 0.52, 26), hex('#5E9E5A')).fill(circle(x - 14, H * 0.58, 18), hex('#6BAE63'));
  };
  const shirts = [RED, hex('#F2C14E'), hex('#4F7CAC'), hex('#FFFFFF'), hex('#5E9E5A')];
  const crowd = (x0: number, count: number, y = H * 0.64) => {
    for (let i = 0; i < count; i++) person(x0 + i * 40, y, 1, shirts[(index + i) % shirts.length]);
  };

  switch (kind) {
    case 'property': // 红色物业: a residential block, the red-flag property office, neighbours fixing things together
      building(30, 150, 170, hex('#E9D8C4'));
      building(200, 120, 130, hex('#D6C7B5'));
      pic.fill(rect(340, H * 0.48, 110, H * 0.24), WHITE).fill(rect(340, H * 0.44, 110, 14), RED);
      flag(420, 40);
      crowd(210, 4);
      break;
    case 'grid': // 网格化治理: the community map divided into grids, with the grid workers' pins
      pic.fill(rect(0, 0, W, H), hex('#F4F1E8'));
      for (let gx = 0; gx < 6; gx++)
        for (let gy = 0; gy < 4; gy++) pic.fill(roundRect(20 + gx * 76, 20 + gy * 68, 66, 58, 8), hex(['#E2EAD8', '#F0E2CF', '#DCE6EE'][(gx + gy + index) % 3]));
      for (let gx = 1; gx < 6; gx++) pic.fill(line(16 + gx * 76, 14, 16 + gx * 76, H - 14, 3), RED, 0.7);
      for (let gy = 1; gy < 4; gy++) pic.fill(line(14, 16 + gy * 68, W - 14, 16 + gy * 68, 3), RED, 0.7);
      for (let i = 0; i < 7; i++) {
        const [px, py] = [50 + random() * 380, 50 + random() * 200];
        pic.fill(circle(px, py - 10, 11), RED).fill(polygon([[px - 8, py - 4], [px + 8, py - 4], [px, py + 10]]), RED).fill(circle(px, py - 10, 4), WHITE);
      }
      break;
    case 'newGroups': // 新业态新就业群体党建: the warm station for couriers and riders
      pic.fill(rect(60, H * 0.38, 200, H * 0.34), hex('#FFF4E0')).fill(polygon([[44, H * 0.4], [276, H * 0.4], [240, H * 0.26], [80, H * 0.26]]), RED);
      pic.fill(rect(130, H * 0.5, 60, H * 0.22), hex('#C9A77C')).fill(rect(80, H * 0.47, 36, 30), hex('#9FB6C8')).fill(rect(204, H * 0.47, 36, 30), hex('#9FB6C8'));
      for (const [x, c] of [[330, hex('#F2C14E')], [410, hex('#4F9ED8')]] as const) {
        pic.fill(circle(x - 26, H * 0.8, 16), INK).fill(circle(x + 26, H * 0.8, 16), INK).fill(circle(x - 26, H * 0.8, 7), hex('#BBBBBB')).fill(circle(x + 26, H * 0.8, 7), hex('#BBBBBB'));
        pic.fill(roundRect(x - 30, H * 0.66, 60, 22, 8), c).fill(roundRect(x - 4, H * 0.5, 34, 30, 4), c);
        person(x - 14, H * 0.5, 0.9, c);
      }
      break;
    case 'position': // 阵地打造: the Party-and-people service station, open to everyone
      tree(40);
      pic.fill(rect(90, H * 0.3, 300, H * 0.42), WHITE).fill(rect(80, H * 0.24, 320, 22), RED);
      pic.fill(rect(200, H * 0.46, 80, H * 0.26), hex('#B98E5E')).fill(rect(110, H * 0.42, 60, 44), hex('#9FB6C8')).fill(rect(310, H * 0.42, 60, 44), hex('#9FB6C8'));
      for (let i = 0; i < 5; i++) pic.fill(circle(120 + i * 60, H * 0.28, 4), GOLD);
      tree(440);
      crowd(120, 2, H * 0.66);
      crowd(320, 2, H * 0.66);
      break;
    case 'organization': // 组织建设: the Party branch meeting round the table
      pic.fill(rect(0, 0, W, H * 0.72), hex('#F3ECE4'));
      pic.fill(rect(120, 30, 240, 70), RED);
      for (let i = 0; i < 5; i++) pic.fill(circle(160 + i * 40, 65, 6), GOLD);
      for (let i = 0; i < 6; i++) person(90 + i * 60, H * 0.48, 1, shirts[(i + index) % shirts.length]);
      pic.fill(roundRect(50, H * 0.62, 380, 40, 10), hex('#A8744A'));
      break;
    case 'team': // 抓班子带队伍: the community "two committees" team, side by side
      pic.fill(rect(0, 0, W, H * 0.72), hex('#FBEFEF'));
      pic.fill(rect(40, 24, 400, 110), RED);
      for (let i = 0; i < 4; i++) pic.fill(polygon(star(110 + i * 90, 78, 22)), GOLD);
      for (let i = 0; i < 7; i++) person(60 + i * 60, H * 0.56, 1.1, i % 2 ? hex('#26375A') : WHITE);
      break;
  }
  pic.fill(rect(0, 0, W, 6), GOLD);
  return pic.toPng();
}

function star(cx: number, cy: number, r: number): [number, number][] {
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.42;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [cx + radius * Math.cos(a), cy + radius * Math.sin(a)] as [number, number];
  });
}
