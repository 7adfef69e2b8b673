// What other workspaces may use of intake (the system test); main.ts starts it, this does not.
export { intake } from './app';
export { intakeEnv, type IntakeEnv } from './config';
