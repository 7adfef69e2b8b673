import type { ConsumerOptions } from '@hearth/bus';
import { directoryConsumer } from '@hearth/directory';
import { familyFactsConsumer } from '@hearth/families';
import { peopleConsumer } from '@hearth/people';
import { sharingFactsConsumer } from '@hearth/sharing';
import type { ReportingDeps } from '../deps';
import { hmisClientsMatchedConsumer } from './hmis-clients-matched';
import {
  hmisEnrollmentsSettledConsumer,
  hmisServicesSettledConsumer,
} from './hmis-enrollments-settled';
import { journaled } from './journal';
import { readModelConsumer } from './read-model';
import { rentAssistanceConsumer } from './rent-assistance';
import { suspectedDuplicatesConsumer } from './suspected-duplicates';
import { workforceConsumer } from './workforce';

/**
 * What this service consumes, every one journaled so the read model can be rebuilt by replay:
 * intake's sharing facts (who may see each participant, newest version wins), identity's
 * organizations and users, intake's families (relationship to the head), intake's links of records
 * as one person (reports count the person once), the HMIS read model, enrollment's workforce
 * outcomes (the contract report), rent-assistance's payments and outcomes (its report) and
 * intake's suspected duplicate pairs (the data-quality report).
 */
export const readModelConsumers = (): ConsumerOptions[] =>
  [
    sharingFactsConsumer('reporting.sharing-facts'),
    directoryConsumer('reporting.directory'),
    familyFactsConsumer('reporting.families'),
    peopleConsumer('reporting.people'),
    readModelConsumer('reporting.read-model'),
    workforceConsumer('reporting.workforce'),
    rentAssistanceConsumer('reporting.rent-assistance'),
    suspectedDuplicatesConsumer('reporting.suspected-duplicates'),
  ].map(journaled);

export function consumers(_deps: ReportingDeps): ConsumerOptions[] {
  return [
    ...readModelConsumers(),
    hmisClientsMatchedConsumer('reporting.hmis-clients-matched'),
    hmisEnrollmentsSettledConsumer('reporting.hmis-enrollments-settled'),
    hmisServicesSettledConsumer('reporting.hmis-services-settled'),
  ];
}
