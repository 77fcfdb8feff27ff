// Strapi's own login form (/admin/auth/login) cannot ask for the second step: for the roles that need
// it the server refuses a password alone, with a message that names our sign-in page
// (server/src/services/second-factor.ts). The form shows that message as plain text; this adds a link
// to the page under it, carrying over the e-mail already typed. The refusal itself is the server's:
// no token nor cookie is handed out, whatever this does.

/** The sign-in page with the second step (the server's SIGN_IN_PAGE, which this bundle cannot import). */
const SIGN_IN_PAGE = '/editorial/dang-nhap';
const MARK = 'data-sign-in-guide';

function decorate(): void {
  if (!location.pathname.includes('/auth/')) return;
  // The stock form's error line (Strapi's Login page: id "global-form-error", role "alert").
  const alert = document.getElementById('global-form-error');
  if (!alert || !alert.textContent?.includes(SIGN_IN_PAGE) || alert.querySelector(`[${MARK}]`)) return;
  const email = document.querySelector<HTMLInputElement>('input[name="email"]')?.value.trim();
  const link = document.createElement('a');
  link.setAttribute(MARK, '');
  link.href = email ? `${SIGN_IN_PAGE}?email=${encodeURIComponent(email)}` : SIGN_IN_PAGE;
  link.textContent = 'Đến trang đăng nhập với mã xác thực';
  link.style.display = 'block';
  link.style.marginTop = '8px';
  link.style.fontWeight = '600';
  link.style.marginBottom = '8px';
  alert.appendChild(link);
}

/** Watches the admin's pages for the refusal (React may redraw the line: the link is added again). */
export function guideStockSignIn(): void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  new MutationObserver(decorate).observe(document.body ?? document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}
