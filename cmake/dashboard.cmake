if(NOT IMGUI_DIR)
  message(FATAL_ERROR "IMGUI_DIR not set: run scripts/setup.sh")
endif()
