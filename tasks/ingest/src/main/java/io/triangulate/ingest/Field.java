package io.triangulate.ingest;

/** A column of a landing file: its name, rule, and (for references) the source whose ids it must name. */
public record Field(String name, FieldRule rule, String references) {

  public static Field of(String name, FieldRule rule) {
    return new Field(name, rule, null);
  }

  public static Field ref(String name, FieldRule rule, String referencedSource) {
    return new Field(name, rule, referencedSource);
  }
}
