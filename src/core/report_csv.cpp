// report_csv.cpp: the report JSON flattened into "section,metric,key,value" rows for spreadsheets.
//
// Flattening the JSON (instead of writing a second serialiser) guarantees the CSV holds exactly the JSON's
// numbers. The rules (docs/report.md, "CSV"):
//   section = the top-level member ("report" for top-level scalars and scalar lists);
//   metric  = the object member names below it, joined with '.';
//   key     = what identifies the value inside lists and maps, joined with '/': the first member of each
//             object in a list (its name: queue, id, ...), the index in a list of scalars, and the member
//             name inside objects named by_* / *_by_* (maps such as by_status);
//   value   = the number as written in the JSON, the string, true/false, or empty for null.
#include <string>
#include <vector>

#include "csv_writer.h"
#include "json_reader.h"
#include "report.h"

namespace cb {
namespace {

bool is_map_name(std::string_view name) {
    return name.rfind("by_", 0) == 0 || name.find("_by_") != std::string_view::npos;
}

struct Frame {
    bool array = false;
    bool map = false;            // object named by_*: member names are keys
    bool named_element = false;  // object inside a list: its first member names it
    bool awaiting_name = false;  // ... and that member has not been seen yet
    std::string member;          // object: the current member name
    std::string element_name;    // named element: the first member's value
    uint32_t index = 0;          // array: index of the current element
};

struct Flattener : JsonHandler {
    std::string* out;
    std::vector<Frame> stack;
    std::string metric, keys;  // scratch: the row being written

    explicit Flattener(std::string* o) : out(o) {}

    bool open(bool array) {
        Frame f;
        f.array = array;
        if (!stack.empty()) {
            const Frame& parent = stack.back();
            f.map = !array && !parent.array && is_map_name(parent.member);
            f.named_element = f.awaiting_name = !array && parent.array;
        }
        stack.push_back(std::move(f));
        return true;
    }
    bool close() {
        stack.pop_back();
        if (!stack.empty() && stack.back().array) ++stack.back().index;
        return true;
    }
    bool begin_object() override { return open(false); }
    bool begin_array() override { return open(true); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }
    bool key(std::string_view k) override { return stack.back().member.assign(k.data(), k.size()), true; }

    // A scalar: the name of its list element, or one row.
    bool scalar(std::string_view text, bool is_string) {
        if (stack.empty()) return true;  // a bare scalar document has no rows
        Frame& top = stack.back();
        if (top.awaiting_name) {
            top.awaiting_name = false;
            top.element_name.assign(text.data(), text.size());
            return true;
        }
        emit(text, is_string);
        if (top.array) ++top.index;
        return true;
    }
    void emit(std::string_view value, bool is_string) {
        metric.clear(), keys.clear();
        auto add = [](std::string& to, std::string_view part, char sep) {
            if (!to.empty()) to.push_back(sep);
            to.append(part.data(), part.size());
        };
        std::string_view section = stack[0].member;
        size_t first = 1;
        // Top-level scalars and scalar lists belong to the "report" section, named by their member.
        if (stack.size() == 1 || (stack.size() == 2 && stack[1].array)) section = "report", first = 0;
        for (size_t i = first; i < stack.size(); ++i) {
            const Frame& f = stack[i];
            if (f.array) {
                if (i + 1 == stack.size() || stack[i + 1].array) add(keys, std::to_string(f.index), '/');
                continue;
            }
            if (f.named_element) add(keys, f.element_name, '/');
            if (i == 0) {
                add(metric, f.member, '.');
            } else {
                add(f.map ? keys : metric, f.member, f.map ? '/' : '.');
            }
        }
        append_csv_field(out, section), out->push_back(',');
        append_csv_field(out, metric), out->push_back(',');
        append_csv_field(out, keys), out->push_back(',');
        if (is_string) {
            append_csv_field(out, value);
        } else {
            out->append(value.data(), value.size());
        }
        out->push_back('\n');
    }
    bool string(std::string_view s) override { return scalar(s, true); }
    bool number(std::string_view t) override { return scalar(t, false); }
    bool boolean(bool b) override { return scalar(b ? "true" : "false", false); }
    bool null() override { return scalar("", false); }
};

}  // namespace

bool report_json_to_csv(std::string_view json, std::string* csv) {
    csv->assign("section,metric,key,value\n");
    Flattener flat(csv);
    JsonReader reader(flat);
    return reader.feed(json) && reader.finish() && flat.stack.empty();
}

std::string report_csv(const ReportInput& in) {
    JsonWriter w;
    write_report_json(in, w);
    std::string csv;
    report_json_to_csv(w.str(), &csv);
    return csv;
}

}  // namespace cb
