/**
 * The personal information the product collects, why, and where it is kept: the list behind the privacy contract
 * (`docs/privacy.md`) and the mp console's 用户隐私保护指引. scripts/platform-rules.test.ts keeps the three in sync:
 * the document lists exactly these keys, every privacy-relevant WeChat API the client calls maps to an entry, and
 * every field of the stored person-related documents is either listed here or declared not personal.
 */
export interface PersonalDatum {
  key: string;
  /** The category as the mp console's 用户隐私保护指引 names it, or what it is when the console has no category. */
  info: string;
  why: string;
  /** Domain fields (`Interface.field`) that hold it. */
  fields: string[];
}

export const PERSONAL_DATA: PersonalDatum[] = [
  { key: 'openid', info: '微信 OpenID（用户标识）', why: '识别调用者的角色（居民、书记、评委、管理员），每人一份投票额度', fields: [] },
  { key: 'user-key', info: '由 OpenID 计算的匿名标识', why: '统计每人投票、记录操作日志，且不在管理界面显示 OpenID', fields: ['VoteRecord.voter'] },
  { key: 'votes', info: '投票记录（投给谁、何时）', why: '执行每日与每位候选人的投票上限，计票，供管理员导出核查', fields: ['VoteRecord.candidateId', 'VoteRecord.at'] },
  { key: 'secretary-profile', info: '书记档案：姓名、性别、社区、街道、梯队、任职年份', why: '展示书记风采、参加比武（由区委组织部录入）', fields: ['SecretaryDoc.name', 'SecretaryDoc.gender', 'SecretaryDoc.community', 'SecretaryDoc.street', 'SecretaryDoc.tier', 'SecretaryDoc.since'] },
  { key: 'secretary-contact', info: '书记手机号、身份证号', why: '组织部联系与核验身份；仅管理员可见，从不公开', fields: ['SecretaryDoc.phone', 'SecretaryDoc.idNumber'] },
  { key: 'showcase-text', info: '书记填写的事迹与成绩', why: '经内容安全检测（msgSecCheck）与管理员审核后公开展示', fields: ['ShowcaseContent.story', 'ShowcaseContent.achievements'] },
  { key: 'photos', info: '选中的照片或视频信息', why: '书记上传本人照片与事迹配图，经内容安全检测（mediaCheckAsync）与审核后公开展示', fields: ['ShowcaseContent.photoFileId', 'ShowcaseContent.imageFileIds'] },
  { key: 'contest-registration', info: '书记报名大比武填写的述职摘要、参赛项目与照片', why: '经内容安全检测（msgSecCheck、mediaCheckAsync）后供区委组织部审核、评委评分；审核结果经一次性订阅消息告知本人；不公开展示', fields: ['RegistrationMaterials.summary', 'RegistrationMaterials.projectTitle', 'RegistrationMaterials.projectDescription', 'RegistrationMaterials.photoFileIds'] },
  { key: 'album-write', info: '相册（仅写入）权限', why: '把书记风采海报保存到用户相册', fields: [] },
  { key: 'person-file', info: '人员档案：学历、培训、实践锻炼、完成工作、考核、奖惩记录及“两委”任职变动', why: '区委组织部建立一人一档、一街一册；书记本人可查看自己的档案并补充记录（经组织部确认）', fields: ['PersonFileDoc.entries'] },
  { key: 'person-private', info: '人员档案中的手机号、身份证号、家庭住址', why: '组织部联系与核验身份；仅管理员可见，列表中隐去中间部分，导出的名册和其他人的界面中从不出现', fields: [] },
  { key: 'message-file', info: '选中的文件', why: '管理员从微信聊天中选择 Excel 表格，批量导入人员档案和两委名册', fields: [] },
  { key: 'clipboard', info: '剪切板', why: '管理员复制绑定码、邀请码后发给本人', fields: [] },
];

/** WeChat APIs that the privacy guide covers, mapped to the entry that declares them (absent = not used). */
export const PRIVACY_APIS: Record<string, string> = {
  chooseImage: 'photos',
  chooseMedia: 'photos',
  saveImageToPhotosAlbum: 'album-write',
  setClipboardData: 'clipboard',
  chooseMessageFile: 'message-file',
};

/** Privacy-relevant WeChat APIs (mp docs, 隐私协议开发指南 list, abridged); a call to one not in PRIVACY_APIS fails the test. */
export const PRIVACY_RELEVANT_APIS = [
  'chooseImage', 'chooseMedia', 'chooseVideo', 'chooseMessageFile', 'saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum',
  'setClipboardData', 'getClipboardData', 'getLocation', 'getFuzzyLocation', 'chooseLocation', 'startLocationUpdate',
  'chooseAddress', 'getUserProfile', 'getUserInfo', 'chooseAvatar', 'getPhoneNumber', 'getRealtimePhoneNumber',
  'startRecord', 'getRecorderManager', 'createCameraContext', 'addPhoneContact', 'chooseInvoice', 'chooseInvoiceTitle',
  'getWeRunData', 'chooseLicensePlate', 'shareToWeRun',
] as const;

/** Fields of the same documents that hold nothing about a person. */
export const NOT_PERSONAL_FIELDS = ['SecretaryDoc._id', 'SecretaryDoc.createdAt', 'ShowcaseContent.tags', 'PersonFileDoc._id', 'PersonFileDoc.secretaryId', 'PersonFileDoc.importJobId', 'PersonFileDoc.createdAt', 'PersonFileDoc.updatedAt'];

/** The documents whose fields must all be classified, with the file declaring each. */
export const PERSON_DOCUMENTS: Record<string, string> = {
  SecretaryDoc: 'domain/src/showcase.ts',
  ShowcaseContent: 'domain/src/showcase.ts',
  VoteRecord: 'domain/src/vote.ts',
  RegistrationMaterials: 'domain/src/registration.ts',
  PersonFileDoc: 'domain/src/archive.ts',
};
