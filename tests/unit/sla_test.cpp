#include "sla.h"

#include <gtest/gtest.h>

#include "sla_defaults.h"
#include "timestamp.h"

namespace cb {
namespace {

Time at(const char* iso) {
    Time t = kNoTime;
    EXPECT_TRUE(parse_timestamp(iso, &t, false)) << iso;
    return t;
}

// A case to add, set field by field: CaseSpec().severity(Severity::A).created(t).
struct CaseSpec {
    const char* offering_name = "premier";
    Severity sev = Severity::B;
    CaseStatus case_status = CaseStatus::InProgress;
    Time created_at = kNoTime, first_response_at = kNoTime, next_update_at = kNoTime, resolved_at = kNoTime,
         closed_at = kNoTime, last_response_at = kNoTime;
    std::vector<StatusChange> changes;

    CaseSpec& offering(const char* v) { return offering_name = v, *this; }
    CaseSpec& severity(Severity v) { return sev = v, *this; }
    CaseSpec& status(CaseStatus v) { return case_status = v, *this; }
    CaseSpec& created(Time v) { return created_at = v, *this; }
    CaseSpec& first_response(Time v) { return first_response_at = v, *this; }
    CaseSpec& next_update_due(Time v) { return next_update_at = v, *this; }
    CaseSpec& resolved(Time v) { return resolved_at = v, *this; }
    CaseSpec& closed(Time v) { return closed_at = v, *this; }
    CaseSpec& last_response(Time v) { return last_response_at = v, *this; }
    CaseSpec& history(std::vector<StatusChange> v) { return changes = std::move(v), *this; }
};

// A dataset built by hand: the test owns the pool, cases are pushed column by column.
struct TestData {
    StringPool pool;
    Dataset data;
    TestData() { data.strings = &pool; }

    uint32_t add(const CaseSpec& s) {
        CaseTable& c = data.cases;
        const uint32_t row = static_cast<uint32_t>(c.count++);
        c.id.push_back(pool.intern("CASE-" + std::to_string(row)));
        for (auto* col : {&c.title, &c.customer, &c.queue, &c.product, &c.owner, &c.resolution_code})
            col->push_back(kNoStr);
        c.offering.push_back(pool.intern(s.offering_name));
        c.severity.push_back(s.sev);
        c.system_down.push_back(0);
        c.type.push_back(CaseType::Reactive);
        c.status.push_back(s.case_status);
        c.created_at.push_back(s.created_at);
        c.first_response_at.push_back(s.first_response_at);
        c.scope_agreed_at.push_back(kNoTime);
        c.next_update_due.push_back(s.next_update_at);
        c.resolved_at.push_back(s.resolved_at);
        c.closed_at.push_back(s.closed_at);
        c.last_response_at.push_back(s.last_response_at);
        for (auto* col : {&c.transfers, &c.collaborators, &c.reopened}) col->push_back(0);
        c.solution_validated.push_back(Tristate::Unknown);
        c.refund.push_back(Refund::None);
        c.sentiment.push_back(NAN);
        c.history.insert(c.history.end(), s.changes.begin(), s.changes.end());
        c.history_begin.push_back(static_cast<uint32_t>(c.history.size()));
        return row;
    }

