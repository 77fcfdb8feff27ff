// Admin passwords: Strapi's own rule (8+ characters, upper, lower, digit) lets "Password1" and
// "Abc@123456" through. A strength estimator (zxcvbn-ts, with its common-password list) plus a local
// list of what Vietnamese users pick refuses the guessable ones.
import { fold } from '@cong-ttdt/vn-text';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** Common Vietnamese passwords and the words they are made of (compared folded, lower case). */
export const VIETNAMESE_COMMON = [
  'matkhau',
  'matkhau123',
  'matkhaumoi',
  '123456a@',
  '123456a',
  'a123456',
  '123456aa',
  'aa123456',
  'aa@123456',
  'abc@123',
  'abc@1234',
  'abcd@1234',
  'abc123',
  'admin@123',
  'admin123',
  'password1',
  'p@ssw0rd',
  'anhyeuem',
  'emyeuanh',
  'yeuem',
  'yeuanh',
  'iloveyou',
  'vietnam',
  'vietnam@123',
  'hanoi',
  'saigon',
  'hochiminh',
  'ubnd',
  'ubnd@123',
  'hdnd',
  'congthongtin',
  'cong thong tin',
  'quantri',
  'quantri@123',
  'bientap',
  'truongban',
  'bacLieu',
  'hoabinh',
];

/** Family and given names that, with a birth year, make many passwords ("Nguyen1990", "ThanhHuong@85"). */
export const VIETNAMESE_NAMES = [
  'nguyen',
  'tran',
  'le',
  'pham',
  'hoang',
  'huynh',
  'phan',
  'vu',
  'vo',
  'dang',
  'bui',
  'do',
  'ho',
  'ngo',
  'duong',
  'ly',
  'dinh',
  'truong',
  'trinh',
  'mai',
  'cao',
  'lam',
  'luong',
  'ta',
  'ha',
  'anh',
  'linh',
  'huong',
  'lan',
  'hoa',
  'hung',
  'dung',
  'tuan',
  'nam',
  'minh',
  'long',
  'hai',
  'thu',
  'trang',
  'ngoc',
  'phuong',
  'thao',
  'hien',
  'quang',
  'thanh',
  'duc',
  'son',
  'khanh',
  'huy',
  'hieu',
  'dat',
  'trung',
  'vy',
  'nhung',
  'yen',
  'giang',
  'tam',
  'phuc',
  'loan',
  'hang',
  'hanh',
  'tien',
  'binh',
  'cuong',
  'thang',
  'viet',
  'quan',
  'kien',
  'tu',
  'tung',
  'an',
  'bao',
  'chau',
  'my',
  'nhi',
  'nga',
  'thuy',
  'van',
  'thi',
  'quynh',
  'oanh',
  'diep',
  'hau',
  'hoai',
  'kim',
  'lien',
  'ly',
  'nhan',
  'phong',
  'quoc',
  'tai',
  'thien',
  'toan',
];

const key = (s: string) => fold(s);
/** Without marks (đ → d), case kept. */
const plain = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const commonSet = new Set(VIETNAMESE_COMMON.map(key));

const zxcvbn = new ZxcvbnFactory({
  graphs: common.adjacencyGraphs,
  dictionary: {
    ...common.dictionary,
    vietnamese: [...VIETNAMESE_COMMON.map(key), ...VIETNAMESE_NAMES],
  },
});

/** Lowest zxcvbn score accepted (0–4; 3: "safely unguessable" against online and slow offline attacks). */
export const MIN_SCORE = 3;

export const WEAK_PASSWORD_MESSAGE =
  'Mật khẩu quá dễ đoán (mật khẩu phổ biến, tên kèm năm sinh, chuỗi bàn phím hoặc lặp lại). ' +
  'Hãy dùng một cụm từ dài, ít nhất 12 ký tự, không chứa tên hay e-mail của mình.';

const names = new Set(VIETNAMESE_NAMES);
/** "thanhhuong" → true: the letters are one to three names from the list, nothing else. */
function onlyNames(letters: string, parts = 0): boolean {
  if (!letters) return parts > 0;
  if (parts === 3) return false;
  for (let i = Math.min(letters.length, 6); i >= 2; i--)
    if (names.has(letters.slice(0, i)) && onlyNames(letters.slice(i), parts + 1)) return true;
  return false;
}

/** A name (or two or three) with a year or a few digits and symbols: "ThanhHuong1990!", "lan@85". */
function nameAndYear(folded: string): boolean {
  const letters = folded.replace(/[^a-z]/g, '');
  const rest = folded.replace(/[a-z]/g, '');
  return rest.length <= 8 && onlyNames(letters);
}

/** null when the password is acceptable, otherwise the Vietnamese reason. */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  const k = key(password);
  if (commonSet.has(k) || commonSet.has(k.replace(/[^a-z0-9@]/g, '')) || nameAndYear(k)) return WEAK_PASSWORD_MESSAGE;
  const inputs = userInputs
    .filter((s) => typeof s === 'string' && s.trim())
    .flatMap((s) => [key(s), ...key(s).split(/[^a-z0-9]+/)])
    .filter((s) => s.length >= 2);
  // Checked on at most 100 characters: the estimator's cost grows with the length.
  // Without marks so "Nguyễn1990" meets the name list; the case is kept, it adds strength.
  const result = zxcvbn.check(plain(password).slice(0, 100), inputs);
  return result.score < MIN_SCORE ? WEAK_PASSWORD_MESSAGE : null;
}
