export { createApp, API_PREFIX, type Api, type AppOptions } from './app';
export { serve, type Running, type ServeOptions } from './serve';
export { defineRoute, RouteRegistry, type RouteSpec } from './route';
export { openApiDocument } from './openapi';
export { errorHandler, notFoundHandler, sendProblem } from './error-handler';
export * from './problem';
export * from './schemas';
