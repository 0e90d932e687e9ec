import { withLocation } from '../board-collections';
import type { DomainSteps } from './domain-step';

/**
 * The queues domain (`queue.length`): the latest length of each queue kind
 * (waitlist, kitchen, drive-thru) per location.
 * @internal
 */
export const queuesDomain: DomainSteps = {
  'queue.length': (state, { location, data }) =>
    withLocation(state, location, (board) => ({
      ...board,
      queues: { ...board.queues, [data.queue]: data.length },
    })),
};
