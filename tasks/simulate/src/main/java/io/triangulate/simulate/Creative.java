package io.triangulate.simulate;

/**
 * One ad of a campaign; {@code name} is empty when the export "lost" it (a data-quality trap).
 *
 * @param callToAction the button text
 * @param lengthSeconds the video's length, 0 for a static format
 * @param ctrMultiplier the true effect of this creative on the click probability (campaign mean 1)
 * @param liftMultiplier the true effect on the campaign's lift for members shown it (campaign mean 1)
 */
record Creative(
    String id,
    String campaignId,
    String name,
    String format,
    String headline,
    String tags,
    String callToAction,
    int lengthSeconds,
    double ctrMultiplier,
    double liftMultiplier) {}
