#include "gl_renderer.h"

#include <GLES3/gl3.h>

#include <cstddef>

#include "imgui.h"
#include "shaders_embedded.h"

namespace cb::web {

static GLuint g_program, g_vao, g_vbo, g_ibo, g_font_texture;
static GLint g_u_projection, g_u_texture;

static GLuint compile(GLenum kind, const char* source, std::string* error) {
    GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof(log), nullptr, log);
        *error = std::string("shader compile failed: ") + log;
    }
    return shader;
}

bool renderer_init(std::string* error) {
    GLuint vs = compile(GL_VERTEX_SHADER, kShader_imgui_vert, error);
    GLuint fs = compile(GL_FRAGMENT_SHADER, kShader_imgui_frag, error);
    if (!error->empty()) return false;
    g_program = glCreateProgram();
    glAttachShader(g_program, vs);
    glAttachShader(g_program, fs);
    glLinkProgram(g_program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(g_program, GL_LINK_STATUS, &ok);
    if (!ok) {
        *error = "shader link failed";
        return false;
    }
    g_u_projection = glGetUniformLocation(g_program, "u_projection");
    g_u_texture = glGetUniformLocation(g_program, "u_texture");

    glGenVertexArrays(1, &g_vao);
    glGenBuffers(1, &g_vbo);
    glGenBuffers(1, &g_ibo);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, pos));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), (void*)offsetof(ImDrawVert, uv));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert),
                          (void*)offsetof(ImDrawVert, col));
    glBindVertexArray(0);
    ImGui::GetIO().BackendRendererName = "caseboard_webgl2";
    return true;
}

void renderer_upload_font_atlas() {
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (!g_font_texture) glGenTextures(1, &g_font_texture);
    glBindTexture(GL_TEXTURE_2D, g_font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID((ImTextureID)(intptr_t)g_font_texture);
    io.Fonts->ClearTexData();  // the GPU has it now
}

static void setup_state(ImDrawData* data, int fb_width, int fb_height) {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);
    float l = data->DisplayPos.x, r = l + data->DisplaySize.x;
    float t = data->DisplayPos.y, b = t + data->DisplaySize.y;
    const float projection[16] = {
        2.0f / (r - l),    0, 0, 0, 0, 2.0f / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r),
        (t + b) / (b - t), 0, 1};
    glUseProgram(g_program);
    glUniformMatrix4fv(g_u_projection, 1, GL_FALSE, projection);
    glUniform1i(g_u_texture, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(g_vao);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g_ibo);
}

void renderer_draw(ImDrawData* data, int fb_width, int fb_height) {
    if (fb_width <= 0 || fb_height <= 0) return;
    setup_state(data, fb_width, fb_height);
    const ImVec2 clip_off = data->DisplayPos, clip_scale = data->FramebufferScale;
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (const ImDrawList* list : data->CmdLists) {
        glBindBuffer(GL_ARRAY_BUFFER, g_vbo);
        glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * (GLsizeiptr)sizeof(ImDrawVert),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * (GLsizeiptr)sizeof(ImDrawIdx),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState)
                    setup_state(data, fb_width, fb_height);
                else
                    cmd.UserCallback(list, &cmd);
                continue;
            }
            ImVec2 min((cmd.ClipRect.x - clip_off.x) * clip_scale.x,
                       (cmd.ClipRect.y - clip_off.y) * clip_scale.y);
            ImVec2 max((cmd.ClipRect.z - clip_off.x) * clip_scale.x,
                       (cmd.ClipRect.w - clip_off.y) * clip_scale.y);
            if (max.x <= min.x || max.y <= min.y) continue;
            glScissor((GLint)min.x, (GLint)((float)fb_height - max.y), (GLsizei)(max.x - min.x),
                      (GLsizei)(max.y - min.y));
            glBindTexture(GL_TEXTURE_2D, (GLuint)(intptr_t)cmd.GetTexID());
            glDrawElements(GL_TRIANGLES, (GLsizei)cmd.ElemCount, index_type,
                           (void*)(intptr_t)(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);
}

}  // namespace cb::web
