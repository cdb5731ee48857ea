#include "file_session.h"

#include <cstdio>
#include <cstring>

namespace cb {

static std::string resolve(const std::string& url, const std::string& base) {
    if (url.empty() || url[0] == '/' || base.empty()) return url;
    size_t slash = base.rfind('/');
    return slash == std::string::npos ? url : base.substr(0, slash + 1) + url;
}

// Streams one file into the session in 1 MiB chunks, like a fetch, and returns the follow-up fetches.
static std::vector<Fetch> read_fetch(DataSession& session, const Fetch& fetch, Time now) {
    std::string path = resolve(fetch.url, fetch.base);
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) {
        std::string error = "could not open " + path + ": " + std::strerror(errno);
        return session.on_end(fetch.id, error.c_str(), now);
    }
    std::fseek(f, 0, SEEK_END);
    long size = std::ftell(f);
    std::fseek(f, 0, SEEK_SET);
    session.on_begin(fetch.id, size, 200);
    std::vector<char> buffer(1 << 20);
    size_t n;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), f)) > 0)
        session.on_chunk(fetch.id, {buffer.data(), n});
    bool failed = std::ferror(f);
    std::fclose(f);
    std::string error = "could not read " + path;
    return session.on_end(fetch.id, failed ? error.c_str() : nullptr, now);
}

bool is_manifest_file(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    char head[4096];
    size_t n = std::fread(head, 1, sizeof head - 1, f);
    std::fclose(f);
    head[n] = 0;
    const char* p = head;
    while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t') ++p;
    return *p == '{' && std::strstr(head, "\"feeds\"") != nullptr;
}

static void run(DataSession& session, std::vector<Fetch> pending, Time now) {
    // Feeds are read one after another; each read may return more fetches (the manifest returns its feeds).
    for (size_t i = 0; i < pending.size(); ++i) {
        std::vector<Fetch> more = read_fetch(session, pending[i], now);
        pending.insert(pending.end(), more.begin(), more.end());
    }
}

bool load_paths(DataSession& session, const std::vector<std::string>& paths, Time now, std::string* error) {
    if (paths.size() == 1 && is_manifest_file(paths[0])) {
        run(session, {session.open(paths[0])}, now);
        *error = session.manifest_error();
        return error->empty();
    }
    Manifest manifest;
    manifest.title = "Feed files";
    for (const std::string& path : paths) {
        FeedSpec spec = feed_spec_for_file(path, path);
        spec.name = path;  // paths stay unique where base names may not
        // The content says more than the name (as in `caseboard validate`); the name is the fallback.
        if (FILE* f = std::fopen(path.c_str(), "rb")) {
            std::string head(64 * 1024, '\0');
            head.resize(std::fread(&head[0], 1, head.size(), f));
            std::fclose(f);
            sniff_feed_kind(head, &spec.kind);
        }
        manifest.feeds.push_back(std::move(spec));
    }
    run(session, session.open_feeds(std::move(manifest), "", now), now);
    return true;
}

}  // namespace cb
