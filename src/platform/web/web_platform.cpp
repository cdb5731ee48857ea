#include "web_platform.h"

#include <cstdlib>

namespace cb::web {

static std::string take(char* value) {
    std::string out(value ? value : "");
    std::free(value);
    return out;
}

std::string page_param(const char* name, const std::string& fallback) {
    char* value = cbjs_page_param(name);
    return value ? take(value) : fallback;
}

std::string page_origin() {
    return take(cbjs_page_origin());
}
std::string page_hash() {
    return take(cbjs_page_hash());
}

}  // namespace cb::web
