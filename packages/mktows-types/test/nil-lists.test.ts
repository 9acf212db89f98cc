import { describe, expect, it } from 'vitest';
import { keepNilListChildren } from '../src/nil-lists.js';

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

describe('keepNilListChildren', () => {
  it('removes xsi:nil from an element whose content starts with a child element', () => {
    const xml = `<r ${XSI}><list xsi:nil="true">\n  <item>1</item></list></r>`;
    expect(keepNilListChildren(xml)).toBe(`<r ${XSI}><list>\n  <item>1</item></list></r>`);
  });

  it('leaves really nil elements alone: self-closing, empty, or whitespace only', () => {
    const xml = `<r ${XSI}><a xsi:nil="true"/><b xsi:nil="true"></b><c xsi:nil="true">  </c></r>`;
    expect(keepNilListChildren(xml)).toBe(xml);
  });

  it('leaves an element alone when text comes before any child', () => {
    const xml = `<r ${XSI}><a xsi:nil="true">text<b/></a></r>`;
    expect(keepNilListChildren(xml)).toBe(xml);
  });

  it('looks through comments to the first child, and handles any prefix bound to XMLSchema-instance', () => {
    const xml = `<r xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a i:nil='1'><!-- c --><b/></a></r>`;
    expect(keepNilListChildren(xml)).toBe(`<r xmlns:i="http://www.w3.org/2001/XMLSchema-instance"><a><!-- c --><b/></a></r>`);
  });

  it('ignores a nil attribute whose prefix is not bound to XMLSchema-instance, or is false', () => {
    const xml = `<r xmlns:x="urn:other" ${XSI}><a x:nil="true"><b/></a><c xsi:nil="false"><d/></c></r>`;
    expect(keepNilListChildren(xml)).toBe(xml);
  });

  it('does not treat markup inside CDATA, comments or attribute values as elements', () => {
    const xml = `<r ${XSI}><a xsi:nil="true"><![CDATA[<b/>]]></a><c xsi:nil="true" note="x>y"><!-- <d/> --></c></r>`;
    expect(keepNilListChildren(xml)).toBe(xml);
  });

  it('fixes nested nil-marked lists at every level', () => {
    const xml = `<r ${XSI}><a xsi:nil="true"><b xsi:nil="true"><c/></b></a></r>`;
    expect(keepNilListChildren(xml)).toBe(`<r ${XSI}><a><b><c/></b></a></r>`);
  });

  it('returns malformed input and documents with a DOCTYPE unchanged for soap to judge', () => {
    expect(keepNilListChildren(`<r ${XSI}><a xsi:nil="true><b/></a></r>`)).toBe(`<r ${XSI}><a xsi:nil="true><b/></a></r>`);
    const withDoctype = `<!DOCTYPE r [<!ENTITY e "x">]><r ${XSI}><a xsi:nil="true"><b/></a></r>`;
    expect(keepNilListChildren(withDoctype)).toBe(withDoctype);
  });
});
