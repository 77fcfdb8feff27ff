// Where uploaded media live: the local disk (default) or an S3-compatible bucket, chosen by the
// environment alone (UPLOAD_PROVIDER=s3 and the S3_* variables; see .env.example). Used by
// config/plugins.ts (upload provider) and config/middlewares.ts (CSP img-src/media-src).
type Env = Record<string, string | undefined>;

export interface S3Settings {
  endpoint: string | undefined;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  publicUrl: string | undefined;
  forcePathStyle: boolean;
  acl: string | undefined;
  rootPath: string | undefined;
}

const bool = (v: string | undefined) => v === 'true' || v === '1';

export function uploadProvider(env: Env = process.env): 'local' | 's3' {
  const p = (env.UPLOAD_PROVIDER ?? 'local').trim().toLowerCase() || 'local';
  if (p !== 'local' && p !== 's3') throw new Error(`UPLOAD_PROVIDER must be "local" or "s3" (got "${env.UPLOAD_PROVIDER}")`);
  return p;
}

/** The S3 settings, validated; throws a clear message for each missing variable. */
export function s3Settings(env: Env = process.env): S3Settings {
  const missing = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter((k) => !env[k]?.trim());
  if (missing.length) throw new Error(`UPLOAD_PROVIDER=s3 needs ${missing.join(', ')} (see .env.example)`);
  for (const k of ['S3_ENDPOINT', 'S3_PUBLIC_URL']) {
    const v = env[k]?.trim();
    if (v && !/^https?:\/\//.test(v)) throw new Error(`${k} must be an absolute http(s) URL (got "${v}")`);
  }
  return {
    endpoint: env.S3_ENDPOINT?.trim() || undefined,
    region: env.S3_REGION?.trim() || 'us-east-1',
    bucket: env.S3_BUCKET!.trim(),
    accessKeyId: env.S3_ACCESS_KEY_ID!.trim(),
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!.trim(),
    publicUrl: env.S3_PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined,
    forcePathStyle: bool(env.S3_FORCE_PATH_STYLE?.trim()),
    // Most S3-compatible services serve a public-read bucket policy; set S3_ACL=public-read for
    // services that need a per-object ACL instead.
    acl: env.S3_ACL?.trim() || undefined,
    rootPath: env.S3_ROOT_PATH?.trim() || undefined,
  };
}

/** Origin the browser loads media from when they are on S3 (for the admin's CSP); null for local. */
export function mediaOrigin(env: Env = process.env): string | null {
  if (uploadProvider(env) !== 's3') return null;
  const s = s3Settings(env);
  if (s.publicUrl) return new URL(s.publicUrl).origin;
  if (s.endpoint) {
    const u = new URL(s.endpoint);
    return s.forcePathStyle ? u.origin : `${u.protocol}//${s.bucket}.${u.host}`;
  }
  return `https://${s.bucket}.s3.${s.region}.amazonaws.com`;
}

/** Strapi upload plugin's provider settings for @strapi/provider-upload-aws-s3. */
export function s3ProviderConfig(env: Env = process.env) {
  const s = s3Settings(env);
  return {
    provider: 'aws-s3',
    providerOptions: {
      // Public URL of stored objects (a CDN or the bucket's public address); the API returns
      // `${baseUrl}/${key}` so the site build and the admin load media from there.
      baseUrl: s.publicUrl,
      rootPath: s.rootPath,
      s3Options: {
        ...(s.endpoint ? { endpoint: s.endpoint } : {}),
        region: s.region,
        forcePathStyle: s.forcePathStyle,
        credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
        // Checksums only when the operation requires them: several S3-compatible services reject the
        // SDK's default streaming CRC trailers.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        params: {
          Bucket: s.bucket,
          ...(s.acl ? { ACL: s.acl } : {}),
        },
      },
    },
    actionOptions: { upload: {}, uploadStream: {}, delete: {} },
  };
}
