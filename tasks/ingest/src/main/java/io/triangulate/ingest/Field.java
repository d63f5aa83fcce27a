package io.triangulate.ingest;

/**
 * One column of a landing file. {@code columnOptional} columns may be left out of the header (a
 * column added to a format later, so files written before it still load): every row then has no
 * value for it.
 */
public record Field(String name, FieldRule rule, String references, boolean columnOptional) {

  public Field(String name, FieldRule rule, String references) {
    this(name, rule, references, false);
  }

  public static Field of(String name, FieldRule rule) {
    return new Field(name, rule, null);
  }

  public static Field ref(String name, FieldRule rule, String referencedSource) {
    return new Field(name, rule, referencedSource);
  }

  /** A column the header may omit; its rule must accept an empty value. */
  public static Field optionalColumn(String name, FieldRule rule) {
    return new Field(name, rule, null, true);
  }
}
