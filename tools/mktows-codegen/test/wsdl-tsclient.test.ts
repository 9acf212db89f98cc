// A second opinion on what wsdl/mktows.wsdl contains: wsdl-tsclient 1.7.1, an independent generator (its own
// walk over soap's parse), writes its client for the WSDL into a temporary folder, and every operation and
// every field it sees must exist in our generated API with a compatible type. The TypeScript compiler reads
// both outputs; their types are paired by walking from each operation's request and response, since
// wsdl-tsclient's names are positional (`Result14`).
//
// Compatible means one type contains the other: ours is normally the narrower (required properties,
// literal unions), and where it is wider the paths are listed and pinned below. wsdl-tsclient's known losses
// (DESIGN.md) are not compared: every property is optional (we check presence, not optionality), enumerations
// are `string` (our unions are assignable to it), nillable is dropped (our `| null` is set aside),
// `xs:dateTime` is a `Date` (ours is a W3C string on purpose: soap 1.13 would send a Date as an empty element),
// and abstract types are empty interfaces (their subtypes go unchecked).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAndGenerate } from 'wsdl-tsclient';
import { renderGeneratedFiles } from '../src/generate.js';
import { editProjectWsdl } from './diff-wsdl-edits.js';
import { committedOutput, projectWsdl, repoRoot } from './support/workspace.js';

interface Comparison {
  /** What our API lacks or types incompatibly, one line each. */
  readonly problems: string[];
  readonly operations: number;
  /** Properties of wsdl-tsclient's types compared with ours. */
  readonly fields: number;
  /** Paths where wsdl-tsclient has a `Date` and we have a W3C string. */
  readonly dateTimes: string[];
  /** Paths where our type is wider than wsdl-tsclient's (it contains theirs). */
  readonly wider: string[];
}

/** Compares wsdl-tsclient's client in `theirDir` with our generated folder `ourDir`. */
function compareWithOurApi(theirDir: string, ourDir: string): Comparison {
  const theirClient = path.join(theirDir, 'mktows/client.ts');
  const ourOperations = path.join(ourDir, 'operations.ts');
  const program = ts.createProgram([theirClient, path.join(ourDir, 'index.ts')], {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    types: ['node'],
    typeRoots: [path.join(repoRoot, 'node_modules/@types')],
    paths: { soap: [path.join(repoRoot, 'node_modules/soap')] },
  });
  const checker = program.getTypeChecker();
  const clientOf = (file: string): ts.Type => {
    const source = program.getSourceFile(file);
    const declaration = source?.statements.find(
      (statement): statement is ts.InterfaceDeclaration =>
        ts.isInterfaceDeclaration(statement) && statement.name.text === 'MktowsClient',
    );
    if (!declaration) throw new Error(`no MktowsClient interface in ${file}`);
    return checker.getTypeAtLocation(declaration);
  };
  const signatureOf = (owner: ts.Type, name: string): ts.Signature | undefined => {
    const symbol = owner.getProperty(name);
    return symbol && checker.getTypeOfSymbol(symbol).getCallSignatures()[0];
  };
  const comparison = {
    problems: [] as string[],
    operations: 0,
    fields: 0,
    dateTimes: [] as string[],
    wider: [] as string[],
  };
  const compared = new Map<ts.Type, Set<ts.Type>>();

  const compare = (theirs: ts.Type, ours: ts.Type, where: string): void => {
    const their = checker.getNonNullableType(theirs);
    const our = checker.getNonNullableType(ours);
    const seen = compared.get(their) ?? new Set<ts.Type>();
    if (seen.has(our)) return;
    compared.set(their, seen.add(our));
    if (their.getSymbol()?.getName() === 'Date') {
      if (checker.isTypeAssignableTo(our, checker.getStringType())) comparison.dateTimes.push(where);
      else comparison.problems.push(`${where}: a Date in wsdl-tsclient, ${checker.typeToString(our)} in ours`);
    } else if (checker.isArrayType(their)) {
      if (!checker.isArrayType(our))
        return void comparison.problems.push(`${where}: a list in wsdl-tsclient, not in ours`);
      compare(
        checker.getTypeArguments(their as ts.TypeReference)[0]!,
        checker.getTypeArguments(our as ts.TypeReference)[0]!,
        `${where}[]`,
      );
    } else if (their.flags & ts.TypeFlags.Object) {
      const constituents = our.isUnion() ? our.types : [our];
      for (const property of checker.getPropertiesOfType(their)) {
        comparison.fields += 1;
        const match = constituents.map((type) => type.getProperty(property.name)).find((found) => found !== undefined);
        if (!match) comparison.problems.push(`${where}.${property.name}: missing`);
        else compare(checker.getTypeOfSymbol(property), checker.getTypeOfSymbol(match), `${where}.${property.name}`);
      }
    } else if (checker.isTypeAssignableTo(our, their)) {
      return;
    } else if (checker.isTypeAssignableTo(their, our)) {
      comparison.wider.push(where);
    } else {
      comparison.problems.push(
        `${where}: ${checker.typeToString(our)} in ours, ${checker.typeToString(their)} in wsdl-tsclient`,
      );
    }
  };

  const theirClientType = clientOf(theirClient);
  const ourClientType = clientOf(ourOperations);
  for (const method of checker.getPropertiesOfType(theirClientType).filter((symbol) => symbol.name.endsWith('Async'))) {
    const operation = method.name.slice(0, -'Async'.length);
    comparison.operations += 1;
    const theirs = signatureOf(theirClientType, method.name)!;
    const ours = signatureOf(ourClientType, operation);
    if (!ours) {
      comparison.problems.push(`${operation}: missing`);
      continue;
    }
    compare(
      checker.getTypeOfSymbol(theirs.parameters[0]!),
      checker.getTypeOfSymbol(ours.parameters[0]!),
      `${operation}(params)`,
    );
    const theirResult = checker.getAwaitedType(theirs.getReturnType())?.getProperty('0');
    const ourResult = checker.getAwaitedType(ours.getReturnType());
    if (!theirResult || !ourResult) throw new Error(`${operation}: unexpected result types`);
    compare(checker.getTypeOfSymbol(theirResult), ourResult, `${operation}() result`);
  }
  return comparison;
}

