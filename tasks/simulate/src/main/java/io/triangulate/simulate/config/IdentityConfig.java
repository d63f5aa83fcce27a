package io.triangulate.simulate.config;

import io.triangulate.core.config.Check;
import io.triangulate.core.config.ConfigException;
import java.util.List;

/**
 * The identity world behind the fragmented sources: households, their TV/streaming devices,
 * streaming-service accounts and web cookies, and how much of it the identity graph ever links.
 *
 * @param householdSizeWeights relative frequency of households of 1, 2, 3, … members (same region)
 * @param devicesPerHouseholdWeights relative frequency of 1, 2, … streaming/CTV devices per household
 * @param streamingUserShare share of members with a streaming-service user id
 * @param cookiesPerMemberWeights relative frequency of 1, 2, 3, … web cookies per member
 * @param cookieLoginShare share of cookies ever linked to their member (a login)
 * @param householdRegistrationShare share of members ever linked to their household
 * @param devicePairingShare share of devices ever linked to their household
 * @param streamingLoginShare share of streaming user ids ever linked to their member
 * @param cookieDeviceShare share of cookies linked to one of their household's devices (a device graph)
 * @param linkedBeforeStartShare share of links already known on the world's first day; the others are
 *     observed on a day drawn uniformly over the period
 * @param lowerCaseIdRate share of cookie, device, streaming-user and household ids in identity_links,
 *     web_visits and web_purchases written in lower case (staging upper-cases them)
 */
public record IdentityConfig(
    List<Double> householdSizeWeights,
    List<Double> devicesPerHouseholdWeights,
    double streamingUserShare,
    List<Double> cookiesPerMemberWeights,
    double cookieLoginShare,
    double householdRegistrationShare,
    double devicePairingShare,
    double streamingLoginShare,
    double cookieDeviceShare,
    double linkedBeforeStartShare,
    double lowerCaseIdRate) {

  public IdentityConfig {
    householdSizeWeights = weights("household_size_weights", householdSizeWeights, 8);
    devicesPerHouseholdWeights = weights("devices_per_household_weights", devicesPerHouseholdWeights, 4);
    Check.range("streaming_user_share", streamingUserShare, 0.0, 1.0);
    cookiesPerMemberWeights = weights("cookies_per_member_weights", cookiesPerMemberWeights, 8);
    Check.range("cookie_login_share", cookieLoginShare, 0.0, 1.0);
    Check.range("household_registration_share", householdRegistrationShare, 0.0, 1.0);
    Check.range("device_pairing_share", devicePairingShare, 0.0, 1.0);
    Check.range("streaming_login_share", streamingLoginShare, 0.0, 1.0);
    Check.range("cookie_device_share", cookieDeviceShare, 0.0, 1.0);
    Check.range("linked_before_start_share", linkedBeforeStartShare, 0.0, 1.0);
    Check.range("lower_case_id_rate", lowerCaseIdRate, 0.0, 0.5);
  }

  /** Non-negative weights of counts 1..n (n at most {@code maxCount}), not all zero. */
  static List<Double> weights(String field, List<Double> weights, int maxCount) {
    Check.required(field, weights);
    if (weights.isEmpty() || weights.size() > maxCount) {
      throw new ConfigException(field + " must list 1 to " + maxCount + " weights (for counts 1, 2, …), got " + weights.size());
    }
    double sum = 0;
    for (int k = 0; k < weights.size(); k++) {
      sum += Check.range(field + "[" + k + "]", Check.required(field + "[" + k + "]", weights.get(k)), 0.0, 1000.0);
    }
    Check.that(sum > 0, field + " must have a positive weight");
    return List.copyOf(weights);
  }
}
