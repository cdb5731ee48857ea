// gl_renderer.h: draws Dear ImGui draw data with WebGL2, using the GLSL ES 3.00 shaders in shaders/.
#pragma once

#include <string>

struct ImDrawData;

namespace cb::web {

bool renderer_init(std::string* error);  // needs a current WebGL2 context
void renderer_upload_font_atlas();       // after (re)building the font atlas
void renderer_draw(ImDrawData* data, int framebuffer_width, int framebuffer_height);

}  // namespace cb::web
