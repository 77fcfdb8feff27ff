import type { SeedData } from '../types';

// Dữ liệu mẫu (demo): tên người, số điện thoại, địa chỉ thư điện tử đều là giả định.

export const settings: SeedData['settings'] = {
  portalName: 'Cổng thông tin điện tử huyện Hòa Bình',
  agencyName: 'Ủy ban nhân dân huyện Hòa Bình',
  adminLevel: 'district',
  address: 'Quốc lộ 1A, khóm 1, thị trấn Hòa Bình, huyện Hòa Bình, tỉnh Bạc Liêu',
  phone: '0291 3880 100',
  fax: '0291 3880 199',
  email: 'ubnd@hoabinh.baclieu.gov.vn',
  editorInCharge: 'Bà Đặng Thị Ngọc Diễm – Phó Chủ tịch UBND huyện, Trưởng Ban Biên tập',
  licence:
    'Giấy phép thiết lập trang thông tin điện tử tổng hợp số 12/GP-STTTT do Sở Thông tin và Truyền thông tỉnh Bạc Liêu cấp ngày 15/3/2023 (số giấy phép mang tính minh họa).',
  domain: 'hoabinh.baclieu.gov.vn',
  description:
    'Cổng thông tin điện tử của Ủy ban nhân dân huyện Hòa Bình, tỉnh Bạc Liêu: tin tức hoạt động của huyện, văn bản chỉ đạo điều hành, thủ tục hành chính, lịch công tác, hỏi đáp và thông tin công khai theo quy định.',
  footerNote:
    'Nội dung trên cổng là DỮ LIỆU MẪU (demo) phục vụ trình diễn phần mềm nguồn mở: họ tên, số điện thoại, thư điện tử, số liệu và văn bản cấp huyện, cấp xã đều là giả định, không có giá trị pháp lý.',
};

export const fields: SeedData['fields'] = [
  { key: 'politics', name: 'Chính trị – Xã hội', order: 1, description: 'Hoạt động của lãnh đạo huyện, Huyện ủy, HĐND, UBND, Mặt trận và các đoàn thể.' },
  { key: 'economy', name: 'Kinh tế', order: 2, description: 'Công nghiệp, thương mại, dịch vụ, đầu tư, hạ tầng giao thông, năng lượng tái tạo.' },
  { key: 'agriculture', name: 'Nông nghiệp – Thủy sản', order: 3, description: 'Nuôi tôm, mô hình lúa – tôm, sản xuất muối, khuyến nông, xây dựng nông thôn mới.' },
  { key: 'culture', name: 'Văn hóa – Xã hội', order: 4, description: 'Văn hóa, thể thao, du lịch, lao động, việc làm, an sinh xã hội.' },
  { key: 'education', name: 'Giáo dục', order: 5, description: 'Giáo dục mầm non, phổ thông, giáo dục thường xuyên, khuyến học.' },
  { key: 'health', name: 'Y tế', order: 6, description: 'Khám chữa bệnh, y tế dự phòng, bảo hiểm y tế, an toàn thực phẩm.' },
  { key: 'defense', name: 'Quốc phòng – An ninh', order: 7, description: 'Quân sự địa phương, tuyển quân, trật tự an toàn xã hội, phòng chống thiên tai.' },
  { key: 'admin_reform', name: 'Cải cách hành chính', order: 8, description: 'Cải cách thủ tục hành chính, Bộ phận Một cửa, kỷ luật, kỷ cương hành chính.' },
  { key: 'environment', name: 'Tài nguyên – Môi trường', order: 9, description: 'Đất đai, quy hoạch, môi trường, biến đổi khí hậu, bảo vệ rừng phòng hộ ven biển.' },
  { key: 'digital', name: 'Chuyển đổi số', order: 10, description: 'Chính quyền số, kinh tế số, xã hội số, dịch vụ công trực tuyến.' },
];

const TT = 'thị trấn Hòa Bình, huyện Hòa Bình, tỉnh Bạc Liêu';

