// utc_timestamp: ISO 8601 instants in UTC, read and written exactly, with their Unix time.
#include <catch2/catch.hpp>

#include <apidecl/types/text_value.hpp>
#include <apidecl/types/timestamp.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace {

apidecl::utc_timestamp parsed(std::string_view text) {
  INFO(text);
  auto const value = apidecl::from_text<apidecl::utc_timestamp>(text);
  REQUIRE(value.has_value());
  return *value;
}

bool refused(std::string_view text) { return !apidecl::from_text<apidecl::utc_timestamp>(text).has_value(); }

}  // namespace

TEST_CASE("utc_timestamp is a text value", "[types][timestamp]") {
  STATIC_REQUIRE(apidecl::is_text_value_v<apidecl::utc_timestamp>);
  STATIC_REQUIRE(apidecl::text_format_v<apidecl::utc_timestamp> == "an ISO 8601 UTC timestamp");
}

TEST_CASE("a timestamp gives its seconds since the Unix epoch", "[types][timestamp]") {
  struct instant {
    std::string_view text;
    std::int64_t seconds;
  };
  for (auto const& i : {instant{"2014-06-25T16:39:07Z", 1403714347}, instant{"1970-01-01T00:00:00Z", 0},
                        instant{"1969-12-31T23:59:59Z", -1}, instant{"2014-02-11T10:22:46Z", 1392114166},
                        instant{"2000-02-29T00:00:00Z", 951782400}, instant{"2024-02-29T12:00:00Z", 1709208000},
                        instant{"2038-01-19T03:14:08Z", 2147483648}, instant{"1900-01-01T00:00:00Z", -2208988800},
                        instant{"1600-02-29T00:00:00Z", -11670998400}, instant{"0000-01-01T00:00:00Z", -62167219200},
                        instant{"9999-12-31T23:59:59Z", 253402300799}}) {
    INFO(i.text);
    CHECK(parsed(i.text).seconds_since_epoch() == i.seconds);
  }
}

TEST_CASE("a timestamp is written exactly as it was read", "[types][timestamp]") {
  for (std::string_view text : {"2014-06-25T16:39:07Z", "1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z",
                                "2014-02-21T07:49:24.655024Z", "2014-02-21T07:49:24.5Z", "2014-02-21T07:49:24.500Z",
                                "2014-02-21T07:49:24.000000000Z", "2014-02-21T07:49:24.123456789Z",
                                "2014-02-21T07:49:24.000000001Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.9Z",
                                "1600-02-29T23:59:59Z", "0001-03-01T00:00:00Z"}) {
    INFO(text);
    CHECK(apidecl::to_text(parsed(text)) == text);
  }
}

TEST_CASE("the fraction keeps its value and its digits", "[types][timestamp]") {
  auto const micro = parsed("2014-02-21T07:49:24.655024Z");
  CHECK(micro.seconds_since_epoch() == 1392968964);
  CHECK(micro.nanoseconds() == 655024000);
  CHECK(micro.fraction_digits() == 6);

  auto const padded = parsed("2014-02-21T07:49:24.500Z");
  CHECK(padded.nanoseconds() == 500000000);
  CHECK(padded.fraction_digits() == 3);

  auto const whole = parsed("2014-02-21T07:49:24Z");
  CHECK(whole.nanoseconds() == 0);
  CHECK(whole.fraction_digits() == 0);
}

TEST_CASE("a timestamp can be written without its zone, as onDemand's x-lod-timestamp", "[types][timestamp]") {
  char text[40];
  apidecl::writer out(text, sizeof text);
  apidecl::from_text<apidecl::utc_timestamp>("2014-02-21T07:49:24.655024Z")->format_without_zone(out);
  CHECK(std::string_view(text, out.size()) == "2014-02-21T07:49:24.655024");
  apidecl::writer whole(text, sizeof text);
  apidecl::from_text<apidecl::utc_timestamp>("2014-02-21T07:49:24Z")->format_without_zone(whole);
  CHECK(std::string_view(text, whole.size()) == "2014-02-21T07:49:24");
}

