#include "filter.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "metrics_test_data.h"

using namespace cb_test;

namespace {

// Five cases over two queues, three severities and two customers.
struct FilterData : TestData {
    FilterData() {
        add_case("CAS-1", t(0), CaseStatus::New, "Networking", Severity::A);
        add_case("CAS-2", t(1), CaseStatus::Resolved, "Networking", Severity::B);
        add_case("CAS-3", t(2), CaseStatus::InProgress, "Storage", Severity::C);
        add_case("CAS-4", t(3), CaseStatus::New, "Storage", Severity::A);
        add_case("CAS-5", t(4), CaseStatus::Closed, "Networking", Severity::C);
        data.cases.customer[3] = id("Fabrikam Élan");
        data.cases.title[2] = id("VPN tunnel drops");
        data.cases.owner[4] = id("bob");
    }
    std::vector<uint32_t> select(const Filter& f) {
        std::vector<uint32_t> rows = {99};  // must be cleared
        select_cases(data, f, &rows);
        return rows;
    }
    Filter parse(std::initializer_list<const char*> args) {
        Filter f;
        std::string error;
        for (const char* a : args) EXPECT_TRUE(apply_filter_arg(a, pool, &f, &error)) << a << ": " << error;
        return f;
    }
};

using Rows = std::vector<uint32_t>;

// Adds 90 cases, k = 0..89, numbered id_of(k) and titled title_of(k); their numbers interned beforehand in
// reverse when asked (the pool's order is then not the rows').
template <typename IdOf, typename TitleOf>
void add_numbered_cases(FilterData& d, IdOf id_of, TitleOf title_of, bool interned_in_reverse) {
    if (interned_in_reverse)
        for (int k = 89; k >= 0; --k) d.id(id_of(k));
    for (int k = 0; k < 90; ++k) {
        const uint32_t r = d.add_case(id_of(k), t(k), CaseStatus::New, "Storage", Severity::B);
        d.data.cases.title[r] = d.id(title_of(k));
    }
}

// Selects each text's cases through a search of the index and expects the rows testing each row selects;
// returns how many rows were selected in all.
size_t expect_search_selects_as_rows_do(FilterData& d, const TextIndex& index,
                                        std::initializer_list<const char*> texts) {
    TextSearch search;
    size_t found = 0;
    for (const char* text : texts) {
        search_text(d.data, index, text, &search);
        EXPECT_TRUE(search.searched) << text;
        Filter f;
        f.text = text;
        Rows searched;
        select_cases(d.data, f, &searched, &search);
        EXPECT_EQ(searched, d.select(f)) << text;
        found += searched.size();
    }
    return found;
}

}  // namespace

TEST(Filter, EmptyFilterSelectsEverything) {
    FilterData d;
    EXPECT_EQ(d.select(Filter{}), (Rows{0, 1, 2, 3, 4}));
}

TEST(Filter, SetsCombineWithAnd) {
    FilterData d;
    EXPECT_EQ(d.select(d.parse({"queue=Networking"})), (Rows{0, 1, 4}));
    EXPECT_EQ(d.select(d.parse({"queue=Networking", "severity=A,C"})), (Rows{0, 4}));
    EXPECT_EQ(d.select(d.parse({"status=new,closed", "owner=ann"})), (Rows{0, 3}));
    EXPECT_EQ(d.select(d.parse({"queue=Storage,Networking", "customer=Contoso", "offering=premier"})),
              (Rows{0, 1, 2, 4}));
    EXPECT_EQ(d.select(d.parse({"product=Exchange", "severity=B"})), (Rows{1}));
}

TEST(Filter, TimeRangeIsHalfOpen) {
    FilterData d;
    Filter f;
    f.from = t(1), f.to = t(3);
    EXPECT_EQ(d.select(f), (Rows{1, 2}));  // created at t(3) is excluded, t(1) included
    f.to = kNoTime;
    EXPECT_EQ(d.select(f), (Rows{1, 2, 3, 4}));
    EXPECT_EQ(d.select(d.parse({"from=2026-03-03", "to=2026-03-04T00:00:01Z"})), (Rows{1, 2}));
}

