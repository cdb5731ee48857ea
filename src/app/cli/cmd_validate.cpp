// TEMPORARY placeholder, replaced by the owner of this command.
#include <cstdio>

#include "commands.h"

int cmd_validate(int, char**) {
    std::fputs("caseboard validate: not built yet\n", stderr);
    return 2;
}
