#include "data_session.h"

#include <cctype>

namespace cb {

const char* to_string(LoadState s) {
    static const char* const kNames[] = {"waiting", "loading", "loaded", "failed"};
    return kNames[static_cast<int>(s)];
}

FeedSpec feed_spec_for_file(std::string_view file_name, std::string url) {
    size_t slash = file_name.find_last_of("/\\");
    std::string name(slash == std::string_view::npos ? file_name : file_name.substr(slash + 1));
    std::string lower = name;
    for (char& c : lower) c = (char)std::tolower((unsigned char)c);
    auto has = [&](const char* part) { return lower.find(part) != std::string::npos; };
    FeedSpec spec;
    spec.name = name;
    spec.url = std::move(url);
    spec.kind = has("survey") || has("satisfaction") ? FeedKind::Surveys
                : has("plan")                        ? FeedKind::Plans
                : has("sla") || has("polic")         ? FeedKind::SlaPolicies
                : has("calendar")                    ? FeedKind::Calendars
                : has("rollup")                      ? FeedKind::Rollups
                                                     : FeedKind::Cases;
    if (lower.size() > 4 && lower.compare(lower.size() - 4, 4, ".csv") == 0) spec.format = FeedFormat::Csv;
    return spec;
}

std::string url_origin(std::string_view url) {
    size_t scheme = url.find("://");
    if (scheme == std::string_view::npos ||
        (url.substr(0, scheme) != "http" && url.substr(0, scheme) != "https"))
        return "";
    size_t end = url.find_first_of("/?#", scheme + 3);
    return std::string(url.substr(0, end));
}

static bool allows(const Manifest& m, const std::string& origin) {
    for (const std::string& o : m.allow_origins)
        if (o == "*" || o == origin) return true;
    return false;
}

// A manifest is a few KB; anything much larger is not a manifest.
static constexpr size_t kMaxManifestBytes = 1 << 20;

Fetch DataSession::open(std::string manifest_url) {
    // A new load cancels the feeds still loading: their late chunks and ends are ignored (no ingest, not
    // Loading), and their last good data stays until the new round replaces it.
    for (FeedLoad& f : feeds_) {
        if (f.state != LoadState::Loading) continue;
        f.ingest.reset();
        f.state = LoadState::Waiting;
    }
    feeds_loading_ = 0;
    manifest_url_ = std::move(manifest_url);
    manifest_text_.clear();
    manifest_loading_ = true;
    manifest_http_ = 0;
    return Fetch{0, manifest_url_, ""};
}

void DataSession::on_begin(int id, int64_t total_bytes, int http_status) {
    if (id == 0) {
        manifest_http_ = http_status;
        return;
    }
    FeedLoad* f = feed_for(id);
    if (!f) return;
    f->bytes_total = total_bytes;
    if (f->ingest && total_bytes > 0) f->ingest->expect_bytes(uint64_t(total_bytes));
}

void DataSession::on_chunk(int id, std::string_view bytes) {
    if (id == 0) {
        if (manifest_text_.size() + bytes.size() <= kMaxManifestBytes) manifest_text_.append(bytes);
        return;
    }
    FeedLoad* f = feed_for(id);
    if (!f || !f->ingest) return;
    f->bytes_done += bytes.size();
    f->ingest->feed(bytes);
}

const FeedReport* DataSession::report_for(std::string_view feed_name) const {
    for (const FeedReport& r : set_.reports())
        if (r.name == feed_name) return &r;
    return nullptr;
}

std::vector<Fetch> DataSession::open_feeds(Manifest manifest, std::string base, Time now) {
    manifest_url_ = std::move(base);
    manifest_error_.clear();
    manifest_loading_ = false;
    manifest_ = std::move(manifest);
    return start_feeds(now);
}

std::vector<Fetch> DataSession::start_feeds(Time now) {
    std::vector<Fetch> fetches;
    // Keep what is known of feeds that stay in the manifest (last success), start all of them afresh.
    std::vector<FeedLoad> next(manifest_.feeds.size());
    for (size_t i = 0; i < manifest_.feeds.size(); ++i) {
        FeedLoad& f = next[i];
        f.spec = manifest_.feeds[i];
        for (FeedLoad& old : feeds_)
            if (old.spec.name == f.spec.name) f.last_success = old.last_success;
        f.state = LoadState::Loading;
        f.last_attempt = now;
        f.ingest = std::make_unique<FeedIngest>(f.spec, set_.pool());
        fetches.push_back(Fetch{(int)i + 1, f.spec.url, manifest_url_});
    }
    feeds_ = std::move(next);
    feeds_loading_ = (int)feeds_.size();
    std::vector<std::string> names;
    for (const FeedSpec& spec : manifest_.feeds) names.push_back(spec.name);
    set_.retain(names);     // feeds the manifest no longer lists must not linger in the data
    if (fetches.empty()) {  // a manifest without feeds: an empty dataset, but a new one
        set_.assemble(&data_, true);
        ++generation_;
    }
    return fetches;
}

std::vector<Fetch> DataSession::on_end(int id, const char* error, Time now) {
    if (id == 0) {
        if (!manifest_loading_) return {};
        manifest_loading_ = false;
        Manifest parsed;
        std::string problem;
        if (error)
            problem = error;
        else if (manifest_text_.size() >= kMaxManifestBytes)
            problem = "the manifest is larger than 1 MiB";
        else if (!parse_manifest(manifest_text_, &parsed, &problem))
            problem = "manifest " + manifest_url_ + ": " + problem;
        else if (std::string origin = url_origin(manifest_url_); !origin.empty() && !page_origin_.empty() &&
                                                                 origin != page_origin_ &&
                                                                 !allows(parsed, page_origin_))
            problem = "manifest " + manifest_url_ + " is on another origin (" + origin +
                      ") and does not list " + page_origin_ + " in allow_origins";
        manifest_text_.clear();
        manifest_text_.shrink_to_fit();
        if (!problem.empty()) {
            manifest_error_ = problem;  // the previous manifest and its data stay in use
            return {};
        }
        manifest_error_.clear();
        manifest_ = std::move(parsed);
        return start_feeds(now);
    }
    FeedLoad* f = feed_for(id);
    if (!f || f->state != LoadState::Loading) return {};
    std::unique_ptr<FeedIngest> ingest = std::move(f->ingest);
    bool ok = !error && ingest->finish();
    FeedReport report = ingest->report();
    report.name = f->spec.name;
    report.bytes = f->bytes_done;
    if (error) report.fatal = error;
    f->error = report.fatal;
    f->state = ok ? LoadState::Loaded : LoadState::Failed;
    if (ok) f->last_success = now;
    std::unique_ptr<FeedData> data;
    if (ok) data = std::make_unique<FeedData>(std::move(ingest->data()));
    set_.store(f->spec, std::move(report), std::move(data));
    if (--feeds_loading_ == 0) {
        set_.assemble(&data_, true);
        ++generation_;
    }
    return {};
}

}  // namespace cb
