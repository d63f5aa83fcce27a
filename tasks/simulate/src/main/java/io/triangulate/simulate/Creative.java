package io.triangulate.simulate;

/** One ad of a campaign; {@code name} is empty when the export "lost" it (a data-quality trap). */
record Creative(String id, String campaignId, String name, String format, String headline, String tags) {}
