// What other workspaces may use of enrollment (the system test); main.ts starts it, this does not.
export { enrollment, enrollmentService, type EnrollmentOptions } from './app';
export { enrollmentEnv, type EnrollmentEnv } from './config';
