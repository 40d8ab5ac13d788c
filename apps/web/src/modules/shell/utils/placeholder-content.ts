import type { PageKey } from './navigation';

export interface PlaceholderContent {
  title: string;
  summary: string;
  willShow: readonly string[];
}

/** Plain descriptions of pages that are not built yet. No sample numbers, no fake data. */
export const PLACEHOLDER_CONTENT: Record<PageKey, PlaceholderContent> = {
  dashboard: {
    title: 'Dashboard',
    summary: 'The culture dashboard for your organisation will live here.',
    willShow: [
      'Your organisation’s structure as a tree, to choose which unit you are looking at.',
      'Culture signals and KPIs for that unit in two separate panels over the same months (the last 12 by default), with healthy ranges where they have been set.',
      'The latest pulse results for the teams inside that unit, question by question, and the response rate.',
      'Comments, where enough people answered to keep them anonymous.',
      'Groups too small to show are hidden, and the page says why — they are never shown as zero.',
    ],
  },
  teams: {
    title: 'My teams',
    summary: 'Results for the teams you manage will live here.',
    willShow: [
      'Pulse results and culture signals for your own part of the organisation only.',
      'The same anonymity rules as everywhere else: groups too small to show are hidden, with the reason.',
    ],
  },
  'my-success': {
    title: 'My success',
    summary: 'Your own view of what success means in your role will live here.',
    willShow: [
      'The statements about success and alignment that you answer.',
      'A clear switch to decide whether your answers are shared — nothing is shared unless you turn it on.',
    ],
  },
  admin: {
    title: 'Admin',
    summary: 'Tools to set up and run Pulsewise for your organisation will live here.',
    willShow: [
      'Directory import: upload a CSV of people, follow its progress and see any problems listed by row.',
      'People and org units.',
      'Policies: the anonymity threshold, quiet hours, how many pulses a person can receive per month, and how long raw answers are kept.',
      'Pulse programmes: create, schedule and pause them.',
      'Imports of culture signals and KPIs.',
    ],
  },
  tenants: {
    title: 'Tenants',
    summary: 'Management of the organisations that use Pulsewise will live here.',
    willShow: [
      'The list of organisations and their status.',
      'Creating an organisation and inviting its first admin.',
      'Suspending an organisation.',
    ],
  },
};
