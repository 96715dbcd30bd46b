import { loadCatalogue } from '$lib/server/lessons/route';
import { summaryOf } from '$lib/server/lessons';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ lessons: loadCatalogue().map(summaryOf) });
