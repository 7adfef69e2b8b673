// HUD's element sets are shared with intake's master assessment step: one definition, in a lib.
export * from '@hearth/hmis-elements';
