import type { CovariantParam, Fit } from '../types/fit.js';
import type { Message } from '../types/messages.js';
import type { Needs, Resolved } from '../types/pass-through.js';
import type { StepcraftTypeError } from '../types/type-error.js';
import { concat, type Fragment, fragmentOf } from './fragment.js';

/** The names at both ends of a chain, and whether its end is open (can be followed by `.next()`). */
export interface Names {
  readonly first: string;
  readonly last: string;
  readonly open: boolean;
  /** The placeholders its integrations hold (`ResourceTag`s), joined at every `.next()`, Catch, branch and target. */
  readonly resources: string;
}

/**
 * The names of a chain. An interface, not an object literal type: its type arguments are resolved at each
 * `.next()`, where an object literal's members would be instantiated lazily and nest 500 deep on a 500-step chain.
 */
export interface ChainNames<
  TFirst extends string,
  TLast extends string,
  TOpen extends boolean,
  TResources extends string = never,
> extends Names {
  readonly first: TFirst;
  readonly last: TLast;
  readonly open: TOpen;
  readonly resources: TResources;
}

/** The names of a single state, open or terminal, with the placeholders it (and what it jumps to) holds. */
export type StateNames<
  TName extends string,
  TOpen extends boolean = true,
  TResources extends string = never,
> = ChainNames<TName, TName, TOpen, TResources>;

/** Phantom types of a chain: only its own input and output, never the history of the graph. */
export interface ChainTypes<TInput, TOutput, TNames extends Names> {
  readonly input: TInput;
  readonly output: TOutput;
  readonly names: TNames;
}

/** Anything that can be wired: a state or a chain of states. */
export interface AnyChain {
  readonly '~types': ChainTypes<unknown, unknown, Names>;
  readonly '~fragment': Fragment;
}

/** The input type of a state or chain. */
export type InputOf<T extends AnyChain> = T['~types']['input'];
/** The output type of a state or chain (`Same` for a pass-through state without declared input). */
export type OutputOf<T extends AnyChain> = T['~types']['output'];
/** The name of the first state of a chain. */
export type FirstOf<T extends AnyChain> = T['~types']['names']['first'];
/** The placeholders (`ResourceTag`s) a state or chain holds. */
export type ResourcesOf<T extends AnyChain> = T['~types']['names']['resources'];

/** Rejects wiring `TNext` after a chain ending in `TNames.last` whose output is `TOutput`, naming the fields. */
export type WireCheck<TOutput, TNames extends Names, TNext extends AnyChain> = TNames['open'] extends false
  ? StepcraftTypeError<Message<'closed', [TNames['last']]>>
  : Fit<TOutput, InputOf<TNext>, ['outputOf', TNames['last']], FirstOf<TNext>>;

/** The chain `TFirst` then `TNext`: a pass-through end hands what `TNext` needs back to the chain's input. */
export type Joined<TInput, TOutput, TNames extends Names, TNext extends AnyChain> = Chain<
  Needs<TInput, TOutput, InputOf<TNext>>,
  Resolved<OutputOf<TNext>, TOutput>,
  ChainNames<
    TNames['first'],
    TNext['~types']['names']['last'],
    TNext['~types']['names']['open'],
    TNames['resources'] | ResourcesOf<TNext>
  >
>;

/**
 * A sequence of states, built with `.next()`. Immutable: `.next()` returns a new chain and leaves both operands
 * untouched, so states are values that can be reused (joins, loops, fragments).
 *
 * Its variances are declared (`out`, what TypeScript measures), so relating two chains never measures them through
 * the wiring messages. The check in `next` is `NoInfer`: when TypeScript matches `ChainImpl.next` to this method it
 * infers `$Next` from the argument alone, without measuring the variance of `WireCheck` and the message machinery
 * behind it (thousands of instantiations in every program that checks these sources).
 */
export interface Chain<out TInput, out TOutput, out TNames extends Names> extends AnyChain {
  readonly '~types': ChainTypes<TInput, TOutput, TNames>;
  /**
   * Continues with `next`; a compile error names both states when `next` cannot accept this chain's output.
   * @example task('A', …).next(task('B', …)) // "A": { …, "Next": "B" }
   */
  next<$Next extends AnyChain>(
    next: CovariantParam<$Next, NoInfer<WireCheck<TOutput, TNames, $Next>>>,
  ): Joined<TInput, TOutput, TNames, $Next>;
}

/**
 * The run-time chain: a frozen fragment of graph. `~types` is declared only: it exists for the type checker, never
 * at run time.
 */
export class ChainImpl<TInput, TOutput, TNames extends Names> implements Chain<TInput, TOutput, TNames> {
  declare readonly '~types': ChainTypes<TInput, TOutput, TNames>;
  readonly '~fragment': Fragment;

  constructor(fragment: Fragment) {
    this['~fragment'] = fragment;
    // Subclasses (states) add fields, so each concrete class freezes its own instances.
    if (new.target === ChainImpl) Object.freeze(this);
  }

  next<$Next extends AnyChain>(
    next: CovariantParam<$Next, NoInfer<WireCheck<TOutput, TNames, $Next>>>,
  ): Joined<TInput, TOutput, TNames, $Next> {
    // Type arguments inferred from the return type: the same types as `Joined`'s, so the two `next` methods are
    // related by identity.
    return new ChainImpl(concat(this['~fragment'], fragmentOf(next)));
  }
}
