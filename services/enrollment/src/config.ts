import { serviceEnv } from '@hearth/config';

export const enrollmentEnv = serviceEnv.extend({ PORT: serviceEnv.shape.PORT.default(3003) });
