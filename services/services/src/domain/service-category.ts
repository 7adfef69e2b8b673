import type { serviceCategories } from '@hearth/events';

/**
 * The category services' events carry of a service's catalog type: a `training` type is the
 * Training, Post-Secondary Education & Employment Skills record a Keys to Progress training payment
 * must name (rent-assistance keeps it from the events).
 */
export const serviceCategoryOf = (type: {
  training: boolean;
}): (typeof serviceCategories)[number] | null => (type.training ? 'training' : null);
