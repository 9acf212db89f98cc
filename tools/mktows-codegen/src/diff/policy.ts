// The semver policy of `mktows-codegen diff`: for each kind of WSDL change, the bump it needs when the
// changed thing is used in requests (TypeScript code builds and sends it) and when it is used in
// responses (code reads it), with the reason. The README's policy table is rendered from this table
// (and a test keeps the two equal), so the rules are written down exactly once.

/** A semver bump, from none to major. */
export type Bump = 'none' | 'patch' | 'minor' | 'major';

/** Every bump, weakest first. */
export const BUMPS: readonly Bump[] = ['none', 'patch', 'minor', 'major'];

/** The strongest of the given bumps (`none` for none). */
export function maxBump(bumps: Iterable<Bump>): Bump {
  let strongest: Bump = 'none';
  for (const bump of bumps) if (BUMPS.indexOf(bump) > BUMPS.indexOf(strongest)) strongest = bump;
  return strongest;
}

/** Which way a schema component travels: in requests the caller builds, or in responses the caller reads. */
export type Direction = 'request' | 'response';

/** The bump one kind of change needs, per direction, and why. */
export interface PolicyRule {
  /** Bump when the changed component is sent in requests. */
  readonly request: Bump;
  /** Bump when the changed component is read from responses. */
  readonly response: Bump;
  /** What the change is, in a few words (README). */
  readonly what: string;
  /** Why it needs that bump (README). */
  readonly reason: string;
}

const rule = (request: Bump, response: Bump, what: string, reason: string): PolicyRule => ({
  request,
  response,
  what,
  reason,
});
const both = (bump: Bump, what: string, reason: string): PolicyRule => rule(bump, bump, what, reason);

