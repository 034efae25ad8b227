import { REGISTRATION_RESULT_TEMPLATE_ID } from '@yanzhen/domain';
import http from 'node:http';
import { createRegistrationContest } from '../../../cloudfunctions/contest/contest-test-support';
import { connectAdminDb } from '../../../cloudfunctions/test-support/functions-client';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { devLogin, postJson } from '../support/http';
import { closeMiniProgram, openMiniProgram, tap, textOf, waitFor, type MiniProgram, type SimComponent } from './mini-program';

// 报名大比武 in miniprogram-simulate as the demo secretary: the one-time result message is asked for on the tap that
// submits (wx.requestSubscribeMessage, answered "accept" here), the registration carries that answer, and the
// admin's decision then sends exactly one subscribe message (the local cloud's outbox).
let mini: MiniProgram;
let cloud: LocalCloud;
const CONTEST = 'contest-weapp-reg';
const prompts: unknown[] = [];

beforeAll(async () => {
  ({ cloud, mini } = await openMiniProgram({ openid: 'demo-secretary' }));
  await createRegistrationContest(connectAdminDb(cloud.url), CONTEST, { title: '第二届社区书记大比武' });
  const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
  wx.requestSubscribeMessage = (opts: { tmplIds: string[]; success?: (r: object) => void; complete?: (r: object) => void }) => {
    prompts.push(opts.tmplIds);
    const res = { errMsg: 'requestSubscribeMessage:ok', [REGISTRATION_RESULT_TEMPLATE_ID]: 'accept' };
    opts.success?.(res);
    opts.complete?.(res);
    return Promise.resolve(res);
  };
});

afterAll(closeMiniProgram);

/** `GET /api/dev/outbox?touser=` over node:http (jsdom has no fetch): the subscribe messages sent to `touser`. */
function outboxOf(touser: string): Promise<{ templateId: string; data: Record<string, { value: string }> }[]> {
  return new Promise((resolve, reject) => {
    http.get(`${cloud.url}/api/dev/outbox?touser=${encodeURIComponent(touser)}`, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { templateId: string; data: Record<string, { value: string }> }[]));
    }).on('error', reject);
  });
}

/** Types into a Taro Input/Textarea as WeChat reports it: an `input` event with `detail.value`. */
function type(page: SimComponent, className: string, value: string): void {
  const node = page.dom.querySelector(`[class~="page--${className}"]`);
  const sid = node?.getAttribute('data-sid');
  if (!sid) throw new Error(`no field ${className}`);
  page.querySelector(`#${sid}`)?.dispatchEvent('input', { detail: { value } });
}

test('the secretary registers; the result message is asked for on the submitting tap, and sent once after review', async () => {
  const page = mini.openPage('secretary/contest-registration/index');
  await waitFor(() => textOf(page).includes('第二届社区书记大比武'), 'the registration form');
  expect(textOf(page)).toContain('述职摘要');
  expect(prompts).toEqual([]); // never on load
  type(page, 'reg-form__summary', '三年来我们把支部建到网格上，楼院党小组每周碰头。');
  type(page, 'reg-form__title', '支部建在网格上');
  type(page, 'reg-form__desc', '43 个楼院党小组覆盖全部网格。');
  await waitFor(() => !(page.dom.querySelector('[class~="page--reg-form__submit"]')?.getAttribute('class') ?? '').includes('disabled'), 'the submit button enabled');
  tap(page, 'reg-form__submit');
  await waitFor(() => textOf(page).includes('审核中'), 'the pending registration');
  expect(prompts).toEqual([[REGISTRATION_RESULT_TEMPLATE_ID]]);
  const register = mini.calls.find((c) => (c.data as { action: string }).action === 'register');
  expect(register?.data).toMatchObject({ contestId: CONTEST, notifyResult: true, projectTitle: '支部建在网格上' });

  const token = await devLogin(cloud.url, 'demo-admin');
  const review = await postJson(`${cloud.url}/api/functions/contest`, { action: 'reviewRegistration', candidateId: `reg-${CONTEST}-sec-01`, decision: 'approve' }, { Authorization: `Bearer ${token}` });
  expect(review.json).toMatchObject({ result: { ok: true } });
  const sent = await outboxOf('demo-secretary');
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ templateId: REGISTRATION_RESULT_TEMPLATE_ID, data: { thing1: { value: '第二届社区书记大比武' }, phrase2: { value: '已通过' } } });
});
