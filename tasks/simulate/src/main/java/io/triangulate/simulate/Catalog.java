package io.triangulate.simulate;

import java.util.List;

/** The words the simulated world is made of: brands, themes, headlines and creative tags. */
final class Catalog {

  record Brand(String name, String category, String product) {}

  static final List<Brand> BRANDS =
      List.of(
          new Brand("Acme Coffee", "grocery", "coffee"),
          new Brand("Northwind Pet", "pet supplies", "pet food"),
          new Brand("Bluebird Baby", "baby", "diapers"),
          new Brand("Summit Outdoor", "sporting goods", "hiking gear"),
          new Brand("Lumen Beauty", "beauty", "skincare"),
          new Brand("Harbor Home", "home", "cookware"),
          new Brand("Verde Snacks", "grocery", "snacks"),
          new Brand("Pixel Electronics", "electronics", "headphones"));

  static final List<String> THEMES =
      List.of("New Year", "Winter", "Spring", "Valentine's", "Weekend", "Launch", "Loyalty", "Always-on");

  /** {@code %s} is replaced by the product; commas are deliberate (RFC 4180 quoting in the output). */
  static final List<String> HEADLINES =
      List.of(
          "Save 20% on %s",
          "Fresh %s, delivered fast",
          "Your new favourite %s",
          "%s for every day",
          "Stock up on %s, save more",
          "Try our best %s yet");

  static final List<String> PRIMARY_TAGS = List.of("discount", "lifestyle", "product");
  static final List<String> SECONDARY_TAGS = List.of("seasonal", "family", "premium", "red", "blue", "green");

  /** Linear TV networks of the airings (fictional). */
  static final List<String> NETWORKS =
      List.of("Northstar One", "Metro TV", "Sports 24", "Home & Garden Network", "Newsline", "Family Channel");

  private Catalog() {}

  static String channelLabel(String channel) {
    return switch (channel) {
      case "onsite_search" -> "Onsite search";
      case "onsite_display" -> "Onsite display";
      case "offsite_social" -> "Offsite social";
      case "ctv_streaming" -> "CTV streaming";
      case "email" -> "Email";
      default -> channel;
    };
  }
}
