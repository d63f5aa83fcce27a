package io.triangulate.simulate;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows of the dimension files (advertisers, campaigns, creatives, members, assignments) and of the
 * campaign-parameter truth. Members are streamed in chunks so a million of them never sit in one
 * string.
 */
final class DimensionRows {

  private static final int FLUSH_AT = 1 << 16;

  private final World world;

  DimensionRows(World world) {
    this.world = world;
  }

  long advertisers(Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Advertiser a : world.advertisers) {
      sb.append(a.id()).append(',');
      Csv.text(sb, a.name());
      sb.append(',');
      Csv.text(sb, a.category());
      sb.append('\n');
    }
    out.append(sb);
    return world.advertisers.size();
  }

  long campaigns(Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Campaign c : world.campaigns) {
      sb.append(c.id()).append(',').append(c.advertiser().id()).append(',');
      Csv.text(sb, c.name());
      sb.append(',').append(c.channel()).append(',').append(c.channelConfig().pricingModel()).append(',');
      Csv.fixed(sb, c.unitPrice(), 2);
      sb.append(',');
      Csv.fixed(sb, c.dailyBudget(), 2);
      sb.append(',').append(c.startDate()).append(',').append(c.endDate()).append(',');
      Csv.trimmed(sb, c.holdoutShare(), 4);
      sb.append('\n');
    }
    out.append(sb);
    return world.campaigns.size();
  }

  long creatives(Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    long rows = 0;
    for (Campaign c : world.campaigns) {
      for (Creative cr : c.creatives()) {
        sb.append(cr.id()).append(',').append(cr.campaignId()).append(',');
        Csv.text(sb, cr.name());
        sb.append(',').append(cr.format()).append(',');
        Csv.text(sb, cr.headline());
        sb.append(',');
        Csv.text(sb, cr.tags());
        sb.append('\n');
        rows++;
      }
    }
    out.append(sb);
    return rows;
  }

  long members(Writer out) throws IOException {
    Members m = world.members;
    LocalDate start = world.config.startDate();
    StringBuilder sb = new StringBuilder(FLUSH_AT + 256);
    for (int i = 0; i < m.count; i++) {
      sb.append('M');
      Csv.padded(sb, i + 1L, Ids.MEMBER_DIGITS);
      sb.append(',').append(Segments.REGIONS.get(m.region[i]))
          .append(',').append(Segments.AGE_BANDS.get(m.ageBand[i]))
          .append(',').append(Segments.LOYALTY_TIERS.get(m.loyaltyTier[i]))
          .append(',').append(start.minusDays(m.signupDaysBeforeStart[i]))
          .append('\n');
      if (sb.length() >= FLUSH_AT) {
        out.append(sb);
        sb.setLength(0);
      }
    }
    out.append(sb);
    return m.count;
  }

  /** One row per audience member of each campaign starting on {@code day}, dated that day. */
  long assignments(Writer out, List<Integer> startingCampaigns, LocalDate day) throws IOException {
    StringBuilder sb = new StringBuilder(FLUSH_AT + 256);
    long rows = 0;
    for (int c : startingCampaigns) {
      Campaign campaign = world.campaigns.get(c);
      Audience audience = world.audiences.get(c);
      for (int j = 0; j < audience.size(); j++) {
        sb.append(campaign.id()).append(",M");
        Csv.padded(sb, audience.member[j] + 1L, Ids.MEMBER_DIGITS);
        sb.append(',').append(audience.treated[j] ? "treatment" : "control").append(',').append(day).append('\n');
        if (sb.length() >= FLUSH_AT) {
          out.append(sb);
          sb.setLength(0);
        }
      }
      rows += audience.size();
    }
    out.append(sb);
    return rows;
  }

  long campaignParams(Writer out) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (Campaign c : world.campaigns) {
      sb.append(c.id()).append(',');
      Csv.fixed(sb, c.relativeLift(), 6);
      sb.append(',');
      Csv.fixed(sb, c.adstockDecay(), 6);
      sb.append(',');
      Csv.fixed(sb, c.saturationK(), 6);
      sb.append(',');
      Csv.fixed(sb, c.targetingBias(), 6);
      sb.append(',').append(c.liftKind()).append('\n');
    }
    out.append(sb);
    return world.campaigns.size();
  }
}
