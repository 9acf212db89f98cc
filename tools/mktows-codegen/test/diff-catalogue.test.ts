// The catalogue of WSDL changes: each one made through the DOM on wsdl/mktows.wsdl, diffed against the
// untouched file, and asserted as exactly the change list (kind, path, bump) and overall bump the policy
// in src/diff/policy.ts (and the README) promises.
import { describe, expect, it } from 'vitest';
import type { Element } from '@xmldom/xmldom';
import { CHANGE_KINDS, diffWsdl, type Bump, type ChangeKind } from '../src/diff/index.js';
import { editProjectWsdl, projectWsdlText, type WsdlEditor } from './diff-wsdl-edits.js';

interface Expected {
  readonly bump: Bump;
  readonly changes: [kind: ChangeKind, path: string, bump: Bump][];
}

interface CatalogueEntry {
  readonly name: string;
  /** Makes the new version from wsdl/mktows.wsdl. */
  readonly edit: (wsdl: WsdlEditor) => void;
  /** Makes the old version (default: wsdl/mktows.wsdl itself), for changes easier to show backwards. */
  readonly base?: (wsdl: WsdlEditor) => void;
  readonly expected: Expected;
}

function diffAfter(edit: (wsdl: WsdlEditor) => void, base?: (wsdl: WsdlEditor) => void) {
  const before = base ? editProjectWsdl(base) : projectWsdlText;
  return diffWsdl({ text: before, source: 'before.wsdl' }, { text: editProjectWsdl(edit), source: 'after.wsdl' });
}

/** The target namespace of wsdl/mktows.wsdl. */
const MKT = /targetNamespace="([^"]+)"/.exec(projectWsdlText)![1]!;

/** What a WSDL change with exactly one API change expects: that change, and its bump overall. */
const one = (kind: ChangeKind, path: string, bump: Bump): Expected => ({ bump, changes: [[kind, path, bump]] });

/** Moves `node` after its last sibling (a reordering). */
const moveLast = (node: Element): void => void node.parentNode?.appendChild(node);

/** The entry for setting one attribute of one property of a named type: one change at `types.Type.property`. */
function propertyChange(name: string, [type, property, attribute, value]: [string, string, string, string], kind: ChangeKind, bump: Bump): CatalogueEntry {
  return { name, edit: (wsdl) => wsdl.property(type, property).setAttribute(attribute, value), expected: one(kind, `types.${type}.${property}`, bump) };
}

