// gallery.h: every chart widget on fixed sample data (?view=gallery): the developers' visual check and
// the end-to-end pixel test of the charts. Not in the tab bar.
#pragma once

namespace cb::ui {

void draw_chart_gallery();

}  // namespace cb::ui
