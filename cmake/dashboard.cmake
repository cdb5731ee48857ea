# The Emscripten build of the dashboard: Dear ImGui + our UI + the web platform layer, linked into
# dist/caseboard.js + dist/caseboard.wasm beside our own web/ files, the bundled data and the font.
if(NOT IMGUI_DIR OR NOT EXISTS "${IMGUI_DIR}/imgui.h")
    message(FATAL_ERROR "IMGUI_DIR does not point at Dear ImGui 1.90.1 sources: run scripts/setup.sh")
endif()
set(DIST "${CMAKE_BINARY_DIR}/dist")
set(CASEBOARD_FONT_DIR /usr/share/fonts/truetype/dejavu CACHE PATH "Folder with DejaVuSans.ttf (fonts-dejavu-core)")

add_library(imgui STATIC ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
            ${IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
# No file I/O in the browser: settings are not written to disk, so the runtime needs no file system.
# 32-bit indices: big charts exceed 64k vertices and WebGL2 has no base-vertex draws.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_FILE_FUNCTIONS IMGUI_DISABLE_OBSOLETE_FUNCTIONS
                           "ImDrawIdx=unsigned int")
# The UI is optimised for size (the download budget is 400 KB gzipped); the core keeps -O3 for speed.
target_compile_options(imgui PRIVATE -Os)

# GLSL ES 3.00 sources from shaders/ become string constants in a generated header.
file(GLOB SHADER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert ${CMAKE_SOURCE_DIR}/shaders/*.frag)
set(SHADER_HEADER "${CMAKE_BINARY_DIR}/generated/shaders_embedded.h")
add_custom_command(OUTPUT ${SHADER_HEADER}
    COMMAND ${CMAKE_COMMAND} -DOUT=${SHADER_HEADER} -DSHADER_DIR=${CMAKE_SOURCE_DIR}/shaders -P ${CMAKE_SOURCE_DIR}/cmake/embed_shaders.cmake
    DEPENDS ${SHADER_SOURCES} ${CMAKE_SOURCE_DIR}/cmake/embed_shaders.cmake
    COMMENT "Embedding GLSL shaders")

file(GLOB DASHBOARD_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp src/ui/charts/*.cpp src/platform/web/*.cpp
     src/app/dashboard/*.cpp)
add_executable(caseboard_web ${DASHBOARD_SOURCES} ${SHADER_HEADER})
set_target_properties(caseboard_web PROPERTIES OUTPUT_NAME caseboard SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY ${DIST})
target_include_directories(caseboard_web PRIVATE src ${CMAKE_BINARY_DIR}/generated)
target_link_libraries(caseboard_web PRIVATE caseboard_core caseboard_ui_logic imgui caseboard_warnings)
target_compile_options(caseboard_web PRIVATE -Os)
set(JS_LIBRARY ${CMAKE_SOURCE_DIR}/src/platform/web/library_caseboard.js)
target_link_options(caseboard_web PRIVATE -Os -msimd128 -sUSE_WEBGL2=1 -sFULL_ES3=1 -sMIN_WEBGL_VERSION=2
    -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432 -sMAXIMUM_MEMORY=4GB
    -sMODULARIZE=1 -sEXPORT_NAME=createCaseboard -sENVIRONMENT=web -sFILESYSTEM=0 -sTOTAL_STACK=1048576
    -sEXPORTED_FUNCTIONS=_main,_malloc,_free -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8
    --js-library ${JS_LIBRARY})
set_property(TARGET caseboard_web APPEND PROPERTY LINK_DEPENDS ${JS_LIBRARY})

# dist/: our web files, the bundled demo data and the font, refreshed on every build.
add_custom_target(caseboard_dist ALL
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/web ${DIST}
    COMMAND ${CMAKE_COMMAND} -E copy_directory ${CMAKE_SOURCE_DIR}/data ${DIST}/data
    COMMAND ${CMAKE_COMMAND} -E make_directory ${DIST}/fonts
    COMMAND ${CMAKE_COMMAND} -E copy ${CASEBOARD_FONT_DIR}/DejaVuSans.ttf ${CASEBOARD_FONT_DIR}/DejaVuSans-Bold.ttf ${DIST}/fonts/
    COMMAND sh ${CMAKE_SOURCE_DIR}/scripts/print_sizes.sh ${DIST}
    DEPENDS caseboard_web
    COMMENT "Assembling dist/ (web files, data, fonts)")
