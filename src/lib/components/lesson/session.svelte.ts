import { judge, readAnswer, type Judgement } from '$lib/answers';
import { networkDerivation, type Labels, type Step } from '$lib/derivation';
import { buildModel, traceModel, type Model, type Trace } from '$lib/nn';
import type { Block, DerivationBlock, Lesson } from '$lib/server/lessons/types';

export type Attempt = { text: string; judgement: Judgement };

/**
 * A learner's work on one lesson: the engine's values for each network, and what the learner
 * typed for each asked quantity with its verdict. UI state only; the maths lives in $lib.
 */
export class LessonSession {
	readonly models: Record<string, Model>;
	readonly traces: Record<string, Trace>;
	attempts: Record<string, Attempt> = $state({});

	/** Every quantity some block of the lesson asks the learner for, as `network:quantity` keys. */
	private readonly asked: ReadonlySet<string>;
	private readonly minSignificant: number;

	constructor(lesson: Pick<Lesson, 'networks' | 'blocks' | 'labels' | 'minSignificant'>) {
		this.minSignificant = lesson.minSignificant;
		this.models = Object.fromEntries(Object.entries(lesson.networks).map(([name, spec]) => [name, buildModel(spec)]));
		this.traces = Object.fromEntries(Object.entries(this.models).map(([name, m]) => [name, traceModel(m)]));
		this.asked = new Set(lesson.blocks.flatMap((block) => this.askedIn(block, lesson.labels)));
	}

	/** The chain-rule steps of a derivation block, computed by the engine. */
	derivationSteps(block: DerivationBlock, labels: Labels): Step[] {
		const model = this.models[block.network];
		if (model?.kind !== 'network') return [];
		return networkDerivation({ model, trace: this.traces[block.network] ?? {}, labels }, block.target);
	}

	private askedIn(block: Block, labels: Labels): string[] {
		if (block.kind === 'exercise') return block.ask.map((q) => key(block.network, q));
		if (block.kind === 'derivation') {
			return this.derivationSteps(block, labels)
				.filter((s) => !s.given)
				.map((s) => key(block.network, s.quantity));
		}
		return [];
	}

	expected(network: string, quantity: string): number {
		return this.traces[network]?.[quantity] as number;
	}

	check(network: string, quantity: string, text: string): Judgement {
		const judgement = judge(readAnswer(text), this.expected(network, quantity), {
			minSignificant: this.minSignificant
		});
		this.attempts[key(network, quantity)] = { text, judgement };
		return judgement;
	}

	attempt(network: string, quantity: string): Attempt | undefined {
		return this.attempts[key(network, quantity)];
	}

	/** Done: answered correctly, or never asked in this lesson (then it is simply shown). */
	isSettled(network: string, quantity: string): boolean {
		if (!this.asked.has(key(network, quantity))) return true;
		return this.attempt(network, quantity)?.judgement.verdict === 'correct';
	}
}

export const key = (network: string, quantity: string) => `${network}:${quantity}`;
