// Reads the inline `xs:schema`s of a WSDL into the model: global elements, named complex and simple
// types (with their anonymous inline types), and each schema's form defaults. Every QName goes through
// the resolver; a construct the model cannot describe fails here, naming it and where it is.
import type { Element } from '@xmldom/xmldom';
import type { ClarkName, MaxOccurs, WsdlAttribute, WsdlComplexType } from './model.js';
import type { WsdlElement, WsdlParticle, WsdlSchemaForms, WsdlSimpleType } from './model.js';
import { WSDL_NS, XSD_NS } from './namespaces.js';
import { ModelReader } from './model-reader.js';
import { clark, localName, type ReferenceResolver } from './references.js';
import { sortedRecord } from './sorted-record.js';
import { attr, booleanAttr, childElements, describeNode } from './xml.js';

/** The schema part of the model. */
interface SchemaContent {
  readonly elements: Record<ClarkName, WsdlElement>;
  readonly complexTypes: Record<ClarkName, WsdlComplexType>;
  readonly simpleTypes: Record<ClarkName, WsdlSimpleType>;
  readonly schemas: Record<string, WsdlSchemaForms>;
}

/** Reads every `xs:schema` under `wsdl:types` of `definitions`. */
export function readSchemas(definitions: Element, references: ReferenceResolver, source: string): SchemaContent {
  return new SchemaReader(references, source).read(definitions);
}

