import { errors } from '@strapi/utils';
import { BOARD_READERS } from '../roles-access';
import { type RequestState, roleCodes } from '../seams';

/**
 * Editorial routes other than the reports: only members of the editorial board (and Super Admin).
 * Deny by default: finance (royalty statements only) and any other role get 403.
 */
const isBoardMember = (ctx: { state: RequestState }) => {
  const codes = roleCodes(ctx.state.user);
  if (codes.some((c) => BOARD_READERS.includes(c))) return true;
  // A PolicyError carries its message to the caller (a plain false answers "Policy Failed").
  throw new errors.PolicyError('Chỉ thành viên Ban Biên tập được dùng chức năng này.');
};

export default { 'is-board-member': isBoardMember };
