package io.triangulate.attribution.warehouse;

import org.jooq.DSLContext;

/** The hand-made raw rows of {@link JourneyModelsIT}: ids written as sloppily as vendors write them. */
final class Fixtures {

  private Fixtures() {}

  static void load(DSLContext dsl) {
    dsl.execute("""
        insert into raw.campaigns values
          ('C01', 'A01', 'search', 'onsite_search', 'CPC', 1, 100, '2026-01-01', '2026-01-31', 0.1, '2026-01-01'),
          ('C02', 'A01', 'mail',   'email',         'CPM', 1, 100, '2026-01-01', '2026-01-31', 0.1, '2026-01-01')""");
    dsl.execute("""
        insert into raw.identity_links values
          ('M0000001', 'member', ' k0000001', 'Cookie', 'login', '2026-01-01', '2026-01-01'),
          ('M0000001', 'member', 'U0000001', 'streaming_user', 'login', '2026-01-01', '2026-01-01'),
          ('K0000002', 'cookie', 'u0000001 ', 'streaming_user', 'device_pairing', '2026-01-01', '2026-01-01'),
          ('M0000001', 'member', 'H0000001', 'household', 'household_registration', '2026-01-01', '2026-01-01'),
          ('M0000002', 'member', 'H0000001', 'household', 'household_registration', '2026-01-01', '2026-01-01'),
          ('D0000001', 'device', 'H0000001', 'household', 'device_pairing', '2026-01-01', '2026-01-01'),
          ('K0000004', 'cookie', 'U0000004', 'streaming_user', 'login', '2026-01-01', '2026-01-01'),
          ('K0000005', 'cookie', 'M0000002', 'member', 'login', '2026-01-02', '2026-01-02'),
          ('K0000004', 'cookie', 'M0000003', 'member', 'login', '2026-01-02', '2026-01-02')""");
    dsl.execute("""
        insert into raw.ad_events values
          ('E1', '2026-01-01 10:00:00+00', 'impression', 'C01', null, 'M0000001', 0.01, '2026-01-01'),
          ('E2', '2026-01-01 10:05:00+00', 'click', 'C01', null, 'M0000001', 0.50, '2026-01-01'),
          ('E3', '2026-01-01 11:00:00+00', 'ghost_impression', 'C01', null, 'M0000002', 0, '2026-01-01'),
          ('E4', '2026-01-02 08:00:00+00', 'impression', 'C02', null, 'M0000001', 0.01, '2026-01-02'),
          ('E5', '2026-01-02 15:00:00+00', 'impression', 'C01', null, 'M0000003', 0.01, '2026-01-02')""");
    dsl.execute("""
        insert into raw.tv_airings values
          ('T1', ' h0000001', 'A01', 'NBC', '2026-01-01 20:00:00+00', null, '2026-01-01'),
          ('T2', 'H0000009', 'A01', 'NBC', '2026-01-01 20:00:00+00', 'spot', '2026-01-01')""");
    dsl.execute("""
        insert into raw.streaming_impressions values
          ('S1', 'D0000001', null, 'A01', 'spot', '2026-01-01 21:00:00.200+00', 0.02, '2026-01-01'),
          ('S2', 'd0000001 ', null, 'A01', 'spot', '2026-01-01 21:00:00.700+00', 0.02, '2026-01-01'),
          ('S3', 'D0000001', null, 'A01', 'spot', '2026-01-01 21:00:01.100+00', 0.02, '2026-01-01'),
          ('S4', null, 'U0000004', 'A01', 'spot', '2026-01-01 22:00:00+00', 0.02, '2026-01-01')""");
    dsl.execute("""
        insert into raw.web_visits values
          ('V1', 'K0000002', '2026-01-02 09:00:00+00', 'A01', 'Search', null, '2026-01-02'),
          ('V2', 'K0000003', '2026-01-02 09:30:00+00', 'A01', 'direct', null, '2026-01-02')""");
    dsl.execute("""
        insert into raw.transactions values
          ('O1', '2026-01-02 12:00:00+00', 'M0000001', 'A01', 50, 1, '2026-01-02'),
          ('O2', '2026-01-02 13:00:00+00', 'M0000001', 'A01', 20, 1, '2026-01-02')""");
    dsl.execute("""
        insert into raw.web_purchases values
          ('W1', '2026-01-02 11:00:00+00', ' k0000003', null, 'A01', 12.5, '2026-01-02'),
          ('W2', '2026-01-02 10:00:00+00', null, 'M0000002', 'A01', 30, '2026-01-02')""");
  }
}
