// data_session.h: loading a manifest and its feeds, whatever delivers the bytes.
//
// The session does not fetch anything itself: it says which URLs it wants (Fetch), and the platform
// (browser fetch streams, files on disk, a test) reports back begin / chunk / end for each fetch id. Each
// feed is ingested incrementally as its chunks arrive; when the last feed of a round ends, the newest good
// version of every feed is assembled into the Dataset and generation() increases.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "feeds.h"
#include "model.h"

namespace cb {

struct Fetch {
    int id;            // 0 = the manifest, 1 + i = feed i of the manifest
    std::string url;   // as written in the manifest (or the manifest URL itself)
    std::string base;  // what url is relative to: the manifest's URL ("" for the manifest)
};

enum class LoadState : uint8_t { Waiting, Loading, Loaded, Failed };
const char* to_string(LoadState s);  // "waiting", "loading", "loaded", "failed"

struct FeedLoad {
    FeedSpec spec;
    LoadState state = LoadState::Waiting;
    uint64_t bytes_done = 0;
    int64_t bytes_total = -1;  // -1 when the server did not say
    Time last_attempt = kNoTime, last_success = kNoTime;
    std::string error;                   // why the latest attempt failed ("" when it did not)
    std::unique_ptr<FeedIngest> ingest;  // while loading
};

// A feed spec for a file given without a manifest (command line, dropped on the page): the kind from the
// file name (…survey…/…satisfaction… → surveys, …plan… → plans, …sla…/…polic… → sla_policies,
// …calendar… → calendars, anything else → cases), CSV by the .csv extension, the format from the content.
FeedSpec feed_spec_for_file(std::string_view file_name, std::string url);

// "https://example.com:8443" for an absolute http(s) URL; "" for a relative one.
std::string url_origin(std::string_view url);

class DataSession {
public:
    // The page's own origin. A manifest from another origin is used only if it lists this origin (or "*")
    // in allow_origins: a link cannot make the dashboard show someone else's data without their consent.
    void set_page_origin(std::string origin) { page_origin_ = std::move(origin); }
    // Starts loading a manifest; the returned fetch is the manifest itself.
    Fetch open(std::string manifest_url);
    // Fetch lifecycle, reported by the platform. on_end with error == nullptr means complete.
    void on_begin(int id, int64_t total_bytes, int http_status);
    void on_chunk(int id, std::string_view bytes);
    // Returns the fetches to start next (the feeds, once the manifest is in).
    std::vector<Fetch> on_end(int id, const char* error, Time now);
    // Loads feeds named by the caller instead of a fetched manifest (files on a command line, files dropped
    // on the page); base is what their urls are relative to.
    std::vector<Fetch> open_feeds(Manifest manifest, std::string base, Time now);
    // Reloads the manifest (and then every feed); the last good data stays until new data is good.
    Fetch refresh() { return open(manifest_url_); }

    bool loading() const { return manifest_loading_ || feeds_loading_ > 0; }
    uint64_t generation() const { return generation_; }  // increases each time data_ is reassembled
    const std::string& manifest_url() const { return manifest_url_; }
    const Manifest& manifest() const { return manifest_; }
    const std::string& manifest_error() const { return manifest_error_; }
    const std::vector<FeedLoad>& feeds() const { return feeds_; }
    const std::vector<FeedReport>& reports() const { return set_.reports(); }
    const FeedReport* report_for(std::string_view feed_name) const;
    const Dataset& data() const { return data_; }
    const StringPool& strings() const { return set_.pool(); }

private:
    std::vector<Fetch> start_feeds(Time now);
    FeedLoad* feed_for(int id) { return id >= 1 && id <= (int)feeds_.size() ? &feeds_[id - 1] : nullptr; }

    std::string page_origin_, manifest_url_, manifest_text_, manifest_error_;
    bool manifest_loading_ = false;
    int manifest_http_ = 0;
    Manifest manifest_;
    std::vector<FeedLoad> feeds_;
    int feeds_loading_ = 0;
    FeedSet set_;
    Dataset data_;
    uint64_t generation_ = 0;
};

}  // namespace cb
