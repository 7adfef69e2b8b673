// What other workspaces may use of the gateway (the system test); main.ts starts it, this does not.
export { buildGateway, type Gateway } from './app';
export { gatewayEnv, type GatewayEnv } from './config';
