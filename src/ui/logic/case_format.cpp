#include "case_format.h"

#include <cstdio>

#include "timestamp.h"

namespace cb {

std::string format_duration(int64_t seconds) {
    uint64_t s = seconds < 0 ? 0 - (uint64_t)seconds : (uint64_t)seconds;
    uint64_t minutes = s / 60, hours = s / 3600, days = s / 86400;
    char buf[48];
    if (minutes < 1)
        return "< 1 min";
    else if (hours < 1)
        std::snprintf(buf, sizeof buf, "%llu min", (unsigned long long)minutes);
    else if (days < 1)
        std::snprintf(buf, sizeof buf, "%llu h %llu min", (unsigned long long)hours,
                      (unsigned long long)(minutes % 60));
    else if (days < 30)
        std::snprintf(buf, sizeof buf, "%llu d %llu h", (unsigned long long)days,
                      (unsigned long long)(hours % 24));
    else
        std::snprintf(buf, sizeof buf, "%llu d", (unsigned long long)days);
    return buf;
}

std::string format_utc_minute(Time t) {
    if (!has_time(t)) return "–";
    std::string iso = format_iso8601(t);  // 2026-11-30T14:05:00Z
    if (iso.size() < 16) return iso;
    iso[10] = ' ';
    return iso.substr(0, 16) + " UTC";
}

const char* sla_state_words(SlaState s) {
    switch (s) {
        case SlaState::InProgress:
            return "Running";
        case SlaState::NearingNoncompliance:
            return "Nearing";
        case SlaState::Paused:
            return "Paused";
        case SlaState::Succeeded:
            return "Met";
        case SlaState::Noncompliant:
            return "Breached";
        case SlaState::Cancelled:
            return "Cancelled";
        default:
            return "n/a";
    }
}

const char* case_status_words(CaseStatus s) {
    switch (s) {
        case CaseStatus::New:
            return "New";
        case CaseStatus::InProgress:
            return "In progress";
        case CaseStatus::WaitingCustomer:
            return "Waiting on customer";
        case CaseStatus::OnHold:
            return "On hold";
        case CaseStatus::Resolved:
            return "Resolved";
        case CaseStatus::Closed:
            return "Closed";
        case CaseStatus::Cancelled:
            return "Cancelled";
        default:
            return "?";
    }
}

}  // namespace cb