const catalogue: CatalogueEntry[] = [
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

/** Every other kind of the policy, so that each rule is exercised at least once. */
const moreKinds: CatalogueEntry[] = [
  { name: 'elementFormDefault changed', edit: (wsdl) => wsdl.schema().setAttribute('elementFormDefault', 'qualified'), expected: one('schema-form-changed', `schema(${MKT})`, 'major') },
  {
    name: 'request body element changed',
    edit: (wsdl) => wsdl.child(wsdl.operation('getLead', 'portType'), 'wsdl', 'input').setAttribute('message', 'mkt:GetMultipleLeadsRequest'),
    expected: one('operation-input-changed', 'operations.getLead.input', 'major'),
  },
  {
    name: 'operation made one-way',
    edit: (wsdl) => {
      wsdl.remove(wsdl.child(wsdl.operation('getLead', 'portType'), 'wsdl', 'output'));
      wsdl.remove(wsdl.child(wsdl.operation('getLead', 'binding'), 'wsdl', 'output'));
    },
    expected: one('operation-output-changed', 'operations.getLead.output', 'major'),
  },
  { name: 'operation style changed to rpc', edit: (wsdl) => wsdl.soapOperation('getLead').setAttribute('style', 'rpc'), expected: one('operation-style-changed', 'operations.getLead.style', 'major') },
  {
    name: 'body message renamed, same part',
    edit: (wsdl) => {
      wsdl.wsdlElement('message', 'GetLeadRequest').setAttribute('name', 'GetLeadInput');
      wsdl.child(wsdl.operation('getLead', 'portType'), 'wsdl', 'input').setAttribute('message', 'mkt:GetLeadInput');
    },
    expected: one('message-renamed', 'operations.getLead.input.message', 'none'),
  },
  {
    name: 'header use changed',
    edit: (wsdl) => wsdl.inputHeaders('getLead')[0]!.setAttribute('use', 'encoded'),
    expected: one('header-changed', 'operations.getLead.input.headers.AuthenticationHeader', 'major'),
  },
  {
    name: 'header sent through another message, same element',
    edit: (wsdl) => {
      wsdl.duplicate(wsdl.wsdlElement('message', 'AuthenticationHeader')).setAttribute('name', 'GetLeadAuthentication');
      wsdl.inputHeaders('getLead')[0]!.setAttribute('message', 'mkt:GetLeadAuthentication');
    },
    expected: one('header-message-renamed', 'operations.getLead.input.headers.AuthenticationHeader', 'patch'),
  },
  {
    name: 'fault added',
    edit: (wsdl) => {
      const fault = wsdl.document.createElementNS('http://schemas.xmlsoap.org/wsdl/', 'wsdl:fault');
      fault.setAttribute('name', 'leadNotFound');
      fault.setAttribute('message', 'mkt:GetLeadResponse');
      wsdl.operation('getLead', 'portType').appendChild(fault);
    },
    expected: one('fault-changed', 'operations.getLead.faults.leadNotFound', 'patch'),
  },
  {
    name: 'binding transport changed',
    edit: (wsdl) =>
      wsdl
        .child(wsdl.wsdlElement('binding', 'MktowsApiSoapBinding'), 'soap', 'binding')
        .setAttribute('transport', 'http://example.invalid/transport'),
    expected: one('binding-transport-changed', 'bindings.MktowsApiSoapBinding.transport', 'major'),
  },
  {
    name: 'port renamed',
    edit: (wsdl) => wsdl.child(wsdl.wsdlElement('service', 'MktMktowsApiService'), 'wsdl', 'port').setAttribute('name', 'Soap'),
    expected: one('service-names-changed', 'services', 'patch'),
  },
  {
    name: 'global element added',
    edit: (wsdl) => wsdl.schema().appendChild(wsdl.xsd('element', { name: 'leadNote', type: 'xsd:string' })),
    expected: one('element-added', 'elements.leadNote', 'minor'),
  },
  {
    name: 'global element removed',
    base: (wsdl) => wsdl.schema().appendChild(wsdl.xsd('element', { name: 'leadNote', type: 'xsd:string' })),
    edit: () => undefined,
    expected: one('element-removed', 'elements.leadNote', 'major'),
  },
  elementChange('global element type changed', ['paramsGetLead', 'type', 'mkt:ParamsGetMultipleLeads'], 'element-type-changed', 'major'),
  elementChange('global element made abstract', ['paramsGetLead', 'abstract', 'true'], 'element-abstract-changed', 'major'),
  elementChange('request body element made nillable', ['paramsGetLead', 'nillable', 'true'], 'element-made-nillable', 'minor'),
  elementChange('response body element made nillable', ['successGetLead', 'nillable', 'true'], 'element-made-nillable', 'major'),
  {
    name: 'request body element no longer nillable',
    base: (wsdl) => topLevelElement(wsdl, 'paramsGetLead').setAttribute('nillable', 'true'),
    edit: () => undefined,
    expected: one('element-made-non-nillable', 'elements.paramsGetLead', 'major'),
  },
  {
    name: 'named type added',
    edit: (wsdl) => {
      const type = wsdl.xsd('simpleType', { name: 'LeadNote' });
      type.appendChild(wsdl.xsd('restriction', { base: 'xsd:string' }));
      wsdl.schema().appendChild(type);
    },
    expected: one('type-added', 'types.LeadNote', 'minor'),
  },
  {
    name: 'complex type became a simple type',
    edit: (wsdl) => {
      const type = wsdl.xsd('simpleType', { name: 'ArrayOfBase64Binary' });
      type.appendChild(wsdl.child(wsdl.type('ArrayOfBase64Binary'), 'xsd', 'annotation')); // same documentation
      type.appendChild(wsdl.xsd('restriction', { base: 'xsd:base64Binary' }));
      wsdl.schema().replaceChild(type, wsdl.type('ArrayOfBase64Binary'));
    },
    expected: one('type-kind-changed', 'types.ArrayOfBase64Binary', 'major'),
  },
  {
    name: 'simple type base changed',
    edit: (wsdl) => wsdl.child(wsdl.type('LeadSyncStatus'), 'xsd', 'restriction').setAttribute('base', 'xsd:token'),
    expected: one('type-base-changed', 'types.LeadSyncStatus', 'major'),
  },
  { name: 'abstract type made concrete', edit: (wsdl) => wsdl.type('LeadSelector').setAttribute('abstract', 'false'), expected: one('type-abstract-changed', 'types.LeadSelector', 'major') },
  {
    name: 'sequence became all',
    edit: (wsdl) => {
      const sequence = wsdl.child(wsdl.type('ArrayOfBase64Binary'), 'xsd', 'sequence');
      const all = wsdl.xsd('all', {});
      while (sequence.firstChild) all.appendChild(sequence.firstChild);
      sequence.parentNode?.replaceChild(all, sequence);
    },
    expected: one('type-compositor-changed', 'types.ArrayOfBase64Binary', 'major'),
  },
  propertyChange('array made single', ['ArrayOfLeadKey', 'leadKey', 'maxOccurs', '1'], 'property-made-single', 'major'),
  propertyChange('request array limited (maxOccurs unbounded -> 100)', ['ArrayOfLeadKey', 'leadKey', 'maxOccurs', '100'], 'property-occurs-narrowed', 'major'),
  propertyChange('response array limited (maxOccurs unbounded -> 100)', ['ArrayOfSyncStatus', 'syncStatus', 'maxOccurs', '100'], 'property-occurs-narrowed', 'patch'),
  {
    name: 'request array limit lifted (maxOccurs 100 -> unbounded)',
    base: (wsdl) => wsdl.property('ArrayOfLeadKey', 'leadKey').setAttribute('maxOccurs', '100'),
    edit: () => undefined,
    expected: one('property-occurs-widened', 'types.ArrayOfLeadKey.leadKey', 'minor'),
  },
  propertyChange('request element no longer nillable', ['ParamsSyncLead', 'marketoCookie', 'nillable', 'false'], 'property-made-non-nillable', 'major'),
  { name: 'enumeration values reordered', edit: (wsdl) => moveLast(wsdl.enumValue('LeadSyncStatus', 'CREATED')), expected: one('enum-values-reordered', 'types.LeadSyncStatus', 'patch') },
  {
    name: 'facet added to a request enum',
    edit: (wsdl) => wsdl.child(wsdl.type('ReqCampSourceType'), 'xsd', 'restriction').appendChild(wsdl.xsd('maxLength', { value: '5' })),
    expected: one('facet-changed', 'types.ReqCampSourceType', 'major'),
  },
];

function topLevelElement(wsdl: WsdlEditor, name: string): Element {
  const [element] = wsdl
    .schemaChildren()
    .filter((child) => child.localName === 'element' && child.getAttribute('name') === name);
  if (!element) throw new Error(`no global element ${name}`);
  return element;
}

/** The entry for setting one attribute of a top-level element: one change at `elements.name`. */
function elementChange(name: string, [element, attribute, value]: [string, string, string], kind: ChangeKind, bump: Bump): CatalogueEntry {
  return { name, edit: (wsdl) => topLevelElement(wsdl, element).setAttribute(attribute, value), expected: one(kind, `elements.${element}`, bump) };
}

describe('mktows-codegen diff: catalogue of WSDL changes', () => {
  it('covers at least 12 kinds of change', () => {
    const kinds = new Set(catalogue.flatMap((entry) => entry.expected.changes.map(([kind]) => kind)));
    expect(kinds.size).toBeGreaterThanOrEqual(12);
  });

  it.each(catalogue)('$name', ({ edit, base, expected }) => {
    const diff = diffAfter(edit, base);
    expect(diff.changes.map((change) => [change.kind, change.path, change.bump])).toEqual(expected.changes);
    expect(diff.bump).toBe(expected.bump);
    for (const change of diff.changes) expect(change.detail).toMatch(/\S/);
  });

  it.each(moreKinds)('other kinds: $name', ({ edit, base, expected }) => {
    const diff = diffAfter(edit, base);
    expect(diff.changes.map((change) => [change.kind, change.path, change.bump])).toEqual(expected.changes);
    expect(diff.bump).toBe(expected.bump);
  });

  it('exercises every kind of the policy', () => {
    const exercised = new Set(
      [...catalogue, ...moreKinds].flatMap((entry) => entry.expected.changes.map(([kind]) => kind)),
    );
    expect(CHANGE_KINDS.filter((kind) => !exercised.has(kind))).toEqual([]);
  });

  it('names the old and new values and the direction of use in the details', () => {
    const diff = diffAfter((wsdl) => wsdl.property('ParamsSyncLead', 'marketoCookie').setAttribute('minOccurs', '1'));
    expect(diff.changes.map((change) => change.detail)).toEqual(['minOccurs 0 -> 1 (in requests)']);
    const enumDiff = diffAfter((wsdl) =>
      wsdl.duplicate(wsdl.enumValue('ForeignSysType', 'NETSUITE')).setAttribute('value', 'HUBSPOT'),
    );
    expect(enumDiff.changes.map((change) => change.detail)).toEqual([
      'value "HUBSPOT" added (in requests and responses)',
    ]);
    const retyped = diffAfter((wsdl) => wsdl.property('ResultSyncLead', 'leadId').setAttribute('type', 'xsd:string'));
    expect(retyped.changes.map((change) => change.detail)).toEqual(['type xs:int -> xs:string (in responses)']);
  });

  it('counts a type no operation uses as both request and response', () => {
    const diff = diffAfter((wsdl) =>
      wsdl.duplicate(wsdl.enumValue('MObjectTypeEnum', 'Opportunity')).setAttribute('value', 'Lead'),
    );
    expect(diff.changes).toEqual([
      {
        kind: 'enum-value-added',
        path: 'types.MObjectTypeEnum["Lead"]',
        detail: 'value "Lead" added (used by no operation, so counted as request and response)',
        bump: 'major',
      },
    ]);
  });

  it('is symmetric where the policy is: adding an operation is minor, removing it back is major', () => {
    const added = editProjectWsdl((wsdl) => {
      wsdl.duplicate(wsdl.operation('getLead', 'portType')).setAttribute('name', 'getLeadAgain');
      wsdl.duplicate(wsdl.operation('getLead', 'binding')).setAttribute('name', 'getLeadAgain');
    });
    expect(diffWsdl({ text: projectWsdlText, source: 'a' }, { text: added, source: 'b' }).bump).toBe('minor');
    expect(diffWsdl({ text: added, source: 'b' }, { text: projectWsdlText, source: 'a' }).bump).toBe('major');
  });
});
