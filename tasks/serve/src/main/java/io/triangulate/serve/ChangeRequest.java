package io.triangulate.serve;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;

/**
 * A checked activation request: what kind of change, to which campaign, the change itself as the
 * connector applies it, why, and when it should take effect.
 */
public record ChangeRequest(
    String kind, String campaignId, ObjectNode payload, String reason, OffsetDateTime effectiveAt) {}
