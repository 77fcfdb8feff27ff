import editorial from './editorial';

export default { editorial };
