#include "web_platform.h"

#include <cstdlib>

namespace cb::web {

std::string page_param(const char* name, const std::string& fallback) {
    char* value = cbjs_page_param(name);
    if (!value) return fallback;
    std::string out(value);
    std::free(value);
    return out;
}

std::string page_origin() {
    char* value = cbjs_page_origin();
    std::string out(value);
    std::free(value);
    return out;
}

}  // namespace cb::web
