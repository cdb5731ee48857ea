// caseboard report: loads a manifest (or feed files) through the same chunked session as the browser,
// computes one Board and prints every metric as JSON, CSV or the Markdown digest (docs/report.md).
#include <chrono>
#include <cstdio>
#include <string>

#include "commands.h"
#include "core/board.h"
#include "core/report.h"
#include "core/tz.h"
#include "platform/native/file_session.h"

using namespace cb;

static const char kUsage[] =
    "usage: caseboard report [--as-of TIME] [--tz ZONE] [--filter k=v ...] [--format json|csv|md]\n"
    "                        <manifest or feed files...>\n"
    "  --as-of TIME   the moment the figures are for (default: a snapshot manifest's as_of, else now):\n"
    "                 2026-03-02T09:15:00Z, a UTC offset form, '2026-03-02 09:15:00', a date, or epoch\n"
    "                 seconds / milliseconds\n"
    "  --tz ZONE      the team's IANA time zone (default business calendar, digest dates);\n"
    "                 default: the manifest's time_zone, else UTC\n"
    "  --filter k=v   repeatable; keys from, to, offering, severity, queue, product, customer, owner,\n"
    "                 status (comma-separated values), text\n"
    "  --format F     json (default, docs/report.md), csv (section,metric,key,value rows) or md (the\n"
    "                 weekly top-issues digest)\n"
    "  Exit status: 0 a report was printed (failed feeds are listed in it), 2 bad arguments or nothing\n"
    "  could be loaded.\n";

static int fail(const std::string& message, bool usage) {
    std::fprintf(stderr, "caseboard report: %s\n", message.c_str());
    if (usage) std::fputs(kUsage, stderr);
    return 2;
}

int cmd_report(int argc, char** argv) {
    ReportArgs args;
    std::string error;
    if (!parse_report_args(argc, argv, &args, &error)) return fail(error, true);
    if (args.help) return std::fputs(kUsage, stdout), 0;
    TimeZone zone;
    if (!args.time_zone.empty() && !find_time_zone(args.time_zone, &zone))
        return fail("unknown time zone '" + args.time_zone + "' (an IANA name such as Europe/Berlin)", true);

    const Time now =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
            .count();
    DataSession session;
    if (!load_paths(session, args.paths, now, &error)) return fail(error, false);
    size_t loaded = 0;
    for (const FeedLoad& f : session.feeds()) {
        if (f.state == LoadState::Loaded) {
            ++loaded;
        } else {
            std::fprintf(stderr, "caseboard report: feed %s could not be loaded: %s\n", f.spec.name.c_str(),
                         f.error.c_str());
        }
    }
    if (loaded == 0) return fail("nothing could be loaded", false);

    std::string time_zone = args.time_zone;
    if (time_zone.empty()) {
        time_zone = session.manifest().time_zone;
        if (!find_time_zone(time_zone, &zone)) {
            std::fprintf(stderr, "caseboard report: the manifest's time zone '%s' is unknown; using UTC\n",
                         time_zone.c_str());
            time_zone = "UTC";
        }
    }
    Filter filter;
    for (const std::string& f : args.filters)
        if (!apply_filter_arg(f, session.strings(), &filter, &error)) return fail(error, true);

    Board board;
    // Like the dashboard: a snapshot manifest's figures are as of its export time, live feeds' as of now.
    const Time snapshot = session.manifest().as_of;
    const Time as_of = has_time(args.as_of) ? args.as_of : has_time(snapshot) ? snapshot : now;
    update_board(session.data(), session.generation(), session.strings(), time_zone, as_of, filter,
                 MetricsOptions(), &board);
    const ReportInput input = make_report_input(session, board, filter, time_zone);
    const std::string text = args.format == ReportFormat::Csv        ? report_csv(input)
                             : args.format == ReportFormat::Markdown ? report_markdown(input)
                                                                     : report_json(input, true);
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}