// Rows out of creation order come in several runs; a time range selects in each between two binary searches,
// the same rows as testing every row (a case without a creation time sorts first, kept by a range with no
// start). Any filter by more than a time range, severities and statuses is left to select_cases.
TEST(Filter, TimeRangeSelectsByCreatedRunsAsByTestingEveryRow) {
    FilterData d;
    std::vector<Time>& created = d.data.cases.created_at;
    created = {t(3), t(1), t(2), t(5), kNoTime};
    std::vector<uint32_t> runs;
    find_created_runs(created, &runs);
    EXPECT_EQ(runs, (Rows{0, 1, 4, 5}));
    for (Time from : {kNoTime, t(0), t(2), t(3), t(6)})
        for (Time to : {kNoTime, t(2), t(3), t(5) + 1})
            for (const std::vector<const char*>& more :
                 {std::vector<const char*>{}, {"severity=A,C"}, {"status=new,closed"}, {"queue=Storage"}}) {
                Filter f;
                std::string error;
                for (const char* a : more) ASSERT_TRUE(apply_filter_arg(a, d.pool, &f, &error));
                f.from = from, f.to = to;
                Rows rows = {99}, open_rows = {99}, tested, tested_open;
                const bool by_runs = select_time_range(d.data, f, runs, &rows, &open_rows);
                select_cases(d.data, f, &tested, nullptr, {}, &tested_open);
                const bool timed = has_time(from) || has_time(to);
                EXPECT_EQ(by_runs, timed && f.queue.empty()) << from << " " << to;
                if (!by_runs) continue;
                EXPECT_EQ(rows, tested) << from << " " << to;
                EXPECT_EQ(open_rows, tested_open) << from << " " << to;
            }
    Filter before;
    before.to = t(2);
    Rows rows, open_rows;
    ASSERT_TRUE(select_time_range(d.data, before, runs, &rows, &open_rows));
    EXPECT_EQ(rows, (Rows{1, 4}));
    EXPECT_FALSE(select_time_range(d.data, before, {}, &rows, &open_rows));  // no runs made
}

TEST(Filter, TextIsCaseInsensitiveOverIdTitleAndCustomer) {
    FilterData d;
    EXPECT_EQ(d.select(d.parse({"text=cas-5"})), (Rows{4}));
    EXPECT_EQ(d.select(d.parse({"text=vpn TUNNEL"})), (Rows{2}));
    EXPECT_EQ(d.select(d.parse({"text=éLAN"})), (Rows{3}));  // Latin-1 letters fold too
    EXPECT_EQ(d.select(d.parse({"text=contoso", "queue=Storage"})), (Rows{2}));
    EXPECT_EQ(d.select(d.parse({"text=nowhere"})), (Rows{}));
}

// The index's search lists the rows holding a text when few do, the rows lacking it when few do (all
// three of their strings lack it), and neither otherwise; select_cases then gives the rows of searching
// each row, with any other keys.
TEST(Filter, TextSearchListsTheFewRowsHoldingOrLackingTheText) {
    FilterData d;  // 8 cases: a search lists at most 2 rows
    d.add_case("CAS-6", t(5), CaseStatus::New, "Storage", Severity::B);
    d.add_case("CAS-7", t(6), CaseStatus::Closed, "Storage", Severity::C);
    d.add_case("CAS-8", t(7), CaseStatus::New, "Networking", Severity::B);
    CaseTable& c = d.data.cases;
    c.title[5] = d.id("Outlook crash"), c.title[6] = d.id("Printer jam at Contoso");
    c.customer[6] = d.id("Tailspin");
    TextIndex index;
    build_text_index(d.data, &index);
    struct Expected {
        const char* text;
        TextSearch::Rows kind;
        Rows rows;
    };
    const Expected cases[] = {
        {"JAM", TextSearch::kHolding, {6}},                   // one title
        {"crash", TextSearch::kHolding, {5}},                 // one title
        {"cas-8", TextSearch::kHolding, {7}},                 // an id and a title, of one row
        {"nowhere", TextSearch::kHolding, {}},                // none
        {"contoso", TextSearch::kLacking, {3}},               // row 6's customer lacks it, its title holds it
        {"cas-", TextSearch::kLacking, {}},                   // every id
        {"title of", TextSearch::kHolding, {0, 1, 3, 4, 7}},  // 5 rows hold it, 3 lack it
    };
    TextSearch search;
    for (const Expected& e : cases) {
        search_text(d.data, index, e.text, &search);
        EXPECT_TRUE(search.searched) << e.text;
        EXPECT_EQ(search.kind, e.kind) << e.text;
        EXPECT_EQ(search.rows, e.rows) << e.text;
        for (const std::vector<const char*>& more :
             {std::vector<const char*>{}, {"queue=Storage"}, {"status=new", "severity=B,C"}}) {
            Filter f;
            std::string error;
            for (const char* a : more) ASSERT_TRUE(apply_filter_arg(a, d.pool, &f, &error));
            f.text = e.text;
            Rows searched = {99};
            select_cases(d.data, f, &searched, &search);
            EXPECT_EQ(searched, d.select(f)) << e.text;
        }
    }
    // A search for another text, or of an index the pool has outgrown, is not used.
    search_text(d.data, index, "jam", &search);
    Filter f = d.parse({"text=crash"});
    Rows rows;
    select_cases(d.data, f, &rows, &search);
    EXPECT_EQ(rows, (Rows{5}));
    d.id("a string interned after the index");
    search_text(d.data, index, "crash", &search);
    EXPECT_FALSE(search.searched);
    select_cases(d.data, f, &rows, &search);
    EXPECT_EQ(rows, (Rows{5}));
}

