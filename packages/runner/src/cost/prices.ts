/** The prices of one region, in US dollars. */
export interface RegionPrices {
  /** Standard workflows: per 1,000 state transitions, and transitions free each month (account-wide). */
  readonly standard: { readonly perThousandTransitions: number; readonly freeTransitionsPerMonth: number };
  /**
   * Express workflows: per million requests (executions started), and duration per GB-hour in monthly tiers (the
   * last tier has no `upToGbHours`). Absent where the table has no verified Express price.
   */
  readonly express?: {
    readonly perMillionRequests: number;
    readonly durationTiers: readonly { readonly upToGbHours?: number; readonly perGbHour: number }[];
  };
}

/** A dated price table: where the numbers come from, when they were read, and the prices per region. */
export interface PriceTable {
  readonly source: string;
  /** The day the prices were read from `source` (YYYY-MM-DD). */
  readonly asOf: string;
  readonly currency: 'USD';
  readonly regions: Readonly<Record<string, RegionPrices>>;
}

const FREE_TRANSITIONS = 4_000;

const standard = (perThousandTransitions: number): RegionPrices['standard'] =>
  Object.freeze({ perThousandTransitions, freeTransitionsPerMonth: FREE_TRANSITIONS });

/**
 * AWS Step Functions prices (Standard: the state transitions pricing table; Express: US East (N. Virginia), from the
 * page's pricing examples 3 and 4). Regions without a verified Express price have none: pass your own table
 * (`estimateCost(…, { prices })`) for them, or for any price that changed.
 * @see https://aws.amazon.com/step-functions/pricing/
 */
export const PRICES: PriceTable = Object.freeze({
  source: 'https://aws.amazon.com/step-functions/pricing/',
  asOf: '2026-12-07',
  currency: 'USD',
  regions: Object.freeze({
    'us-east-1': Object.freeze({
      standard: standard(0.025),
      express: Object.freeze({
        perMillionRequests: 1,
        durationTiers: Object.freeze([
          Object.freeze({ upToGbHours: 1_000, perGbHour: 0.06 }),
          Object.freeze({ upToGbHours: 5_000, perGbHour: 0.03 }),
          Object.freeze({ perGbHour: 0.01642 }),
        ]),
      }),
    }),
    'us-east-2': Object.freeze({ standard: standard(0.025) }),
    'us-west-1': Object.freeze({ standard: standard(0.0279) }),
    'us-west-2': Object.freeze({ standard: standard(0.025) }),
    'ca-central-1': Object.freeze({ standard: standard(0.025) }),
    'sa-east-1': Object.freeze({ standard: standard(0.0375) }),
    'us-gov-east-1': Object.freeze({ standard: standard(0.03) }),
    'us-gov-west-1': Object.freeze({ standard: standard(0.03) }),
    'eu-west-1': Object.freeze({ standard: standard(0.025) }),
    'eu-central-1': Object.freeze({ standard: standard(0.025) }),
    'eu-west-2': Object.freeze({ standard: standard(0.025) }),
    'eu-west-3': Object.freeze({ standard: standard(0.0297) }),
    'eu-north-1': Object.freeze({ standard: standard(0.025) }),
    'ap-southeast-1': Object.freeze({ standard: standard(0.025) }),
    'ap-northeast-1': Object.freeze({ standard: standard(0.025) }),
    'ap-southeast-2': Object.freeze({ standard: standard(0.025) }),
    'ap-northeast-2': Object.freeze({ standard: standard(0.0271) }),
    'ap-south-1': Object.freeze({ standard: standard(0.0285) }),
  }),
});
