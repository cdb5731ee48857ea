// TEMPORARY placeholder, replaced by the owner of this command.
#include <cstdio>

#include "commands.h"

int cmd_generate(int, char**) {
    std::fputs("caseboard generate: not built yet\n", stderr);
    return 2;
}
