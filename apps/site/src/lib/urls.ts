/** URLs of every page type (Vietnamese slugs, trailing slash). */
export const SECTIONS = {
  news: '/tin-tuc/',
  documents: '/van-ban/',
  contacts: '/danh-ba/',
  schedules: '/lich-cong-tac/',
  procedures: '/thu-tuc/',
  questions: '/hoi-dap/',
  ask: '/hoi-dap/dat-cau-hoi/',
  thanks: '/hoi-dap/cam-on/',
  questionStatus: '/hoi-dap/tra-cuu/',
  pages: '/gioi-thieu/',
  links: '/lien-ket/',
  search: '/tim-kiem/',
  openData: '/du-lieu-mo/',
  disclosure: '/cong-khai/',
} as const;

const seg = (s: string) => encodeURIComponent(s);

export const articleUrl = (slug: string) => `/tin-tuc/bai/${seg(slug)}/`;
export const newsFieldUrl = (fieldSlug: string) => `/tin-tuc/${seg(fieldSlug)}/`;
export const newsFieldRssUrl = (fieldSlug: string) => `/tin-tuc/${seg(fieldSlug)}/rss.xml`;
export const documentUrl = (slug: string) => `/van-ban/${seg(slug)}/`;
export const boardUrl = (boardSlug: string) => `/lich-cong-tac/${seg(boardSlug)}/`;
export const weekUrl = (boardSlug: string, week: string) => `/lich-cong-tac/${seg(boardSlug)}/${week}/`;
export const icsUrl = (boardSlug: string) => `/lich-cong-tac/${seg(boardSlug)}.ics`;
export const procedureUrl = (slug: string) => `/thu-tuc/${seg(slug)}/`;
export const questionUrl = (slug: string) => `/hoi-dap/${seg(slug)}/`;
export const pageUrl = (slug: string) => `/gioi-thieu/${seg(slug)}/`;

export const SITE_URL = (process.env.SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');
export const absoluteUrl = (path: string) => new URL(path, SITE_URL + '/').href;
