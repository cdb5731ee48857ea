// sla_defaults.h: the SLA policies used when no sla_policies feed is given (table in docs/sla.md).
//
// Offerings unified, premier and asfp have their own targets; "*" (broad_commercial and any other
// offering) gets the broad commercial ones. Severity A counts calendar (24x7) hours; B and C count the
// "business" calendar: Monday to Friday 09:00-17:00 in the team's time zone, no holidays.
#pragma once

#include <string_view>

#include "model.h"

namespace cb {

constexpr const char* kDefaultCalendarName = "business";

// Interns the offering names into `pool`.
SlaPolicySet default_sla_policies(std::string_view team_time_zone, StringPool& pool);
// Same table for a pool that cannot grow: targets of offerings the pool has never seen are left out
// (no case can name them; their id would otherwise be kNoStr, which means "any offering").
SlaPolicySet default_sla_policies_lookup(std::string_view team_time_zone, const StringPool& pool);

}  // namespace cb
