import { serviceEnv } from '@hearth/config';

export const intakeEnv = serviceEnv.extend({ PORT: serviceEnv.shape.PORT.default(3002) });
