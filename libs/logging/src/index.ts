export { createLogger, type Logger } from './logger';
export {
  currentRequestId,
  runWithRequestId,
  requestIdFromHeader,
  REQUEST_ID_HEADER,
} from './context';
export { httpLogger } from './http-logger';
