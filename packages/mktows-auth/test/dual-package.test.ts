// The ESM and the CJS build are two copies of every class. A consumer can end up with both (an ESM app
// importing a CJS dependency that requires this package): errors must still be recognised.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, expect, it } from 'vitest';

import type { TranspiledPackage } from './support/transpiled-package.js';
import { transpilePackage } from './support/transpiled-package.js';

let transpiled: TranspiledPackage;
beforeAll(() => {
  transpiled = transpilePackage();
});
afterAll(() => transpiled.remove());

it('a ValidationError thrown by one build is instanceof ValidationError of the other', () => {
  const esm = pathToFileURL(join(transpiled.esmDir, 'index.js')).href;
  const cjs = join(transpiled.cjsDir, 'index.js');
  const script = `
    import { createRequire } from 'node:module';
    const fromEsm = await import(${JSON.stringify(esm)});
    const fromCjs = createRequire(import.meta.url)(${JSON.stringify(cjs)});
    const thrownBy = (auth) => { try { auth.createContextHeader(''); } catch (error) { return error; } };
    const cjsError = thrownBy(fromCjs);
    const esmError = thrownBy(fromEsm);
    const foreignCredentials = fromCjs.createCredentials({ userId: 'u', secretKey: 'k' });
    let crossCredentials;
    try { fromEsm.createAuthenticationHeader({ credentials: foreignCredentials }); } catch (error) { crossCredentials = [error.field, error.rule]; }
    process.stdout.write(JSON.stringify({
      distinctClasses: fromEsm.ValidationError !== fromCjs.ValidationError,
      cjsErrorIsEsmValidationError: cjsError instanceof fromEsm.ValidationError,
      esmErrorIsCjsValidationError: esmError instanceof fromCjs.ValidationError,
      plainErrorIsValidationError: new Error('x') instanceof fromEsm.ValidationError,
      crossCredentials,
    }));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(JSON.parse(output)).toEqual({
    distinctClasses: true,
    cjsErrorIsEsmValidationError: true,
    esmErrorIsCjsValidationError: true,
    plainErrorIsValidationError: false,
    // Credentials cannot cross copies: the key stays readable only by the copy that holds it.
    crossCredentials: [
      'credentials',
      'must be made by createCredentials() of the same build of @org/mktows-auth (its ESM and CJS builds are separate copies)',
    ],
  });
});
