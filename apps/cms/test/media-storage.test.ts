import { describe, expect, it } from 'vitest';
import { mediaOrigin, s3ProviderConfig, uploadProvider } from '../src/lib/media-storage.ts';

const s3 = { UPLOAD_PROVIDER: 's3', S3_BUCKET: 'media', S3_ACCESS_KEY_ID: 'AK', S3_SECRET_ACCESS_KEY: 'SK' };

describe('media storage settings', () => {
  it('is the local disk unless UPLOAD_PROVIDER=s3', () => {
    expect(uploadProvider({})).toBe('local');
    expect(uploadProvider({ UPLOAD_PROVIDER: 'S3' })).toBe('s3');
    expect(mediaOrigin({})).toBeNull();
    expect(() => uploadProvider({ UPLOAD_PROVIDER: 'ftp' })).toThrow(/local" or "s3/);
  });

  it('names each missing S3 variable', () => {
    expect(() => s3ProviderConfig({ UPLOAD_PROVIDER: 's3', S3_BUCKET: 'b' })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    expect(() => s3ProviderConfig({ ...s3, S3_ENDPOINT: 's3.example.vn' })).toThrow(/S3_ENDPOINT must be an absolute/);
  });

  it('maps the variables onto the aws-s3 provider', () => {
    const cfg = s3ProviderConfig({
      ...s3,
      S3_ENDPOINT: 'https://s3.example.vn',
      S3_REGION: 'hn-1',
      S3_PUBLIC_URL: 'https://media.example.vn/',
      S3_FORCE_PATH_STYLE: 'true',
    });
    expect(cfg.provider).toBe('aws-s3');
    expect(cfg.providerOptions.baseUrl).toBe('https://media.example.vn');
    expect(cfg.providerOptions.s3Options).toMatchObject({
      endpoint: 'https://s3.example.vn',
      region: 'hn-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
      params: { Bucket: 'media' },
    });
    expect(cfg.providerOptions.s3Options.params).not.toHaveProperty('ACL');
  });

  it('derives the media origin for the CSP', () => {
    expect(mediaOrigin({ ...s3, S3_PUBLIC_URL: 'https://cdn.example.vn/portal' })).toBe('https://cdn.example.vn');
    expect(mediaOrigin({ ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000', S3_FORCE_PATH_STYLE: 'true' })).toBe('http://127.0.0.1:9000');
    expect(mediaOrigin({ ...s3, S3_ENDPOINT: 'https://s3.example.vn' })).toBe('https://media.s3.example.vn');
    expect(mediaOrigin({ ...s3, S3_REGION: 'ap-southeast-1' })).toBe('https://media.s3.ap-southeast-1.amazonaws.com');
  });
});