const temporary: string[] = [];
let theirDir = '';

beforeAll(async () => {
  theirDir = mkdtempSync(path.join(tmpdir(), 'wsdl-tsclient-'));
  temporary.push(theirDir);
  await parseAndGenerate(projectWsdl, theirDir, { quiet: true });
});

afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

describe('wsdl-tsclient 1.7.1 against our generated API', () => {
  it('finds every operation and every field it sees in our API, with a compatible type', () => {
    const comparison = compareWithOurApi(theirDir, committedOutput);
    expect(comparison.problems).toEqual([]);
    expect(comparison.operations).toBe(23);
    // The walk covers the schema, not a corner of it (the schema has 270-odd distinct properties).
    expect(comparison.fields).toBeGreaterThan(250);
    // Its known type difference is exactly where the schema says xs:dateTime.
    expect(comparison.dateTimes).toContain('getMultipleLeads(params).lastUpdatedAt');
    // Ours is wider only for xs:anySimpleType (string | number | boolean; wsdl-tsclient says string).
    expect(comparison.wider).toEqual(['getMObjects(params).mObjCriteriaList.mObjCriteria[].attrValue']);
  });

  it('catches a field our API dropped and a field our API types differently', async () => {
    const mutated = editProjectWsdl((wsdl) => {
      wsdl.remove(wsdl.property('ParamsSyncLead', 'marketoCookie'));
      wsdl.property('ParamsGetMultipleLeads', 'batchSize').setAttribute('type', 'xsd:boolean');
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'mktows-mutated-'));
    temporary.push(dir);
    writeFileSync(path.join(dir, 'mktows.wsdl'), mutated);
    const files = await renderGeneratedFiles({
      wsdlPath: path.join(dir, 'mktows.wsdl'),
      displayPath: 'mutated',
      source: 'mutated',
    });
    mkdirSync(path.join(dir, 'out'));
    for (const file of files) writeFileSync(path.join(dir, 'out', file.path), file.content);
    expect(compareWithOurApi(theirDir, path.join(dir, 'out')).problems).toEqual([
      'syncLead(params).marketoCookie: missing',
      'getMultipleLeads(params).batchSize: boolean in ours, number in wsdl-tsclient',
    ]);
  });
});
