// file_session.h: drives a DataSession from files on disk, the way the browser drives it from fetch
// streams (same chunked ingestion), for the command-line tool.
#pragma once

#include <string>
#include <vector>

#include "data_session.h"

namespace cb {

// Loads a manifest file, or a list of feed files (kind from the content, sniff_feed_kind, else from the
// name, feed_spec_for_file). Returns false
// only when nothing could be started (e.g. the manifest could not be read or parsed); per-feed failures are
// in session.reports().
bool load_paths(DataSession& session, const std::vector<std::string>& paths, Time now, std::string* error);

// True when the file looks like a manifest (an object with a "feeds" array near the top).
bool is_manifest_file(const std::string& path);

}  // namespace cb
