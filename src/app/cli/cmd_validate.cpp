// caseboard validate: reads feeds (a manifest's, or files given directly) through the same incremental
// ingestion as the dashboard and lists every problem found.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "core/feeds.h"

using namespace cb;

static const char kUsage[] =
    "usage: caseboard validate [--kind K] [--format F] <manifest or feed files...>\n"
    "  A manifest (an object with a 'feeds' array) loads its feeds relative to its own path.\n"
    "  A feed file gets its kind from its shape, or from --kind (cases, surveys, plans, sla_policies,\n"
    "  calendars, rollups); --format (caseboard, servicenow, zendesk, dynamics, csv) skips format "
    "detection.\n"
    "  Exit status: 0 clean, 1 record-level problems, 2 a feed could not be read.\n";

constexpr size_t kChunk = 1 << 20;

static bool read_head(const std::string& path, std::string* head, std::string* error) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return *error = path + ": " + std::strerror(errno), false;
    head->resize(kChunk);
    head->resize(std::fread(&(*head)[0], 1, kChunk, f));
    std::fclose(f);
    return true;
}

// Streams the file into a FeedIngest in 1 MiB chunks, as the browser streams a fetch.
static void load(FeedSet& set, const FeedSpec& spec, const std::string& path) {
    auto ingest = std::make_unique<FeedIngest>(spec, set.pool());
    FeedReport failed;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        failed.name = spec.name, failed.kind = spec.kind;
        failed.fatal = "could not open " + path + ": " + std::strerror(errno);
        set.store(spec, failed, nullptr);
        return;
    }
    std::vector<char> buffer(kChunk);
    bool ok = true;
    size_t n;
    while (ok && (n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0)
        ok = ingest->feed({buffer.data(), n});
    const bool read_error = std::ferror(f);
    std::fclose(f);
    if (ok) ok = ingest->finish();
    FeedReport report = ingest->report();
    if (read_error && report.ok()) report.fatal = "could not read " + path;
    auto data = std::make_unique<FeedData>(std::move(ingest->data()));
    set.store(spec, std::move(report), report.ok() ? std::move(data) : nullptr);
}

static std::string directory_of(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

// A manifest is an object with a 'feeds' array (and no records key of a feed).
static bool is_manifest(std::string_view head) {
    size_t i = 0;
    while (i < head.size() && std::strchr(" \t\r\n", head[i])) ++i;
    FeedKind kind;
    return i < head.size() && head[i] == '{' && head.find("\"feeds\"") != std::string_view::npos &&
           !sniff_feed_kind(head, &kind);
}

static void print_report(const FeedReport& r, const std::string& source) {
    if (!r.ok()) {
        std::printf("%s (%s): could not be read: %s\n", r.name.c_str(), source.c_str(), r.fatal.c_str());
        return;
    }
    std::printf("%s (%s): %s %s, %llu records kept, %llu rejected\n", r.name.c_str(), source.c_str(),
                to_string(r.kind), to_string(r.format), static_cast<unsigned long long>(r.records),
                static_cast<unsigned long long>(r.rejected));
    for (const FeedProblem& p : r.problems) {
        std::printf("  %s:record %llu", r.name.c_str(), static_cast<unsigned long long>(p.record));
        if (!p.id.empty()) std::printf(" (id %s)", p.id.c_str());
        std::printf(" %s%s%s\n", p.field.c_str(), p.field.empty() ? "" : ": ", p.message.c_str());
    }
    if (r.problems_not_listed)
        std::printf("  ... and %llu more\n", static_cast<unsigned long long>(r.problems_not_listed));
}

int cmd_validate(int argc, char** argv) {
    FeedKind kind = FeedKind::Cases;
    FeedFormat format = FeedFormat::Auto;
    bool kind_given = false;
    std::vector<std::string> paths;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--help" || a == "-h") return std::fputs(kUsage, stdout), 0;
        if (a == "--kind" && i + 1 < argc && parse_feed_kind(argv[i + 1], &kind)) {
            kind_given = true, ++i;
        } else if (a == "--format" && i + 1 < argc && parse_feed_format(argv[i + 1], &format)) {
            ++i;
        } else if (a.rfind("--", 0) == 0) {
            std::fprintf(stderr, "caseboard validate: bad option '%s'\n%s", a.c_str(), kUsage);
            return 2;
        } else {
            paths.push_back(a);
        }
    }
    if (paths.empty()) return std::fputs(kUsage, stderr), 2;

    FeedSet set;
    std::vector<std::string> sources;  // file of each feed, in the order the set reports them
    bool unreadable = false;
    for (const std::string& path : paths) {
        std::string head, error;
        if (!read_head(path, &head, &error)) {
            std::printf("%s: could not be read: %s\n", path.c_str(), error.c_str());
            unreadable = true;
            continue;
        }
        if (is_manifest(head)) {
            Manifest m;
            std::string text;
            FILE* f = std::fopen(path.c_str(), "rb");  // manifests are small: read it whole
            for (size_t n; f && (n = std::fread(&head[0], 1, head.size(), f)) > 0;) text.append(head, 0, n);
            if (f) std::fclose(f);
            if (!parse_manifest(text, &m, &error)) {
                std::printf("%s: manifest: %s\n", path.c_str(), error.c_str());
                unreadable = true;
                continue;
            }
            for (const FeedSpec& spec : m.feeds) {
                const std::string file = spec.url[0] == '/' ? spec.url : directory_of(path) + spec.url;
                if (file.find("://") != std::string::npos) {
                    std::printf("%s (%s): could not be read: only local files can be validated\n",
                                spec.name.c_str(), spec.url.c_str());
                    unreadable = true;
                    continue;
                }
                load(set, spec, file);
                sources.push_back(file);
            }
            continue;
        }
        FeedSpec spec;
        spec.name = path.substr(path.find_last_of('/') + 1);
        for (const FeedReport& r : set.reports())
            if (r.name == spec.name) spec.name = path;  // base names may repeat, paths do not
        spec.url = path;
        spec.format = format;
        spec.kind = kind;
        if (!kind_given && !sniff_feed_kind(head, &spec.kind)) {
            std::printf("%s: cannot tell which kind of feed this is; name it with --kind\n", path.c_str());
            unreadable = true;
            continue;
        }
        load(set, spec, path);
        sources.push_back(path);
    }
    // Cross-feed problems (duplicate case ids, surveys of unknown cases) only mean something with cases
    // loaded.
    bool have_cases = false;
    for (const FeedReport& r : set.reports())
        have_cases = have_cases || (r.kind == FeedKind::Cases && r.ok());
    Dataset ds;
    if (have_cases) set.assemble(&ds);
    bool problems = false;
    for (size_t i = 0; i < set.reports().size(); ++i) {
        const FeedReport& r = set.reports()[i];
        print_report(r, sources[i]);
        unreadable = unreadable || !r.ok();
        problems = problems || !r.problems.empty();
    }
    return unreadable ? 2 : problems ? 1 : 0;
}
