// generate.cpp: the generator's driver, its PRNG, the streaming JSON text writer and the calendar maths.
#include "generate.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "generate_parts.h"
#include "timestamp.h"

namespace cb {
namespace gen {

// ---- PRNG -------------------------------------------------------------------------------------------------

static uint64_t splitmix64(uint64_t* x) {
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed, uint64_t stream) {
    uint64_t x = seed ^ (stream * 0xD1B54A32D192ED03ull);
    for (uint64_t& v : s) v = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

uint64_t Rng::next() {
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double Rng::loglogistic(double median, int shape) {
    const double u = (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53;  // (0, 1)
    double y = u / (1.0 - u);
    if (shape >= 2) y = std::sqrt(y);
    if (shape >= 4) y = std::sqrt(y);
    return median * y;
}

uint32_t Rng::pick(const double* cum, uint32_t n) {
    const double x = uniform() * cum[n - 1];
    const uint32_t i = static_cast<uint32_t>(std::upper_bound(cum, cum + n, x) - cum);
    return i < n ? i : n - 1;
}

// ---- JSON text --------------------------------------------------------------------------------------------

constexpr size_t kBufferBytes = 1 << 20;

bool JsonOut::open(const std::string& path) {
    file = std::fopen(path.c_str(), "wb");
    buf.clear();
    buf.reserve(kBufferBytes + 4096);
    bytes = 0;
    failed = file == nullptr;
    need_comma = after_key = false;
    return !failed;
}

bool JsonOut::close() {
    if (file) {
        if (!buf.empty() && std::fwrite(buf.data(), 1, buf.size(), file) != buf.size()) failed = true;
        if (std::fclose(file) != 0) failed = true;
        file = nullptr;
    }
    buf.clear();
    return !failed;
}

void JsonOut::flush_if_full() {
    if (buf.size() < kBufferBytes) return;
    if (file && std::fwrite(buf.data(), 1, buf.size(), file) != buf.size()) failed = true;
    buf.clear();
}

void JsonOut::raw(std::string_view s) {
    buf.append(s.data(), s.size());
    bytes += s.size();
    flush_if_full();
}

void JsonOut::value_prefix() {
    if (need_comma && !after_key) raw(",");
    after_key = false;
    need_comma = true;
}

void JsonOut::item() {
    if (need_comma && !after_key) raw(",");
    need_comma = false;
    raw("\n");
}

void JsonOut::begin_object() {
    value_prefix();
    raw("{");
    need_comma = false;
}
void JsonOut::end_object() {
    raw("}");
    need_comma = true;
}
void JsonOut::begin_array() {
    value_prefix();
    raw("[");
    need_comma = false;
}
void JsonOut::end_array() {
    raw("]");
    need_comma = true;
}

void JsonOut::key(std::string_view k) {
    if (need_comma) raw(",");
    quoted(k);
    raw(":");
    after_key = true;
}

void JsonOut::string(std::string_view s) {
    value_prefix();
    quoted(s);
}

void JsonOut::quoted(std::string_view s) {
    const size_t before = buf.size();
    buf.push_back('"');
    for (char ch : s) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            buf.push_back('\\');
            buf.push_back(ch);
        } else if (c < 0x20) {
            static const char kHex[] = "0123456789abcdef";
            buf.append("\\u00");
            buf.push_back(kHex[c >> 4]);
            buf.push_back(kHex[c & 15]);
        } else {
            buf.push_back(ch);  // UTF-8 bytes pass through
        }
    }
    buf.push_back('"');
    bytes += buf.size() - before;
    flush_if_full();
}

void JsonOut::integer(int64_t v) {
    value_prefix();
    char tmp[24];
    const int n = std::snprintf(tmp, sizeof tmp, "%lld", static_cast<long long>(v));
    raw(std::string_view(tmp, static_cast<size_t>(n)));
}

void JsonOut::boolean(bool v) {
    value_prefix();
    raw(v ? "true" : "false");
}

void JsonOut::hundredths(double v) {
    value_prefix();
    const int64_t n = static_cast<int64_t>(v * 100.0 + (v >= 0 ? 0.5 : -0.5));
    const int64_t a = n < 0 ? -n : n;
    char tmp[32];
    const int len = std::snprintf(tmp, sizeof tmp, "%s%lld.%02lld", n < 0 ? "-" : "",
                                  static_cast<long long>(a / 100), static_cast<long long>(a % 100));
    raw(std::string_view(tmp, static_cast<size_t>(len)));
}

static void put_digits(char* p, unsigned v, int n) {
    for (int i = n - 1; i >= 0; --i, v /= 10) p[i] = static_cast<char>('0' + v % 10);
}

static int64_t floor_div(int64_t a, int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

void JsonOut::time(Time t) {
    value_prefix();
    const int64_t day = floor_div(t, 86400);
    const unsigned sod = static_cast<unsigned>(t - day * 86400);
    int64_t y;
    unsigned m, d;
    civil_from_days(day, &y, &m, &d);
    char s[23] = "\"0000-00-00T00:00:00Z\"";
    put_digits(s + 1, static_cast<unsigned>(y), 4);
    put_digits(s + 6, m, 2);
    put_digits(s + 9, d, 2);
    put_digits(s + 12, sod / 3600, 2);
    put_digits(s + 15, sod / 60 % 60, 2);
    put_digits(s + 18, sod % 60, 2);
    raw(std::string_view(s, 22));
}

void JsonOut::date(Time t) {
    value_prefix();
    int64_t y;
    unsigned m, d;
    civil_from_days(floor_div(t, 86400), &y, &m, &d);
    char s[13] = "\"0000-00-00\"";
    put_digits(s + 1, static_cast<unsigned>(y), 4);
    put_digits(s + 6, m, 2);
    put_digits(s + 9, d, 2);
    raw(std::string_view(s, 12));
}

// ---- calendars
// ----------------------------------------------------------------------------------------------

// German public holidays observed EU-wide by the EMEA team, 2025-2027 (covers the default window and a
// year either side).
const char* const kEmeaHolidays[] = {
    "2025-01-01", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-09", "2025-10-03",
    "2025-12-25", "2025-12-26", "2026-01-01", "2026-04-03", "2026-04-06", "2026-05-01", "2026-05-14",
    "2026-05-25", "2026-10-03", "2026-12-25", "2026-12-26", "2027-01-01", "2027-03-26", "2027-03-29",
    "2027-05-01", "2027-05-06", "2027-05-17", "2027-10-03", "2027-12-25", "2027-12-26"};
const int kEmeaHolidayCount = static_cast<int>(sizeof kEmeaHolidays / sizeof kEmeaHolidays[0]);

bool is_emea_holiday(int64_t local_day) {
    static const std::vector<int64_t> days = [] {
        std::vector<int64_t> v;
        for (const char* s : kEmeaHolidays) {
            int64_t d = 0;
            if (parse_date(s, &d)) v.push_back(d);
        }
        return v;
    }();
    return std::binary_search(days.begin(), days.end(), local_day);
}

bool is_emea_working_day(int64_t local_day) {
    return weekday_from_days(local_day) < 5 && !is_emea_holiday(local_day);
}

static int64_t last_sunday_of(int64_t y, unsigned m) {
    const int64_t last = days_from_civil(y, m, days_in_month(y, m));
    return last - (weekday_from_days(last) + 1) % 7;
}

int32_t berlin_offset_seconds(Time utc) {
    int64_t y;
    unsigned m, d;
    civil_from_days(floor_div(utc, 86400), &y, &m, &d);
    const Time summer_from = last_sunday_of(y, 3) * 86400 + 3600;
    const Time summer_to = last_sunday_of(y, 10) * 86400 + 3600;
    return utc >= summer_from && utc < summer_to ? 7200 : 3600;
}

Time berlin_to_utc(int64_t local_day, int64_t second_of_day) {
    const int64_t local = local_day * 86400 + second_of_day;
    return local - berlin_offset_seconds(local - 3600);
}

Time advance_minutes(Time t, double minutes, bool business) {
    int64_t left = static_cast<int64_t>(minutes * 60.0);
    if (!business) return t + left;
    for (int guard = 0; guard < 5000; ++guard) {  // 5000 days: any sane duration ends long before
        const int64_t local = t + berlin_offset_seconds(t);
        const int64_t day = floor_div(local, 86400);
        const int64_t sod = local - day * 86400;
        if (!is_emea_working_day(day) || sod >= kWorkEndMinute * 60) {
            t = berlin_to_utc(day + 1, kWorkStartMinute * 60);
            continue;
        }
        if (sod < kWorkStartMinute * 60) {
            t = berlin_to_utc(day, kWorkStartMinute * 60);
            continue;
        }
        const int64_t available = kWorkEndMinute * 60 - sod;
        if (left <= available) return t + left;
        left -= available;
        t = berlin_to_utc(day + 1, kWorkStartMinute * 60);
    }
    return t + left;
}

// ---- SLA targets
// -------------------------------------------------------------------------------------------

const char* const kOfferingNames[kOfferingCount] = {"unified", "premier", "asfp", "broad_commercial"};

// [offering][severity][metric]: first response, next update, resolution. Severity A runs 24x7; B and C count
// EMEA business hours (a business day is 600 minutes).
static const TargetSpec kTargets[kOfferingCount][3][3] = {
    // unified
    {{{60, false, 50}, {240, false, 75}, {2880, false, 75}},
     {{120, true, 75}, {600, true, 75}, {3000, true, 75}},
     {{480, true, 75}, {1800, true, 75}, {6000, true, 75}}},
    // premier
    {{{60, false, 50}, {240, false, 75}, {4320, false, 75}},
     {{120, true, 75}, {600, true, 75}, {3000, true, 75}},
     {{480, true, 75}, {1800, true, 75}, {6000, true, 75}}},
    // asfp
    {{{60, false, 50}, {240, false, 75}, {4320, false, 75}},
     {{240, true, 75}, {1200, true, 75}, {4200, true, 75}},
     {{480, true, 75}, {3000, true, 75}, {9000, true, 75}}},
    // broad_commercial
    {{{60, false, 50}, {480, false, 75}, {7200, false, 75}},
     {{240, true, 75}, {1200, true, 75}, {6000, true, 75}},
     {{480, true, 75}, {3000, true, 75}, {12000, true, 75}}},
};

const TargetSpec& sla_target(int offering, Severity severity, SlaMetric metric) {
    return kTargets[offering][static_cast<int>(severity)][static_cast<int>(metric)];
}

}  // namespace gen

// ---- driver
// ------------------------------------------------------------------------------------------------

bool generate_dataset(const GenerateOptions& options, const std::string& out_dir, std::string* error,
                      GenerateSummary* summary) {
    using namespace gen;
    GenerateSummary local;
    GenerateSummary& sum = summary ? *summary : local;
    sum = GenerateSummary{};
    if (options.cases < 1 || options.cases > 50000000) {
        if (error) *error = "--cases must be between 1 and 50000000";
        return false;
    }
    if (!(options.surveys_per_case >= 0.0 && options.surveys_per_case <= 1.0)) {
        if (error) *error = "--surveys-per-case must be between 0 and 1";
        return false;
    }
    if (options.as_of < 946684800 || options.as_of >= 4102444800) {
        if (error) *error = "--as-of must be between 2000-01-01 and 2099-12-31";
        return false;
    }
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);
    if (ec) {
        if (error) *error = "cannot create folder " + out_dir + ": " + ec.message();
        return false;
    }
    const std::string dir = out_dir.empty() || out_dir.back() == '/' ? out_dir : out_dir + "/";

    Org org;
    build_org(options.cases, options.seed, &org);

    JsonOut out[6];
    const char* const names[6] = {"feeds.json", "sla_policies.json", "calendars.json",
                                  "plans.json", "cases.json",        "surveys.json"};
    for (int i = 0; i < 6; ++i) {
        if (!out[i].open(dir + names[i])) {
            for (int j = 0; j < i; ++j) out[j].close();
            if (error) *error = "cannot write " + dir + names[i];
            return false;
        }
    }
    write_manifest(options.as_of, &out[0]);
    write_sla_policies(&out[1]);
    write_calendars(&out[2]);
    sum.plans = write_plans(org, options.cases, options.seed, options.as_of, &out[3]);
    CaseStats stats;
    write_cases_and_surveys(org, options.cases, options.seed, options.as_of, options.surveys_per_case,
                            &out[4], &out[5], &stats);
    bool ok = true;
    for (int i = 0; i < 6; ++i) {
        const uint64_t bytes = out[i].bytes;
        if (!out[i].close()) {
            if (ok && error) *error = "write failed for " + dir + names[i] + " (disk full?)";
            ok = false;
        }
        sum.bytes += bytes;
    }
    sum.files = 6;
    sum.cases = stats.cases;
    sum.open_cases = stats.open;
    sum.surveys = stats.surveys;
    return ok;
}

}  // namespace cb
