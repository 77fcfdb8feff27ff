import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    locales: ['vi'],
    translations: {
      vi: {
        'Auth.form.welcome.title': 'Cổng thông tin điện tử',
        'Auth.form.welcome.subtitle': 'Đăng nhập trang quản trị',
      },
    },
    tutorials: false,
    notifications: { releases: false },
  },
  bootstrap(_app: StrapiApp) {},
};
