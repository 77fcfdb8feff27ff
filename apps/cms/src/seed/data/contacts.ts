import type { SeedData } from '../types';

// Danh bạ mẫu: họ tên, số điện thoại và thư điện tử đều là giả định (demo).

export const contacts: SeedData['contacts'] = [
  // Huyện ủy
  { fullName: 'Nguyễn Hoàng Phong', position: 'Bí thư Huyện ủy, Chủ tịch HĐND huyện', unit: 'huyen-uy', officePhone: '0291 3880 002', mobile: '0900 000 001', email: 'nhphong@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Trần Thị Mỹ Hạnh', position: 'Phó Bí thư Thường trực Huyện ủy', unit: 'huyen-uy', officePhone: '0291 3880 003', mobile: '0900 000 002', email: 'ttmhanh@hoabinh.baclieu.gov.vn', order: 2 },
  { fullName: 'Trần Văn Nhựt', position: 'Chánh Văn phòng Huyện ủy', unit: 'huyen-uy', officePhone: '0291 3880 005', mobile: '0900 000 003', email: 'tvnhut@hoabinh.baclieu.gov.vn', order: 3 },
  // HĐND huyện
  { fullName: 'Võ Thanh Tùng', position: 'Phó Chủ tịch HĐND huyện', unit: 'hdnd', officePhone: '0291 3880 103', mobile: '0900 000 004', email: 'vttung@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Lương Thị Hồng Cúc', position: 'Trưởng Ban Kinh tế – Xã hội HĐND huyện', unit: 'hdnd', officePhone: '0291 3880 104', mobile: '0900 000 005', email: 'lthcuc@hoabinh.baclieu.gov.vn', order: 2 },
  { fullName: 'Kiều Văn Thắng', position: 'Trưởng Ban Pháp chế HĐND huyện', unit: 'hdnd', officePhone: '0291 3880 105', mobile: '0900 000 006', email: 'kvthang@hoabinh.baclieu.gov.vn', order: 3 },
  // UBND huyện
  { fullName: 'Lâm Quốc Bảo', position: 'Phó Bí thư Huyện ủy, Chủ tịch UBND huyện', unit: 'ubnd', officePhone: '0291 3880 101', mobile: '0900 000 007', email: 'lqbao@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Huỳnh Văn Lợi', position: 'Phó Chủ tịch UBND huyện (phụ trách kinh tế, nông nghiệp, tài nguyên)', unit: 'ubnd', officePhone: '0291 3880 106', mobile: '0900 000 008', email: 'hvloi@hoabinh.baclieu.gov.vn', order: 2 },
  { fullName: 'Đặng Thị Ngọc Diễm', position: 'Phó Chủ tịch UBND huyện (phụ trách văn hóa – xã hội), Trưởng Ban Biên tập Cổng thông tin điện tử', unit: 'ubnd', officePhone: '0291 3880 107', mobile: '0900 000 009', email: 'dtndiem@hoabinh.baclieu.gov.vn', order: 3 },
  // Văn phòng và các phòng chuyên môn
  { fullName: 'Phan Minh Trí', position: 'Chánh Văn phòng HĐND và UBND huyện, Người phát ngôn của UBND huyện', unit: 'vp', officePhone: '0291 3880 111', mobile: '0900 000 010', email: 'pmtri@hoabinh.baclieu.gov.vn', order: 1, spokesperson: true },
  { fullName: 'Lê Thị Thùy Dương', position: 'Phó Chánh Văn phòng HĐND và UBND huyện, phụ trách Bộ phận Một cửa', unit: 'mot-cua', officePhone: '0291 3880 118', mobile: '0900 000 011', email: 'lttduong@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Nguyễn Thị Kim Loan', position: 'Trưởng phòng Nội vụ', unit: 'noi-vu', officePhone: '0291 3880 122', mobile: '0900 000 012', email: 'ntkloan@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Trương Văn Hiếu', position: 'Trưởng phòng Tài chính – Kế hoạch', unit: 'tc-kh', officePhone: '0291 3880 132', mobile: '0900 000 013', email: 'tvhieu@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Lý Thanh Hà', position: 'Trưởng phòng Tư pháp', unit: 'tu-phap', officePhone: '0291 3880 142', mobile: '0900 000 014', email: 'ltha@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Tô Văn Nghĩa', position: 'Trưởng phòng Nông nghiệp và Phát triển nông thôn', unit: 'nn-ptnt', officePhone: '0291 3880 152', mobile: '0900 000 015', email: 'tvnghia@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Châu Minh Đức', position: 'Trưởng phòng Kinh tế và Hạ tầng', unit: 'kt-ht', officePhone: '0291 3880 162', mobile: '0900 000 016', email: 'cmduc@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Quách Văn Khởi', position: 'Trưởng phòng Tài nguyên và Môi trường', unit: 'tn-mt', officePhone: '0291 3880 172', mobile: '0900 000 017', email: 'qvkhoi@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Dương Thị Thu Trang', position: 'Trưởng phòng Văn hóa và Thông tin, Phó Trưởng Ban Biên tập Cổng thông tin điện tử', unit: 'vh-tt', officePhone: '0291 3880 182', mobile: '0900 000 018', email: 'dtttrang@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Mai Văn Sang', position: 'Trưởng phòng Giáo dục và Đào tạo', unit: 'gd-dt', officePhone: '0291 3880 192', mobile: '0900 000 019', email: 'mvsang@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Hồ Thị Bích Ngân', position: 'Trưởng phòng Y tế', unit: 'y-te', officePhone: '0291 3880 212', mobile: '0900 000 020', email: 'htbngan@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Thạch Văn Sơn', position: 'Trưởng phòng Lao động – Thương binh và Xã hội', unit: 'ldtbxh', officePhone: '0291 3880 222', mobile: '0900 000 021', email: 'tvson@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Trịnh Quang Vinh', position: 'Chánh Thanh tra huyện', unit: 'thanh-tra', officePhone: '0291 3880 232', mobile: '0900 000 022', email: 'tqvinh@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Ngô Hoài Nam', position: 'Giám đốc Trung tâm Văn hóa, Thể thao và Truyền thông huyện', unit: 'ttvhttt', officePhone: '0291 3880 242', mobile: '0900 000 023', email: 'nhnam@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'BSCKII Võ Hữu Phước', position: 'Giám đốc Trung tâm Y tế huyện', unit: 'ttyt', officePhone: '0291 3880 252', mobile: '0900 000 024', email: 'vhphuoc@hoabinh.baclieu.gov.vn', order: 1 },
  // Lực lượng vũ trang
  { fullName: 'Thượng tá Đinh Công Hậu', position: 'Trưởng Công an huyện', unit: 'cong-an', officePhone: '0291 3880 114', mobile: '0900 000 025', email: 'dchau@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Thượng tá Lưu Văn Kiệt', position: 'Chỉ huy trưởng Ban Chỉ huy Quân sự huyện', unit: 'bchqs', officePhone: '0291 3880 262', mobile: '0900 000 026', email: 'lvkiet@hoabinh.baclieu.gov.vn', order: 1 },
  // Mặt trận và đoàn thể
  { fullName: 'Tăng Văn Thuận', position: 'Chủ tịch Ủy ban MTTQ Việt Nam huyện', unit: 'mttq', officePhone: '0291 3880 272', mobile: '0900 000 027', email: 'tvthuan@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'La Thị Hồng Nhung', position: 'Chủ tịch Hội Liên hiệp Phụ nữ huyện', unit: 'hlhpn', officePhone: '0291 3880 281', mobile: '0900 000 028', email: 'lthnhung@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Nguyễn Trọng Nhân', position: 'Bí thư Huyện đoàn', unit: 'huyen-doan', officePhone: '0291 3880 282', mobile: '0900 000 029', email: 'ntnhan@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Danh Văn Út', position: 'Chủ tịch Hội Nông dân huyện', unit: 'hoi-nong-dan', officePhone: '0291 3880 283', mobile: '0900 000 030', email: 'dvut@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Phạm Văn Mười', position: 'Chủ tịch Hội Cựu chiến binh huyện', unit: 'hoi-ccb', officePhone: '0291 3880 284', mobile: '0900 000 031', email: 'pvmuoi@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Cao Thị Xuân', position: 'Chủ tịch Liên đoàn Lao động huyện', unit: 'ldld', officePhone: '0291 3880 285', mobile: '0900 000 032', email: 'ctxuan@hoabinh.baclieu.gov.vn', order: 1 },
  // Xã, thị trấn
  { fullName: 'Hứa Minh Tâm', position: 'Chủ tịch UBND thị trấn Hòa Bình', unit: 'tt-hoa-binh', officePhone: '0291 3880 302', mobile: '0900 000 033', email: 'hmtam@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Nguyễn Văn Tư', position: 'Chủ tịch UBND xã Vĩnh Mỹ A', unit: 'xa-vinh-my-a', officePhone: '0291 3880 312', mobile: '0900 000 034', email: 'nvtu@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Trần Thanh Liêm', position: 'Chủ tịch UBND xã Vĩnh Mỹ B', unit: 'xa-vinh-my-b', officePhone: '0291 3880 322', mobile: '0900 000 035', email: 'ttliem@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Lý Văn Cường', position: 'Chủ tịch UBND xã Vĩnh Hậu', unit: 'xa-vinh-hau', officePhone: '0291 3880 332', mobile: '0900 000 036', email: 'lvcuong@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Bùi Thị Cẩm Tú', position: 'Chủ tịch UBND xã Vĩnh Hậu A', unit: 'xa-vinh-hau-a', officePhone: '0291 3880 342', mobile: '0900 000 037', email: 'btctu@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Hà Văn Dũng', position: 'Chủ tịch UBND xã Vĩnh Thịnh', unit: 'xa-vinh-thinh', officePhone: '0291 3880 352', mobile: '0900 000 038', email: 'hvdung@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Sơn Thị Kim Hoa', position: 'Chủ tịch UBND xã Minh Diệu', unit: 'xa-minh-dieu', officePhone: '0291 3880 362', mobile: '0900 000 039', email: 'stkhoa@hoabinh.baclieu.gov.vn', order: 1 },
  { fullName: 'Đoàn Văn Tài', position: 'Chủ tịch UBND xã Vĩnh Bình', unit: 'xa-vinh-binh', officePhone: '0291 3880 372', mobile: '0900 000 040', email: 'dvtai@hoabinh.baclieu.gov.vn', order: 1 },
];