TEST_CASE("a +00:00 offset is UTC and is written as Z", "[types][timestamp]") {
  auto const t = parsed("2014-06-25T16:39:07+00:00");
  CHECK(t == parsed("2014-06-25T16:39:07Z"));
  CHECK(apidecl::to_text(t) == "2014-06-25T16:39:07Z");
  CHECK(apidecl::to_text(parsed("2014-06-25T16:39:07.25+00:00")) == "2014-06-25T16:39:07.25Z");
}

TEST_CASE("a timestamp without a zone is refused, since it may be local time", "[types][timestamp]") {
  CHECK(refused("2014-02-21T07:49:24.655024"));  // how onDemand's x-lod-timestamp header looks
  CHECK(refused("2014-06-25T16:39:07"));
}

TEST_CASE("offsets other than UTC are refused", "[types][timestamp]") {
  for (std::string_view text : {"2014-06-25T16:39:07+01:00", "2014-06-25T16:39:07-05:00", "2014-06-25T16:39:07-00:00",
                                "2014-06-25T16:39:07+0000", "2014-06-25T16:39:07+00", "2014-06-25T16:39:07 Z",
                                "2014-06-25T16:39:07z", "2014-06-25T16:39:07ZZ", "2014-06-25T16:39:07Z "}) {
    INFO(text);
    CHECK(refused(text));
  }
}

TEST_CASE("dates that do not exist are refused", "[types][timestamp]") {
  for (std::string_view text : {"2014-02-30T00:00:00Z", "2014-02-29T00:00:00Z", "1900-02-29T00:00:00Z",
                                "2100-02-29T00:00:00Z", "2014-13-01T00:00:00Z", "2014-00-10T00:00:00Z",
                                "2014-01-00T00:00:00Z", "2014-01-32T00:00:00Z", "2014-04-31T00:00:00Z",
                                "2014-06-31T00:00:00Z", "2014-09-31T00:00:00Z", "2014-11-31T00:00:00Z"}) {
    INFO(text);
    CHECK(refused(text));
  }
}

TEST_CASE("February 29th exists in leap years only", "[types][timestamp]") {
  CHECK_FALSE(refused("2000-02-29T00:00:00Z"));  // divisible by 400
  CHECK_FALSE(refused("2024-02-29T00:00:00Z"));  // by 4
  CHECK(refused("1900-02-29T00:00:00Z"));        // by 100, not 400
  CHECK(refused("2023-02-29T00:00:00Z"));
  CHECK(parsed("2024-02-29T23:59:59Z").seconds_since_epoch() + 1 ==
        parsed("2024-03-01T00:00:00Z").seconds_since_epoch());
}

TEST_CASE("times that do not exist are refused", "[types][timestamp]") {
  for (std::string_view text : {"2014-06-25T24:00:00Z", "2014-06-25T23:60:00Z", "2014-06-25T23:59:60Z",
                                "2014-06-25T99:00:00Z"}) {
    INFO(text);
    CHECK(refused(text));
  }
}

TEST_CASE("text not in the extended ISO 8601 form is refused", "[types][timestamp]") {
  for (std::string_view text : {"", "Z", "2014-06-25", "2014-06-25Z", "2014-06-25T16:39Z", "20140625T163907Z",
                                "2014-06-25 16:39:07Z", "2014-06-25t16:39:07Z", "14-06-25T16:39:07Z",
                                "2014-6-25T16:39:07Z", "2014-06-25T16:39:7Z", "+2014-06-25T16:39:07Z",
                                "2014-06-25T16:39:07.Z", "2014-06-25T16:39:07,5Z", "2014-06-25T16:39:07.1234567890Z",
                                "2014-06-25T16:39:07.12a4Z", "2O14-06-25T16:39:07Z", "1403714347"}) {
    INFO(text);
    CHECK(refused(text));
  }
}

TEST_CASE("a default timestamp is the Unix epoch", "[types][timestamp]") {
  apidecl::utc_timestamp const epoch;
  CHECK(epoch.seconds_since_epoch() == 0);
  CHECK(apidecl::to_text(epoch) == "1970-01-01T00:00:00Z");
}

