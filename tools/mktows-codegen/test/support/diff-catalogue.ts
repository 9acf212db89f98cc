// The catalogue of WSDL changes the diff test runs: each entry edits wsdl/mktows.wsdl through the DOM and
// names exactly the change list (kind, path, bump) and overall bump the policy in src/diff/policy.ts promises.
import type { Element } from '@xmldom/xmldom';
import { diffWsdl, type Bump, type ChangeKind } from '../../src/diff/index.js';
import { editProjectWsdl, projectWsdlText, type WsdlEditor } from '../diff-wsdl-edits.js';

export interface Expected {
  readonly bump: Bump;
  readonly changes: [kind: ChangeKind, path: string, bump: Bump][];
}

export interface CatalogueEntry {
  readonly name: string;
  /** Makes the new version from wsdl/mktows.wsdl. */
  readonly edit: (wsdl: WsdlEditor) => void;
  /** Makes the old version (default: wsdl/mktows.wsdl itself), for changes easier to show backwards. */
  readonly base?: (wsdl: WsdlEditor) => void;
  readonly expected: Expected;
}

export function diffAfter(edit: (wsdl: WsdlEditor) => void, base?: (wsdl: WsdlEditor) => void) {
  const before = base ? editProjectWsdl(base) : projectWsdlText;
  return diffWsdl({ text: before, source: 'before.wsdl' }, { text: editProjectWsdl(edit), source: 'after.wsdl' });
}

/** The target namespace of wsdl/mktows.wsdl. */
export const MKT = /targetNamespace="([^"]+)"/.exec(projectWsdlText)![1]!;

/** What a WSDL change with exactly one API change expects: that change, and its bump overall. */
export const one = (kind: ChangeKind, path: string, bump: Bump): Expected => ({ bump, changes: [[kind, path, bump]] });

/** Moves `node` after its last sibling (a reordering). */
export const moveLast = (node: Element): void => void node.parentNode?.appendChild(node);

/** The entry for setting one attribute of one property of a named type: one change at `types.Type.property`. */
export function propertyChange(name: string, [type, property, attribute, value]: [string, string, string, string], kind: ChangeKind, bump: Bump): CatalogueEntry {
  return { name, edit: (wsdl) => wsdl.property(type, property).setAttribute(attribute, value), expected: one(kind, `types.${type}.${property}`, bump) };
}

export function topLevelElement(wsdl: WsdlEditor, name: string): Element {
  const [element] = wsdl
    .schemaChildren()
    .filter((child) => child.localName === 'element' && child.getAttribute('name') === name);
  if (!element) throw new Error(`no global element ${name}`);
  return element;
}

/** The entry for setting one attribute of a top-level element: one change at `elements.name`. */
export function elementChange(name: string, [element, attribute, value]: [string, string, string], kind: ChangeKind, bump: Bump): CatalogueEntry {
  return { name, edit: (wsdl) => topLevelElement(wsdl, element).setAttribute(attribute, value), expected: one(kind, `elements.${element}`, bump) };
}

