// caseboard: the command-line face of the core. Same code, same numbers as the dashboard.
#include <cstdio>
#include <cstring>

#include "commands.h"

static int usage(FILE* out) {
    std::fputs(
        "usage: caseboard <command> [options]\n"
        "  validate <manifest or feed files...>      list feed problems (exit 0 clean, 1 record problems,\n"
        "                                            2 a feed could not be read)\n"
        "  generate --cases N --seed S --out DIR     write a synthetic organisation's feeds and manifest\n"
        "  report [--as-of TIME] [--tz ZONE] [--filter k=v ...] [--format json|csv|md] <manifest or "
        "feeds...>\n"
        "                                            print every metric\n"
        "Run 'caseboard <command> --help' for a command's options.\n",
        out);
    return out == stdout ? 0 : 2;
}

int main(int argc, char** argv) {
    if (argc < 2) return usage(stderr);
    const char* cmd = argv[1];
    if (!std::strcmp(cmd, "--help") || !std::strcmp(cmd, "-h") || !std::strcmp(cmd, "help"))
        return usage(stdout);
    if (!std::strcmp(cmd, "validate")) return cmd_validate(argc - 1, argv + 1);
    if (!std::strcmp(cmd, "generate")) return cmd_generate(argc - 1, argv + 1);
    if (!std::strcmp(cmd, "report")) return cmd_report(argc - 1, argv + 1);
    std::fprintf(stderr, "caseboard: unknown command '%s'\n", cmd);
    return usage(stderr);
}
