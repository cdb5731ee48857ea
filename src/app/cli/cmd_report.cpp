// TEMPORARY placeholder, replaced by the owner of this command.
#include <cstdio>

#include "commands.h"

int cmd_report(int, char**) {
    std::fputs("caseboard report: not built yet\n", stderr);
    return 2;
}
