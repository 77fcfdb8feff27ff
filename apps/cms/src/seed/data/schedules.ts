import type { SeedData } from '../types';

// Lịch công tác tuần mẫu. weekOffset 0 = tuần hiện tại; ngày 0 = thứ Hai.

const CT_HDND = 'Ông Nguyễn Hoàng Phong – Chủ tịch HĐND huyện';
const PCT_HDND = 'Ông Võ Thanh Tùng – Phó Chủ tịch HĐND huyện';
const CT_UB = 'Ông Lâm Quốc Bảo – Chủ tịch UBND huyện';
const PCT_KT = 'Ông Huỳnh Văn Lợi – Phó Chủ tịch UBND huyện';
const PCT_VX = 'Bà Đặng Thị Ngọc Diễm – Phó Chủ tịch UBND huyện';
const HT_UB = 'Hội trường UBND huyện';
const PH_UB = 'Phòng họp số 1, UBND huyện';
const PH_HD = 'Phòng họp Thường trực HĐND huyện';
const VP = 'Văn phòng HĐND và UBND huyện';

export const schedules: SeedData['schedules'] = [
  // ---------- Thường trực HĐND huyện ----------
  {
    board: 'hdnd',
    weekOffset: 0,
    note: 'Lịch có thể thay đổi; các thay đổi được đánh dấu và cập nhật trên Cổng.',
    entries: [
      { day: 0, startTime: '07:30', endTime: '09:00', content: 'Họp Thường trực HĐND huyện cho ý kiến dự kiến nội dung, chương trình kỳ họp thường lệ cuối năm HĐND huyện', chair: CT_HDND, participants: 'Thường trực HĐND huyện; Trưởng, Phó các Ban HĐND huyện; Chánh Văn phòng HĐND và UBND huyện', location: PH_HD, preparingUnit: VP },
      { day: 0, startTime: '14:00', content: 'Ban Kinh tế – Xã hội thẩm tra báo cáo tình hình kinh tế – xã hội năm và dự toán ngân sách năm sau', chair: 'Bà Lương Thị Hồng Cúc – Trưởng Ban Kinh tế – Xã hội', participants: 'Thành viên Ban; đại diện Phòng Tài chính – Kế hoạch, Chi cục Thuế khu vực', location: PH_HD, preparingUnit: 'Ban Kinh tế – Xã hội HĐND huyện' },
      { day: 1, startTime: '07:30', content: 'Giám sát việc giải quyết kiến nghị cử tri về sửa chữa đường giao thông nông thôn tại xã Vĩnh Mỹ B', chair: PCT_HDND, participants: 'Đoàn giám sát theo Quyết định của Thường trực HĐND huyện', location: 'UBND xã Vĩnh Mỹ B', preparingUnit: 'UBND xã Vĩnh Mỹ B' },
      { day: 2, startTime: '08:00', content: 'Ban Pháp chế thẩm tra báo cáo công tác phòng, chống tham nhũng, giải quyết khiếu nại, tố cáo năm', chair: 'Ông Kiều Văn Thắng – Trưởng Ban Pháp chế', participants: 'Thành viên Ban; Thanh tra huyện, Công an huyện, Tòa án nhân dân huyện, Viện Kiểm sát nhân dân huyện', location: PH_HD, preparingUnit: 'Ban Pháp chế HĐND huyện', amended: true, note: 'Lùi từ chiều thứ Ba sang sáng thứ Tư.' },
      { day: 3, startTime: '07:30', content: 'Dự Hội nghị Ban Chấp hành Đảng bộ huyện (mở rộng) lần thứ 12', chair: CT_HDND, participants: 'Thường trực HĐND huyện', location: 'Hội trường Huyện ủy', preparingUnit: 'Văn phòng Huyện ủy' },
      { day: 4, startTime: '08:00', content: 'Tiếp công dân định kỳ của Thường trực HĐND huyện', chair: PCT_HDND, location: 'Trụ sở Tiếp công dân huyện', preparingUnit: 'Thanh tra huyện' },
      { day: 4, startTime: '14:00', content: 'Làm việc với Ủy ban MTTQ Việt Nam huyện về tổng hợp ý kiến, kiến nghị cử tri trước kỳ họp', chair: CT_HDND, participants: 'Thường trực HĐND huyện; Ban Thường trực Ủy ban MTTQ huyện', location: PH_HD, preparingUnit: VP },
    ],
  },
  {
    board: 'hdnd',
    weekOffset: -1,
    entries: [
      { day: 0, startTime: '07:30', content: 'Giao ban Thường trực HĐND huyện với Thường trực HĐND các xã, thị trấn', chair: CT_HDND, participants: 'Thường trực HĐND huyện; Chủ tịch, Phó Chủ tịch HĐND 8 xã, thị trấn', location: HT_UB, preparingUnit: VP },
      { day: 1, startTime: '07:30', content: 'Dự Ngày hội Đại đoàn kết toàn dân tộc tại ấp 12, xã Vĩnh Hậu', chair: CT_HDND, location: 'Nhà văn hóa ấp 12, xã Vĩnh Hậu', preparingUnit: 'Ủy ban MTTQ Việt Nam huyện' },
      { day: 2, startTime: '14:00', content: 'Khảo sát tình hình triển khai các công trình trường học sử dụng vốn đầu tư công', chair: PCT_HDND, participants: 'Ban Kinh tế – Xã hội HĐND huyện; Phòng Giáo dục và Đào tạo', location: 'Trường Tiểu học Vĩnh Thịnh B', preparingUnit: 'Phòng Giáo dục và Đào tạo' },
      { day: 3, startTime: '08:00', content: 'Họp mặt kỷ niệm Ngày Nhà giáo Việt Nam, tuyên dương nhà giáo tiêu biểu', chair: CT_HDND, location: HT_UB, preparingUnit: 'Phòng Giáo dục và Đào tạo' },
      { day: 4, startTime: '07:30', content: 'Làm việc tại cơ quan, xử lý văn bản', chair: PCT_HDND, location: PH_HD },
    ],
  },
  {
    board: 'hdnd',
    weekOffset: -2,
    entries: [
      { day: 0, startTime: '07:30', content: 'Chào cờ đầu tuần; họp giao ban Thường trực HĐND huyện', chair: CT_HDND, location: PH_HD, preparingUnit: VP },
      { day: 1, startTime: '07:30', content: 'Giám sát chuyên đề việc thực hiện chính sách trợ giúp xã hội tại xã Vĩnh Bình và xã Minh Diệu', chair: PCT_HDND, participants: 'Đoàn giám sát; Phòng Lao động – Thương binh và Xã hội', location: 'UBND xã Vĩnh Bình', preparingUnit: 'Ban Kinh tế – Xã hội HĐND huyện' },
      { day: 2, startTime: '07:30', content: 'Tiếp tục giám sát chuyên đề tại xã Minh Diệu', chair: PCT_HDND, location: 'UBND xã Minh Diệu', preparingUnit: 'Ban Kinh tế – Xã hội HĐND huyện' },
      { day: 3, startTime: '14:00', content: 'Dự họp Thường trực HĐND tỉnh với Thường trực HĐND các huyện, thị xã, thành phố', chair: CT_HDND, location: 'Thành phố Bạc Liêu', preparingUnit: 'Văn phòng Đoàn ĐBQH và HĐND tỉnh' },
      { day: 5, startTime: '07:30', content: 'Tiếp xúc cử tri của đại biểu HĐND huyện tại thị trấn Hòa Bình', chair: CT_HDND, participants: 'Tổ đại biểu HĐND huyện đơn vị bầu cử số 1', location: 'Hội trường khóm 1, thị trấn Hòa Bình', preparingUnit: 'Ủy ban MTTQ thị trấn Hòa Bình' },
    ],
  },
  {
    board: 'hdnd',
    weekOffset: -3,
    entries: [
      { day: 0, startTime: '08:00', content: 'Họp Thường trực HĐND huyện xây dựng kế hoạch tiếp xúc cử tri trước kỳ họp cuối năm', chair: CT_HDND, location: PH_HD, preparingUnit: VP },
      { day: 1, startTime: '07:30', content: 'Dự lễ ra quân Chiến dịch diệt lăng quăng, phòng chống sốt xuất huyết đợt cuối năm', chair: PCT_HDND, location: 'Xã Minh Diệu', preparingUnit: 'Trung tâm Y tế huyện' },
      { day: 2, startTime: '14:00', content: 'Làm việc với Tòa án nhân dân và Viện Kiểm sát nhân dân huyện về báo cáo công tác năm', chair: 'Ông Kiều Văn Thắng – Trưởng Ban Pháp chế', location: PH_HD, preparingUnit: 'Ban Pháp chế HĐND huyện' },
      { day: 3, startTime: '07:30', content: 'Dự Hội nghị sơ kết mô hình lúa – tôm vụ 2025–2026', chair: CT_HDND, location: 'Xã Vĩnh Bình', preparingUnit: 'Phòng Nông nghiệp và PTNT', amended: true, note: 'Bổ sung lịch.' },
      { day: 4, startTime: '08:00', content: 'Tiếp công dân định kỳ', chair: CT_HDND, location: 'Trụ sở Tiếp công dân huyện', preparingUnit: 'Thanh tra huyện' },
    ],
  },
  {
    board: 'hdnd',
    weekOffset: -4,
    entries: [
      { day: 0, startTime: '07:30', content: 'Giao ban Thường trực HĐND huyện', chair: CT_HDND, location: PH_HD, preparingUnit: VP },
      { day: 1, startTime: '08:00', content: 'Giám sát việc quản lý, sử dụng đất công tại thị trấn Hòa Bình', chair: PCT_HDND, participants: 'Ban Pháp chế; Phòng Tài nguyên và Môi trường', location: 'UBND thị trấn Hòa Bình', preparingUnit: 'Ban Pháp chế HĐND huyện' },
      { day: 2, startTime: '07:30', content: 'Dự Đại hội Hội Nông dân huyện nhiệm kỳ mới', chair: CT_HDND, location: HT_UB, preparingUnit: 'Hội Nông dân huyện' },
      { day: 3, startTime: '14:00', content: 'Làm việc tại cơ quan; rà soát kết quả giải quyết kiến nghị cử tri sau kỳ họp giữa năm', chair: PCT_HDND, location: PH_HD, preparingUnit: VP },
      { day: 4, startTime: '07:30', content: 'Kiểm tra công tác chuẩn bị đón Đoàn thẩm định nông thôn mới nâng cao xã Vĩnh Mỹ B', chair: CT_HDND, location: 'Xã Vĩnh Mỹ B', preparingUnit: 'Văn phòng Điều phối nông thôn mới huyện' },
    ],
  },
  // ---------- Lãnh đạo UBND huyện ----------
  {
    board: 'ubnd',
    weekOffset: 0,
    note: 'Lịch do Văn phòng HĐND và UBND huyện cập nhật chiều thứ Sáu hằng tuần.',
    entries: [
      { day: 0, startTime: '07:30', endTime: '09:30', content: 'Họp giao ban lãnh đạo UBND huyện', chair: CT_UB, participants: 'Các Phó Chủ tịch UBND huyện; Chánh Văn phòng HĐND và UBND huyện', location: PH_UB, preparingUnit: VP },
      { day: 0, startTime: '14:00', content: 'Họp thông qua báo cáo tình hình kinh tế – xã hội năm, dự toán ngân sách năm sau trình kỳ họp HĐND huyện', chair: CT_UB, participants: 'Thành viên UBND huyện; Trưởng các phòng, ban', location: HT_UB, preparingUnit: 'Phòng Tài chính – Kế hoạch' },
      { day: 1, startTime: '07:30', content: 'Kiểm tra tiến độ thi công tuyến đường Vĩnh Hậu – Vĩnh Hậu A', chair: PCT_KT, participants: 'Phòng Kinh tế và Hạ tầng; Ban Quản lý dự án đầu tư xây dựng huyện; nhà thầu thi công', location: 'Xã Vĩnh Hậu', preparingUnit: 'Ban Quản lý dự án đầu tư xây dựng huyện' },
      { day: 1, startTime: '14:00', content: 'Họp Hội đồng Nghĩa vụ quân sự huyện xét duyệt danh sách công dân đủ điều kiện nhập ngũ', chair: CT_UB, participants: 'Thành viên Hội đồng Nghĩa vụ quân sự huyện; Chủ tịch UBND các xã, thị trấn', location: HT_UB, preparingUnit: 'Ban Chỉ huy Quân sự huyện' },
      { day: 2, startTime: '08:00', content: 'Làm việc với Sở Nông nghiệp và Phát triển nông thôn tỉnh về Đề án nuôi tôm ứng dụng công nghệ cao giai đoạn 2027–2030', chair: PCT_KT, participants: 'Phòng Nông nghiệp và PTNT, Phòng Tài nguyên và Môi trường', location: PH_UB, preparingUnit: 'Phòng Nông nghiệp và PTNT', amended: true, note: 'Chuyển từ thứ Năm lên thứ Tư theo đề nghị của Sở.' },
      { day: 3, startTime: '07:30', content: 'Dự Hội nghị Ban Chấp hành Đảng bộ huyện (mở rộng) lần thứ 12', chair: CT_UB, participants: 'Các Phó Chủ tịch UBND huyện', location: 'Hội trường Huyện ủy', preparingUnit: 'Văn phòng Huyện ủy' },
      { day: 4, startTime: '07:30', content: 'Kiểm tra công tác cải cách hành chính, Bộ phận Một cửa tại UBND xã Vĩnh Thịnh và xã Vĩnh Mỹ A', chair: PCT_VX, participants: 'Tổ kiểm tra công vụ huyện; Phòng Nội vụ; Văn phòng HĐND và UBND huyện', location: 'UBND xã Vĩnh Thịnh', preparingUnit: 'Phòng Nội vụ' },
      { day: 5, startTime: '07:00', content: 'Ra quân Ngày Chủ nhật xanh – trồng cây chắn sóng tại tuyến đê biển xã Vĩnh Hậu A', chair: PCT_VX, participants: 'Huyện đoàn, Hội LHPN huyện, đoàn viên thanh niên, lực lượng vũ trang', location: 'Đê biển Đông, ấp 14, xã Vĩnh Hậu A', preparingUnit: 'Huyện đoàn' },
    ],
  },
  {
    board: 'ubnd',
    weekOffset: -1,
    entries: [
      { day: 0, startTime: '07:30', content: 'Họp giao ban lãnh đạo UBND huyện', chair: CT_UB, location: PH_UB, preparingUnit: VP },
      { day: 1, startTime: '07:30', content: 'Dự Ngày hội Đại đoàn kết toàn dân tộc tại khóm 3, thị trấn Hòa Bình', chair: CT_UB, location: 'Khóm 3, thị trấn Hòa Bình', preparingUnit: 'Ủy ban MTTQ thị trấn Hòa Bình' },
      { day: 1, startTime: '14:00', content: 'Họp Ban Chỉ đạo chuyển đổi số huyện đánh giá kết quả năm', chair: PCT_VX, participants: 'Thành viên Ban Chỉ đạo; Tổ công nghệ số cộng đồng các xã, thị trấn (trực tuyến)', location: PH_UB, preparingUnit: 'Phòng Văn hóa và Thông tin' },
      { day: 2, startTime: '08:00', content: 'Thăm, chúc mừng các trường học nhân Ngày Nhà giáo Việt Nam', chair: PCT_VX, participants: 'Phòng Giáo dục và Đào tạo', location: 'Các trường trên địa bàn huyện', preparingUnit: 'Phòng Giáo dục và Đào tạo' },
      { day: 3, startTime: '07:30', content: 'Làm việc với nhà đầu tư Nhà máy điện gió Hòa Bình về công tác bồi thường, giải phóng mặt bằng tuyến đường dây đấu nối', chair: PCT_KT, participants: 'Phòng Tài nguyên và Môi trường; Hội đồng bồi thường, hỗ trợ và tái định cư huyện; UBND xã Vĩnh Mỹ A', location: PH_UB, preparingUnit: 'Phòng Tài nguyên và Môi trường' },
      { day: 4, startTime: '14:00', content: 'Đối thoại với hộ kinh doanh khu vực chợ Hòa Bình về chỉnh trang đô thị', chair: CT_UB, location: 'Hội trường UBND thị trấn Hòa Bình', preparingUnit: 'UBND thị trấn Hòa Bình' },
    ],
  },
  {
    board: 'ubnd',
    weekOffset: -2,
    entries: [
      { day: 0, startTime: '07:30', content: 'Họp giao ban lãnh đạo UBND huyện', chair: CT_UB, location: PH_UB, preparingUnit: VP },
      { day: 0, startTime: '14:00', content: 'Họp trực tuyến với UBND tỉnh về tiến độ giải ngân vốn đầu tư công', chair: PCT_KT, participants: 'Phòng Tài chính – Kế hoạch; Ban Quản lý dự án đầu tư xây dựng huyện', location: 'Điểm cầu UBND huyện', preparingUnit: 'Phòng Tài chính – Kế hoạch' },
      { day: 1, startTime: '08:00', content: 'Kiểm tra tình hình sản xuất muối, tiêu thụ muối tồn kho tại xã Vĩnh Thịnh', chair: PCT_KT, location: 'Xã Vĩnh Thịnh', preparingUnit: 'Phòng Nông nghiệp và PTNT' },
      { day: 2, startTime: '07:30', content: 'Tiếp công dân định kỳ của Chủ tịch UBND huyện', chair: CT_UB, participants: 'Thanh tra huyện; Phòng Tài nguyên và Môi trường; Phòng Tư pháp', location: 'Trụ sở Tiếp công dân huyện', preparingUnit: 'Thanh tra huyện' },
      { day: 3, startTime: '14:00', content: 'Họp Hội đồng thi đua – khen thưởng huyện xét khen thưởng phong trào thi đua yêu nước', chair: CT_UB, location: PH_UB, preparingUnit: 'Phòng Nội vụ' },
      { day: 4, startTime: '07:30', content: 'Dự Liên hoan đờn ca tài tử huyện Hòa Bình năm 2026', chair: PCT_VX, location: 'Quảng trường huyện', preparingUnit: 'Trung tâm Văn hóa, Thể thao và Truyền thông', amended: true, note: 'Đổi giờ từ 19:00 sang 07:30 do dự báo mưa buổi tối.' },
    ],
  },
  {
    board: 'ubnd',
    weekOffset: -3,
    entries: [
      { day: 0, startTime: '07:30', content: 'Họp giao ban lãnh đạo UBND huyện', chair: CT_UB, location: PH_UB, preparingUnit: VP },
      { day: 1, startTime: '07:30', content: 'Kiểm tra công tác phòng, chống triều cường, sạt lở tuyến đê biển Đông đoạn qua xã Vĩnh Thịnh', chair: CT_UB, participants: 'Ban Chỉ huy phòng, chống thiên tai và TKCN huyện; Ban Chỉ huy Quân sự huyện', location: 'Xã Vĩnh Thịnh', preparingUnit: 'Phòng Nông nghiệp và PTNT' },
      { day: 2, startTime: '14:00', content: 'Họp Ban Chỉ đạo giảm nghèo bền vững huyện', chair: PCT_VX, location: PH_UB, preparingUnit: 'Phòng Lao động – Thương binh và Xã hội' },
      { day: 3, startTime: '08:00', content: 'Làm việc với Đoàn kiểm tra của Sở Y tế về công tác an toàn thực phẩm', chair: PCT_VX, participants: 'Phòng Y tế; Trung tâm Y tế huyện', location: PH_UB, preparingUnit: 'Phòng Y tế' },
      { day: 4, startTime: '07:30', content: 'Họp UBND huyện thường kỳ tháng', chair: CT_UB, participants: 'Thành viên UBND huyện; Chủ tịch UBND các xã, thị trấn', location: HT_UB, preparingUnit: VP },
      { day: 5, startTime: '07:30', content: 'Trực lãnh đạo UBND huyện', chair: PCT_KT, location: 'Trụ sở UBND huyện' },
    ],
  },
  {
    board: 'ubnd',
    weekOffset: -4,
    entries: [
      { day: 0, startTime: '07:30', content: 'Họp giao ban lãnh đạo UBND huyện', chair: CT_UB, location: PH_UB, preparingUnit: VP },
      { day: 1, startTime: '08:00', content: 'Hội nghị tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho Tổ công nghệ số cộng đồng', chair: PCT_VX, location: HT_UB, preparingUnit: 'Phòng Văn hóa và Thông tin' },
      { day: 2, startTime: '07:30', content: 'Kiểm tra mô hình nuôi tôm siêu thâm canh ứng dụng công nghệ cao tại xã Vĩnh Hậu A', chair: PCT_KT, participants: 'Phòng Nông nghiệp và PTNT; Hội Nông dân huyện', location: 'Xã Vĩnh Hậu A', preparingUnit: 'Phòng Nông nghiệp và PTNT' },
      { day: 3, startTime: '14:00', content: 'Họp Ban Chỉ đạo xây dựng nông thôn mới huyện', chair: CT_UB, location: HT_UB, preparingUnit: 'Văn phòng Điều phối nông thôn mới huyện' },
      { day: 4, startTime: '07:30', content: 'Dự khai mạc Giải bóng chuyền nam, nữ mở rộng huyện Hòa Bình', chair: PCT_VX, location: 'Nhà thi đấu huyện', preparingUnit: 'Trung tâm Văn hóa, Thể thao và Truyền thông' },
    ],
  },
];
