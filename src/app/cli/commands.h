// commands.h: one function per `caseboard` subcommand; argv[0] is the subcommand's name.
#pragma once

int cmd_validate(int argc, char** argv);
int cmd_generate(int argc, char** argv);
int cmd_report(int argc, char** argv);
