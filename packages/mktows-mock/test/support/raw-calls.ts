// syncLead / syncMultipleLeads / getLead as raw envelopes (full control over what is sent), with the
// answers parsed into plain objects for assertions.
import { FIELD_NAMES } from '@org/mktows-types';
import type { Element } from '@xmldom/xmldom';

import {
  authenticationHeaderXml,
  childElements,
  envelope,
  findElement,
  parseXml,
  postSoap,
  textOf,
} from './soap-http.js';

/** A lead record to send; attributes in the given order. */
export interface RecordToSend {
  Id?: number;
  Email?: string;
  ForeignSysPersonId?: string;
  ForeignSysType?: string;
  attributes?: Record<string, string>;
}

/** A lead record as answered. */
export interface AnsweredRecord {
  Id: number;
  Email?: string;
  ForeignSysPersonId?: string;
  ForeignSysType?: string;
  attributes: Array<{ name: string; type: string | undefined; value: string }>;
}

/** A Marketo fault as answered. */
export interface FaultAnswer {
  fault: { code: number; faultstring: string; message: string };
  httpStatus: number;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function element(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : `<${name}>${escape(String(value))}</${name}>`;
}

/** A LeadRecord element's XML. */
export function leadRecordXml(record: RecordToSend): string {
  const attributes = Object.entries(record.attributes ?? {})
    .map(
      ([name, value]) =>
        `<attribute><attrName>${escape(name)}</attrName><attrValue>${escape(value)}</attrValue></attribute>`,
    )
    .join('');
  return (
    '<leadRecord>' +
    element('Id', record.Id) +
    element('Email', record.Email) +
    element('ForeignSysPersonId', record.ForeignSysPersonId) +
    element('ForeignSysType', record.ForeignSysType) +
    (attributes ? `<leadAttributeList>${attributes}</leadAttributeList>` : '') +
    '</leadRecord>'
  );
}

function readRecord(record: Element): AnsweredRecord {
  const answered: AnsweredRecord = { Id: Number(textOf(record, 'Id')), attributes: [] };
  for (const name of FIELD_NAMES.LeadRecord) {
    if (name === 'Id' || name === 'leadAttributeList') continue;
    const child = childElements(record, name)[0];
    if (child) answered[name] = child.textContent ?? '';
  }
  const list = childElements(record, 'leadAttributeList')[0];
  answered.attributes = list
    ? childElements(list, 'attribute').map((attribute) => ({
        name: textOf(attribute, 'attrName') ?? '',
        type: textOf(attribute, 'attrType'),
        value: textOf(attribute, 'attrValue') ?? '',
      }))
    : [];
  return answered;
}

function faultOf(status: number, root: Element): FaultAnswer | undefined {
  const fault = findElement(root, 'Fault');
  if (!fault) return undefined;
  return {
    httpStatus: status,
    fault: {
      code: Number(textOf(fault, 'code')),
      faultstring: textOf(fault, 'faultstring') ?? '',
      message: textOf(fault, 'message') ?? '',
    },
  };
}

/** What syncLead answered. */
export type SyncLeadAnswer =
  { status: 'CREATED' | 'UPDATED' | 'FAILED'; leadId: number; error?: string; lead?: AnsweredRecord } | FaultAnswer;

/** Sends syncLead. `workspace` adds a MktowsContextHeader; `header` replaces the AuthenticationHeader. */
export async function syncLead(
  url: string,
  record: RecordToSend,
  options: { returnLead?: boolean; cookie?: string; workspace?: string; header?: string; rawRecordXml?: string } = {},
): Promise<SyncLeadAnswer> {
  const context =
    options.workspace === undefined
      ? ''
      : `<ns1:MktowsContextHeader>${element('targetWorkspace', options.workspace)}</ns1:MktowsContextHeader>`;
  const body =
    '<ns1:paramsSyncLead>' +
    (options.rawRecordXml ?? leadRecordXml(record)) +
    `<returnLead>${options.returnLead ?? false}</returnLead>` +
    element('marketoCookie', options.cookie) +
    '</ns1:paramsSyncLead>';
  const answer = await postSoap(
    url,
    'syncLead',
    envelope(body, (options.header ?? authenticationHeaderXml()) + context),
  );
  const root = parseXml(answer.text);
  const fault = faultOf(answer.status, root);
  if (fault) return fault;
  const result = findElement(root, 'result')!;
  const syncStatus = findElement(result, 'syncStatus')!;
  const leadRecord = childElements(result, 'leadRecord')[0];
  const error = childElements(syncStatus, 'error')[0]?.textContent ?? undefined;
  return {
    status: textOf(syncStatus, 'status') as 'CREATED' | 'UPDATED' | 'FAILED',
    leadId: Number(textOf(result, 'leadId')),
    ...(error ? { error } : {}),
    ...(leadRecord ? { lead: readRecord(leadRecord) } : {}),
  };
}

/** What syncMultipleLeads answered. */
export type SyncMultipleAnswer =
  { statuses: Array<{ status: string; leadId: number; error?: string }>; text: string } | FaultAnswer;

/** Sends syncMultipleLeads; `dedupEnabled` undefined leaves the element out. */
export async function syncMultipleLeads(
  url: string,
  records: readonly RecordToSend[],
  dedupEnabled?: boolean,
): Promise<SyncMultipleAnswer> {
  const body =
    '<ns1:paramsSyncMultipleLeads>' +
    `<leadRecordList>${records.map(leadRecordXml).join('')}</leadRecordList>` +
    element('dedupEnabled', dedupEnabled === undefined ? undefined : String(dedupEnabled)) +
    '</ns1:paramsSyncMultipleLeads>';
  const answer = await postSoap(url, 'syncMultipleLeads', envelope(body));
  const root = parseXml(answer.text);
  const fault = faultOf(answer.status, root);
  if (fault) return fault;
  const list = findElement(root, 'syncStatusList')!;
  return {
    text: answer.text,
    statuses: childElements(list, 'syncStatus').map((status) => {
      const error = childElements(status, 'error')[0]?.textContent ?? undefined;
      return {
        status: textOf(status, 'status') ?? '',
        leadId: Number(textOf(status, 'leadId')),
        ...(error ? { error } : {}),
      };
    }),
  };
}

/** What getLead answered. */
export type GetLeadAnswer = { count: number; leads: AnsweredRecord[]; text: string } | FaultAnswer;

/** Sends getLead. */
export async function getLead(url: string, keyType: string, keyValue: string): Promise<GetLeadAnswer> {
  const body = `<ns1:paramsGetLead><leadKey>${element('keyType', keyType)}${element('keyValue', keyValue)}</leadKey></ns1:paramsGetLead>`;
  const answer = await postSoap(url, 'getLead', envelope(body));
  const root = parseXml(answer.text);
  const fault = faultOf(answer.status, root);
  if (fault) return fault;
  const list = findElement(root, 'leadRecordList');
  return {
    text: answer.text,
    count: Number(textOf(root, 'count')),
    leads: list ? childElements(list, 'leadRecord').map(readRecord) : [],
  };
}
