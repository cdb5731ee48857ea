#include "view_state.h"

#include <gtest/gtest.h>

using cb::ui::View;

namespace {

struct Names {
    cb::StringPool pool;
    cb::StrId networking = pool.intern("Networking"), identity = pool.intern("Identity & Access"),
              contoso = pool.intern("Contoso Ltd"), greek = pool.intern("Αθήνα Α.Ε.");
};

}  // namespace

TEST(ViewState, UrlEncodingRoundTripsUtf8AndReservedCharacters) {
    EXPECT_EQ(cb::ui::url_encode("Identity & Access"), "Identity%20%26%20Access");
    EXPECT_EQ(cb::ui::url_encode("Αθ"), "%CE%91%CE%B8");
    EXPECT_EQ(cb::ui::url_decode("Identity%20%26%20Access"), "Identity & Access");
    EXPECT_EQ(cb::ui::url_decode("a+b%2"), "a b%2");  // a cut-off escape stays as text
}

TEST(ViewState, HashRoundTrip) {
    Names n;
    cb::ui::ViewState s;
    s.view = View::Sla;
    s.filter.queue = {n.networking, n.identity};
    s.filter.customer = {n.greek};
    s.filter.severity = {cb::Severity::A, cb::Severity::B};
    s.filter.from = 1793491200;  // 2026-11-01T00:00:00Z
    s.filter.text = "VPN drops";
    s.dark = false;
    s.scale = 2;
    s.selected_case = "CS-10042";
    std::string hash = cb::ui::encode_view_state(s, n.pool);
    EXPECT_EQ(hash.rfind("view=sla&", 0), 0u) << hash;
    EXPECT_NE(hash.find("queue=Networking,Identity%20%26%20Access"), std::string::npos) << hash;
    cb::ui::ViewState back;
    std::string error;
    cb::ui::decode_view_state("#" + hash, n.pool, &back, &error);
    EXPECT_EQ(error, "");
    EXPECT_EQ(back.view, View::Sla);
    EXPECT_EQ(back.filter.queue, s.filter.queue);
    EXPECT_EQ(back.filter.customer, s.filter.customer);
    EXPECT_EQ(back.filter.severity, s.filter.severity);
    EXPECT_EQ(back.filter.from, s.filter.from);
    EXPECT_EQ(back.filter.text, "VPN drops");
    EXPECT_FALSE(back.dark);
    EXPECT_EQ(back.scale, 2.0f);
    EXPECT_EQ(back.selected_case, "CS-10042");
    EXPECT_EQ(cb::ui::encode_view_state(back, n.pool), hash);
}

TEST(ViewState, UnknownValuesAreReportedAndSkipped) {
    Names n;
    cb::ui::ViewState s;
    std::string error;
    cb::ui::decode_view_state("view=nowhere&queue=Networking&owner=Nobody&scale=9", n.pool, &s, &error);
    EXPECT_EQ(s.view, View::Overview);
    EXPECT_EQ(s.filter.queue, std::vector<cb::StrId>{n.networking});
    EXPECT_TRUE(s.filter.owner.empty());
    EXPECT_EQ(s.scale, 1.0f);
    EXPECT_NE(error.find("unknown view 'nowhere'"), std::string::npos) << error;
    EXPECT_NE(error.find("Nobody"), std::string::npos) << error;
    EXPECT_NE(error.find("scale is between 0.75 and 3"), std::string::npos) << error;
}

TEST(ViewState, FilterUndoAndToggle) {
    Names n;
    cb::ui::ViewState s;
    cb::ui::FilterHistory h;
    cb::Filter f = s.filter;
    cb::ui::toggle_value(f.queue, n.networking);
    cb::ui::set_filter(s, h, f);
    cb::ui::toggle_value(f.queue, n.identity);
    cb::ui::toggle_value(f.queue, n.networking);  // a second click removes it again
    cb::ui::set_filter(s, h, f);
    EXPECT_EQ(s.filter.queue, std::vector<cb::StrId>{n.identity});
    EXPECT_EQ(cb::ui::active_filter_count(s.filter), 1);
    EXPECT_TRUE(cb::ui::undo_filter(s, h));
    EXPECT_EQ(s.filter.queue, std::vector<cb::StrId>{n.networking});
    EXPECT_TRUE(cb::ui::undo_filter(s, h));
    EXPECT_TRUE(s.filter.queue.empty());
    EXPECT_FALSE(cb::ui::undo_filter(s, h));
}
