/* validate.h -- `dyad validate`: run a TABARI or PETRARCH validation suite. */
#ifndef DYAD_CLI_VALIDATE_H
#define DYAD_CLI_VALIDATE_H

/* argv[0] is the first argument after "validate".  Exit status: 0 all
 * records passed, 1 some failed, 2 usage error or unreadable file. */
int cmd_validate(int argc, char **argv);

#endif