export const units: SeedData['units'] = [
  {
    key: 'huyen-uy',
    name: 'Huyện ủy Hòa Bình',
    shortName: 'Huyện ủy',
    kind: 'party',
    order: 1,
    address: `Khóm 1, ${TT}`,
    phone: '0291 3880 001',
    email: 'huyenuy@hoabinh.baclieu.gov.vn',
    description: 'Cơ quan lãnh đạo của Đảng bộ huyện giữa hai kỳ đại hội.',
  },
  {
    key: 'hdnd',
    name: 'Hội đồng nhân dân huyện Hòa Bình',
    shortName: 'HĐND huyện',
    kind: 'council',
    order: 2,
    address: `Quốc lộ 1A, khóm 1, ${TT}`,
    phone: '0291 3880 102',
    email: 'hdnd@hoabinh.baclieu.gov.vn',
    description: 'Cơ quan quyền lực nhà nước ở địa phương, đại diện cho ý chí, nguyện vọng và quyền làm chủ của Nhân dân huyện.',
  },
  {
    key: 'ubnd',
    name: 'Ủy ban nhân dân huyện Hòa Bình',
    shortName: 'UBND huyện',
    kind: 'committee',
    order: 3,
    address: `Quốc lộ 1A, khóm 1, ${TT}`,
    phone: '0291 3880 100',
    email: 'ubnd@hoabinh.baclieu.gov.vn',
    description: 'Cơ quan chấp hành của HĐND huyện, cơ quan hành chính nhà nước ở địa phương.',
  },
  { key: 'vp', name: 'Văn phòng HĐND và UBND huyện', shortName: 'Văn phòng', kind: 'department', parent: 'ubnd', order: 1, address: `Quốc lộ 1A, khóm 1, ${TT}`, phone: '0291 3880 110', email: 'vanphong@hoabinh.baclieu.gov.vn', description: 'Tham mưu, tổng hợp, giúp việc cho HĐND, UBND huyện; quản lý Bộ phận Một cửa và Cổng thông tin điện tử huyện.' },
  { key: 'mot-cua', name: 'Bộ phận Một cửa huyện Hòa Bình', shortName: 'Bộ phận Một cửa', kind: 'other', parent: 'vp', order: 1, address: `Trung tâm hành chính huyện, Quốc lộ 1A, khóm 1, ${TT}`, phone: '0291 3880 118', email: 'motcua@hoabinh.baclieu.gov.vn', description: 'Tiếp nhận hồ sơ, trả kết quả giải quyết thủ tục hành chính thuộc thẩm quyền của UBND huyện từ thứ Hai đến sáng thứ Bảy.' },
  { key: 'noi-vu', name: 'Phòng Nội vụ', kind: 'department', parent: 'ubnd', order: 2, address: `Khóm 1, ${TT}`, phone: '0291 3880 121', email: 'pnv@hoabinh.baclieu.gov.vn', description: 'Tổ chức bộ máy, công chức, viên chức, cải cách hành chính, thi đua – khen thưởng, tôn giáo.' },
  { key: 'tc-kh', name: 'Phòng Tài chính – Kế hoạch', kind: 'department', parent: 'ubnd', order: 3, address: `Khóm 1, ${TT}`, phone: '0291 3880 131', email: 'ptckh@hoabinh.baclieu.gov.vn', description: 'Ngân sách, tài sản công, kế hoạch và đầu tư, đăng ký hộ kinh doanh, hợp tác xã.' },
  { key: 'tu-phap', name: 'Phòng Tư pháp', kind: 'department', parent: 'ubnd', order: 4, address: `Khóm 1, ${TT}`, phone: '0291 3880 141', email: 'ptp@hoabinh.baclieu.gov.vn', description: 'Hộ tịch, chứng thực, phổ biến giáo dục pháp luật, hòa giải ở cơ sở, kiểm soát thủ tục hành chính.' },
  { key: 'nn-ptnt', name: 'Phòng Nông nghiệp và Phát triển nông thôn', shortName: 'Phòng NN&PTNT', kind: 'department', parent: 'ubnd', order: 5, address: `Khóm 2, ${TT}`, phone: '0291 3880 151', email: 'pnn@hoabinh.baclieu.gov.vn', description: 'Nông nghiệp, thủy sản, diêm nghiệp, thủy lợi, phòng chống thiên tai, Văn phòng Điều phối nông thôn mới.' },
  { key: 'kt-ht', name: 'Phòng Kinh tế và Hạ tầng', kind: 'department', parent: 'ubnd', order: 6, address: `Khóm 2, ${TT}`, phone: '0291 3880 161', email: 'pktht@hoabinh.baclieu.gov.vn', description: 'Công thương, xây dựng, giao thông, khoa học và công nghệ; cấp phép xây dựng.' },
  { key: 'tn-mt', name: 'Phòng Tài nguyên và Môi trường', kind: 'department', parent: 'ubnd', order: 7, address: `Khóm 2, ${TT}`, phone: '0291 3880 171', email: 'ptnmt@hoabinh.baclieu.gov.vn', description: 'Đất đai, tài nguyên nước, khoáng sản, môi trường, biến đổi khí hậu.' },
  { key: 'vh-tt', name: 'Phòng Văn hóa và Thông tin', kind: 'department', parent: 'ubnd', order: 8, address: `Khóm 1, ${TT}`, phone: '0291 3880 181', email: 'pvhtt@hoabinh.baclieu.gov.vn', description: 'Văn hóa, gia đình, thể dục thể thao, du lịch, thông tin và truyền thông, chuyển đổi số.' },
  { key: 'gd-dt', name: 'Phòng Giáo dục và Đào tạo', kind: 'department', parent: 'ubnd', order: 9, address: `Khóm 3, ${TT}`, phone: '0291 3880 191', email: 'pgd@hoabinh.baclieu.gov.vn', description: 'Quản lý giáo dục mầm non, tiểu học, trung học cơ sở trên địa bàn huyện.' },
  { key: 'y-te', name: 'Phòng Y tế', kind: 'department', parent: 'ubnd', order: 10, address: `Khóm 1, ${TT}`, phone: '0291 3880 211', email: 'pyt@hoabinh.baclieu.gov.vn', description: 'Y tế, dược, mỹ phẩm, an toàn thực phẩm, dân số.' },
  { key: 'ldtbxh', name: 'Phòng Lao động – Thương binh và Xã hội', shortName: 'Phòng LĐ-TB&XH', kind: 'department', parent: 'ubnd', order: 11, address: `Khóm 1, ${TT}`, phone: '0291 3880 221', email: 'pldtbxh@hoabinh.baclieu.gov.vn', description: 'Lao động, việc làm, người có công, bảo trợ xã hội, giảm nghèo, trẻ em.' },
  { key: 'thanh-tra', name: 'Thanh tra huyện', kind: 'department', parent: 'ubnd', order: 12, address: `Khóm 1, ${TT}`, phone: '0291 3880 231', email: 'thanhtra@hoabinh.baclieu.gov.vn', description: 'Thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo, phòng chống tham nhũng.' },
  { key: 'ttvhttt', name: 'Trung tâm Văn hóa, Thể thao và Truyền thông huyện', kind: 'other', parent: 'ubnd', order: 13, address: `Khóm 1, ${TT}`, phone: '0291 3880 241', email: 'ttvhtt@hoabinh.baclieu.gov.vn', description: 'Đơn vị sự nghiệp: phong trào văn hóa, thể thao, đài truyền thanh huyện, biên tập tin bài cho Cổng thông tin điện tử.' },
  { key: 'ttyt', name: 'Trung tâm Y tế huyện Hòa Bình', kind: 'other', parent: 'ubnd', order: 14, address: `Quốc lộ 1A, khóm 3, ${TT}`, phone: '0291 3880 251', email: 'ttyt@hoabinh.baclieu.gov.vn', description: 'Khám chữa bệnh, y tế dự phòng, quản lý các trạm y tế xã, thị trấn.' },
  { key: 'cong-an', name: 'Công an huyện Hòa Bình', kind: 'other', order: 4, address: `Quốc lộ 1A, khóm 2, ${TT}`, phone: '0291 3880 113', email: 'congan@hoabinh.baclieu.gov.vn', description: 'Bảo đảm an ninh chính trị, trật tự an toàn xã hội trên địa bàn huyện.' },
  { key: 'bchqs', name: 'Ban Chỉ huy Quân sự huyện Hòa Bình', kind: 'other', order: 5, address: `Khóm 4, ${TT}`, phone: '0291 3880 261', email: 'bchqs@hoabinh.baclieu.gov.vn', description: 'Tham mưu công tác quốc phòng, quân sự địa phương, tuyển quân, dân quân tự vệ.' },
  { key: 'mttq', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam huyện Hòa Bình', shortName: 'Ủy ban MTTQ huyện', kind: 'front', order: 6, address: `Khóm 1, ${TT}`, phone: '0291 3880 271', email: 'mttq@hoabinh.baclieu.gov.vn', description: 'Tổ chức liên minh chính trị, liên hiệp tự nguyện của các tổ chức, cá nhân tiêu biểu; giám sát, phản biện xã hội.' },
  { key: 'hlhpn', name: 'Hội Liên hiệp Phụ nữ huyện Hòa Bình', shortName: 'Hội LHPN huyện', kind: 'mass_org', order: 7, address: `Khóm 1, ${TT}`, phone: '0291 3880 281', email: 'hoiphunu@hoabinh.baclieu.gov.vn' },
  { key: 'huyen-doan', name: 'Huyện đoàn Hòa Bình', shortName: 'Huyện đoàn', kind: 'mass_org', order: 8, address: `Khóm 1, ${TT}`, phone: '0291 3880 282', email: 'huyendoan@hoabinh.baclieu.gov.vn' },
  { key: 'hoi-nong-dan', name: 'Hội Nông dân huyện Hòa Bình', shortName: 'Hội Nông dân huyện', kind: 'mass_org', order: 9, address: `Khóm 1, ${TT}`, phone: '0291 3880 283', email: 'hoinongdan@hoabinh.baclieu.gov.vn' },
  { key: 'hoi-ccb', name: 'Hội Cựu chiến binh huyện Hòa Bình', shortName: 'Hội CCB huyện', kind: 'mass_org', order: 10, address: `Khóm 1, ${TT}`, phone: '0291 3880 284', email: 'hoiccb@hoabinh.baclieu.gov.vn' },
  { key: 'ldld', name: 'Liên đoàn Lao động huyện Hòa Bình', shortName: 'LĐLĐ huyện', kind: 'mass_org', order: 11, address: `Khóm 1, ${TT}`, phone: '0291 3880 285', email: 'ldld@hoabinh.baclieu.gov.vn' },
  { key: 'tt-hoa-binh', name: 'Thị trấn Hòa Bình', kind: 'commune', order: 20, address: `Khóm 1, ${TT}`, phone: '0291 3880 301', email: 'tthoabinh@hoabinh.baclieu.gov.vn', description: 'Trung tâm hành chính, kinh tế của huyện, nằm dọc Quốc lộ 1A; gồm 7 khóm, ấp.' },
  { key: 'xa-vinh-my-a', name: 'Xã Vĩnh Mỹ A', kind: 'commune', order: 21, address: 'Ấp 13, xã Vĩnh Mỹ A, huyện Hòa Bình, tỉnh Bạc Liêu', phone: '0291 3880 311', email: 'vinhmya@hoabinh.baclieu.gov.vn', description: 'Xã ven biển, thế mạnh nuôi tôm quảng canh cải tiến, có tuyến đê biển Đông đi qua.' },
  { key: 'xa-vinh-my-b', name: 'Xã Vĩnh Mỹ B', kind: 'commune', order: 22, address: 'Ấp Vĩnh Mẫu, xã Vĩnh Mỹ B, huyện Hòa Bình, tỉnh Bạc Liêu', phone: '0291 3880 321', email: 'vinhmyb@hoabinh.baclieu.gov.vn', description: 'Xã nông nghiệp phía bắc Quốc lộ 1A, sản xuất lúa và mô hình lúa – tôm.' },
  { key: 'xa-vinh-hau', name: 'Xã Vĩnh Hậu', kind: 'commune', order: 23, address: 'Ấp 12, xã Vĩnh Hậu, huyện Hòa Bình, tỉnh Bạc Liêu', phone: '0291 3880 331', email: 'vinhhau@hoabinh.baclieu.gov.vn', description: 'Xã ven biển, nuôi tôm siêu thâm canh, có dự án điện gió và rừng phòng hộ ven biển.' },
  { key: 'xa-vinh-hau-a', name: 'Xã Vĩnh Hậu A', kind: 'commune', order: 24, address: 'Ấp 14, xã Vĩnh Hậu A, huyện Hòa Bình, tỉnh Bạc Liêu', phone: '0291 3880 341', email: 'vinhhaua@hoabinh.baclieu.gov.vn', description: 'Xã ven biển, phát triển nuôi tôm công nghệ cao và sản xuất muối.' },
  { key: 'xa-vinh-thinh', name: 'Xã Vĩnh Thịnh', kind: 'commune', order: 25, address: 'Ấp Vĩnh Lạc, xã Vĩnh Thịnh, huyện Hòa Bình, tỉnh Bạc Liêu', phone: '0291 3880 351', email: 'vinhthinh@hoabinh.baclieu.gov.vn', description: 'Xã ven biển giáp thị xã Giá Rai, có nghề làm muối truyền thống và đánh bắt gần bờ.' },
  { key: 'xa-minh-dieu', name: 'Xã Minh Diệu', kind: 'commune', order: 26, address: 'Ấp Thống Nhất, xã Minh Diệu, huyện Hòa Bình, tỉnh Bạc Liêu', phone: '0291 3880 361', email: 'minhdieu@hoabinh.baclieu.gov.vn', description: 'Xã nông nghiệp, vùng lúa chất lượng cao và nuôi trồng thủy sản nước lợ.' },
  { key: 'xa-vinh-binh', name: 'Xã Vĩnh Bình', kind: 'commune', order: 27, address: 'Ấp Vĩnh Thạnh, xã Vĩnh Bình, huyện Hòa Bình, tỉnh Bạc Liêu', phone: '0291 3880 371', email: 'vinhbinh@hoabinh.baclieu.gov.vn', description: 'Xã nông nghiệp phía bắc huyện, có đông đồng bào dân tộc Khmer sinh sống.' },
];

export const boards: SeedData['boards'] = [
  { key: 'hdnd', name: 'Thường trực HĐND huyện', order: 1, description: 'Lịch công tác tuần của Chủ tịch, Phó Chủ tịch HĐND huyện và các Ban của HĐND huyện.' },
  { key: 'ubnd', name: 'Lãnh đạo UBND huyện', order: 2, description: 'Lịch công tác tuần của Chủ tịch và các Phó Chủ tịch UBND huyện.' },
];
