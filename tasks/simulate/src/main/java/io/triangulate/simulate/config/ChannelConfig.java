package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;
import io.triangulate.simulate.Segments;
import java.util.List;

/**
 * How campaigns of one channel buy, reach and affect members.
 *
 * @param pricingModel CPM (billed per impression, price per 1,000) or CPC (billed per click)
 * @param audienceShare expected share of members a campaign targets (before targeting bias caps)
 * @param opportunityRate daily ad-opportunity probability of a targeted member of propensity 1
 * @param targetingBias audience inclusion grows as propensity^this; 0 = targeting ignores it
 * @param adstockDecay carry-over of yesterday's exposure into today's, in [0, 0.95]
 * @param saturationK adstock at which a member's effect reaches 63% of its peak
 * @param formats creative formats used by the channel's campaigns, in rotation
 */
public record ChannelConfig(
    String pricingModel,
    double unitPriceMin,
    double unitPriceMax,
    double ctr,
    double audienceShare,
    double opportunityRate,
    double targetingBias,
    double adstockDecay,
    double saturationK,
    List<String> formats) {

  public ChannelConfig {
    Check.oneOf("pricing_model", Check.required("pricing_model", pricingModel), Segments.PRICING_MODELS);
    Validate.positive("unit_price_min", unitPriceMin, 1000.0);
    Check.range("unit_price_max", unitPriceMax, unitPriceMin, 1000.0);
    Check.range("ctr", ctr, 0.0, 0.5);
    Validate.positive("audience_share", audienceShare, 1.0);
    Validate.positive("opportunity_rate", opportunityRate, 1.0);
    Check.range("targeting_bias", targetingBias, 0.0, 3.0);
    Check.range("adstock_decay", adstockDecay, 0.0, 0.95);
    Check.range("saturation_k", saturationK, 0.01, 100.0);
    Check.required("formats", formats);
    Check.that(!formats.isEmpty(), "formats must list at least one creative format");
    for (String format : formats) {
      Check.that(format != null && format.matches("[a-z0-9_]+"), "formats must be lower-case words (a-z, 0-9, _), got " + format);
    }
    formats = List.copyOf(formats);
  }

  public boolean costPerClick() {
    return "CPC".equals(pricingModel);
  }
}
