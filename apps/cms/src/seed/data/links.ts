import type { SeedData } from '../types';

export const links: SeedData['links'] = [
  // Dịch vụ trực tuyến
  {
    title: 'Cổng Dịch vụ công quốc gia',
    url: 'https://dichvucong.gov.vn',
    group: 'online_service',
    order: 1,
    description: 'Nộp hồ sơ, tra cứu, thanh toán trực tuyến thủ tục hành chính bằng tài khoản định danh điện tử.',
  },
  {
    title: 'Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bạc Liêu',
    url: 'https://dichvucong.baclieu.gov.vn',
    group: 'online_service',
    order: 2,
    description: 'Tra cứu thủ tục, theo dõi tình trạng hồ sơ đã nộp tại các cấp trong tỉnh.',
  },
  {
    title: 'Một cửa điện tử huyện Hòa Bình',
    url: 'https://motcua.hoabinh.baclieu.gov.vn',
    group: 'online_service',
    order: 3,
    description: 'Phần mềm một cửa điện tử dùng cho cán bộ, công chức tiếp nhận và xử lý hồ sơ (địa chỉ minh họa).',
  },
  {
    title: 'Cơ sở dữ liệu quốc gia về hộ kinh doanh',
    url: 'https://hokinhdoanh.dkkd.gov.vn',
    group: 'online_service',
    order: 4,
    description: 'Đăng ký và tra cứu thông tin hộ kinh doanh.',
  },
  {
    title: 'Thư điện tử công vụ',
    url: 'https://mail.hoabinh.baclieu.gov.vn',
    group: 'online_service',
    order: 5,
    description: 'Hộp thư công vụ của cán bộ, công chức huyện Hòa Bình (địa chỉ minh họa).',
  },
  {
    title: 'Hệ thống quản lý văn bản và điều hành',
    url: 'https://qlvb.hoabinh.baclieu.gov.vn',
    group: 'online_service',
    order: 6,
    description: 'Gửi, nhận văn bản điện tử có ký số giữa các cơ quan (địa chỉ minh họa).',
  },
  // Liên kết website
  { title: 'Cổng thông tin điện tử Chính phủ', url: 'https://chinhphu.vn', group: 'web', order: 1 },
  { title: 'Hệ thống văn bản chỉ đạo điều hành của Chính phủ', url: 'https://vanban.chinhphu.vn', group: 'web', order: 2 },
  { title: 'Cơ sở dữ liệu quốc gia về văn bản pháp luật', url: 'https://vbpl.vn', group: 'web', order: 3 },
  { title: 'Cổng thông tin điện tử tỉnh Bạc Liêu', url: 'https://baclieu.gov.vn', group: 'web', order: 4 },
  { title: 'Báo Bạc Liêu', url: 'https://baobaclieu.vn', group: 'web', order: 5 },
  { title: 'Cổng thông tin điện tử Bộ Tư pháp', url: 'https://moj.gov.vn', group: 'web', order: 6 },
  { title: 'Hệ thống mạng đấu thầu quốc gia', url: 'https://muasamcong.mpi.gov.vn', group: 'web', order: 7 },
];
