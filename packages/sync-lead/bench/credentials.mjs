// The benchmark's SOAP user: the mock accepts it, the minimal server does not check it.
export const BENCH_CREDENTIALS = Object.freeze({ userId: 'bench_user', secretKey: 'bench-secret-0123456789' });