/** Changes a user makes, one or several at a time. */
export const catalogue: CatalogueEntry[] = [
  {
    name: 'removed operation',
    edit: (wsdl) => {
      wsdl.remove(wsdl.operation('getLead', 'portType'));
      wsdl.remove(wsdl.operation('getLead', 'binding'));
    },
    expected: one('operation-removed', 'operations.getLead', 'major'),
  },
  {
    name: 'added operation',
    edit: (wsdl) => {
      wsdl.duplicate(wsdl.operation('getLead', 'portType')).setAttribute('name', 'getLeadAgain');
      const bound = wsdl.duplicate(wsdl.operation('getLead', 'binding'));
      bound.setAttribute('name', 'getLeadAgain');
      wsdl.soapOperation('getLeadAgain').setAttribute('soapAction', `${MKT}getLeadAgain`);
    },
    expected: one('operation-added', 'operations.getLeadAgain', 'minor'),
  },
  { name: 'removed type', edit: (wsdl) => wsdl.remove(wsdl.type('ArrayOfBase64Binary')), expected: one('type-removed', 'types.ArrayOfBase64Binary', 'major') },
  {
    name: 'removed element from a type',
    edit: (wsdl) => wsdl.remove(wsdl.property('ParamsSyncLead', 'marketoCookie')),
    expected: one('property-removed', 'types.ParamsSyncLead.marketoCookie', 'major'),
  },
  propertyChange('changed element type', ['ResultSyncLead', 'leadId', 'type', 'xsd:string'], 'property-type-changed', 'major'),
  propertyChange('minOccurs 0 -> 1 in a request type', ['ParamsSyncLead', 'marketoCookie', 'minOccurs', '1'], 'property-made-required', 'major'),
  propertyChange('minOccurs 1 -> 0 in a request type (relaxed input)', ['ParamsSyncLead', 'returnLead', 'minOccurs', '0'], 'property-made-optional', 'minor'),
  propertyChange('response element required -> optional', ['SyncStatus', 'status', 'minOccurs', '0'], 'property-made-optional', 'major'),
  propertyChange('response element optional -> required (and back)', ['SyncStatus', 'error', 'minOccurs', '1'], 'property-made-required', 'major'),
  propertyChange('response element single -> unbounded', ['ResultSyncLead', 'leadId', 'maxOccurs', 'unbounded'], 'property-made-repeated', 'major'),
  {
    name: 'added optional request element',
    edit: (wsdl) => {
      const cookie = wsdl.property('ParamsSyncLead', 'marketoCookie');
      cookie.parentNode?.appendChild(
        wsdl.xsd('element', { name: 'dedupeBy', type: 'xsd:string', minOccurs: '0', maxOccurs: '1' }),
      );
    },
    expected: one('property-added-optional', 'types.ParamsSyncLead.dedupeBy', 'minor'),
  },
  {
    name: 'added required request element',
    edit: (wsdl) => {
      const cookie = wsdl.property('ParamsSyncLead', 'marketoCookie');
      cookie.parentNode?.appendChild(wsdl.xsd('element', { name: 'dedupeBy', type: 'xsd:string' }));
    },
    expected: one('property-added-required', 'types.ParamsSyncLead.dedupeBy', 'major'),
  },
  {
    name: 'added response element (even a required one)',
    edit: (wsdl) => {
      const syncStatus = wsdl.property('ResultSyncLead', 'syncStatus');
      syncStatus.parentNode?.appendChild(wsdl.xsd('element', { name: 'partition', type: 'xsd:string' }));
    },
    expected: one('property-added-required', 'types.ResultSyncLead.partition', 'minor'),
  },
  { name: 'enum value removed', edit: (wsdl) => wsdl.remove(wsdl.enumValue('ForeignSysType', 'NETSUITE')), expected: one('enum-value-removed', 'types.ForeignSysType["NETSUITE"]', 'major') },
  {
    name: 'enum value added to a request-only enum',
    edit: (wsdl) => wsdl.duplicate(wsdl.enumValue('ReqCampSourceType', 'SALES')).setAttribute('value', 'WEB'),
    expected: one('enum-value-added', 'types.ReqCampSourceType["WEB"]', 'minor'),
  },
  {
    name: 'enum value added to a response enum',
    edit: (wsdl) => wsdl.duplicate(wsdl.enumValue('LeadSyncStatus', 'FAILED')).setAttribute('value', 'MERGED'),
    expected: one('enum-value-added', 'types.LeadSyncStatus["MERGED"]', 'major'),
  },
  {
    name: 'enum value added to an enum used in requests and responses',
    edit: (wsdl) => wsdl.duplicate(wsdl.enumValue('ForeignSysType', 'NETSUITE')).setAttribute('value', 'HUBSPOT'),
    expected: one('enum-value-added', 'types.ForeignSysType["HUBSPOT"]', 'major'),
  },
  {
    name: 'soapAction changed',
    edit: (wsdl) => wsdl.soapOperation('syncLead').setAttribute('soapAction', `${MKT}syncLeadV2`),
    expected: one('operation-soap-action-changed', 'operations.syncLead.soapAction', 'major'),
  },
  {
    name: 'header part added',
    edit: (wsdl) => {
      const [authentication] = wsdl.inputHeaders('getLead');
      const context = wsdl.duplicate(authentication!);
      context.setAttribute('message', 'mkt:MktowsContextHeader');
      context.setAttribute('part', 'mktowsContext');
    },
    expected: one('header-added', 'operations.getLead.input.headers.MktowsContextHeader', 'minor'),
  },
  {
    name: 'header part removed',
    edit: (wsdl) => {
      const [, context] = wsdl.inputHeaders('syncLead');
      wsdl.remove(context!);
    },
    expected: one('header-removed', 'operations.syncLead.input.headers.MktowsContextHeader', 'major'),
  },
  {
    name: 'documentation only',
    edit: (wsdl) => {
      wsdl.documentation(wsdl.property('ParamsSyncLead', 'marketoCookie')).textContent = 'The _mkto_trk cookie.';
      wsdl.documentation(wsdl.type('LeadRecord')).textContent = 'A lead, as Marketo stores it.';
    },
    expected: { bump: 'patch', changes: [
      ['documentation-changed', 'types.LeadRecord', 'patch'],
      ['documentation-changed', 'types.ParamsSyncLead.marketoCookie', 'patch'],
    ] },
  },
  {
    name: 'endpoint address only',
    edit: (wsdl) => wsdl.address().setAttribute('location', 'https://123-ABC-456.mktoapi.com/soap/mktows/2_2'),
    expected: one('endpoint-address-changed', 'services.MktMktowsApiService.MktowsApiSoapPort.address', 'none'),
  },
  {
    name: 'identical API (re-serialised, declarations reordered)',
    edit: (wsdl) => {
      const schema = wsdl.schema();
      schema.appendChild(wsdl.type('LeadRecord')); // moves it to the end: order of declarations is not API
    },
    expected: { bump: 'none', changes: [] },
  },
  {
    name: 'type renamed (references follow)',
    edit: (wsdl) => {
      wsdl.type('SyncStatus').setAttribute('name', 'LeadSyncResult');
      wsdl.property('ResultSyncLead', 'syncStatus').setAttribute('type', 'mkt:LeadSyncResult');
      wsdl.property('ArrayOfSyncStatus', 'syncStatus').setAttribute('type', 'mkt:LeadSyncResult');
    },
    expected: one('type-renamed', 'types.SyncStatus', 'major'),
  },
  propertyChange('element renamed in place', ['ParamsSyncLead', 'marketoCookie', 'name', 'cookie'], 'property-renamed', 'major'),
  { name: 'sequence reordered in a request type', edit: (wsdl) => moveLast(wsdl.property('ParamsSyncLead', 'leadRecord')), expected: one('properties-reordered', 'types.ParamsSyncLead', 'major') },
  { name: 'sequence reordered in a response type', edit: (wsdl) => moveLast(wsdl.property('ResultSyncLead', 'leadId')), expected: one('properties-reordered', 'types.ResultSyncLead', 'patch') },
  propertyChange('request element made nillable', ['ParamsSyncLead', 'returnLead', 'nillable', 'true'], 'property-made-nillable', 'minor'),
  propertyChange('response element made nillable', ['SyncStatus', 'leadId', 'nillable', 'true'], 'property-made-nillable', 'major'),
  {
    name: 'subtype added to an abstract request type',
    edit: (wsdl) => {
      const subtype = wsdl.duplicate(wsdl.type('StaticListSelector'));
      subtype.setAttribute('name', 'SmartListSelector');
    },
    expected: one('subtype-added', 'types.SmartListSelector', 'minor'),
  },
  {
    name: 'target namespace moved (one change, not every type)',
    edit: (wsdl) => {
      const next = `${MKT}2_3/`;
      const root = wsdl.document.documentElement!;
      root.setAttribute('targetNamespace', next);
      root.setAttribute('xmlns:mkt', next);
      wsdl.schema().setAttribute('targetNamespace', next);
    },
    expected: one('namespace-changed', 'targetNamespace', 'major'),
  },
  {
    name: 'several changes: the strongest bump wins, changes sorted by path',
    edit: (wsdl) => {
      wsdl.address().setAttribute('location', 'https://example.invalid/soap');
      wsdl.duplicate(wsdl.enumValue('ReqCampSourceType', 'SALES')).setAttribute('value', 'WEB');
      wsdl.property('ParamsSyncLead', 'marketoCookie').setAttribute('minOccurs', '1');
      wsdl.documentation(wsdl.type('LeadRecord')).textContent = 'Changed.';
    },
    expected: { bump: 'major', changes: [
      ['endpoint-address-changed', 'services.MktMktowsApiService.MktowsApiSoapPort.address', 'none'],
      ['documentation-changed', 'types.LeadRecord', 'patch'],
      ['property-made-required', 'types.ParamsSyncLead.marketoCookie', 'major'],
      ['enum-value-added', 'types.ReqCampSourceType["WEB"]', 'minor'],
    ] },
  },
];

