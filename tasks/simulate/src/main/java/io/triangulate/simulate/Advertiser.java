package io.triangulate.simulate;

/**
 * A brand selling through the retailer.
 *
 * @param purchaseShare multiplier of members' baseline purchase probability for this brand
 */
record Advertiser(int index, String id, String name, String category, String product, double purchaseShare) {}
