// A production start refuses missing or template secrets (the demo start generates them into .env).
const REQUIRED = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
  'SITE_API_TOKEN',
];
const PLACEHOLDERS = new Set(['tobemodified', 'tobemodified1', 'tobemodified2', 'changeme', 'secret', 'change-me']);

export function secretProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  for (const key of REQUIRED) {
    const value = (env[key] ?? '').trim();
    if (!value) problems.push(`${key} is not set`);
    else if (value.split(',').some((v) => PLACEHOLDERS.has(v.trim().toLowerCase()))) problems.push(`${key} still has a template value`);
    else if (value.length < 16) problems.push(`${key} is shorter than 16 characters`);
  }
  return problems;
}

export function assertProductionSecrets(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV !== 'production') return;
  const problems = secretProblems(env);
  if (problems.length) {
    throw new Error(`Refusing to start in production with unsafe secrets: ${problems.join('; ')}. Generate them (see docs/operations.md).`);
  }
  if (env.PORTAL_DEMO === '1')
    throw new Error('PORTAL_DEMO=1 is not allowed in production: demo accounts and content are for the embedded demo only.');
}