class SchemaReader extends ModelReader {
  read(definitions: Element): SchemaContent {
    const elements: [string, WsdlElement][] = [];
    const complexTypes: [string, WsdlComplexType][] = [];
    const simpleTypes: [string, WsdlSimpleType][] = [];
    const schemas: [string, WsdlSchemaForms][] = [];
    for (const types of childElements(definitions, WSDL_NS, 'types')) {
      for (const schema of childElements(types, XSD_NS, 'schema')) {
        const namespace = attr(schema, 'targetNamespace');
        schemas.push([namespace ?? '', forms(schema)]);
        for (const child of childElements(schema, XSD_NS)) {
          const declare = <T>(list: [string, T][], value: T) => list.push([clark(namespace, this.name(child)), value]);
          if (child.localName === 'element') declare(elements, this.elementDeclaration(child));
          else if (child.localName === 'complexType') declare(complexTypes, this.complexType(child));
          else if (child.localName === 'simpleType') declare(simpleTypes, this.simpleType(child));
          else if (child.localName !== 'annotation' && child.localName !== 'import') {
            this.fail(`xs:${child.localName ?? '?'} at the top level of xs:schema is not supported`);
          }
        }
      }
    }
    const content: SchemaContent = {
      elements: sortedRecord(elements, 'element', this.source),
      complexTypes: sortedRecord(complexTypes, 'complexType', this.source),
      simpleTypes: sortedRecord(simpleTypes, 'simpleType', this.source),
      schemas: Object.fromEntries(schemas.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    };
    // Complex and simple types share one symbol space in XML Schema.
    const clash = Object.keys(content.complexTypes).find((name) => name in content.simpleTypes);
    if (clash !== undefined) this.fail(`type "${localName(clash)}" is declared both as complexType and simpleType`);
    return content;
  }

  private elementDeclaration(element: Element): WsdlElement {
    return {
      type: this.references.resolve(element, 'type', 'type'),
      inlineType: this.inlineType(element),
      nillable: booleanAttr(element, 'nillable'),
      abstract: booleanAttr(element, 'abstract'),
    };
  }

  private inlineType(element: Element): WsdlComplexType | WsdlSimpleType | null {
    const [complexType] = childElements(element, XSD_NS, 'complexType');
    if (complexType) return this.complexType(complexType);
    const [simpleType] = childElements(element, XSD_NS, 'simpleType');
    return simpleType ? this.simpleType(simpleType) : null;
  }

  private complexType(complexType: Element): WsdlComplexType {
    const where = describeNode(complexType);
    const type: WsdlComplexType = {
      kind: 'complexType',
      abstract: booleanAttr(complexType, 'abstract'),
      mixed: booleanAttr(complexType, 'mixed'),
      base: null,
      derivation: null,
      compositor: 'sequence',
      children: [],
      attributes: [],
    };
    let content = complexType;
    const [complexContent] = childElements(complexType, XSD_NS, 'complexContent');
    if (complexContent) {
      const [derivation] = childElements(complexContent, XSD_NS).filter((child) => child.localName !== 'annotation');
      if (!derivation || (derivation.localName !== 'extension' && derivation.localName !== 'restriction')) {
        this.fail(`${where}: xs:complexContent needs xs:extension or xs:restriction`);
      }
      type.derivation = derivation.localName;
      type.base = this.references.resolve(derivation, 'base', 'type');
      if (type.base === null) this.fail(`missing base type reference (${describeNode(derivation)})`);
      content = derivation;
    }
    for (const child of childElements(content, XSD_NS)) {
      switch (child.localName) {
        case 'sequence':
        case 'all':
        case 'choice':
          type.compositor = child.localName;
          type.children = this.particles(child, complexType);
          break;
        case 'attribute':
          type.attributes.push(this.attribute(child, where));
          break;
        case 'annotation':
        case 'complexContent':
          break;
        default:
          this.fail(`${where}: xs:${child.localName ?? '?'} is not supported`);
      }
    }
    return type;
  }

  /** The element particles of a model group; a nested plain `xs:sequence` is flattened into its parent. */
  private particles(group: Element, owner: Element): WsdlParticle[] {
    const particles: WsdlParticle[] = [];
    for (const child of childElements(group, XSD_NS)) {
      if (child.localName === 'annotation') continue;
      const nestedSequence = child.localName === 'sequence' && group.localName === 'sequence';
      if (nestedSequence && this.occurs(child, 'minOccurs') === 1 && this.maxOccurs(child) === 1) {
        particles.push(...this.particles(child, owner));
        continue;
      }
      if (child.localName !== 'element')
        this.fail(`${describeNode(owner)}: xs:${child.localName ?? '?'} is not supported`);
      const ref = this.references.resolve(child, 'ref', 'element');
      const name = ref === null ? child.getAttribute('name') : localName(ref);
      if (!name) this.fail(`an element in ${describeNode(owner)} has neither name nor ref`);
      particles.push({
        name,
        type: this.references.resolve(child, 'type', 'type'),
        ref,
        inlineType: this.inlineType(child),
        minOccurs: this.occurs(child, 'minOccurs'),
        maxOccurs: this.maxOccurs(child),
        nillable: booleanAttr(child, 'nillable'),
      });
    }
    return particles;
  }

  private occurs(node: Element, attribute: 'minOccurs' | 'maxOccurs'): number {
    const value = attr(node, attribute)?.trim();
    if (value === undefined) return 1;
    if (!/^\d+$/.test(value)) this.fail(`invalid occurrence "${value}" (${describeNode(node)})`);
    return Number(value);
  }

  private maxOccurs(node: Element): MaxOccurs {
    return attr(node, 'maxOccurs')?.trim() === 'unbounded' ? 'unbounded' : this.occurs(node, 'maxOccurs');
  }

  private attribute(attribute: Element, where: string): WsdlAttribute {
    const use = attr(attribute, 'use') ?? 'optional';
    if (use !== 'optional' && use !== 'required' && use !== 'prohibited') {
      this.fail(`${where}: xs:attribute with use="${use}" is not supported`);
    }
    return { name: this.name(attribute), type: this.references.resolve(attribute, 'type', 'type'), use };
  }

  private simpleType(simpleType: Element): WsdlSimpleType {
    const where = describeNode(simpleType);
    const [restriction] = childElements(simpleType, XSD_NS, 'restriction');
    if (!restriction) this.fail(`${where}: only xs:restriction is supported`);
    const base = this.references.resolve(restriction, 'base', 'type');
    if (base === null) this.fail(`missing base type reference (${describeNode(restriction)})`);
    const type: WsdlSimpleType = { kind: 'simpleType', base, enumeration: [], facets: [] };
    for (const facet of childElements(restriction, XSD_NS)) {
      if (facet.localName === 'annotation') continue;
      const value = attr(facet, 'value') ?? '';
      if (facet.localName === 'enumeration') type.enumeration.push(value);
      else if (facet.localName === 'simpleType') this.fail(`${where}: an inline base type is not supported`);
      else type.facets.push({ facet: facet.localName ?? '?', value });
    }
    return type;
  }
}

function forms(schema: Element): WsdlSchemaForms {
  return {
    elementFormDefault: attr(schema, 'elementFormDefault') || 'unqualified',
    attributeFormDefault: attr(schema, 'attributeFormDefault') || 'unqualified',
  };
}
