import type { SeedData } from '../types';
import { settings, fields, units, boards } from './settings-fields-units';
import { contacts } from './contacts';
import { documents } from './documents';
import { procedures } from './procedures';
import { questions } from './questions';
import { pages } from './pages';
import { links } from './links';
import { articles1 } from './articles-1';
import { articles2 } from './articles-2';
import { articles3 } from './articles-3';
import { articles4 } from './articles-4';
import { schedules } from './schedules';

// Dữ liệu mẫu (demo) cho Cổng thông tin điện tử huyện Hòa Bình, tỉnh Bạc Liêu.
const data: SeedData = {
  settings,
  fields,
  units,
  boards,
  contacts,
  documents,
  procedures,
  questions,
  pages,
  links,
  articles: [...articles1, ...articles2, ...articles3, ...articles4],
  schedules,
};

export default data;
