// report_args.cpp: the arguments of `caseboard report`, parsed in the core so the unit tests cover them.
#include "report.h"
#include "timestamp.h"

namespace cb {

bool parse_report_args(int argc, const char* const* argv, ReportArgs* out, std::string* error) {
    *out = ReportArgs();
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            out->help = true;
            continue;
        }
        if (a.size() < 2 || a.substr(0, 2) != "--") {
            out->paths.emplace_back(a);
            continue;
        }
        if (a != "--as-of" && a != "--tz" && a != "--filter" && a != "--format")
            return *error = "unknown option '" + std::string(a) + "'", false;
        if (i + 1 >= argc) return *error = std::string(a) + " needs a value", false;
        const std::string_view v = argv[++i];
        if (a == "--as-of") {
            const bool digits = !v.empty() && v.find_first_not_of("0123456789") == std::string_view::npos;
            if (!(digits ? parse_epoch(v, &out->as_of) : parse_timestamp(v, &out->as_of, true)))
                return *error = "--as-of: '" + std::string(v) + "' is not a timestamp (see docs/feeds.md)",
                       false;
        } else if (a == "--tz") {
            out->time_zone = std::string(v);
        } else if (a == "--filter") {
            out->filters.emplace_back(v);
        } else if (v == "json") {
            out->format = ReportFormat::Json;
        } else if (v == "csv") {
            out->format = ReportFormat::Csv;
        } else if (v == "md" || v == "markdown") {
            out->format = ReportFormat::Markdown;
        } else {
            return *error = "--format is json, csv or md, not '" + std::string(v) + "'", false;
        }
    }
    if (!out->help && out->paths.empty()) return *error = "no manifest or feed files given", false;
    return true;
}

}  // namespace cb
