#include "feed_ingest_record.h"

#include <algorithm>
#include <cstring>

namespace cb {

const char* to_string(ValueType t) {
    static const char* const kNames[] = {"a string", "a number",  "a boolean",
                                         "null",     "an object", "an array"};
    return kNames[static_cast<int>(t)];
}

void Record::add(uint32_t path_id, ValueType type, std::string_view text, const int32_t idx[2]) {
    if (count >= kMaxEntries) {
        truncated = true;
        return;
    }
    if (count == entries.size()) entries.emplace_back();
    RecordEntry& e = entries[count++];
    e.path_id = path_id;
    e.text_at = static_cast<uint32_t>(text_.size());
    e.text = text;  // only its size counts until index() points it into text_
    text_.append(text.data(), text.size());
    e.type = type;
    e.idx[0] = idx[0], e.idx[1] = idx[1];
    e.next_same = 0;
}

uint32_t Record::child_path_id(uint32_t parent, std::string_view key, uint32_t after) {
    if (links_.size() < paths_.size()) links_.resize(paths_.size(), PathLinks{0, 0, kNoEntry, kNoEntry});
    uint32_t& guess = after == kNoEntry ? links_[parent].first : links_[after].next;
    if (guess != kNoEntry && links_[guess].parent == parent) {
        const std::string_view path = paths_.view(guess);
        const size_t at = links_[guess].key_at;
        if (path.size() - at == key.size() && std::memcmp(path.data() + at, key.data(), key.size()) == 0)
            return guess;
    }
    scratch_.assign(reinterpret_cast<const char*>(&parent), sizeof parent).append(key.data(), key.size());
    const StrId pair = child_keys_.intern(scratch_);
    if (pair >= child_of_.size()) {
        const std::string_view parent_path = paths_.view(parent);
        scratch_.assign(parent_path.data(), parent_path.size());
        if (!scratch_.empty()) scratch_ += '.';
        const uint32_t key_at = static_cast<uint32_t>(scratch_.size());
        scratch_.append(key.data(), key.size());
        const uint32_t id = paths_.intern(scratch_);
        child_of_.resize(pair + 1, id);
        if (links_.size() <= id) links_.resize(id + 1, PathLinks{0, 0, kNoEntry, kNoEntry});
        links_[id].parent = parent, links_[id].key_at = key_at;
    }
    uint32_t& slot = after == kNoEntry ? links_[parent].first : links_[after].next;  // links_ may have moved
    return slot = child_of_[pair];
}

void Record::index() {
    const size_t ids = paths_.size();
    if (first_.size() < ids) {
        first_.resize(ids, 0);
        tail_.resize(ids, 0);
        stamp_.resize(ids, 0);  // 0 is never a live generation
    }
    if (++generation_ == 0) {  // wrapped: stale stamps could look live again
        std::fill(stamp_.begin(), stamp_.end(), 0);
        generation_ = 1;
    }
    for (uint32_t i = 0; i < count; ++i) {
        RecordEntry& e = entries[i];
        e.path = paths_.view(e.path_id);
        e.text = std::string_view(text_.data() + e.text_at, e.text.size());
        const uint32_t id = e.path_id;
        if (stamp_[id] != generation_) {
            stamp_[id] = generation_;
            first_[id] = tail_[id] = i;
        } else {
            entries[tail_[id]].next_same = i;
            tail_[id] = i;
        }
    }
}

uint32_t Record::find(std::string_view path) const {
    const uint32_t id = paths_.find(path);
    return id == kNoStr && !path.empty() ? kNoEntry : find_id(id);
}

void RecordBuilder::start(Record* rec) {
    rec_ = rec;
    rec_->clear();
    key_path_ = 0;
    frames_.clear();
    idx_[0] = idx_[1] = -1;
    arrays_ = 0;
    started_ = false;
}

// A member of an object is named by its key; an array element shares its array's path.
uint32_t RecordBuilder::value_path() const {
    if (frames_.empty()) return 0;
    return frames_.back().is_object ? key_path_ : frames_.back().path_id;
}

void RecordBuilder::begin_value() {
    if (frames_.empty() || frames_.back().is_object) return;
    Frame& f = frames_.back();
    const int32_t element = f.next_element++;
    if (f.array_level >= 0) idx_[f.array_level] = element;
}

void RecordBuilder::begin_container(bool is_object) {
    const bool root = !started_;
    started_ = true;
    begin_value();
    const uint32_t path = value_path();
    if (!root) rec_->add(path, is_object ? ValueType::Object : ValueType::Array, {}, idx_);
    Frame f{is_object, path, kNoEntry, 0, -1};
    if (!is_object) f.array_level = arrays_ < 2 ? arrays_ : -1, ++arrays_;
    frames_.push_back(f);
}

void RecordBuilder::end_container() {
    if (frames_.empty()) return;
    const Frame f = frames_.back();
    frames_.pop_back();
    if (!f.is_object) {
        --arrays_;
        if (f.array_level >= 0) idx_[f.array_level] = -1;
    }
}

void RecordBuilder::key(std::string_view k) {
    if (frames_.empty()) return;
    Frame& f = frames_.back();
    f.last_key = key_path_ = rec_->child_path_id(f.path_id, k, f.last_key);
}

void RecordBuilder::scalar(ValueType type, std::string_view text) {
    started_ = true;
    begin_value();
    rec_->add(value_path(), type, text, idx_);
}

}  // namespace cb