TEST_CASE("a timestamp built from Unix time writes that instant", "[types][timestamp]") {
  auto const t = apidecl::utc_timestamp::from_unix_time(1403714347);
  REQUIRE(t.has_value());
  CHECK(apidecl::to_text(*t) == "2014-06-25T16:39:07Z");
  CHECK(apidecl::to_text(*apidecl::utc_timestamp::from_unix_time(1392968964, 655024000, 6)) ==
        "2014-02-21T07:49:24.655024Z");
  CHECK(apidecl::to_text(*apidecl::utc_timestamp::from_unix_time(-1, 5000000, 3)) == "1969-12-31T23:59:59.005Z");
  CHECK(apidecl::to_text(*apidecl::utc_timestamp::from_unix_time(-62167219200)) == "0000-01-01T00:00:00Z");
  CHECK(apidecl::to_text(*apidecl::utc_timestamp::from_unix_time(253402300799, 999999999, 9)) ==
        "9999-12-31T23:59:59.999999999Z");
}

TEST_CASE("Unix time a timestamp cannot write is refused", "[types][timestamp]") {
  CHECK_FALSE(apidecl::utc_timestamp::from_unix_time(-62167219201).has_value());  // the year before 0000
  CHECK_FALSE(apidecl::utc_timestamp::from_unix_time(253402300800).has_value());  // 10000-01-01
  CHECK_FALSE(apidecl::utc_timestamp::from_unix_time(0, 1000000000, 9).has_value());
  CHECK_FALSE(apidecl::utc_timestamp::from_unix_time(0, 0, 10).has_value());
  CHECK_FALSE(apidecl::utc_timestamp::from_unix_time(0, 0, -1).has_value());
  CHECK_FALSE(apidecl::utc_timestamp::from_unix_time(0, 1500000, 2).has_value());  // 0.0015 s in two digits
  CHECK_FALSE(apidecl::utc_timestamp::from_unix_time(0, 1).has_value());
  CHECK(apidecl::utc_timestamp::from_unix_time(0, 1500000, 4).has_value());
}

TEST_CASE("every day of four centuries reads back from its Unix time", "[types][timestamp]") {
  auto day = *apidecl::utc_timestamp::from_unix_time(parsed("1900-01-01T12:34:56Z").seconds_since_epoch());
  auto const end = parsed("2300-01-01T00:00:00Z");
  int days = 0;
  int mismatches = 0;
  while (day < end) {
    auto const again = apidecl::from_text<apidecl::utc_timestamp>(apidecl::to_text(day));
    if (!again || *again != day) ++mismatches;
    day = *apidecl::utc_timestamp::from_unix_time(day.seconds_since_epoch() + 86400);
    ++days;
  }
  CHECK(mismatches == 0);
  CHECK(days == 146097);  // the days in 400 Gregorian years
}

TEST_CASE("timestamps order by instant, and the fraction's digits do not matter", "[types][timestamp]") {
  CHECK(parsed("2014-06-25T16:39:07.5Z") == parsed("2014-06-25T16:39:07.500Z"));
  CHECK(parsed("2014-06-25T16:39:07Z") == parsed("2014-06-25T16:39:07.000Z"));
  CHECK(parsed("2014-06-25T16:39:07Z") != parsed("2014-06-25T16:39:07.001Z"));
  CHECK(parsed("2014-06-25T16:39:07Z") < parsed("2014-06-25T16:39:07.001Z"));
  CHECK(parsed("2014-06-25T16:39:07.999Z") < parsed("2014-06-25T16:39:08Z"));
  CHECK(parsed("1969-12-31T23:59:59.9Z") < parsed("1970-01-01T00:00:00Z"));
  CHECK(parsed("2014-06-26T00:00:00Z") > parsed("2014-06-25T23:59:59Z"));
  CHECK(parsed("2014-06-25T16:39:07Z") <= parsed("2014-06-25T16:39:07.0Z"));
  CHECK(parsed("2014-06-25T16:39:07Z") >= parsed("2014-06-25T16:39:07.0Z"));
}

TEST_CASE("timestamps read at compile time", "[types][timestamp]") {
  STATIC_REQUIRE(apidecl::from_text<apidecl::utc_timestamp>("2014-06-25T16:39:07Z")->seconds_since_epoch() ==
                 1403714347);
  STATIC_REQUIRE_FALSE(apidecl::from_text<apidecl::utc_timestamp>("2014-02-29T00:00:00Z").has_value());
}
