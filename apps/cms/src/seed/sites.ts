import type { Core } from '@strapi/strapi';

// The demo's sites (issue 28): a province portal and two communes. The names are FICTIONAL (no such
// province exists); the former district of Hòa Bình's demo content is kept as the archive of its
// predecessor under the commune of Hòa Bình, with the banner "Thông tin của huyện Hòa Bình trước ngày 01/7/2025".
export interface SeedSite {
  key: string;
  name: string;
  slug: string;
  level: 'province' | 'commune' | 'department';
  parent?: string;
  primary?: boolean;
  domain: string;
  portalName: string;
  agencyName: string;
  address?: string;
  phone?: string;
  email?: string;
  predecessorName?: string;
  predecessorUntil?: string;
  smallBoard?: boolean;
  /** The site that holds the rest of the demo content (units, articles, documents…). */
  holdsDemoContent?: boolean;
}

export const DEMO_SITES: readonly SeedSite[] = [
  {
    key: 'province',
    name: 'Tỉnh Phú Lâm (giả định)',
    slug: 'phu-lam',
    level: 'province',
    domain: 'phulam.gov.vn',
    portalName: 'Cổng thông tin điện tử tỉnh Phú Lâm',
    agencyName: 'Ủy ban nhân dân tỉnh Phú Lâm',
    address: 'Số 1 đường Trung tâm, phường Phú Lâm, tỉnh Phú Lâm',
    email: 'ubnd@phulam.gov.vn',
  },
  {
    key: 'hoa-binh',
    name: 'Xã Hòa Bình (giả định)',
    slug: 'hoa-binh',
    level: 'commune',
    parent: 'province',
    // Primary: the site today's single build shows and where public questions land, until builds are per site.
    primary: true,
    domain: 'hoabinh.phulam.gov.vn',
    portalName: 'Trang thông tin điện tử xã Hòa Bình',
    agencyName: 'Ủy ban nhân dân xã Hòa Bình',
    email: 'ubnd@hoabinh.phulam.gov.vn',
    predecessorName: 'huyện Hòa Bình',
    predecessorUntil: '2025-07-01',
    holdsDemoContent: true,
  },
  {
    key: 'tan-phong',
    name: 'Xã Tân Phong (giả định)',
    slug: 'tan-phong',
    level: 'commune',
    parent: 'province',
    domain: 'tanphong.phulam.gov.vn',
    portalName: 'Trang thông tin điện tử xã Tân Phong',
    agencyName: 'Ủy ban nhân dân xã Tân Phong',
    email: 'ubnd@tanphong.phulam.gov.vn',
    // One to three people: one person may hold several roles, the province's editor-in-chief approves on its behalf.
    smallBoard: true,
  },
];

/**
 * Demo only, on a database without demo content: the primary site (made at start) becomes the commune
 * of Hòa Bình, and the province and the other commune are added. Returns the id of the site that holds
 * the demo content.
 */
export async function seedSites(strapi: Core.Strapi, sites: readonly SeedSite[] = DEMO_SITES): Promise<number> {
  const primary = (await strapi.plugin('editorial').service('sites').primary()) as { id: number; documentId: string };
  const ids = new Map<string, number>();
  let holder = primary.id;
  for (const s of sites) {
    const { key, parent, holdsDemoContent, ...data } = s;
    // A relation is named only when set (as the unit and page seeds do): the top site has none.
    const withParent = { ...data, ...(parent ? { parent: ids.get(parent) } : {}) };
    const row = s.primary
      ? await strapi.documents('api::site.site').update({ documentId: primary.documentId, data: withParent as never })
      : await strapi.documents('api::site.site').create({ data: withParent as never });
    if (!row) throw new Error(`seed: site ${key} was not saved`);
    ids.set(key, row.id as number);
    if (holdsDemoContent) holder = row.id as number;
  }
  return holder;
}