    void target(const char* offering, Severity sev, SlaMetric metric, int64_t minutes, const char* calendar) {
        SlaTarget t;
        t.offering = offering ? pool.intern(offering) : kNoStr;
        t.severity = sev;
        t.metric = metric;
        t.target_minutes = minutes;
        t.business_hours = calendar != nullptr;
        t.calendar = calendar ? calendar : "";
        data.sla.targets.push_back(t);
    }
};

// "emea": Berlin, Monday to Friday 08:00-18:00, Christmas holidays.
BusinessCalendar emea() {
    BusinessCalendar cal;
    cal.name = "emea";
    cal.time_zone = "Europe/Berlin";
    for (int d = 0; d < 5; ++d) cal.weekly[d].push_back({8 * 60, 18 * 60});
    int64_t d25 = 0, d26 = 0;
    parse_date("2025-12-25", &d25), parse_date("2025-12-26", &d26);
    cal.holidays = {static_cast<int32_t>(d25), static_cast<int32_t>(d26)};
    return cal;
}

// Policies used by most tests:
//   premier B first response 2 business h, any offering B first response 4 business h,
//   any offering A first response 60 calendar min, premier B resolution 10 business h,
//   any offering A resolution 8 calendar h, any offering B next update 8 business h.
void standard_policies(TestData& t) {
    t.data.sla.calendars.push_back(emea());
    t.target("premier", Severity::B, SlaMetric::FirstResponse, 120, "emea");
    t.target(nullptr, Severity::B, SlaMetric::FirstResponse, 240, "emea");
    t.target(nullptr, Severity::A, SlaMetric::FirstResponse, 60, nullptr);
    t.target("premier", Severity::B, SlaMetric::Resolution, 600, "emea");
    t.target(nullptr, Severity::A, SlaMetric::Resolution, 480, nullptr);
    t.target(nullptr, Severity::B, SlaMetric::NextUpdate, 480, "emea");
}

SlaClock clock_of(const SlaResults& r, SlaMetric m, uint32_t row) {
    return sla_clock(r, m, row);
}

TEST(Sla, OpenedOutsideBusinessHoursStartsCountingMonday) {
    TestData t;
    standard_policies(t);
    const uint32_t row = t.add(CaseSpec().created(at("2025-03-14T20:00:00+01:00")));  // Friday evening
    SlaResults r;
    compute_sla(t.data, at("2025-03-17T09:00:00+01:00"), &r);
    SlaClock c = clock_of(r, SlaMetric::FirstResponse, row);
    EXPECT_EQ(c.state, SlaState::InProgress);
    EXPECT_EQ(c.target_s, 7200);
    EXPECT_EQ(c.elapsed_s, 3600);
    EXPECT_EQ(c.remaining_s, 3600);
    EXPECT_TRUE(c.business_hours);
    EXPECT_EQ(c.deadline, at("2025-03-17T10:00:00+01:00"));
    // 09:30: 1.5 h of 2 h = 75 %, the warning threshold (inclusive).
    compute_sla(t.data, at("2025-03-17T09:30:00+01:00"), &r);
    EXPECT_EQ(r.clocks[0].state[row], SlaState::NearingNoncompliance);
    EXPECT_EQ(r.clocks[0].elapsed_s[row], 5400);
    EXPECT_EQ(remaining_seconds(r, SlaMetric::FirstResponse, row), 1800);
}

TEST(Sla, ResolvedExactlyAtDeadlineSucceedsOneSecondLateBreaches) {
    TestData t;
    standard_policies(t);
    // Monday 10:00 + 10 business h = Monday 10-18 (8 h) + Tuesday 08-10 (2 h) = Tuesday 10:00.
    const Time created = at("2025-03-17T10:00:00+01:00"), deadline = at("2025-03-18T10:00:00+01:00");
    const uint32_t on_time = t.add(CaseSpec()
                                       .status(CaseStatus::Resolved)
                                       .created(created)
                                       .first_response(created + 60)
                                       .resolved(deadline));
    const uint32_t late = t.add(CaseSpec()
                                    .status(CaseStatus::Resolved)
                                    .created(created)
                                    .first_response(created + 60)
                                    .resolved(deadline + 1));
    SlaResults r;
    compute_sla(t.data, at("2025-03-20T00:00:00Z"), &r);
    const SlaClock ok = clock_of(r, SlaMetric::Resolution, on_time);
    EXPECT_EQ(ok.state, SlaState::Succeeded);
    EXPECT_EQ(ok.elapsed_s, 36000);
    EXPECT_EQ(ok.deadline, deadline);
    const SlaClock breached = clock_of(r, SlaMetric::Resolution, late);
    EXPECT_EQ(breached.state, SlaState::Noncompliant);
    EXPECT_EQ(breached.elapsed_s, 36001);
    EXPECT_EQ(breached.deadline, deadline);  // the breach time
    EXPECT_EQ(breached.remaining_s, -1);
    EXPECT_EQ(r.clocks[0].state[on_time], SlaState::Succeeded);  // responded after 60 s
    EXPECT_EQ(r.clocks[0].elapsed_s[on_time], 60);
    EXPECT_EQ(r.clocks[0].deadline[on_time], at("2025-03-17T12:00:00+01:00"));  // had it run on
}

TEST(Sla, PausedAndResumedSeveralTimes) {
    TestData t;
    standard_policies(t);
    // Severity A resolution: 8 calendar hours. Counting 00-01, 03-05, 06-08, 08:30-12:00 = 8.5 h; the
    // 8th hour is reached at 11:30.
    const std::vector<StatusChange> history = {
        {CaseStatus::New, at("2025-06-02T00:00:00Z")},
        {CaseStatus::InProgress, at("2025-06-02T00:00:00Z")},
        {CaseStatus::WaitingCustomer, at("2025-06-02T01:00:00Z")},
        {CaseStatus::InProgress, at("2025-06-02T03:00:00Z")},
        {CaseStatus::OnHold, at("2025-06-02T05:00:00Z")},
        {CaseStatus::InProgress, at("2025-06-02T06:00:00Z")},
        {CaseStatus::WaitingCustomer, at("2025-06-02T08:00:00Z")},
        {CaseStatus::InProgress, at("2025-06-02T08:30:00Z")},
        {CaseStatus::Resolved, at("2025-06-02T12:00:00Z")},
    };
    const uint32_t row = t.add(CaseSpec()
                                   .severity(Severity::A)
                                   .status(CaseStatus::Resolved)
                                   .created(at("2025-06-02T00:00:00Z"))
                                   .first_response(at("2025-06-02T00:10:00Z"))
                                   .resolved(at("2025-06-02T12:00:00Z"))
                                   .history(history));
    SlaResults r;
    compute_sla(t.data, at("2025-06-03T00:00:00Z"), &r);
    SlaClock c = clock_of(r, SlaMetric::Resolution, row);
    EXPECT_EQ(c.state, SlaState::Noncompliant);
    EXPECT_EQ(c.elapsed_s, 30600);
    EXPECT_EQ(c.deadline, at("2025-06-02T11:30:00Z"));
    EXPECT_FALSE(c.business_hours);

    // As of 08:15 the case waits on the customer: paused after 5 h, deadline unknown.
    compute_sla(t.data, at("2025-06-02T08:15:00Z"), &r);
    c = clock_of(r, SlaMetric::Resolution, row);
    EXPECT_EQ(c.state, SlaState::Paused);
    EXPECT_EQ(c.elapsed_s, 5 * 3600);
    EXPECT_EQ(c.deadline, kNoTime);

    // As of 10:00 it runs again: 6.5 h of 8 h (>= 75 %), 1.5 h left -> 11:30.
    compute_sla(t.data, at("2025-06-02T10:00:00Z"), &r);
    c = clock_of(r, SlaMetric::Resolution, row);
    EXPECT_EQ(c.state, SlaState::NearingNoncompliance);
    EXPECT_EQ(c.elapsed_s, 23400);
    EXPECT_EQ(c.deadline, at("2025-06-02T11:30:00Z"));
}

TEST(Sla, PausesOnBusinessClockAcrossAWeekendAndHistoryOutOfOrder) {
    TestData t;
    standard_policies(t);
    // Premier B resolution, 10 business h. Created Friday 28 March 16:00 CET (2 h that day), waiting on the
    // customer from Monday 31 March 09:00 CEST to 11:00 (1 h counted Monday before that), history given
    // out of order. As of Monday 15:00 CEST: 2 + 1 + 4 = 7 h counted; 3 h left -> Monday 18:00.
    const std::vector<StatusChange> history = {
        {CaseStatus::InProgress, at("2025-03-31T11:00:00+02:00")},
        {CaseStatus::New, at("2025-03-28T16:00:00+01:00")},
        {CaseStatus::WaitingCustomer, at("2025-03-31T09:00:00+02:00")},
    };
    const uint32_t row = t.add(CaseSpec()
                                   .created(at("2025-03-28T16:00:00+01:00"))
                                   .first_response(at("2025-03-28T16:30:00+01:00"))
                                   .history(history));
    SlaResults r;
    compute_sla(t.data, at("2025-03-31T15:00:00+02:00"), &r);
    const SlaClock c = clock_of(r, SlaMetric::Resolution, row);
    EXPECT_EQ(c.state, SlaState::InProgress);
    EXPECT_EQ(c.elapsed_s, 7 * 3600);
    EXPECT_EQ(c.deadline, at("2025-03-31T18:00:00+02:00"));
}

TEST(Sla, CalendarVersusBusinessHours) {
    TestData t;
    standard_policies(t);
    const Time friday = at("2025-03-14T20:00:00+01:00");
    const uint32_t sev_a = t.add(CaseSpec().severity(Severity::A).created(friday));
    const uint32_t sev_b = t.add(CaseSpec().severity(Severity::B).created(friday));
    SlaResults r;
    compute_sla(t.data, at("2025-03-17T09:30:00+01:00"), &r);
    const SlaClock a = clock_of(r, SlaMetric::FirstResponse, sev_a);
    EXPECT_EQ(a.state, SlaState::Noncompliant);
    EXPECT_FALSE(a.business_hours);
    EXPECT_EQ(a.elapsed_s, 61 * 3600 + 1800);  // Friday 20:00 to Monday 09:30
    EXPECT_EQ(a.deadline, at("2025-03-14T21:00:00+01:00"));
    const SlaClock b = clock_of(r, SlaMetric::FirstResponse, sev_b);
    EXPECT_EQ(b.state, SlaState::NearingNoncompliance);
    EXPECT_EQ(b.elapsed_s, 5400);
}

TEST(Sla, OfferingSpecificTargetBeatsWildcard) {
    TestData t;
    standard_policies(t);
    const Time created = at("2025-03-17T08:00:00+01:00");
    const uint32_t premier = t.add(CaseSpec().offering("premier").created(created));
    const uint32_t unified = t.add(CaseSpec().offering("unified").created(created));
    const uint32_t sev_c = t.add(CaseSpec().offering("premier").severity(Severity::C).created(created));
    SlaResults r;
    compute_sla(t.data, at("2025-03-17T09:00:00+01:00"), &r);
    EXPECT_EQ(r.clocks[0].target_s[premier], 7200);
    EXPECT_EQ(r.clocks[0].target_s[unified], 14400);
    EXPECT_EQ(r.clocks[0].deadline[unified], at("2025-03-17T12:00:00+01:00"));
    EXPECT_EQ(r.clocks[0].state[sev_c], SlaState::NotApplicable);  // no severity C target at all
    EXPECT_EQ(r.clocks[0].target_s[sev_c], 0);
    EXPECT_EQ(r.clocks[2].state[unified], SlaState::NotApplicable);  // resolution target is premier only
}

TEST(Sla, CancelledAndMissingTimestamps) {
    TestData t;
    standard_policies(t);
    const Time created = at("2025-03-17T08:00:00+01:00");
    const uint32_t cancelled = t.add(CaseSpec().status(CaseStatus::Cancelled).created(created));
    const uint32_t cancelled_answered =
        t.add(CaseSpec().status(CaseStatus::Cancelled).created(created).first_response(created + 600));
    const uint32_t no_created = t.add(CaseSpec().first_response(created));
    const uint32_t resolved_no_times = t.add(CaseSpec().status(CaseStatus::Resolved).created(created));
    // Resolved without a recorded first response: the response clock stops at the resolution.
    const uint32_t resolved_no_response =
        t.add(CaseSpec().status(CaseStatus::Resolved).created(created).resolved(created + 3600));
    const uint32_t future = t.add(CaseSpec().created(at("2025-03-18T08:00:00+01:00")));  // after as_of
    SlaResults r;
    compute_sla(t.data, at("2025-03-17T12:00:00+01:00"), &r);
    const auto fr = r.clocks[static_cast<int>(SlaMetric::FirstResponse)];
    const auto res = r.clocks[static_cast<int>(SlaMetric::Resolution)];
    EXPECT_EQ(fr.state[cancelled], SlaState::Cancelled);
    EXPECT_EQ(res.state[cancelled], SlaState::Cancelled);
    EXPECT_EQ(remaining_seconds(r, SlaMetric::FirstResponse, cancelled), 0);
    EXPECT_EQ(fr.state[cancelled_answered], SlaState::Succeeded);
    EXPECT_EQ(fr.state[no_created], SlaState::NotApplicable);
    EXPECT_EQ(fr.state[resolved_no_times], SlaState::NotApplicable);
    EXPECT_EQ(res.state[resolved_no_times], SlaState::NotApplicable);
    EXPECT_EQ(fr.state[resolved_no_response], SlaState::Succeeded);
    EXPECT_EQ(fr.elapsed_s[resolved_no_response], 3600);
    EXPECT_EQ(res.state[resolved_no_response], SlaState::Succeeded);
    EXPECT_EQ(fr.state[future], SlaState::NotApplicable);
}

TEST(Sla, EventsAfterAsOfHaveNotHappenedYet) {
    TestData t;
    standard_policies(t);
    const uint32_t row = t.add(
        CaseSpec().created(at("2025-03-17T08:00:00+01:00")).first_response(at("2025-03-17T11:00:00+01:00")));
    SlaResults r;
    compute_sla(t.data, at("2025-03-17T09:00:00+01:00"), &r);
    EXPECT_EQ(r.clocks[0].state[row], SlaState::InProgress);
    EXPECT_EQ(r.clocks[0].elapsed_s[row], 3600);
    compute_sla(t.data, at("2025-03-17T12:00:00+01:00"), &r);
    EXPECT_EQ(r.clocks[0].state[row], SlaState::Noncompliant);  // 3 h for a 2 h target
    EXPECT_EQ(r.clocks[0].deadline[row], at("2025-03-17T10:00:00+01:00"));
}

TEST(Sla, NextUpdateFromCommittedTimeOrLastResponse) {
    TestData t;
    standard_policies(t);
    const Time created = at("2025-03-17T08:00:00+01:00");
    const Time due = at("2025-03-18T12:00:00+01:00");  // Tuesday noon
    const uint32_t committed =
        t.add(CaseSpec().created(created).first_response(created + 60).next_update_due(due));
    // No committed time: last response Monday 10:00 + 8 business h = Monday 18:00 (end of the day's span).
    const uint32_t derived = t.add(CaseSpec()
                                       .created(created)
                                       .first_response(created + 60)
                                       .last_response(at("2025-03-17T10:00:00+01:00")));
    const uint32_t no_response = t.add(CaseSpec().created(created));
    const uint32_t closed = t.add(
        CaseSpec().status(CaseStatus::Closed).created(created).next_update_due(due).closed(created + 3600));
    const int nu = static_cast<int>(SlaMetric::NextUpdate);
    SlaResults r;
    // Monday 16:00: 2 h Monday + 4 h Tuesday = 6 h before `due`: in progress, 2 h used.
    compute_sla(t.data, at("2025-03-17T16:00:00+01:00"), &r);
    EXPECT_EQ(r.clocks[nu].state[committed], SlaState::InProgress);
    EXPECT_EQ(r.clocks[nu].elapsed_s[committed], 7200);
    EXPECT_EQ(r.clocks[nu].deadline[committed], due);
    EXPECT_EQ(r.clocks[nu].state[derived], SlaState::NearingNoncompliance);  // 2 h left of 8 (25 %)
    EXPECT_EQ(r.clocks[nu].deadline[derived], at("2025-03-17T18:00:00+01:00"));
    EXPECT_EQ(r.clocks[nu].state[no_response], SlaState::NotApplicable);
    EXPECT_EQ(r.clocks[nu].state[closed], SlaState::NotApplicable);
    // Tuesday 10:00: 2 h left of 8 -> nearing. Tuesday 12:00:01: overdue.
    compute_sla(t.data, at("2025-03-18T10:00:00+01:00"), &r);
    EXPECT_EQ(r.clocks[nu].state[committed], SlaState::NearingNoncompliance);
    compute_sla(t.data, at("2025-03-18T12:00:01+01:00"), &r);
    EXPECT_EQ(r.clocks[nu].state[committed], SlaState::Noncompliant);
    EXPECT_EQ(r.clocks[nu].elapsed_s[committed], 8 * 3600 + 1);
    EXPECT_EQ(r.clocks[nu].deadline[committed], due);
}

TEST(Sla, UnknownCalendarOrBadTargetIsIgnored) {
    TestData t;
    t.target(nullptr, Severity::B, SlaMetric::FirstResponse, 120, "nowhere");
    t.target(nullptr, Severity::B, SlaMetric::Resolution, 0, nullptr);
    const uint32_t row = t.add(CaseSpec().created(at("2025-03-17T08:00:00Z")));
    SlaResults r;
    compute_sla(t.data, at("2025-03-17T09:00:00Z"), &r);
    for (const SlaClockColumns& col : r.clocks) EXPECT_EQ(col.state[row], SlaState::NotApplicable);
    compute_sla(t.data, kNoTime, &r);
    EXPECT_EQ(r.clocks[0].state[row], SlaState::NotApplicable);
    EXPECT_EQ(remaining_seconds(r, SlaMetric::FirstResponse, 99), 0);  // row out of range
}

TEST(SlaDefaults, TableAndFallback) {
    StringPool pool;
    const SlaPolicySet set = default_sla_policies("Europe/Berlin", pool);
    EXPECT_EQ(set.targets.size(), 36u);  // (unified, premier, asfp, any) x A/B/C x 3 metrics
    ASSERT_EQ(set.calendars.size(), 1u);
    EXPECT_EQ(set.calendars[0].name, "business");
    EXPECT_EQ(set.calendars[0].time_zone, "Europe/Berlin");
    EXPECT_TRUE(set.calendars[0].weekly[5].empty());
    EXPECT_EQ(set.calendars[0].weekly[0][0].start_minute, 9 * 60);
    StringPool empty;
    EXPECT_EQ(default_sla_policies_lookup("UTC", empty).targets.size(), 9u);  // only the wildcard rows

    // No sla_policies feed: the defaults apply in UTC.
    TestData t;
    const uint32_t premier_a = t.add(CaseSpec()
                                         .offering("premier")
                                         .severity(Severity::A)
                                         .status(CaseStatus::Resolved)
                                         .created(at("2025-03-17T09:00:00Z"))
                                         .first_response(at("2025-03-17T09:45:00Z"))
                                         .resolved(at("2025-03-17T12:00:00Z")));
    const uint32_t broad_b =
        t.add(CaseSpec().offering("broad_commercial").created(at("2025-03-17T08:00:00Z")));
    SlaResults r;
    compute_sla(t.data, at("2025-03-17T12:00:00Z"), &r);
    EXPECT_EQ(r.clocks[0].state[premier_a], SlaState::Succeeded);
    EXPECT_EQ(r.clocks[0].target_s[premier_a], 3600);
    EXPECT_EQ(r.clocks[0].business_hours[premier_a], 0);
    // Broad commercial B: 4 business h from Monday 09:00 UTC; 3 h by 12:00 = 75 %.
    EXPECT_EQ(r.clocks[0].target_s[broad_b], 14400);
    EXPECT_EQ(r.clocks[0].elapsed_s[broad_b], 10800);
    EXPECT_EQ(r.clocks[0].state[broad_b], SlaState::NearingNoncompliance);
    EXPECT_EQ(r.clocks[0].deadline[broad_b], at("2025-03-17T13:00:00Z"));
}

}  // namespace
}  // namespace cb
