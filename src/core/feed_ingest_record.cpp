#include "feed_ingest_record.h"

#include <algorithm>

namespace cb {

const char* to_string(ValueType t) {
    static const char* const kNames[] = {"a string", "a number",  "a boolean",
                                         "null",     "an object", "an array"};
    return kNames[static_cast<int>(t)];
}

RecordEntry* Record::add(std::string_view path, ValueType type, std::string_view text, const int32_t idx[2]) {
    if (count >= kMaxEntries) {
        truncated = true;
        return nullptr;
    }
    if (count == entries.size()) entries.emplace_back();
    RecordEntry& e = entries[count++];
    if (std::string_view(e.path) != path) {
        e.path.assign(path.data(), path.size());
        e.path_id = paths_.intern(path);
    }
    e.text.assign(text.data(), text.size());
    e.type = type;
    e.idx[0] = idx[0], e.idx[1] = idx[1];
    e.next_same = 0;
    return &e;
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
        const uint32_t id = entries[i].path_id;
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
    path_.clear();
    frames_.clear();
    idx_[0] = idx_[1] = -1;
    arrays_ = 0;
    started_ = false;
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
    if (!root) rec_->add(path_, is_object ? ValueType::Object : ValueType::Array, {}, idx_);
    Frame f{is_object, static_cast<uint32_t>(path_.size()), 0, -1};
    if (!is_object) f.array_level = arrays_ < 2 ? arrays_ : -1, ++arrays_;
    frames_.push_back(f);
}

void RecordBuilder::end_container() {
    if (frames_.empty()) return;
    const Frame f = frames_.back();
    frames_.pop_back();
    path_.resize(f.path_len);
    if (!f.is_object) {
        --arrays_;
        if (f.array_level >= 0) idx_[f.array_level] = -1;
    }
}

void RecordBuilder::key(std::string_view k) {
    if (frames_.empty()) return;
    path_.resize(frames_.back().path_len);
    if (!path_.empty()) path_ += '.';
    path_.append(k.data(), k.size());
}

void RecordBuilder::scalar(ValueType type, std::string_view text) {
    started_ = true;
    begin_value();
    rec_->add(path_, type, text, idx_);
}

}  // namespace cb
