import { CODE_MAX_ATTEMPTS, type AuditItem, type WhoAmI } from '@yanzhen/domain';
import { useFunctionHarness } from '../test-support/local-cloud';

const h = useFunctionHarness({}, 120_000);

async function issue(secretaryId: string): Promise<string> {
  const res = await h.as('demo-admin')<{ code: string }>('user', { action: 'issueBindingCode', secretaryId });
  if (!res.ok) throw new Error(res.error.message);
  return res.data.code;
}

const wrong = (code: string) => code.slice(0, 5) + String((Number(code.slice(5)) + 1) % 1_000_000).padStart(6, '0');

describe('secretary binding codes', () => {
  it('binds the caller to the archive record once, and shows the role on whoami', async () => {
    const code = await issue('sec-02');
    const me = h.as('wx-new-secretary-02');
    expect((await me<WhoAmI>('user', { action: 'whoami' })).ok && true).toBe(true);
    const res = await me('user', { action: 'redeemCode', code: code.toLowerCase() });
    expect(res).toMatchObject({ ok: true, data: { kind: 'secretary', secretaryId: 'sec-02' } });
    const who = await me<WhoAmI>('user', { action: 'whoami' });
    expect(who).toMatchObject({ ok: true, data: { roles: expect.arrayContaining(['resident', 'secretary']), secretaryId: 'sec-02', secretary: { name: expect.any(String) } } });

    const list = await h.as('demo-admin')<{ items: { secretaryId: string; bound: boolean }[] }>('user', { action: 'listBindings' });
    expect(list.ok && list.data.items.find((i) => i.secretaryId === 'sec-02')).toMatchObject({ bound: true, name: expect.any(String) });
    expect(JSON.stringify(list)).not.toMatch(/phone|idNumber|wx-new-secretary-02|13805/);

    const again = await h.as('wx-someone-else')('user', { action: 'redeemCode', code });
    expect(again).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('已使用') } });
  });

  it(`locks a code after ${CODE_MAX_ATTEMPTS} wrong guesses, even for the right secret afterwards`, async () => {
    const code = await issue('sec-03');
    const guesser = h.as('wx-guesser-03');
    for (let i = 1; i <= CODE_MAX_ATTEMPTS; i++) {
      const res = await guesser('user', { action: 'redeemCode', code: wrong(code) });
      expect(res).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      if (i < CODE_MAX_ATTEMPTS) expect(res.ok === false && res.error.message).toContain(`还可以再试 ${CODE_MAX_ATTEMPTS - i} 次`);
    }
    const late = await h.as('wx-real-secretary-03')('user', { action: 'redeemCode', code });
    expect(late).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('锁定') } });
    const sec = await h.db.collection('secretaries').doc('sec-03').get();
    expect(sec.data).not.toHaveProperty('openid');
  });

  it('refuses an expired code and a code replaced by a newer one', async () => {
    const first = await issue('sec-04');
    const second = await issue('sec-04');
    const stale = await h.as('wx-sec-04')('user', { action: 'redeemCode', code: first });
    expect(stale).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('作废') } });
    // Let 72 hours pass for the newer code by moving its stored expiry into the past.
    await h.db.collection('bindingCodes').where({ ticket: second.slice(0, 4) }).update({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await h.as('wx-sec-04')('user', { action: 'redeemCode', code: second });
    expect(expired).toMatchObject({ ok: false, error: { code: 'failed-precondition', message: expect.stringContaining('过期') } });
  });

  it('lets an admin unbind, after which a new code binds again', async () => {
    const unbind = await h.as('demo-admin')('user', { action: 'unbind', secretaryId: 'sec-02' });
    expect(unbind).toMatchObject({ ok: true });
    const who = await h.as('wx-new-secretary-02')<WhoAmI>('user', { action: 'whoami' });
    expect(who.ok && who.data.roles).toEqual(['resident']);
    const code = await issue('sec-02');
    expect(await h.as('wx-new-secretary-02')('user', { action: 'redeemCode', code })).toMatchObject({ ok: true });
  });

  it('makes an invited admin an admin, whom another admin can revoke', async () => {
    const invite = await h.as('demo-admin')<{ code: string }>('user', { action: 'inviteAdmin' });
    expect(invite.ok).toBe(true);
    const newcomer = h.as('wx-new-admin');
    expect(await newcomer('user', { action: 'redeemCode', code: invite.ok ? invite.data.code : '' })).toMatchObject({ ok: true, data: { kind: 'admin' } });
    expect(await newcomer('user', { action: 'listAdmins' })).toMatchObject({ ok: true });
    const admins = await h.as('demo-admin')<{ items: { userKey: string; configured: boolean }[] }>('user', { action: 'listAdmins' });
    const invited = admins.ok ? admins.data.items.find((a) => !a.configured) : undefined;
    expect(JSON.stringify(admins)).not.toContain('wx-new-admin');
    expect(await h.as('demo-admin')('user', { action: 'revokeAdmin', userKey: invited?.userKey })).toMatchObject({ ok: true });
    expect(await newcomer('user', { action: 'listAdmins' })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
  });

  it('records each privileged action in the audit trail, without OpenIDs', async () => {
    const res = await h.as('demo-admin')<{ items: { action: string; actorKey: string }[] }>('user', { action: 'auditList' });
    expect(res.ok).toBe(true);
    const actions = res.ok ? res.data.items.map((i) => i.action) : [];
    expect(actions).toEqual(expect.arrayContaining(['user.issueBindingCode', 'user.redeemCode', 'user.unbind', 'user.inviteAdmin', 'user.revokeAdmin']));
    expect(JSON.stringify(res)).not.toMatch(/wx-new-secretary-02|demo-admin/);
    const filtered = await h.as('demo-admin')<{ items: { action: string }[] }>('user', { action: 'auditList', target: 'secretaries/sec-02' });
    expect(filtered.ok && filtered.data.items.length).toBeGreaterThanOrEqual(4);
    expect(filtered.ok && filtered.data.items.every((i) => ['user.issueBindingCode', 'user.redeemCode', 'user.unbind'].includes(i.action))).toBe(true);
    const byOperation = await h.as('demo-admin')<{ items: { action: string }[] }>('user', { action: 'auditList', operation: 'user.unbind' });
    expect(byOperation.ok && byOperation.data.items.map((i) => i.action)).toEqual(['user.unbind']);
  });

  it('shows the audit trail in people\'s language: names, role and masked name, and a field-by-field diff', async () => {
    const sec = (await h.db.collection('secretaries').doc('sec-02').get()).data as { name: string; community: string };
    const res = await h.as('demo-admin')<{ items: AuditItem[] }>('user', { action: 'auditList', target: sec.name });
    expect(res.ok).toBe(true);
    const items = res.ok ? res.data.items : [];
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const item of items) {
      expect(item.targetLabel).toBe(`书记档案：${sec.name}（${sec.community}）`);
      expect(item.actionLabel).not.toMatch(/^user\./);
    }
    const unbind = items.find((i) => i.action === 'user.unbind');
    expect(unbind).toMatchObject({ actionLabel: '解除绑定', actorLabel: expect.stringMatching(/^管理员 · 用户 /) });
    expect(unbind?.changes).toEqual(expect.arrayContaining([{ field: '书记档案', before: `${sec.name}（${sec.community}）`, after: '（无）' }]));
    const redeemed = items.find((i) => i.action === 'user.redeemCode');
    // The secretary herself redeemed the code: her role and her name, masked.
    expect(redeemed?.actorLabel).toBe(`社区书记 · ${[...sec.name][0]}${'*'.repeat([...sec.name].length - 2)}${[...sec.name].slice(-1)[0]}`);
    const issued = items.find((i) => i.action === 'user.issueBindingCode');
    expect(issued?.changes.map((c) => c.field)).toEqual(['码编号', '类型', '有效期至']);
    expect(issued?.changes.find((c) => c.field === '有效期至')?.after).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    const text = JSON.stringify(items.map(({ action: _a, target: _t, ...shown }) => shown));
    expect(text).not.toMatch(/secretaries\/|sec-02|wx-new-secretary-02|demo-admin/);
  });
});