/** The policy, by change kind. */
export const POLICY = {
  'namespace-changed': both(
    'major',
    'target namespace changed',
    'every element on the wire changes its namespace: a server on one version refuses the other',
  ),
  'schema-form-changed': both(
    'major',
    'elementFormDefault / attributeFormDefault changed',
    'child elements change between qualified and unqualified on the wire',
  ),
  'operation-removed': both('major', 'operation removed', 'its client method disappears: calls stop compiling'),
  'operation-added': both('minor', 'operation added', 'a new client method; existing code is unaffected'),
  'operation-soap-action-changed': both(
    'major',
    'soapAction changed',
    'the SOAPAction header the server dispatches on changes: a client and a server on different versions no longer understand each other',
  ),
  'operation-input-changed': both(
    'major',
    'request body element changed',
    'the method takes a different parameter type',
  ),
  'operation-output-changed': both(
    'major',
    'response body element changed (or the operation became one-way)',
    'the method resolves to a different result type',
  ),
  'operation-style-changed': both(
    'major',
    'SOAP style or use changed (document/rpc, literal/encoded)',
    'the envelope shape on the wire changes',
  ),
  'message-renamed': both(
    'none',
    'a body message renamed, same parts',
    'document/literal never puts message names on the wire, and the generated types do not name them',
  ),
  'header-added': both(
    'minor',
    'SOAP header part added to an operation',
    'the `headers` callback may now return it; every header is optional to supply, so existing code still compiles',
  ),
  'header-removed': both(
    'major',
    'SOAP header part removed from an operation',
    'the runtime stops sending a header callers supply (a workspace choice would be silently dropped)',
  ),
  'header-changed': both(
    'major',
    'header part carries another element, or its use changed',
    'callers send a different header type',
  ),
  'header-message-renamed': both(
    'patch',
    'header message or part renamed, same element',
    'nothing on the wire or in the types changes; only the names in the exported `operations` table do',
  ),
  'fault-changed': both(
    'patch',
    'wsdl:fault added, removed or changed',
    'faults are not typed: soap rejections pass through unchanged; documentation only',
  ),
  'binding-transport-changed': both('major', 'SOAP binding transport changed', 'the transport protocol changes'),
  'service-names-changed': both(
    'patch',
    'service, port or binding renamed',
    'the runtime builds its client from the WSDL it ships and code never names them; the exported `schemaMetadata` changes',
  ),
  'endpoint-address-changed': both(
    'none',
    'soap:address location changed',
    'clients always send to the endpoint they are given, never to the address in the WSDL',
  ),
  'element-added': both('minor', 'global element added', 'a new export; existing code is unaffected'),
  'element-removed': both('major', 'global element removed', 'an export disappears'),
  'element-type-changed': both(
    'major',
    'global element type changed',
    'the element carries a different TypeScript type',
  ),
  'element-abstract-changed': both(
    'major',
    'global element abstract flag changed',
    'whether the element may appear on the wire changes',
  ),
  'element-made-nillable': rule(
    'minor',
    'major',
    'global element became nillable',
    'requests: code may now send null (wider input); responses: readers get a null they never handled',
  ),
  'element-made-non-nillable': both(
    'major',
    'global element no longer nillable',
    'requests: code that sends null stops compiling; responses: the presence contract of the result changed',
  ),
  'type-added': both('minor', 'named type added', 'a new export; existing code is unaffected'),
  'type-removed': both('major', 'named type removed', 'an exported type disappears'),
  'type-renamed': both(
    'major',
    'named type renamed (same definition)',
    'the exported name changes (and with it the xsi:type a subtype is sent with)',
  ),
  'type-kind-changed': both('major', 'complex type became simple or back', 'the TypeScript type changes completely'),
  'type-base-changed': both(
    'major',
    'base type or derivation changed',
    'inherited properties (or the value space of a simple type) change',
  ),
  'type-abstract-changed': both(
    'major',
    'abstract flag of a complex type changed',
    'the type changes between an interface and the union of its subtypes',
  ),
  'type-compositor-changed': both(
    'major',
    'sequence/all/choice or mixed changed',
    'the content model (and element order rules on the wire) changes',
  ),
  'subtype-added': rule(
    'minor',
    'major',
    'new complex type extending an existing one',
    'requests: one more shape code may send; responses: readers narrowing on the subtypes meet one they do not handle',
  ),
  'property-added-optional': both(
    'minor',
    'optional element (minOccurs 0) added to a complex type',
    'requests: code may send it, need not; responses: new data readers may use',
  ),
  'property-added-required': rule(
    'major',
    'minor',
    'required element (minOccurs >= 1) added to a complex type',
    'requests: existing code does not set it and stops compiling; responses: new data readers may use (issue 7: added response elements are minor)',
  ),
  'property-removed': both(
    'major',
    'element removed from a complex type',
    'code that sets or reads it stops compiling',
  ),
  'property-renamed': both(
    'major',
    'element renamed in place (same type and cardinality)',
    'code that sets or reads the old name stops compiling',
  ),
  'property-type-changed': both('major', 'element type changed', 'the property has a different TypeScript type'),
  'property-made-required': both(
    'major',
    'minOccurs 0 -> 1 or more',
    'requests: code that leaves it out stops compiling; responses: issue 7 counts both directions of a response presence change as major (builders of responses, e.g. mock servers and fixtures, must now supply it)',
  ),
  'property-made-optional': rule(
    'minor',
    'major',
    'minOccurs 1 or more -> 0',
    'requests: code may now leave it out (wider input); responses: readers that rely on it being present break under strict null checks',
  ),
  'property-made-repeated': both(
    'major',
    'maxOccurs 1 -> more than 1 (single -> array)',
    'the property changes from `T` to `T[]` in either direction of use',
  ),
  'property-made-single': both(
    'major',
    'maxOccurs more than 1 -> 1 (array -> single)',
    'the property changes from `T[]` to `T` in either direction of use',
  ),
  'property-occurs-narrowed': rule(
    'major',
    'patch',
    'minOccurs raised above 1 or maxOccurs lowered, still an array',
    'requests: lists that were valid are refused; responses: the TypeScript type is unchanged and readers iterate any length',
  ),
  'property-occurs-widened': rule(
    'minor',
    'patch',
    'minOccurs lowered (still >= 1) or maxOccurs raised, still an array',
    'requests: more lists are accepted; responses: the TypeScript type is unchanged',
  ),
  'property-made-nillable': rule(
    'minor',
    'major',
    'element became nillable',
    'requests: code may now send null; responses: readers get a null they never handled',
  ),
  'property-made-non-nillable': both(
    'major',
    'element no longer nillable',
    'requests: code that sends null stops compiling; responses: the presence contract changed (as for property-made-required)',
  ),
  'properties-reordered': rule(
    'major',
    'patch',
    'order of a sequence changed',
    'requests: the runtime sends the new order, which a server on the old WSDL refuses; responses: soap reads children by name, objects have no order',
  ),
  'enum-value-removed': both(
    'major',
    'enumeration value removed',
    'code that sends or compares the value stops compiling',
  ),
  'enum-value-added': rule(
    'minor',
    'major',
    'enumeration value added',
    'requests: one more value code may send; responses: readers may receive a value they do not handle (exhaustive switches stop compiling, older code misbehaves)',
  ),
  'enum-values-reordered': both(
    'patch',
    'enumeration values reordered',
    'the union type is unchanged; only the order of the exported `*_VALUES` list changes',
  ),
  'facet-changed': rule(
    'major',
    'patch',
    'a facet other than enumeration (maxLength, pattern, ...) added, removed or changed',
    'requests: values that were valid may be refused (conservatively major); responses: the TypeScript type is unchanged',
  ),
  'documentation-changed': both(
    'patch',
    'documentation text added, removed or changed',
    'only doc comments of the published types change',
  ),
} as const satisfies Record<string, PolicyRule>;

/** A kind of WSDL change the diff reports. */
export type ChangeKind = keyof typeof POLICY;

/** Every change kind, in policy order. */
export const CHANGE_KINDS = Object.keys(POLICY) as ChangeKind[];

/**
 * The bump a change of `kind` needs when the changed component travels in `directions`.
 * A component no operation uses counts as both directions (code may use its exported type either way).
 */
export function bumpFor(kind: ChangeKind, directions: readonly Direction[]): Bump {
  const policy: PolicyRule = POLICY[kind];
  const used = directions.length === 0 ? (['request', 'response'] as const) : directions;
  return maxBump(used.map((direction) => policy[direction]));
}

/** The policy as a Markdown table (the README embeds exactly this text). */
export function renderPolicyTable(): string {
  const rows = CHANGE_KINDS.map((kind) => {
    const policy: PolicyRule = POLICY[kind];
    const bump =
      policy.request === policy.response ? policy.request : `request: ${policy.request}, response: ${policy.response}`;
    return `| \`${kind}\` | ${policy.what} | ${bump} | ${policy.reason} |`;
  });
  return ['| kind | change | bump | why |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
