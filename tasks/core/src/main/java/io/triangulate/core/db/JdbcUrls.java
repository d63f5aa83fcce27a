package io.triangulate.core.db;

import java.net.URI;

/** Accepts both {@code postgresql://user:pw@host:port/db} and {@code jdbc:postgresql://…} URLs. */
final class JdbcUrls {

  private JdbcUrls() {}

  static String toJdbc(String url) {
    if (url.startsWith("jdbc:")) {
      return url;
    }
    URI uri = URI.create(url);
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "DATABASE_URL must start with postgresql:// or jdbc:postgresql://, got scheme '" + uri.getScheme() + "'");
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    jdbc.append(uri.getPath() == null || uri.getPath().isEmpty() ? "/postgres" : uri.getPath());
    String query = uri.getQuery();
    String userInfo = uri.getUserInfo();
    StringBuilder params = new StringBuilder(query == null ? "" : query);
    if (userInfo != null) {
      String[] parts = userInfo.split(":", 2);
      append(params, "user=" + parts[0]);
      if (parts.length == 2) {
        append(params, "password=" + parts[1]);
      }
    }
    if (params.length() > 0) {
      jdbc.append('?').append(params);
    }
    return jdbc.toString();
  }

  private static void append(StringBuilder params, String kv) {
    if (params.length() > 0) {
      params.append('&');
    }
    params.append(kv);
  }

  /** The URL with any password removed, for messages and logs. */
  static String redact(String url) {
    return url.replaceAll("(://[^:/@]+):[^@]*@", "$1:***@").replaceAll("password=[^&]*", "password=***");
  }
}
