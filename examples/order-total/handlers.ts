import type { AddStep, LineJob, PricedLine, Pricing, Running } from './schemas.js';

/** The pricing of a region (a real system would read a table). */
export async function loadPricing(request: { region: string }): Promise<Pricing> {
  return request.region === 'eu' ? { taxRate: 0.2, currency: 'EUR' } : { taxRate: 0.1, currency: 'USD' };
}

/** Prices one line with tax, in cents; a line without quantity is refused. */
export async function priceLine(job: LineJob): Promise<PricedLine> {
  if (job.line.quantity === 0) {
    throw Object.assign(new Error(`Line ${job.line.sku} has no quantity`), { name: 'InvalidLine' });
  }
  const cents = Math.round(job.line.quantity * job.line.unitPrice * (1 + job.taxRate) * 100);
  return { sku: job.line.sku, amount: cents };
}

/** Adds one priced line to the running total. */
export async function addLine(step: AddStep): Promise<Running> {
  return { total: step.total + step.line.amount };
}
