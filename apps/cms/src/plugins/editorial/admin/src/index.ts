import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID } from './pluginId';
import { Initializer } from './components/Initializer';
import { AccountsIcon, PluginIcon, ReportsIcon } from './components/PluginIcon';
import { EditorialPanel } from './components/EditorialPanel';
import { addStageColumn, addStageFilter } from './components/StageColumn';
import { hideStockBulkUnpublish, hideStockPublishing } from './components/StockActions';
import { mountSiteStatusBanner } from './components/SiteStatusBanner';
import { readOnlyWhereRefused } from './components/ReadOnlyForm';
import { hideSystemInfo } from './components/SystemInfo';
import { contentManagerNeedsRead } from './components/MenuPermissions';
import { EnumerationField, labelEnumerationColumns, labelEnumerationFilters } from './components/EnumerationField';
import { guideStockSignIn } from './components/SignInGuide';

let registered: StrapiApp | undefined;

const plugin = {
  register(app: StrapiApp) {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: PluginIcon,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'Việc chờ xử lý' },
      Component: () => import('./pages/QueuePage'),
      permissions: [],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/reports`,
      icon: ReportsIcon,
      intlLabel: { id: `${PLUGIN_ID}.reports.name`, defaultMessage: 'Báo cáo' },
      Component: () => import('./pages/ReportsPage'),
      // Shown to the roles that hold the plugin's "read reports" action; the server checks each route.
      permissions: [{ action: 'plugin::editorial.reports.read', subject: null }],
    });
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}/accounts`,
      icon: AccountsIcon,
      intlLabel: { id: `${PLUGIN_ID}.accounts.name`, defaultMessage: 'Tài khoản đăng nhập' },
      Component: () => import('./pages/AccountsPage'),
      // The Super Admin's: in this portal only that role may edit admin users (the board's roles hold no
      // admin:: action, packages/workflow access.ts); the server checks the role itself on each route.
      permissions: [{ action: 'admin::users.update', subject: null }],
    });
    app.registerPlugin({ id: PLUGIN_ID, initializer: Initializer, isReady: false, name: PLUGIN_ID });
    // The form is read-only where the workflow lets this user not edit the document.
    app.addRBACMiddleware(readOnlyWhereRefused);
    hideSystemInfo(app);
    // Every plugin has registered its menu links before any bootstrap (which is given no router).
    registered = app;
    // Strapi's own login form, refused for the roles that need the second step: a link to our page.
    guideStockSignIn();
    // Enumerations: Vietnamese labels in the edit view (Strapi shows the raw codes).
    app.addFields({ type: 'enumeration', Component: EnumerationField } as Parameters<StrapiApp['addFields']>[0]);
  },

  bootstrap(app: StrapiApp) {
    const apis = app.getPlugin('content-manager').apis as any;
    apis.addEditViewSidePanel([EditorialPanel]);
    apis.addDocumentAction(hideStockPublishing);
    apis.addBulkAction(hideStockBulkUnpublish);
    if (registered) contentManagerNeedsRead(registered);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', addStageColumn);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', addStageFilter);
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelEnumerationColumns);
    app.registerHook('Admin/CM/pages/ListView/inject-in-filters', labelEnumerationFilters);
    mountSiteStatusBanner();
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return locales.map((locale) => ({
      locale,
      data:
        locale === 'vi' || locale === 'en'
          ? {
              [`${PLUGIN_ID}.plugin.name`]: 'Việc chờ xử lý',
              [`${PLUGIN_ID}.reports.name`]: 'Báo cáo',
              [`${PLUGIN_ID}.accounts.name`]: 'Tài khoản đăng nhập',
            }
          : {},
    }));
  },
};

export default plugin;
