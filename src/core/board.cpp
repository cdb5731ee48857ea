#include "board.h"

#include "sla_defaults.h"

namespace cb {

bool update_board(const Dataset& data, uint64_t data_generation, const StringPool& strings,
                  std::string_view team_time_zone, Time as_of, const Filter& filter,
                  const MetricsOptions& options, Board* board) {
    bool clocks_due = board->data_generation != data_generation || board->as_of != as_of;
    if (!clocks_due && board->version > 0 && board->filter == filter) return false;
    if (clocks_due) {
        board->default_policies = data.sla.targets.empty();
        const SlaPolicySet* policies = &data.sla;
        SlaPolicySet defaults;
        if (board->default_policies) {
            defaults = default_sla_policies_lookup(team_time_zone, strings);
            // Calendars from a calendars feed come first, so one named "business" replaces the default.
            defaults.calendars.insert(defaults.calendars.begin(), data.sla.calendars.begin(),
                                      data.sla.calendars.end());
            policies = &defaults;
        }
        // The same data at a later time (the live minute tick): only the clocks that can still change.
        if (board->data_generation == data_generation && has_time(board->as_of) && has_time(as_of) &&
            as_of > board->as_of) {
            advance_sla(data, *policies, as_of, &board->sla);
        } else {
            compute_sla(data, *policies, as_of, &board->sla);
        }
        if (board->data_generation != data_generation) build_metrics_index(data, &board->index);
        board->data_generation = data_generation;
        board->as_of = as_of;
    }
    board->filter = filter;
    ++board->version;
    compute_metrics(data, board->index, board->sla, filter, as_of, options, &board->metrics);
    return true;
}

}  // namespace cb
