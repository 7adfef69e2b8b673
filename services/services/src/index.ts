// What other workspaces may use of services (the system test); main.ts starts it, this does not.
export { services } from './app';
export { servicesEnv, type ServicesEnv } from './config';
