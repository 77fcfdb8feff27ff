import { publicService } from '../../../lib/public-service';

export default publicService('api::document.document');
