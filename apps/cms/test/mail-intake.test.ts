// The e-mail intake's pure rules (issue 26): automatic mail, the receiving server's authentication
// results, secret addresses and classification stamps. The mailbox itself is tested against a real
// Dovecot in tests/extended/mail-intake.test.ts.
import { describe, expect, it } from 'vitest';
import {
  classificationMark,
  isAuthenticated,
  isAutomatic,
  secretAddress,
  userOfSecretAddress,
} from '../src/plugins/editorial/server/src/mail/rules.ts';

const h = (o: Record<string, unknown>) => new Map(Object.entries(o));

describe('automatic mail', () => {
  it('Auto-Submitted other than "no", X-Autoreply, Precedence bulk, reports and null senders are automatic', () => {
    expect(isAutomatic(h({ 'auto-submitted': 'auto-replied' }))).toBe(true);
    expect(isAutomatic(h({ 'auto-submitted': 'auto-generated; owner-email="x@y"' }))).toBe(true);
    expect(isAutomatic(h({ 'x-autoreply': 'yes' }))).toBe(true);
    expect(isAutomatic(h({ precedence: 'bulk' }))).toBe(true);
    expect(isAutomatic(h({}), 'multipart/report; report-type=delivery-status')).toBe(true);
    expect(isAutomatic(h({ 'return-path': '<>' }))).toBe(true);
    expect(isAutomatic(h({ 'auto-submitted': 'no' }))).toBe(false);
    expect(isAutomatic(h({ 'return-path': '<a@b.vn>' }), 'text/plain')).toBe(false);
  });
});

describe('authentication results', () => {
  const ID = 'mx.hoabinh.gov.vn';
  const from = 'ctv@baclieu.gov.vn';
  it('trusts only the receiving server, and only a pass aligned with the From domain', () => {
    expect(isAuthenticated(h({ 'authentication-results': `${ID}; dkim=pass header.d=baclieu.gov.vn header.s=s1` }), from, ID)).toBe(true);
    expect(isAuthenticated(h({ 'authentication-results': `${ID}; spf=pass (ok) smtp.mailfrom=x@baclieu.gov.vn` }), from, ID)).toBe(true);
    // Another server's header (a sender can write any) does not count.
    expect(isAuthenticated(h({ 'authentication-results': 'evil.example; dkim=pass header.d=baclieu.gov.vn' }), from, ID)).toBe(false);
    // A valid signature of another domain proves nothing about this From.
    expect(isAuthenticated(h({ 'authentication-results': `${ID}; dkim=pass header.d=gmail.com` }), from, ID)).toBe(false);
    expect(isAuthenticated(h({ 'authentication-results': `${ID}; dkim=fail header.d=baclieu.gov.vn; spf=softfail` }), from, ID)).toBe(
      false,
    );
    expect(
      isAuthenticated(h({ 'authentication-results': [`${ID}; dkim=none`, `${ID}; spf=pass smtp.mailfrom=baclieu.gov.vn`] }), from, ID),
    ).toBe(true);
    expect(isAuthenticated(h({ 'authentication-results': `${ID}; dkim=pass header.d=baclieu.gov.vn` }), from, '')).toBe(false);
  });
});

describe('secret addresses', () => {
  it('names the contributor whose token it carries, and nobody for a changed id or token', () => {
    const a = secretAddress('bbt@hoabinh.gov.vn', 'k', 7);
    expect(a).toMatch(/^bbt\+u7\.[a-z0-9]{16}@hoabinh\.gov\.vn$/);
    expect(userOfSecretAddress(a.toUpperCase(), 'bbt@hoabinh.gov.vn', 'k')).toBe(7);
    expect(userOfSecretAddress(a.replace('+u7.', '+u8.'), 'bbt@hoabinh.gov.vn', 'k')).toBeNull();
    expect(userOfSecretAddress(a, 'bbt@hoabinh.gov.vn', 'other-key')).toBeNull();
    expect(userOfSecretAddress(a, 'bbt@hoabinh.gov.vn', '')).toBeNull();
    expect(userOfSecretAddress('bbt@hoabinh.gov.vn', 'bbt@hoabinh.gov.vn', 'k')).toBeNull();
  });
});

describe('classification stamps', () => {
  it('finds stamps on their own line, upper-case stamps anywhere and the higher levels in any case', () => {
    expect(classificationMark('MẬT\nBáo cáo tình hình')).toBe('mat');
    expect(classificationMark('Kính gửi Ban\n  Mật  \n')).toBe('mat');
    expect(classificationMark('Độ mật: Tối mật')).toBe('toi-mat');
    expect(classificationMark('V/v: báo cáo TUYỆT MẬT số 3')).toBe('tuyet-mat');
    expect(classificationMark('tài liệu tối mật của huyện')).toBe('toi-mat');
    expect(classificationMark('MẬT - Kế hoạch')).toBe('mat');
    // Decomposed input is read as NFC.
    expect(classificationMark('MẬT'.normalize('NFD'))).toBe('mat');
  });
  it('leaves ordinary words alone', () => {
    expect(classificationMark('Giữ bí mật mật khẩu; mật ong Bạc Liêu')).toBeNull();
    expect(classificationMark('Hội đua ghe ngo')).toBeNull();
  });
});
