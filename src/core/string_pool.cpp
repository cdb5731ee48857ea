#include "string_pool.h"

#include <cstring>

namespace cb {

static uint64_t hash_bytes(std::string_view s) {
    // Eight bytes per step (ids, names and paths are 10-40 characters), then a final mix so that the low
    // bits, which pick the table slot, depend on every byte.
    constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
    uint64_t h = 0x243F6A8885A308D3ull ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * kMul;
        h ^= h >> 32;
    }
    uint64_t tail = 0;  // byte by byte: a variable-length memcpy would be a library call
    for (size_t k = 0; i + k < s.size(); ++k)
        tail |= uint64_t(static_cast<unsigned char>(s[i + k])) << (8 * k);
    h = (h ^ tail) * kMul;
    h ^= h >> 29;
    h *= kMul;
    return h ^ (h >> 32);
}

StringPool::StringPool() {
    clear();
}

void StringPool::clear() {
    chars_.clear();
    offsets_.assign(2, 0);  // id 0: the empty string
    table_.assign(64, 0);
}

StrId StringPool::find(std::string_view s) const {
    if (s.empty()) return kNoStr;
    size_t mask = table_.size() - 1;
    for (size_t i = hash_bytes(s) & mask;; i = (i + 1) & mask) {
        StrId id = table_[i];
        if (id == 0) return kNoStr;
        if (view(id) == s) return id;
    }
}

StrId StringPool::intern(std::string_view s) {
    if (s.empty()) return kNoStr;
    size_t mask = table_.size() - 1;
    size_t i = hash_bytes(s) & mask;
    for (;; i = (i + 1) & mask) {
        StrId id = table_[i];
        if (id == 0) break;
        if (view(id) == s) return id;
    }
    StrId id = static_cast<StrId>(size());
    chars_.insert(chars_.end(), s.begin(), s.end());
    offsets_.push_back(static_cast<uint32_t>(chars_.size()));
    table_[i] = id;
    if (size() * 2 > table_.size()) grow_table();
    return id;
}

void StringPool::grow_table() {
    std::vector<StrId> bigger(table_.size() * 2, 0);
    size_t mask = bigger.size() - 1;
    for (StrId id = 1; id < size(); ++id) {
        size_t i = hash_bytes(view(id)) & mask;
        while (bigger[i] != 0) i = (i + 1) & mask;
        bigger[i] = id;
    }
    table_.swap(bigger);
}

size_t StringPool::bytes_held() const {
    return chars_.capacity() + offsets_.capacity() * sizeof(uint32_t) + table_.capacity() * sizeof(StrId);
}

}  // namespace cb
