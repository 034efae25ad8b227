import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_ACTION_LABELS, auditActionLabel } from '@yanzhen/domain';

// The admin's 操作记录 shows each entry's action in words. Every action a function writes to the audit log
// (`action: '<fn>.<name>'` in its sources) needs its label, or the office reads a raw identifier.
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'test-support' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

test('every audited action has a readable label', () => {
  const written = new Set<string>();
  for (const file of sources(join(__dirname, '..'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/action: '([a-z]+\.[A-Za-z]+)'/g)) written.add(m[1]);
  }
  expect(written.size).toBeGreaterThan(30);
  expect([...written].filter((a) => !(a in AUDIT_ACTION_LABELS))).toEqual([]);
  expect(auditActionLabel('salon.skipHost')).toBe('跳过轮值街道');
});
