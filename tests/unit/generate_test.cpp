#include "generate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "generate_parts.h"
#include "test_files.h"
#include "timestamp.h"

namespace cb {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* const kFiles[] = {"feeds.json", "cases.json",        "surveys.json",
                              "plans.json", "sla_policies.json", "calendars.json"};

std::string read_text(const fs::path& p) {
    return cb_test::read_file(p.string());
}

// Generates into a fresh temporary folder and removes it when the test ends.
struct TempDataset {
    fs::path dir;
    GenerateSummary summary;
    TempDataset(uint64_t cases, uint64_t seed, const char* tag) {
        dir = fs::temp_directory_path() / (std::string("caseboard_generate_test_") + tag);
        fs::remove_all(dir);
        GenerateOptions options;
        options.cases = cases;
        options.seed = seed;
        std::string error;
        EXPECT_TRUE(generate_dataset(options, dir.string(), &error, &summary)) << error;
    }
    ~TempDataset() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
    json load(const char* file) const { return json::parse(read_text(dir / file)); }
};

Time ts(const json& v) {
    Time t = kNoTime;
    EXPECT_TRUE(v.is_string() && parse_timestamp(v.get<std::string>(), &t, false)) << v.dump();
    return t;
}

TEST(Generate, SameSeedSameBytesOtherSeedDiffers) {
    TempDataset a(500, 7, "a"), b(500, 7, "b"), c(500, 8, "c");
    for (const char* f : kFiles) EXPECT_EQ(read_text(a.dir / f), read_text(b.dir / f)) << f;
    EXPECT_NE(read_text(a.dir / "cases.json"), read_text(c.dir / "cases.json"));
    EXPECT_EQ(a.summary.files, 6);
    EXPECT_EQ(a.summary.cases, 500u);
    uint64_t bytes = 0;
    for (const char* f : kFiles) bytes += fs::file_size(a.dir / f);
    EXPECT_EQ(a.summary.bytes, bytes);
}

TEST(Generate, RejectsBadOptions) {
    GenerateOptions options;
    options.cases = 0;
    std::string error;
    EXPECT_FALSE(generate_dataset(options, (fs::temp_directory_path() / "caseboard_gen_bad").string(), &error,
                                  nullptr));
    EXPECT_NE(error.find("--cases"), std::string::npos);
    options.cases = 10;
    options.surveys_per_case = 1.5;
    EXPECT_FALSE(generate_dataset(options, (fs::temp_directory_path() / "caseboard_gen_bad").string(), &error,
                                  nullptr));
    fs::remove_all(fs::temp_directory_path() / "caseboard_gen_bad");
}

TEST(Generate, ManifestPoliciesAndCalendarsFollowTheContract) {
    TempDataset d(500, 1, "contract");
    const json manifest = d.load("feeds.json");
    EXPECT_EQ(manifest["time_zone"], "Europe/Berlin");
    EXPECT_EQ(manifest["refresh_seconds"], 300);
    std::set<std::string> kinds;
    for (const json& f : manifest["feeds"]) {
        kinds.insert(f["kind"].get<std::string>());
        EXPECT_TRUE(fs::exists(d.dir / f["url"].get<std::string>())) << f.dump();
    }
    EXPECT_EQ(kinds, (std::set<std::string>{"cases", "surveys", "plans", "sla_policies", "calendars"}));

    std::set<std::string> calendars;
    const json calendar_feed = d.load("calendars.json");
    for (const json& c : calendar_feed["calendars"]) calendars.insert(c["name"].get<std::string>());
    EXPECT_EQ(calendars, (std::set<std::string>{"emea", "24x7"}));

    const json sla = d.load("sla_policies.json");
    EXPECT_EQ(sla["pausing_statuses"], json::parse(R"(["waiting_customer","on_hold"])"));
    std::set<std::string> seen;
    for (const json& t : sla["targets"]) {
        EXPECT_GT(t["target_minutes"].get<int>(), 0);
        EXPECT_TRUE(calendars.count(t["calendar"].get<std::string>()));
        seen.insert(t["offering"].get<std::string>() + "/" + t["severity"].get<std::string>() + "/" +
                    t["metric"].get<std::string>());
    }
    for (const char* o : {"unified", "premier", "asfp", "broad_commercial", "*"})
        for (const char* s : {"A", "B", "C"})
            for (const char* m : {"first_response", "next_update", "resolution"})
                EXPECT_TRUE(seen.count(std::string(o) + "/" + s + "/" + m)) << o << s << m;
    EXPECT_EQ(seen.size(), 45u);
}

TEST(Generate, CasesSurveysAndPlansAreConsistent) {
    TempDataset d(2000, 42, "consistent");
    const json cases = d.load("cases.json")["cases"];
    ASSERT_EQ(cases.size(), 2000u);
    std::map<std::string, Time> resolved_at;
    size_t open = 0;
    for (const json& c : cases) {
        const std::string id = c["id"];
        EXPECT_TRUE(resolved_at.emplace(id, kNoTime).second) << "duplicate id " << id;
        for (const char* f : {"customer", "offering", "severity", "queue", "status", "created_at"})
            EXPECT_TRUE(c.contains(f)) << id << " lacks " << f;
        const Time created = ts(c["created_at"]);
        EXPECT_LT(created, kDefaultGenerateAsOf);
        if (c.contains("first_response_at")) {
            EXPECT_LT(created, ts(c["first_response_at"])) << id;
        }
        const std::string status = c["status"];
        if (status == "resolved" || status == "closed") {
            ASSERT_TRUE(c.contains("resolved_at")) << id;
            resolved_at[id] = ts(c["resolved_at"]);
            EXPECT_TRUE(c.contains("resolution_code")) << id;
        } else {
            EXPECT_FALSE(c.contains("resolved_at")) << id;
        }
        if (status == "closed" || status == "cancelled") {
            EXPECT_TRUE(c.contains("closed_at")) << id;
        }
        if (status != "resolved" && status != "closed" && status != "cancelled") ++open;
        // The history is in time order and ends in the current status.
        Time previous = 0;
        for (const json& h : c["status_history"]) {
            EXPECT_LE(previous, ts(h["at"])) << id;
            previous = ts(h["at"]);
        }
        EXPECT_EQ(c["status_history"].back()["status"], status) << id;
        EXPECT_LE(previous, kDefaultGenerateAsOf);
    }
    EXPECT_GT(open, 2000u * 6 / 100);
    EXPECT_LT(open, 2000u * 20 / 100);

    const json surveys = d.load("surveys.json")["surveys"];
    EXPECT_GT(surveys.size(), 300u);  // ~30% of ~1,700 closed cases
    std::set<std::string> survey_ids;
    for (const json& s : surveys) {
        EXPECT_TRUE(survey_ids.insert(s["id"].get<std::string>()).second);
        const auto it = resolved_at.find(s["case_id"].get<std::string>());
        ASSERT_NE(it, resolved_at.end()) << s.dump();
        EXPECT_NE(it->second, kNoTime) << "survey on an unresolved case " << s.dump();
        const Time submitted = ts(s["submitted_at"]);
        EXPECT_GT(submitted, it->second);
        EXPECT_LE(submitted, kDefaultGenerateAsOf);
        EXPECT_GE(s["csat"].get<int>(), 1);
        EXPECT_LE(s["csat"].get<int>(), 5);
        EXPECT_GE(s["effort"].get<int>(), 1);
        EXPECT_LE(s["effort"].get<int>(), 7);
    }

    const json plans = d.load("plans.json")["plans"];
    EXPECT_EQ(plans.size(), 13u);  // 2000 / 150
    for (const json& p : plans) {
        EXPECT_LT(ts(p["period_start"]), ts(p["period_end"]));
        EXPECT_GE(p["objectives"].size(), 2u);
        EXPECT_LE(p["objectives"].size(), 4u);
        for (const json& o : p["objectives"]) {
            EXPECT_GE(o["milestones"].size(), 2u);
            EXPECT_LE(o["milestones"].size(), 5u);
            for (const json& m : o["milestones"])
                EXPECT_EQ(m["status"] == "done", m.contains("completed_at")) << m.dump();
        }
    }
}

// The driver analysis must find it: transfers, missing scope, reopens and unvalidated fixes cost CSAT.
TEST(Generate, DissatisfactionFollowsTheExperience) {
    TempDataset d(3000, 5, "drivers");
    std::map<std::string, bool> troubled;
    const json cases = d.load("cases.json"), surveys = d.load("surveys.json");
    for (const json& c : cases["cases"])
        troubled[c["id"]] = c["transfers"].get<int>() >= 2 || !c.contains("scope_agreed_at") ||
                            c.value("reopened", 0) > 0 || !c.value("solution_validated", true);
    double sum[2] = {0, 0}, n[2] = {0, 0};
    for (const json& s : surveys["surveys"]) {
        const int k = troubled.at(s["case_id"].get<std::string>()) ? 1 : 0;
        sum[k] += s["csat"].get<int>();
        n[k] += 1;
    }
    ASSERT_GT(n[0], 100);
    ASSERT_GT(n[1], 100);
    EXPECT_GT(sum[0] / n[0], 4.0);
    EXPECT_LT(sum[1] / n[1], sum[0] / n[0] - 0.8);
}

// data/README.md promises that this command rewrites the committed demo files byte for byte, on every
// platform (this test also runs under Node, where it proves the wasm build generates the same bytes).
TEST(GenerateDemo, BundledDataIsReproducible) {
    TempDataset d(3000, 42, "demo");
    const fs::path committed = fs::path(CASEBOARD_SOURCE_DIR) / "data";
    for (const char* f : kFiles) EXPECT_TRUE(read_text(committed / f) == read_text(d.dir / f)) << f;
}

TEST(GenerateParts, BusinessMinutesSkipNightsWeekendsAndHolidays) {
    Time fri = 0, mon = 0, dec24 = 0, dec28 = 0;
    ASSERT_TRUE(parse_timestamp("2026-11-27T16:30:00Z", &fri, false));  // Friday 17:30 Berlin
    ASSERT_TRUE(parse_timestamp("2026-11-30T07:30:00Z", &mon, false));  // Monday 08:30 Berlin
    EXPECT_EQ(gen::advance_minutes(fri, 60, true), mon);
    EXPECT_EQ(gen::advance_minutes(fri, 60, false), fri + 3600);
    // Thursday Dec 24 17:00 + 2 h: one hour that day, Dec 25-27 are holidays and a weekend.
    ASSERT_TRUE(parse_timestamp("2026-12-24T16:00:00Z", &dec24, false));
    ASSERT_TRUE(parse_timestamp("2026-12-28T08:00:00Z", &dec28, false));  // Monday 09:00 Berlin
    EXPECT_EQ(gen::advance_minutes(dec24, 120, true), dec28);
    // Summer time starts on 2026-03-29 at 01:00 UTC.
    Time switch_at = 0;
    ASSERT_TRUE(parse_timestamp("2026-03-29T01:00:00Z", &switch_at, false));
    EXPECT_EQ(gen::berlin_offset_seconds(switch_at - 1), 3600);
    EXPECT_EQ(gen::berlin_offset_seconds(switch_at), 7200);
}

TEST(GenerateParts, JsonOutEscapesAndPlacesCommas) {
    gen::JsonOut out;  // no file: the text stays in the buffer
    out.begin_object();
    out.key("s");
    out.string("a\"b\\c\nd\x01 Ελληνικά");
    out.key("t");
    out.time(1772442900);
    out.key("list");
    out.begin_array();
    out.integer(-3);
    out.hundredths(-0.426);
    out.hundredths(0.004);
    out.boolean(true);
    out.end_array();
    out.end_object();
    EXPECT_EQ(out.buf,
              "{\"s\":\"a\\\"b\\\\c\\u000ad\\u0001 Ελληνικά\",\"t\":\"2026-03-02T09:15:00Z\","
              "\"list\":[-3,-0.43,0.00,true]}");
    EXPECT_EQ(out.bytes, out.buf.size());
}

}  // namespace
}  // namespace cb
