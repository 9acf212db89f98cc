// Every other kind of the diff policy, one WSDL edit each, so that each rule is exercised at least once.
import { MKT, elementChange, moveLast, one, propertyChange, topLevelElement, type CatalogueEntry } from './diff-catalogue.js';

export const moreKinds: CatalogueEntry[] = [
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
