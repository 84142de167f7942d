import { z } from 'zod';

export const Request = z.object({ requestId: z.string(), text: z.string() });
export type Request = z.infer<typeof Request>;

export const Features = z.object({ requestId: z.string(), tokens: z.array(z.string()), length: z.number() });
export type Features = z.infer<typeof Features>;

export const Prediction = z.object({ model: z.string(), label: z.string(), score: z.number() });
export type Prediction = z.infer<typeof Prediction>;

export const Scored = Features.extend({ predictions: z.tuple([Prediction, Prediction]) });
export type Scored = z.infer<typeof Scored>;

export const Best = Scored.extend({ best: Prediction });
export type Best = z.infer<typeof Best>;