// Ids of one pattern meet a needle's first bytes everywhere: the search (16 bytes at a time) finds what
// testing each row finds, for needles of one to five bytes, in ids of several lengths, held in the ids alone
// (titles without digits) and interned in another order than the rows' (here the reverse).
TEST(Filter, TextSearchOfDigitsFindsWhatEachRowHolds) {
    FilterData d;
    auto id_of = [](int k) {
        return std::to_string(2500 + 7 * k) + "-" + std::to_string(k * 13 % 100) + (k % 3 ? "" : "06");
    };
    add_numbered_cases(
        d, id_of, [](int k) { return k % 2 ? "Printer jam" : "Outlook crash"; }, true);
    TextIndex index;
    build_text_index(d.data, &index);
    EXPECT_GT(expect_search_selects_as_rows_do(
                  d, index, {"2", "26", "260", "2606", "0-", "-1", "55", "606", "2-5", "x"}),
              100u);
}

// Case numbers of one width (here five bytes, as CAS-1..CAS-5) are searched a number at a time: a needle is
// found at either end of a number and never across two, whether the numbers alone hold it or some titles
// too, and whether the numbers were interned in the rows' order or not; a needle longer than the numbers is
// found in the titles only.
TEST(Filter, TextSearchOfFixedWidthIdsFindsWhatEachRowHolds) {
    for (bool interned_in_reverse : {false, true}) {
        FilterData d;
        auto id_of = [](int k) { return std::to_string(26000 + (k * 7919) % 9000); };
        add_numbered_cases(
            d, id_of, [](int k) { return k % 9 ? "Printer jam" : "Error 260604 on save"; },
            interned_in_reverse);
        TextIndex index;
        build_text_index(d.data, &index);
        EXPECT_EQ(index.column_width[0], 5);
        SCOPED_TRACE(interned_in_reverse ? "interned in reverse" : "interned in row order");
        expect_search_selects_as_rows_do(
            d, index,
            {"2", "26", "260", "2606", "26060", "260604", "0", "9", "89", "s-", "S-5", "1c", "50", "-", "x"});
        TextSearch search;
        search_text(d.data, index, "89", &search);  // in some numbers only
        EXPECT_EQ(search.kind, TextSearch::kHolding);
        EXPECT_TRUE(std::is_sorted(search.rows.begin(), search.rows.end()));
        EXPECT_FALSE(search.rows.empty());
    }
}

TEST(Filter, BadArgumentsAreRejectedAndLeaveTheFilterAlone) {
    FilterData d;
    Filter f = d.parse({"queue=Storage"});
    std::string error;
    EXPECT_FALSE(apply_filter_arg("queue=Storage,Nowhere", d.pool, &f, &error));
    EXPECT_NE(error.find("Nowhere"), std::string::npos);
    EXPECT_FALSE(apply_filter_arg("severity=D", d.pool, &f, &error));
    EXPECT_FALSE(apply_filter_arg("colour=red", d.pool, &f, &error));
    EXPECT_FALSE(apply_filter_arg("from=2026-13-01", d.pool, &f, &error));
    EXPECT_FALSE(apply_filter_arg("from=yesterday", d.pool, &f, &error));
    EXPECT_FALSE(apply_filter_arg("queue", d.pool, &f, &error));
    EXPECT_EQ(d.select(f), (Rows{2, 3}));
    EXPECT_TRUE(apply_filter_arg("queue=", d.pool, &f, &error));  // an empty value clears the key
    EXPECT_TRUE(f.queue.empty());
}

TEST(Filter, ArgsRoundTrip) {
    FilterData d;
    d.data.cases.queue[0] = d.id("L2, EMEA");
    Filter f = d.parse({"from=1772409600", "to=2026-03-05T12:30:00Z", "queue=L2\\, EMEA,Storage",
                        "severity=A", "status=in_progress", "text=vpn"});
    EXPECT_EQ(f.from, t(0));
    EXPECT_EQ(f.to, t(3, 12.5));
    ASSERT_EQ(f.queue.size(), 2u);
    EXPECT_EQ(d.pool.view(f.queue[0]), "L2, EMEA");
    std::vector<std::string> args = filter_to_args(f, d.pool);
    EXPECT_EQ(args, (std::vector<std::string>{"from=2026-03-02", "to=2026-03-05T12:30:00Z", "severity=A",
                                              "queue=L2\\, EMEA,Storage", "status=in_progress", "text=vpn"}));
    Filter back;
    std::string error;
    for (const std::string& a : args) EXPECT_TRUE(apply_filter_arg(a, d.pool, &back, &error)) << error;
    EXPECT_EQ(filter_to_args(back, d.pool), args);
}

TEST(Filter, InconsistentColumnsSelectNothing) {
    FilterData d;
    d.data.cases.queue.pop_back();
    EXPECT_EQ(d.select(Filter{}), (Rows{}));
}
