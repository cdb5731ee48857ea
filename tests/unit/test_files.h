// test_files.h: small helpers several unit test files share.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "feeds.h"

namespace cb_test {

// The whole file, or "" when it cannot be read.
inline std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A feed named "f" of this kind and format.
inline cb::FeedSpec feed_spec(cb::FeedKind kind, cb::FeedFormat format = cb::FeedFormat::Auto) {
    cb::FeedSpec s;
    s.name = "f";
    s.kind = kind;
    s.format = format;
    return s;
}

}  // namespace cb_test
