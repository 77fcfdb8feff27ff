import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * The Content Manager's menu entry asks for no permission, so a role that may read no content type (finance)
 * was offered a screen that only says it has no access. The entry now needs read on some type; a subject
 * left out matches any.
 */
export function contentManagerNeedsRead(app: StrapiApp): void {
  const link = app.router.menu.find((l) => l.to === 'content-manager');
  if (link) link.permissions = [{ action: 'plugin::content-manager.explorer.read' }];
}
