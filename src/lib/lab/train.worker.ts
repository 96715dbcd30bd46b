/// <reference lib="webworker" />
// The training lab's worker: a LabSession with the tape's Trainer, the worker's clock and a
// scheduler that lets the page's messages (pause, step…) in between time slices.
import { Trainer } from '$lib/tape';
import type { ToWorker } from './protocol';
import { LabSession } from './session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel task runs as soon as the queue is free; setTimeout(0) would be clamped to
// 4 ms after a few rounds, a third of each slice.
const channel = new MessageChannel();
let next: (() => void) | undefined;
channel.port1.onmessage = () => {
	const task = next;
	next = undefined;
	task?.();
};

const session = new LabSession({
	makeTrainer: (spec, examples, options) => new Trainer(spec, examples, options),
	now: () => performance.now(),
	post: (message) => scope.postMessage(message),
	schedule: (task, delay) => {
		if (delay > 0) {
			const timer = setTimeout(task, delay);
			return () => clearTimeout(timer);
		}
		next = task;
		channel.port2.postMessage(null);
		return () => {
			if (next === task) next = undefined;
		};
	}
});

scope.onmessage = (event: MessageEvent<ToWorker>) => session.handle(event.data);
