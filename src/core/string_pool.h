// string_pool.h: interning of repeated strings (customers, queues, owners, ...) into dense 32-bit ids.
//
// Strings live in one growing character arena; lookup is an open-addressing hash table of ids, so
// interning a string already seen allocates nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cb {

using StrId = uint32_t;
constexpr StrId kNoStr = 0;  // id 0 is the empty string and stands for "absent"

class StringPool {
public:
    StringPool();
    StrId intern(std::string_view s);
    StrId find(std::string_view s) const;  // kNoStr when never interned
    std::string_view view(StrId id) const {
        return std::string_view(chars_.data() + offsets_[id], offsets_[id + 1] - offsets_[id]);
    }
    size_t size() const { return offsets_.size() - 1; }
    size_t bytes_held() const;
    void clear();

private:
    void grow_table();
    std::vector<char> chars_;
    std::vector<uint32_t> offsets_;  // size() + 1 entries
    std::vector<StrId> table_;       // 0 = empty slot (id 0 is never stored in the table)
};

}  // namespace cb
