package io.triangulate.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads YAML into typed records. Keys are snake_case in files and camelCase in records; an unknown
 * key, a wrong type or a value that a record's constructor rejects fails with the file, the field
 * path and what was expected.
 *
 * <p>A file is looked up in the config directory (default {@code ./configs}) and, if absent there,
 * in the defaults shipped inside the jar.
 */
public final class ConfigLoader {

  private final Path configDir;
  private final ObjectMapper mapper;

  public ConfigLoader(Path configDir) {
    this.configDir = configDir;
    this.mapper =
        JsonMapper.builder(new YAMLFactory())
            .findAndAddModules()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
  }

  public static ConfigLoader defaults() {
    return new ConfigLoader(Path.of("configs"));
  }

  public Path configDir() {
    return configDir;
  }

  /** Loads {@code name} (e.g. {@code simulation.yaml}) from the config dir or the jar defaults. */
  public <T> T load(String name, Class<T> type) {
    Path file = configDir.resolve(name);
    if (Files.isRegularFile(file)) {
      return read(file, type);
    }
    try (InputStream in = ConfigLoader.class.getResourceAsStream("/configs/" + name)) {
      if (in == null) {
        throw new ConfigException("config file " + file + " not found (and no default is bundled)");
      }
      return parse(in, "configs/" + name + " (bundled default)", type);
    } catch (IOException e) {
      throw new ConfigException("could not read bundled config " + name, e);
    }
  }

  public <T> T read(Path file, Class<T> type) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString(), type);
    } catch (IOException e) {
      throw new ConfigException("could not read config " + file + ": " + e.getMessage(), e);
    }
  }

  private <T> T parse(InputStream in, String source, Class<T> type) throws IOException {
    try {
      T value = mapper.readValue(in, type);
      if (value == null) {
        throw new ConfigException(source + " is empty");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          source + ": unknown key '" + e.getPropertyName() + "' at " + path(e)
              + "; allowed keys: " + e.getKnownPropertyIds(), e);
    } catch (JsonMappingException e) {
      ConfigException cause = rootConfigException(e);
      String where = path(e);
      String detail = cause != null ? cause.getMessage() : e.getOriginalMessage();
      throw new ConfigException(source + ": " + (where.isEmpty() ? "" : where + ": ") + detail, e);
    }
  }

  private static ConfigException rootConfigException(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConfigException ce) {
        return ce;
      }
    }
    return null;
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }
}
