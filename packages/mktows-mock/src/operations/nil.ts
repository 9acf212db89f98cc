// A nil element for a required, nillable response element (`<description xsi:nil="true"/>`). soap 1.13
// writes a null value as xsi:nil without declaring the xsi prefix (invalid XML), so the element carries
// its own declaration as attributes. Typed as null: the generated types say `string | null` for these.

const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

/** A value soap writes as `<element xsi:nil="true" xmlns:xsi="...">`. */
export function nil(): null {
  return { attributes: { 'xsi:nil': 'true', 'xmlns:xsi': XSI_NAMESPACE } } as unknown as null;
}
