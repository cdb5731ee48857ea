// feed_ingest_record.h: one feed record at a time, flattened (internal to feed ingestion and the manifest).
//
// A record (one JSON object, or one CSV row) becomes a list of entries: every scalar, object and array
// inside it, in document order, named by its dotted key path ("assignment_group.display_value"). Arrays add
// no path segment; instead each entry carries the element indices of its first two enclosing arrays, so
// nested lists (status_history, objectives[].milestones[], weekly.mon[][]) can be regrouped. Values are
// copied into one text arena per record and paths are ids, resolved from (parent path, key) pairs already
// seen: after warm-up assembling a record allocates nothing and builds no path strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "string_pool.h"

namespace cb {

enum class ValueType : uint8_t { String, Number, Bool, Null, Object, Array };
const char* to_string(ValueType t);  // "a string", "a number", ...

struct RecordEntry {
    // Views set by Record::index(), valid until the next record starts (or a new path is interned).
    std::string_view path;
    std::string_view text;  // string value, number source text, "true"/"false"; empty for the rest
    ValueType type = ValueType::Null;
    int32_t idx[2] = {-1, -1};  // element index in the outermost / second enclosing array; -1 if none
    uint32_t next_same = 0;     // next entry with the same path (0: none; entry 0 is never a successor)
    uint32_t path_id = 0;       // the path's id in the record's path dictionary (0: the empty path)
    uint32_t text_at = 0;       // where text starts in the record's arena (until index())
};

constexpr uint32_t kNoEntry = UINT32_MAX;

struct Record {
    static constexpr size_t kMaxEntries = 4096;  // the rest of a larger record is ignored (and reported)
    std::vector<RecordEntry> entries;            // the first `count` are this record's
    size_t count = 0;
    bool truncated = false;

    void clear() { count = 0, truncated = false, text_.clear(); }
    void add(uint32_t path_id, ValueType type, std::string_view text, const int32_t idx[2]);
    void add(std::string_view path, ValueType type, std::string_view text, const int32_t idx[2]) {
        add(path_id(path), type, text, idx);
    }
    // Path lookup and the entries' views; call once the record is complete.
    void index();
    uint32_t find(std::string_view path) const;  // first entry with this path, or kNoEntry
    uint32_t find_id(uint32_t path_id) const {   // the same by path id (see path_id())
        return path_id < stamp_.size() && stamp_[path_id] == generation_ ? first_[path_id] : kNoEntry;
    }
    // A path's id, to resolve a path once and look it up by id in every record.
    uint32_t path_id(std::string_view path) { return paths_.intern(path); }
    // The id of "<parent path>.<key>" (or key under the empty path). `after` is the path of the key before
    // it in the same object (kNoEntry for the first): records share their key order, so the key that
    // followed `after` last time is tried before the (parent, key) dictionary.
    uint32_t child_path_id(uint32_t parent, std::string_view key, uint32_t after);
    const RecordEntry& at(uint32_t i) const { return entries[i]; }

private:
    // Every distinct path seen so far, and the path each (parent, key) pair leads to.
    // They grow only with paths never seen before (at most the feed's size, bounded by its byte limit).
    StringPool paths_;
    StringPool child_keys_;           // parent path id (4 bytes) + key, interned
    std::vector<uint32_t> child_of_;  // by child_keys_ id: the path id
    // By path id: its parent's id and where its last segment starts (to check a guess), the path of the
    // key that followed it last time and of the first key inside it (kNoEntry: none yet).
    struct PathLinks {
        uint32_t parent, key_at, next, first;
    };
    std::vector<PathLinks> links_;
    std::string scratch_;          // a child key or path being assembled
    std::string text_;             // this record's value texts, back to back
    std::vector<uint32_t> first_;  // by path id: first entry of that path
    std::vector<uint32_t> tail_;   // last entry of that path, to extend its chain
    std::vector<uint32_t> stamp_;  // first_ entry is live only when stamp_ == generation_
    uint32_t generation_ = 0;
};

// Builds a Record from JSON events, starting with the record's own begin_object (or begin_array).
class RecordBuilder {
public:
    void start(Record* rec);
    void begin_container(bool is_object);
    void end_container();
    void key(std::string_view k);
    void scalar(ValueType type, std::string_view text);
    bool done() const { return frames_.empty() && started_; }

private:
    struct Frame {
        bool is_object;
        uint32_t path_id;      // the container's own path
        uint32_t last_key;     // objects: path of the latest key (kNoEntry before the first)
        int32_t next_element;  // arrays: index of the next element
        int32_t array_level;   // arrays: which idx[] slot this array fills (-1 beyond the second)
    };
    void begin_value();           // assigns the element index when the value sits in an array
    uint32_t value_path() const;  // path of the value that begins now
    Record* rec_ = nullptr;
    uint32_t key_path_ = 0;  // path of the last key's value
    std::vector<Frame> frames_;
    int32_t idx_[2] = {-1, -1};
    int arrays_ = 0;
    bool started_ = false;
};

}  // namespace cb
