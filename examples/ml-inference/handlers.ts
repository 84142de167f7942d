import type { Features, Prediction, Request, Scored } from './schemas.js';

/** Tokenises the text. */
export async function preprocess(request: Request): Promise<Features> {
  const tokens = request.text.toLowerCase().split(/\s+/).filter(Boolean);
  return { requestId: request.requestId, tokens, length: tokens.length };
}

/** A small, fast model: positive when the text mentions "good". */
export async function modelA(features: Features): Promise<Prediction> {
  const positive = features.tokens.includes('good');
  return { model: 'model-a', label: positive ? 'positive' : 'negative', score: positive ? 0.7 : 0.6 };
}

/** A larger model that is more confident on longer texts. */
export async function modelB(features: Features): Promise<Prediction> {
  const positive = !features.tokens.includes('bad');
  return {
    model: 'model-b',
    label: positive ? 'positive' : 'negative',
    score: Math.min(0.95, 0.5 + features.length / 20),
  };
}

/** Keeps the prediction with the highest score. */
export async function pickBest(scored: Scored): Promise<Prediction> {
  const [a, b] = scored.predictions;
  return a.score >= b.score ? a : b;
}

/** Stands in for DynamoDB PutItem when run locally: checks the item is in attribute-value form. */
export async function store(item: Record<string, { S: string }>): Promise<Record<string, never>> {
  if (Object.values(item).some((value) => typeof value.S !== 'string'))
    throw new Error('Item must hold S values');
  return {};
}
