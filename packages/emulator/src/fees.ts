// Uploads that cost a fee (Video) are refused unless the caller states a price it accepts at or above
// the fee, as live answers 400 when the real fee is higher than `expectedPrice`.

import type { RequestAssetType } from "@rbxassets/spec";
import { invalidArgument } from "./errors.js";

export type Fees = Partial<Record<RequestAssetType, number>>;

/** Robux per upload; configurable, since the live fee is not published as a fixed figure. */
export const defaultFees: Fees = { Video: 2000 };

export function checkFee(fees: Fees, assetType: RequestAssetType, expectedPrice: number | undefined): void {
  const fee = fees[assetType];
  if (fee === undefined) return;
  if (expectedPrice === undefined) {
    throw invalidArgument(
      `creationContext.expectedPrice is required for ${assetType} uploads (they cost a fee of ${fee} Robux).`,
    );
  }
  if (expectedPrice < fee) {
    throw invalidArgument(
      `The ${assetType} upload fee is ${fee} Robux, above creationContext.expectedPrice (${expectedPrice}).`,
    );
  }
}
