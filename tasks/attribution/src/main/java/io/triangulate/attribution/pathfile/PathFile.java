package io.triangulate.attribution.pathfile;

import io.triangulate.attribution.PathSet;

/** What was read from a path file, and which optional columns it had. */
public record PathFile(PathSet paths, int rows, boolean hadValueColumn, boolean hadTouchAgeColumn) {}
