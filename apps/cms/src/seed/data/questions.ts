import type { SeedData } from '../types';

// Hỏi đáp mẫu. Người hỏi, số điện thoại, thư điện tử, địa chỉ đều giả định (trường riêng tư,
// không bao giờ công khai).

export const questions: SeedData['questions'] = [
  {
    title: 'Làm giấy khai sinh cho con khi cha mẹ chưa đăng ký kết hôn',
    question:
      'Vợ chồng tôi sống chung nhưng chưa đăng ký kết hôn, nay sinh cháu được 1 tháng. Xin hỏi làm giấy khai sinh cho cháu có ghi tên cha được không và cần giấy tờ gì?',
    askerName: 'Nguyễn Thị Bé Ba',
    askerPhone: '0900 111 001',
    askerEmail: 'bebademo@example.com',
    askerAddress: 'Ấp 13, xã Vĩnh Mỹ A, huyện Hòa Bình',
    field: 'admin_reform',
    answer:
      'Chào chị,\n\nTrường hợp cha, mẹ chưa đăng ký kết hôn, chị có thể thực hiện thủ tục **đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con** tại UBND xã Vĩnh Mỹ A. Khi đó, tên người cha sẽ được ghi vào Giấy khai sinh.\n\n**Hồ sơ gồm:**\n\n- Tờ khai đăng ký khai sinh và tờ khai đăng ký nhận cha, mẹ, con;\n- Giấy chứng sinh của cháu;\n- Chứng cứ chứng minh quan hệ cha – con (văn bản giám định ADN hoặc giấy tờ khác theo quy định; nếu không có thì hai bên lập văn bản cam đoan và có ít nhất hai người làm chứng).\n\nKhi đăng ký, **người cha phải có mặt**. Chị cũng có thể nộp trực tuyến trên Cổng Dịch vụ công quốc gia. Thời hạn đăng ký khai sinh là 60 ngày kể từ ngày sinh, chị lưu ý thực hiện đúng hạn để được miễn lệ phí.',
    answeringUnit: 'tu-phap',
    askedAt: '2026-10-02T09:15:00+07:00',
    answeredAt: '2026-10-06T14:30:00+07:00',
  },
  {
    title: 'Xây nhà ở nông thôn có cần xin giấy phép xây dựng không?',
    question:
      'Gia đình tôi ở ấp Vĩnh Lạc, xã Vĩnh Thịnh, muốn xây nhà một trệt một lầu trên đất ở của mình. Xin hỏi có phải xin giấy phép xây dựng không?',
    askerName: 'Trần Văn Hậu',
    askerPhone: '0900 111 002',
    askerAddress: 'Ấp Vĩnh Lạc, xã Vĩnh Thịnh, huyện Hòa Bình',
    field: 'economy',
    answer:
      'Chào ông,\n\nTheo Luật Xây dựng (đã được sửa đổi, bổ sung năm 2020), nhà ở riêng lẻ **ở nông thôn có quy mô dưới 07 tầng**, không nằm trong khu vực đã có quy hoạch đô thị, quy hoạch chi tiết xây dựng được duyệt, không thuộc khu bảo tồn, khu di tích thì **được miễn giấy phép xây dựng**.\n\nTuy nhiên, ông cần lưu ý:\n\n- Công trình phải nằm trong phần đất ở hợp pháp;\n- Không lấn chiếm hành lang an toàn đường bộ, kênh thủy lợi;\n- Trước khi khởi công, nên thông báo cho UBND xã Vĩnh Thịnh để được hướng dẫn.\n\nNếu nhà ông nằm dọc các tuyến đường đã có quy hoạch chi tiết, đề nghị liên hệ Phòng Kinh tế và Hạ tầng (điện thoại 0291 3880 161) để được kiểm tra cụ thể.',
    answeringUnit: 'kt-ht',
    askedAt: '2026-09-20T20:05:00+07:00',
    answeredAt: '2026-09-25T10:00:00+07:00',
  },
  {
    title: 'Mẹ tôi 80 tuổi có được hưởng trợ cấp hằng tháng?',
    question:
      'Mẹ tôi năm nay 80 tuổi, không có lương hưu hay trợ cấp bảo hiểm xã hội. Xin hỏi mẹ tôi có được nhận trợ cấp xã hội không, nộp hồ sơ ở đâu?',
    askerName: 'Lê Văn Sáu',
    askerPhone: '0900 111 003',
    askerEmail: 'levansau.demo@example.com',
    askerAddress: 'Khóm 2, thị trấn Hòa Bình',
    field: 'culture',
    answer:
      'Chào ông,\n\nNgười cao tuổi từ đủ 80 tuổi trở lên không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng thuộc đối tượng hưởng **trợ cấp xã hội hằng tháng** theo Nghị định số 20/2021/NĐ-CP và các văn bản sửa đổi, bổ sung.\n\nÔng nộp **Tờ khai đề nghị trợ giúp xã hội** tại Bộ phận Một cửa UBND thị trấn Hòa Bình (hoặc nộp trực tuyến). Sau khi Hội đồng xét duyệt cấp xã thông qua và Phòng Lao động – Thương binh và Xã hội thẩm định, Chủ tịch UBND huyện sẽ ký quyết định. Người hưởng trợ cấp hằng tháng còn được cấp thẻ bảo hiểm y tế miễn phí.',
    answeringUnit: 'ldtbxh',
    askedAt: '2026-08-11T08:40:00+07:00',
    answeredAt: '2026-08-14T16:10:00+07:00',
  },
  {
    title: 'Đăng ký hộ kinh doanh trực tuyến như thế nào?',
    question:
      'Tôi muốn mở tiệm tạp hóa nhỏ tại nhà ở xã Minh Diệu. Nghe nói có thể đăng ký hộ kinh doanh qua mạng, xin hướng dẫn cách làm và lệ phí.',
    askerName: 'Phạm Thị Thu Thảo',
    askerPhone: '0900 111 004',
    askerEmail: 'thuthao.demo@example.com',
    askerAddress: 'Ấp Thống Nhất, xã Minh Diệu, huyện Hòa Bình',
    field: 'economy',
    answer:
      'Chào chị,\n\nChị có thể đăng ký hộ kinh doanh **trực tuyến toàn trình** theo các bước:\n\n1. Truy cập Cổng Dịch vụ công quốc gia, đăng nhập bằng tài khoản VNeID mức độ 2;\n2. Tìm thủ tục “Đăng ký thành lập hộ kinh doanh”, chọn cơ quan giải quyết là UBND huyện Hòa Bình;\n3. Điền Giấy đề nghị đăng ký hộ kinh doanh, đính kèm giấy tờ (nếu có), ký xác nhận;\n4. Theo dõi kết quả trên tài khoản; Giấy chứng nhận được cấp trong 03 ngày làm việc.\n\nTrường hợp chỉ kinh doanh tạp hóa nhỏ, thu nhập thấp, chị có thể tham khảo quy định về trường hợp không phải đăng ký hộ kinh doanh. Cần hỗ trợ, chị liên hệ Phòng Tài chính – Kế hoạch, điện thoại 0291 3880 131.',
    answeringUnit: 'tc-kh',
    askedAt: '2026-07-03T10:20:00+07:00',
    answeredAt: '2026-07-07T09:00:00+07:00',
  },
  {
    title: 'Hỗ trợ khi tôm nuôi bị thiệt hại do dịch bệnh',
    question:
      'Ao tôm của gia đình tôi (0,6 ha) bị bệnh đốm trắng, chết trên 70%. Xin hỏi Nhà nước có chính sách hỗ trợ không, thủ tục như thế nào?',
    askerName: 'Danh Sóc Kha',
    askerPhone: '0900 111 005',
    askerAddress: 'Ấp 14, xã Vĩnh Hậu A, huyện Hòa Bình',
    field: 'agriculture',
    answer:
      'Chào anh,\n\nHộ nuôi trồng thủy sản bị thiệt hại **trên 30%** do dịch bệnh được xem xét hỗ trợ theo chính sách hỗ trợ sản xuất nông nghiệp để khôi phục sản xuất vùng bị thiệt hại do thiên tai, dịch bệnh.\n\nAnh cần:\n\n- Báo ngay cho Ban Nhân dân ấp và công chức nông nghiệp xã khi phát hiện tôm chết để được **lập biên bản, lấy mẫu xét nghiệm**;\n- Làm đơn đề nghị hỗ trợ gửi UBND xã Vĩnh Hậu A trong thời gian đang xảy ra dịch;\n- UBND xã tổng hợp, Phòng Nông nghiệp và PTNT thẩm định trình UBND huyện.\n\nMức hỗ trợ cụ thể tùy theo hình thức nuôi và mức độ thiệt hại. Anh lưu ý không xả nước ao bệnh ra kênh chung khi chưa xử lý hóa chất.',
    answeringUnit: 'nn-ptnt',
    askedAt: '2026-05-18T07:50:00+07:00',
    answeredAt: '2026-05-21T15:20:00+07:00',
  },
  {
    title: 'Con tôi chuyển trường từ Cà Mau về học lớp 7',
    question:
      'Gia đình tôi chuyển về sống ở thị trấn Hòa Bình. Con tôi đang học lớp 6 ở Cà Mau, năm học tới lên lớp 7. Thủ tục chuyển trường cần những gì?',
    askerName: 'Võ Minh Khang',
    askerPhone: '0900 111 006',
    askerEmail: 'vmkhang.demo@example.com',
    askerAddress: 'Khóm 3, thị trấn Hòa Bình',
    field: 'education',
    answer:
      'Chào anh,\n\nHồ sơ chuyển trường trung học cơ sở gồm:\n\n- Đơn xin chuyển trường do cha mẹ học sinh ký;\n- Học bạ (bản chính);\n- Giấy xác nhận của trường nơi đi về việc học sinh đủ điều kiện chuyển trường (hoặc thực hiện trên hệ thống cơ sở dữ liệu ngành giáo dục).\n\nAnh liên hệ Trường THCS thị trấn Hòa Bình để được tiếp nhận; trường hợp vượt sĩ số, Phòng Giáo dục và Đào tạo sẽ điều phối sang trường gần nhất. Thời gian chuyển trường thuận lợi nhất là trong dịp hè, trước ngày tựu trường.',
    answeringUnit: 'gd-dt',
    askedAt: '2026-06-25T19:30:00+07:00',
    answeredAt: '2026-06-29T08:45:00+07:00',
  },
  {
    title: 'Thẻ bảo hiểm y tế hộ cận nghèo được hỗ trợ bao nhiêu?',
    question: 'Gia đình tôi thuộc hộ cận nghèo năm 2026. Xin hỏi khi mua bảo hiểm y tế có được Nhà nước hỗ trợ tiền mua thẻ không?',
    askerName: 'Huỳnh Thị Kim Thoa',
    askerPhone: '0900 111 007',
    askerAddress: 'Ấp Vĩnh Thạnh, xã Vĩnh Bình, huyện Hòa Bình',
    field: 'health',
    answer:
      'Chào chị,\n\nNgười thuộc hộ cận nghèo được **ngân sách nhà nước hỗ trợ tối thiểu 70%** mức đóng bảo hiểm y tế; tùy điều kiện ngân sách, tỉnh có thể hỗ trợ thêm phần còn lại. Đề nghị chị liên hệ UBND xã Vĩnh Bình hoặc đại lý thu bảo hiểm y tế tại ấp để được lập danh sách.\n\nKhi khám chữa bệnh đúng tuyến tại Trạm Y tế xã hoặc Trung tâm Y tế huyện, chị được quỹ bảo hiểm y tế thanh toán theo mức hưởng quy định.',
    answeringUnit: 'y-te',
    askedAt: '2026-03-09T14:00:00+07:00',
    answeredAt: '2026-03-12T10:30:00+07:00',
  },
  {
    title: 'Sinh viên năm hai có được tạm hoãn gọi nhập ngũ?',
    question:
      'Con trai tôi đang học năm hai đại học chính quy tại Cần Thơ, vừa nhận lệnh gọi khám sức khỏe nghĩa vụ quân sự. Cháu có được tạm hoãn không?',
    askerName: 'Ngô Văn Bảy',
    askerPhone: '0900 111 008',
    askerAddress: 'Ấp Vĩnh Mẫu, xã Vĩnh Mỹ B, huyện Hòa Bình',
    field: 'defense',
    answer:
      'Chào ông,\n\nTheo Luật Nghĩa vụ quân sự, công dân **đang được đào tạo trình độ đại học hệ chính quy** thuộc cơ sở giáo dục đại học trong thời gian một khóa đào tạo được tạm hoãn gọi nhập ngũ.\n\nCháu vẫn phải chấp hành lệnh gọi khám sức khỏe (nếu có) và nộp **giấy xác nhận đang học** của nhà trường cho Ban Chỉ huy Quân sự xã Vĩnh Mỹ B để Hội đồng Nghĩa vụ quân sự xem xét tạm hoãn. Sau khi tốt nghiệp, cháu có trách nhiệm đăng ký lại tại địa phương.',
    answeringUnit: 'bchqs',
    askedAt: '2025-11-28T09:10:00+07:00',
    answeredAt: '2025-12-02T14:00:00+07:00',
  },
  {
    title: 'Đoạn đê biển ấp Vĩnh Tiến bị sạt lở',
    question:
      'Đoạn đê biển Đông ở khu vực giáp ranh xã Vĩnh Thịnh bị sóng đánh sạt lở khoảng 50 m, người dân rất lo khi triều cường lên. Đề nghị huyện kiểm tra, có biện pháp xử lý.',
    askerName: 'Châu Văn Lộc',
    askerPhone: '0900 111 009',
    askerAddress: 'Ấp Vĩnh Tiến, xã Vĩnh Thịnh, huyện Hòa Bình',
    field: 'defense',
    answer:
      'Chào ông,\n\nNgay sau khi nhận phản ánh, Phòng Nông nghiệp và PTNT đã phối hợp UBND xã Vĩnh Thịnh và đơn vị quản lý đê kiểm tra hiện trường. Đoạn sạt lở dài khoảng 48 m, mái đê phía biển bị bào mòn nhưng **thân đê chưa bị ảnh hưởng**.\n\nUBND huyện đã chỉ đạo:\n\n- Xử lý tạm bằng bao cát, cừ tràm trong tháng 10/2026;\n- Cắm biển cảnh báo, không cho xe tải nặng lưu thông qua đoạn sạt lở;\n- Đề xuất tỉnh bố trí vốn gia cố kè mềm trong kế hoạch năm 2027.\n\nCảm ơn ông đã kịp thời phản ánh.',
    answeringUnit: 'nn-ptnt',
    askedAt: '2026-10-08T06:45:00+07:00',
    answeredAt: '2026-10-15T17:00:00+07:00',
  },
  {
    title: 'Hàng quán karaoke gây ồn sau 22 giờ',
    question:
      'Một số quán karaoke dọc Quốc lộ 1A khu vực khóm 4 thường hát đến khuya, gây ồn ảnh hưởng học sinh học bài và người già. Đề nghị chính quyền xử lý.',
    askerName: 'Tạ Thị Ngọc Hân',
    askerPhone: '0900 111 010',
    askerEmail: 'ngochan.demo@example.com',
    askerAddress: 'Khóm 4, thị trấn Hòa Bình',
    field: 'defense',
    answer:
      'Chào chị,\n\nCông an huyện đã chỉ đạo Công an thị trấn Hòa Bình tăng cường tuần tra, kiểm tra các cơ sở karaoke trên địa bàn khóm 4. Qua kiểm tra, đã **lập biên bản vi phạm hành chính 02 trường hợp** gây tiếng ồn vượt quy chuẩn trong khoảng thời gian từ 22 giờ đến 6 giờ sáng.\n\nKhi phát hiện vi phạm, người dân có thể phản ánh trực tiếp qua số điện thoại trực ban Công an thị trấn hoặc đường dây nóng Công an huyện 0291 3880 113.',
    answeringUnit: 'cong-an',
    askedAt: '2026-04-14T22:30:00+07:00',
    answeredAt: '2026-04-20T09:20:00+07:00',
  },
  {
    title: 'Chứng thực bản sao điện tử từ bản chính',
    question: 'Tôi cần nộp bản sao bằng tốt nghiệp trong hồ sơ trực tuyến. Xin hỏi có thể chứng thực bản sao điện tử ở đâu?',
    askerName: 'Lâm Thị Mỹ Tiên',
    askerPhone: '0900 111 011',
    askerEmail: 'mytien.demo@example.com',
    askerAddress: 'Ấp 12, xã Vĩnh Hậu, huyện Hòa Bình',
    field: 'digital',
    answer:
      'Chào chị,\n\nChị có thể yêu cầu **chứng thực bản sao điện tử từ bản chính** tại Phòng Tư pháp huyện hoặc UBND các xã, thị trấn: nộp yêu cầu trên Cổng Dịch vụ công quốc gia, sau đó mang **bản chính** đến đối chiếu. Cán bộ sẽ quét, ký số bản sao và trả kết quả vào tài khoản của chị.\n\nBản sao điện tử đã chứng thực được lưu trong kho dữ liệu cá nhân, có thể sử dụng lại cho nhiều hồ sơ trực tuyến khác.',
    answeringUnit: 'tu-phap',
    askedAt: '2026-02-05T11:00:00+07:00',
    answeredAt: '2026-02-09T08:30:00+07:00',
  },
  {
    title: 'Bồi thường đất làm đường dây điện gió',
    question:
      'Đất nuôi tôm của gia đình tôi có một phần nằm trong hành lang đường dây 110 kV đấu nối nhà máy điện gió. Xin hỏi phần đất này có được bồi thường không?',
    askerName: 'Trịnh Văn Phúc',
    askerPhone: '0900 111 012',
    askerAddress: 'Ấp 13, xã Vĩnh Mỹ A, huyện Hòa Bình',
    field: 'environment',
    answer:
      'Chào ông,\n\nĐối với đất nằm trong **hành lang bảo vệ an toàn công trình** mà không bị thu hồi, người sử dụng đất được bồi thường thiệt hại do hạn chế khả năng sử dụng đất; đối với vị trí đặt móng trụ thì Nhà nước thu hồi đất và bồi thường theo quy định của Luật Đất đai.\n\nHội đồng bồi thường, hỗ trợ và tái định cư huyện sẽ tổ chức kiểm đếm, công khai phương án tại UBND xã Vĩnh Mỹ A. Ông vui lòng theo dõi thông báo và có ý kiến trong thời gian niêm yết.',
    answeringUnit: 'tn-mt',
    askedAt: '2025-12-12T15:30:00+07:00',
    answeredAt: '2025-12-19T10:00:00+07:00',
  },
  {
    title: 'Tuyến đường ấp Vĩnh Mẫu xuống cấp',
    question: 'Tuyến đường bê tông ấp Vĩnh Mẫu dài khoảng 2 km bị bể nhiều đoạn, mùa mưa xe đi rất nguy hiểm. Khi nào huyện sửa chữa?',
    askerName: 'Đỗ Văn Thành',
    askerPhone: '0900 111 013',
    askerAddress: 'Ấp Vĩnh Mẫu, xã Vĩnh Mỹ B, huyện Hòa Bình',
    field: 'economy',
    answer:
      'Chào ông,\n\nTuyến đường đã được UBND xã Vĩnh Mỹ B đưa vào danh mục **duy tu, sửa chữa năm 2026** từ nguồn vốn sự nghiệp giao thông. Trước mắt, xã đã huy động lực lượng đắp vá các ổ gà lớn. Công trình sửa chữa hoàn chỉnh dự kiến khởi công trong quý I/2027 sau khi kết thúc mùa mưa.',
    answeringUnit: 'kt-ht',
    askedAt: '2026-08-30T17:40:00+07:00',
    answeredAt: '2026-09-08T09:15:00+07:00',
  },
  {
    title: 'Phun thuốc diệt muỗi khi có ca sốt xuất huyết',
    question:
      'Trong xóm tôi có 2 cháu bị sốt xuất huyết phải nhập viện. Xin hỏi ngành y tế có phun thuốc diệt muỗi không, gia đình cần làm gì?',
    askerName: 'Kim Thị Sa Rươne',
    askerPhone: '0900 111 014',
    askerAddress: 'Ấp Thống Nhất, xã Minh Diệu, huyện Hòa Bình',
    field: 'health',
    answer:
      'Chào chị,\n\nTrung tâm Y tế huyện đã nhận thông tin và **phun hóa chất xử lý ổ dịch** tại ấp Thống Nhất trong 2 ngày 16–17/7/2026. Để phòng bệnh hiệu quả, đề nghị gia đình:\n\n- Đậy kín dụng cụ chứa nước, thả cá ăn lăng quăng vào lu, khạp;\n- Thu gom vỏ chai, lốp xe, vật dụng đọng nước quanh nhà;\n- Ngủ màn kể cả ban ngày;\n- Khi có người sốt cao đột ngột, đến ngay trạm y tế, **không tự ý truyền dịch tại nhà**.',
    answeringUnit: 'ttyt',
    askedAt: '2026-07-14T08:00:00+07:00',
    answeredAt: '2026-07-18T16:00:00+07:00',
  },
  {
    title: 'Đăng ký tham gia lớp nghề kỹ thuật nuôi tôm',
    question: 'Tôi 35 tuổi, làm thuê ở vùng nuôi tôm. Xin hỏi huyện có mở lớp học nghề nuôi tôm miễn phí không và đăng ký ở đâu?',
    askerName: 'Sơn Văn Thi',
    askerPhone: '0900 111 015',
    askerAddress: 'Ấp Vĩnh Thạnh, xã Vĩnh Bình, huyện Hòa Bình',
    field: 'culture',
    answer:
      'Chào anh,\n\nNăm 2026, huyện tổ chức các lớp **kỹ thuật nuôi tôm nước lợ** (3 tháng) cho lao động nông thôn, miễn học phí và hỗ trợ tiền ăn, đi lại đối với người thuộc hộ nghèo, cận nghèo, người dân tộc thiểu số. Anh đăng ký tại UBND xã Vĩnh Bình (gặp công chức văn hóa – xã hội) hoặc Phòng Lao động – Thương binh và Xã hội huyện, điện thoại 0291 3880 221.',
    answeringUnit: 'ldtbxh',
    askedAt: '2026-03-21T10:10:00+07:00',
    answeredAt: '2026-03-25T14:45:00+07:00',
  },
  {
    title: 'Xin cấp lại mật khẩu thư điện tử công vụ',
    question: 'Tôi là công chức văn phòng xã, quên mật khẩu hộp thư công vụ @hoabinh.baclieu.gov.vn. Liên hệ ai để được cấp lại?',
    askerName: 'Nguyễn Hữu Trọng',
    askerPhone: '0900 111 016',
    askerEmail: 'nhtrong.demo@example.com',
    askerAddress: 'UBND xã Vĩnh Hậu A, huyện Hòa Bình',
    field: 'digital',
    answer:
      'Chào anh,\n\nAnh gửi yêu cầu qua **Phòng Văn hóa và Thông tin** (bộ phận quản trị hệ thống, điện thoại 0291 3880 181) kèm xác nhận của lãnh đạo UBND xã. Mật khẩu mới sẽ được gửi qua tin nhắn đến số điện thoại đã đăng ký. Sau khi đăng nhập, anh cần đổi mật khẩu và **bật xác thực hai lớp** để bảo đảm an toàn thông tin.',
    answeringUnit: 'vh-tt',
    askedAt: '2026-11-03T08:20:00+07:00',
    answeredAt: '2026-11-04T09:00:00+07:00',
  },
  // Đang xử lý (chưa có câu trả lời)
  {
    title: 'Thời gian làm việc của Bộ phận Một cửa vào thứ Bảy',
    question: 'Bộ phận Một cửa huyện có làm việc sáng thứ Bảy không? Tôi đi làm cả tuần, chỉ có thứ Bảy mới đến nộp hồ sơ được.',
    askerName: 'Lý Thị Hồng Nhiên',
    askerPhone: '0900 111 017',
    askerEmail: 'hongnhien.demo@example.com',
    askerAddress: 'Khóm 1, thị trấn Hòa Bình',
    field: 'admin_reform',
    askedAt: '2026-11-22T21:10:00+07:00',
    stage: 'submitted',
  },
  {
    title: 'Hỗ trợ chuyển đổi từ trồng lúa sang mô hình lúa – tôm',
    question:
      'Ruộng nhà tôi 1,2 ha ở xã Minh Diệu, muốn chuyển sang làm một vụ lúa một vụ tôm. Xin hỏi có được hỗ trợ không và cần xin phép chuyển đổi cơ cấu cây trồng ra sao?',
    askerName: 'Trương Văn Đẹp',
    askerPhone: '0900 111 018',
    askerAddress: 'Ấp Thống Nhất, xã Minh Diệu, huyện Hòa Bình',
    field: 'agriculture',
    askedAt: '2026-11-19T07:35:00+07:00',
    stage: 'assigned',
  },
  {
    title: 'Đề nghị lắp đèn chiếu sáng tuyến đê biển đoạn Vĩnh Hậu A',
    question:
      'Tuyến đê biển đoạn qua ấp 14 xã Vĩnh Hậu A về đêm rất tối, người dân đi lại và vận chuyển tôm gặp khó khăn. Đề nghị huyện xem xét lắp đèn chiếu sáng.',
    askerName: 'Quách Thị Diễm My',
    askerPhone: '0900 111 019',
    askerEmail: 'diemmy.demo@example.com',
    askerAddress: 'Ấp 14, xã Vĩnh Hậu A, huyện Hòa Bình',
    field: 'economy',
    askedAt: '2026-11-24T16:50:00+07:00',
    stage: 'submitted',
  },
];
