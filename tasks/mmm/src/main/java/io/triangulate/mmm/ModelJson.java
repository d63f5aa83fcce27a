package io.triangulate.mmm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.triangulate.mmm.model.MediaResponseModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code model.json}: the fitted media response models of one {@code mmm fit}, for
 * {@code triangulate optimize --model DIR}. Versioned by {@code format} so a later reader can
 * refuse what it does not understand.
 */
public final class ModelJson {

  static final String FORMAT = "triangulate-mmm/1";
  static final String FILE = "model.json";

  /** The file's content. */
  record SavedModels(String format, List<MediaResponseModel> models) {}

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModelJson() {}

  static void write(Path dir, List<MediaResponseModel> models) throws IOException {
    Files.createDirectories(dir);
    MAPPER.writeValue(dir.resolve(FILE).toFile(), new SavedModels(FORMAT, models));
  }

  /** The same content as {@code model.json}, as text (stored in {@code marts.mmm_model}). */
  public static String toJson(List<MediaResponseModel> models) {
    try {
      return MAPPER.writeValueAsString(new SavedModels(FORMAT, models));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the fitted model: " + e.getMessage(), e);
    }
  }

  /** Parses {@link #toJson} output; {@code source} names where it came from in error messages. */
  public static List<MediaResponseModel> fromJson(String json, String source) {
    try {
      SavedModels saved = MAPPER.readValue(json, SavedModels.class);
      if (!FORMAT.equals(saved.format())) {
        throw new IllegalArgumentException(source + " has format '" + saved.format() + "'; this version reads " + FORMAT);
      }
      return saved.models();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  static List<MediaResponseModel> read(Path dir) {
    Path file = Files.isDirectory(dir) ? dir.resolve(FILE) : dir;
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no fitted model at " + file + "; run `triangulate mmm fit --out DIR` first");
    }
    try {
      SavedModels saved = MAPPER.readValue(file.toFile(), SavedModels.class);
      if (!FORMAT.equals(saved.format())) {
        throw new IllegalArgumentException(file + " has format '" + saved.format() + "'; this version reads " + FORMAT);
      }
      return saved.models();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
