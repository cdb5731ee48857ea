// test_api.cpp: window.caseboard.state() and .command() (documented in docs/test-api.md). The figures
// come from the same core results the screen draws.
#include <cstdlib>

#include "app.h"
#include "json_reader.h"
#include "json_writer.h"
#include "report.h"
#include "timestamp.h"

namespace cb {

static void write_time(JsonWriter& w, Time t) {
    if (has_time(t))
        w.value(format_iso8601(t));
    else
        w.null();
}

static void write_feed(JsonWriter& w, const FeedLoad& feed, const FeedReport* r) {
    w.begin_object();
    w.key("name"), w.value(feed.spec.name);
    w.key("kind"), w.value(to_string(feed.spec.kind));
    w.key("url"), w.value(feed.spec.url);
    w.key("state"), w.value(to_string(feed.state));
    w.key("bytes"), w.value(feed.bytes_done);
    w.key("last_success"), write_time(w, feed.last_success);
    w.key("error"), w.value(feed.error);
    if (r) {
        w.key("format"), w.value(to_string(r->format));
        w.key("records"), w.value(r->records);
        w.key("rejected"), w.value(r->rejected);
        w.key("problems_not_listed"), w.value(r->problems_not_listed);
        w.key("problems"), w.begin_array();
        for (const FeedProblem& p : r->problems) {
            w.begin_object();
            w.key("record"), w.value(p.record);
            w.key("id"), w.value(p.id);
            w.key("field"), w.value(p.field);
            w.key("message"), w.value(p.message);
            w.end_object();
        }
        w.end_array();
    }
    w.end_object();
}

std::string api_state_json() {
    const DataSession& s = g_app.session;
    JsonWriter w;
    w.begin_object();
    w.key("ready"), w.value(g_app.loaded_once);
    w.key("loading"), w.value(s.loading());
    w.key("generation"), w.value(s.generation());
    const ui::ViewState& view = g_app.ui.view;
    w.key("view"), w.value(ui::view_id(view.view));
    w.key("theme"), w.value(view.dark ? "dark" : "light");
    w.key("scale"), w.value((double)view.scale);
    w.key("hash"), w.value(g_app.last_hash);
    w.key("selected_case"), w.value(view.selected_case);
    w.key("undo_depth"), w.value(g_app.ui.history.undo.size());
    w.key("as_of"), write_time(w, g_app.as_of);
    w.key("live"), w.value(g_app.live);
    w.key("filters"), w.begin_object();
    for (const std::string& arg : filter_to_args(view.filter, s.strings())) {
        size_t eq = arg.find('=');
        w.key(std::string_view(arg).substr(0, eq)), w.value(std::string_view(arg).substr(eq + 1));
    }
    w.end_object();
    w.key("selected_rows"), w.value(g_app.board.metrics.rows.size());
    w.key("manifest"), w.begin_object();
    w.key("url"), w.value(s.manifest_url());
    w.key("title"), w.value(s.manifest().title);
    w.key("time_zone"), w.value(s.manifest().time_zone);
    w.key("error"), w.value(s.manifest_error());
    w.end_object();
    w.key("feeds"), w.begin_array();
    for (const FeedLoad& feed : s.feeds()) write_feed(w, feed, s.report_for(feed.spec.name));
    w.end_array();
    w.key("headline"), write_headline_json(g_app.headline, w);  // the Overview's tiles
    // The same JSON `caseboard report --format json` prints (docs/report.md): the end-to-end tests compare
    // them.
    if (s.generation() > 0) {
        w.key("report");
        write_report_json(make_report_input(s, g_app.board, view.filter, s.manifest().time_zone), w);
    }
    w.key("timings"), w.begin_object();
    w.key("load_ms"), w.value(g_app.last_load_ms);
    w.key("board_ms"), w.value(g_app.last_board_ms);
    w.key("wasm_heap_bytes"), w.value((uint64_t)__builtin_wasm_memory_size(0) * 65536);
    w.end_object();
    w.key("frames"), w.begin_object();
    w.key("drawn"), w.value(g_app.frames.drawn);
    w.key("cpu_ms_median"), w.value((double)g_app.frames.percentile(0.5f));
    w.key("cpu_ms_p95"), w.value((double)g_app.frames.percentile(0.95f));
    w.end_object();
    w.end_object();
    return w.take();
}

// Reads the flat string/number members of the command's argument object.
struct ArgsReader : JsonHandler {
    std::string last_key;
    std::vector<std::pair<std::string, std::string>> values;
    bool begin_object() override { return true; }
    bool key(std::string_view k) override { return last_key = std::string(k), true; }
    bool end_object() override { return true; }
    bool begin_array() override { return true; }
    bool end_array() override { return true; }
    bool string(std::string_view s) override { return values.emplace_back(last_key, std::string(s)), true; }
    bool number(std::string_view t) override { return values.emplace_back(last_key, std::string(t)), true; }
    bool boolean(bool b) override { return values.emplace_back(last_key, b ? "true" : "false"), true; }
    bool null() override { return values.emplace_back(last_key, ""), true; }
    std::string get(const char* name) const {
        for (const auto& kv : values)
            if (kv.first == name) return kv.second;
        return "";
    }
};

static std::string result(bool ok, const std::string& message) {
    JsonWriter w;
    w.begin_object();
    w.key("ok"), w.value(ok);
    if (!message.empty()) w.key("error"), w.value(message);
    w.end_object();
    return w.take();
}

std::string api_command(const std::string& name, const std::string& args_json) {
    ArgsReader args;
    JsonError error;
    if (!json_parse(args_json, args, &error))
        return result(false, "arguments are not JSON: " + error.message);
    ui::ViewState& view = g_app.ui.view;
    if (name == "view") {
        std::string id = args.get("view");
        if (!ui::parse_view(id, &view.view)) return result(false, "unknown view '" + id + "'");
    } else if (name == "theme") {
        std::string theme = args.get("theme");
        if (theme != "dark" && theme != "light") return result(false, "theme is 'dark' or 'light'");
        view.dark = theme == "dark";
    } else if (name == "scale") {
        double scale = std::atof(args.get("scale").c_str());
        if (scale < 0.75 || scale > 3) return result(false, "scale is between 0.75 and 3");
        view.scale = (float)scale;
    } else if (name == "filter") {  // {key: "queue", value: "Networking,Identity"}; an empty value clears it
        Filter next = view.filter;
        std::string message;
        if (!apply_filter_arg(args.get("key") + "=" + args.get("value"), g_app.session.strings(), &next,
                              &message))
            return result(false, message);
        ui::set_filter(view, g_app.ui.history, next);
    } else if (name == "clear_filters") {
        ui::set_filter(view, g_app.ui.history, Filter{});
    } else if (name == "undo") {
        if (!ui::undo_filter(view, g_app.ui.history)) return result(false, "nothing to undo");
    } else if (name == "select_case") {
        view.selected_case = args.get("id");
    } else if (name == "as_of") {
        std::string text = args.get("as_of");
        Time t = kNoTime;
        if (text.empty()) {
            g_app.as_of_pinned = false;
            g_app.live = true;
            follow_manifest_time();
        } else if (parse_timestamp(text, &t, true)) {
            g_app.as_of_pinned = true;
            g_app.live = false;
            g_app.as_of = t;
        } else {
            return result(false, "as_of: '" + text + "' is not a timestamp");
        }
    } else if (name == "cell_counts") {  // the benchmark's side-by-side run: {on: false} counts every row
        const std::string on = args.get("on");
        if (on != "true" && on != "false") return result(false, "cell_counts takes {on: true | false}");
        g_app.metrics_options.cell_counts = on == "true";
    } else if (name == "reload") {
        start_load(g_app.session.refresh());
    } else if (name == "load_manifest") {
        std::string url = args.get("url");
        if (url.empty()) return result(false, "load_manifest needs a url");
        start_load(g_app.session.open(url));
    } else {
        return result(false, "unknown command '" + name + "'");
    }
    update_figures();  // state() right after a command shows its figures
    return result(true, "");
}

}  // namespace cb
