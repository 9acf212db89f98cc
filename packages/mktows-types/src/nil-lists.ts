// Real Marketo responses mark some lists xsi:nil="true" and still send their
// children (`<leadAttributeList xsi:nil="true"><attribute>...`). soap 1.13 drops
// such an element (or makes it null), losing the data. This pass removes the
// xsi:nil attribute from every element whose first content is a child element,
// before soap parses the body. Everything else is left byte for byte.

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

interface Attribute {
  readonly name: string;
  readonly value: string;
  /** Index of the whitespace before the attribute name. */
  readonly start: number;
  /** Index just after the closing quote. */
  readonly end: number;
}

interface StartTag {
  readonly attributes: Attribute[];
  readonly selfClosing: boolean;
  /** Index just after `>`. */
  readonly end: number;
}

/** Returns `xml` with `xsi:nil` removed from nil-marked elements that have child elements. */
export function keepNilListChildren(xml: string): string {
  if (!xml.includes('nil')) return xml;
  const removals: Array<[number, number]> = [];
  const scopes: Array<ReadonlyMap<string, string>> = [new Map()];
  /** The nil attribute of the element opened last, while no content has been seen after its start tag. */
  let pendingNil: Attribute | undefined;
  let index = 0;
  while (index < xml.length) {
    const open = xml.indexOf('<', index);
    if (open === -1) break;
    if (pendingNil && xml.slice(index, open).trim().length > 0) pendingNil = undefined; // text content first
    if (xml.startsWith('<!--', open)) {
      index = skipPast(xml, open, '-->');
    } else if (xml.startsWith('<![CDATA[', open)) {
      pendingNil = undefined;
      index = skipPast(xml, open, ']]>');
    } else if (xml.startsWith('<?', open)) {
      index = skipPast(xml, open, '?>');
    } else if (xml.startsWith('<!', open)) {
      return xml; // a DOCTYPE: leave the document to soap's parser, which rejects entities
    } else if (xml.startsWith('</', open)) {
      pendingNil = undefined;
      scopes.pop();
      index = skipPast(xml, open, '>');
    } else {
      const tag = readStartTag(xml, open);
      if (!tag) return xml; // malformed: soap will report it
      if (pendingNil) removals.push([pendingNil.start, pendingNil.end]);
      const scope = withDeclarations(scopes[scopes.length - 1]!, tag.attributes);
      const nil = tag.attributes.find((attribute) => isNilTrue(attribute, scope));
      pendingNil = tag.selfClosing ? undefined : nil;
      if (!tag.selfClosing) scopes.push(scope);
      index = tag.end;
    }
    if (index === -1) return xml;
  }
  return removals.length === 0 ? xml : removeRanges(xml, removals);
}

function skipPast(xml: string, from: number, terminator: string): number {
  const at = xml.indexOf(terminator, from);
  return at === -1 ? -1 : at + terminator.length;
}

function readStartTag(xml: string, open: number): StartTag | undefined {
  let index = open + 1;
  while (index < xml.length && !/[\s/>]/.test(xml[index]!)) index++;
  const attributes: Attribute[] = [];
  for (;;) {
    const start = index;
    while (index < xml.length && /\s/.test(xml[index]!)) index++;
    if (index >= xml.length) return undefined;
    if (xml[index] === '>') return { attributes, selfClosing: false, end: index + 1 };
    if (xml.startsWith('/>', index)) return { attributes, selfClosing: true, end: index + 2 };
    const nameStart = index;
    while (index < xml.length && !/[\s=/>]/.test(xml[index]!)) index++;
    const name = xml.slice(nameStart, index);
    while (index < xml.length && /\s/.test(xml[index]!)) index++;
    if (xml[index] !== '=') return undefined;
    index++;
    while (index < xml.length && /\s/.test(xml[index]!)) index++;
    const quote = xml[index];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = xml.indexOf(quote, index + 1);
    if (close === -1) return undefined;
    attributes.push({ name, value: xml.slice(index + 1, close), start, end: close + 1 });
    index = close + 1;
  }
}

function withDeclarations(parent: ReadonlyMap<string, string>, attributes: readonly Attribute[]): ReadonlyMap<string, string> {
  const declarations = attributes.filter((attribute) => attribute.name.startsWith('xmlns:'));
  if (declarations.length === 0) return parent;
  const scope = new Map(parent);
  for (const declaration of declarations) scope.set(declaration.name.slice('xmlns:'.length), declaration.value);
  return scope;
}

function isNilTrue(attribute: Attribute, scope: ReadonlyMap<string, string>): boolean {
  const colon = attribute.name.indexOf(':');
  if (colon === -1 || attribute.name.slice(colon + 1) !== 'nil') return false;
  const value = attribute.value.trim();
  return scope.get(attribute.name.slice(0, colon)) === XSI_NAMESPACE && (value === 'true' || value === '1');
}

function removeRanges(xml: string, ranges: ReadonlyArray<[number, number]>): string {
  let result = '';
  let from = 0;
  for (const [start, end] of ranges) {
    result += xml.slice(from, start);
    from = end;
  }
  return result + xml.slice(from);
}
