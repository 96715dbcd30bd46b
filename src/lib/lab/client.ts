// The page's side: starts the training worker (Vite bundles train.worker.ts and what it imports).
export function createTrainWorker(): Worker {
	return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module' });
}
