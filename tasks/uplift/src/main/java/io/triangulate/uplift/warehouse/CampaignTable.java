package io.triangulate.uplift.warehouse;

import io.triangulate.uplift.data.UpliftTable;
import java.util.List;

/** One campaign's experiment population from marts.uplift_features, encoded for the learners. */
record CampaignTable(String campaignId, List<String> memberIds, UpliftTable table) {}
