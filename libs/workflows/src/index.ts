import { join } from 'node:path';
import type { MigrationSource } from '@hearth/db';

/** The workflow_drafts table; a service offering workflows migrates it beside its own tables. */
export const workflowMigrations: MigrationSource = {
  scope: 'workflows',
  dir: join(__dirname, '..', 'migrations'),
};

export { workflowRoutes } from './routes';
export type { FinishWorkflow } from './registry';
export { defineWorkflowType, typeRegistry, validateStep, type WorkflowType } from './registry';
export * from './transitions';
export type { WorkflowView, WorkflowSummary } from './store';
