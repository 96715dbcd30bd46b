// The lesson model is shared with the page: its types live in $lib/lessons.
export * from '$lib/lessons/types';
