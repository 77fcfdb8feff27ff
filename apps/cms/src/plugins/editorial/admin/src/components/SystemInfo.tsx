import * as React from 'react';
import { Box, Typography } from '@strapi/design-system';
import { Page, useAuth, type StrapiApp } from '@strapi/strapi/admin';
import type { RouteObject } from 'react-router-dom';

/** The one role that runs the system; the board and finance never need Strapi's own information. */
const TECHNICAL_ROLE = 'strapi-super-admin';
/** Strapi's guided tour state (GuidedTour/Context: `enabled: false` is its own "skip all tours"). */
const TOUR_STORAGE_KEY = 'STRAPI_GUIDED_TOUR';

// Strapi's own Overview page, loaded only for the system administrator (set by wrapOverview).
let loadOriginal: () => Promise<React.ComponentType> = async () => () => null;
const OriginalOverview = React.lazy(async () => ({ default: await loadOriginal() }));

function Overview() {
  const technical = useAuth('Overview', (s) => s.user?.roles?.some((r) => r.code === TECHNICAL_ROLE) ?? false);
  if (technical)
    return (
      <React.Suspense fallback={<Page.Loading />}>
        <OriginalOverview />
      </React.Suspense>
    );
  return (
    <Page.Main>
      <Page.Title>Cài đặt</Page.Title>
      <Box padding={8}>
        <Typography variant="alpha" tag="h1">
          Cài đặt
        </Typography>
        <Box paddingTop={4}>
          <Typography>Thông tin hệ thống (phiên bản phần mềm, gói dịch vụ) chỉ dành cho Quản trị hệ thống.</Typography>
        </Box>
      </Box>
    </Page.Main>
  );
}

const wrapOverview = (routes: RouteObject[]): RouteObject[] =>
  routes.map((route): RouteObject => {
    if (route.path === 'application-infos' && route.lazy && !route.index) {
      const original = route.lazy;
      loadOriginal = async () => (await original()).Component ?? (() => null);
      return { path: route.path, Component: Overview };
    }
    return route.children && !route.index ? { ...route, children: wrapOverview(route.children) } : route;
  });

/**
 * Strapi's version, Node's, the plan ("Community") and the pricing link live on Settings → Overview, which
 * every admin user reaches; for everyone but the system administrator it says only that they are not
 * theirs (the server leaves the versions out of /admin/information too: server/src/system-info.ts). The
 * guided tour is Strapi's onboarding for developers: switched off for every user.
 */
export function hideSystemInfo(app: StrapiApp): void {
  app.router.addRoute(wrapOverview);
  let tour: Record<string, unknown> = {};
  try {
    tour = JSON.parse(window.localStorage.getItem(TOUR_STORAGE_KEY) ?? '{}') ?? {};
  } catch {
    tour = {};
  }
  window.localStorage.setItem(TOUR_STORAGE_KEY, JSON.stringify({ ...tour, enabled: false, hidden: true }));
}
