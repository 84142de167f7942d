import { z } from 'zod';

/** What to train and score, and the validation AUC a model needs to be used. */
export const Request = z.object({
  modelName: z.string(),
  trainingData: z.string(),
  scoringData: z.string(),
  minAuc: z.number(),
});
export type Request = z.infer<typeof Request>;

/** What the training job reported (picked from DescribeTrainingJob). */
export const Training = z.object({ job: z.string(), artifacts: z.string(), auc: z.number().optional() });

export const Trained = Request.extend({ training: Training });
export type Trained = z.infer<typeof Trained>;

export const Registered = Trained.extend({ model: z.object({ arn: z.string() }) });
export type Registered = z.infer<typeof Registered>;

export const Scored = Registered.extend({
  scoring: z.object({ job: z.string(), status: z.string(), output: z.string() }),
});
export type Scored = z.infer<typeof Scored>;
