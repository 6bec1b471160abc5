/* validate.c -- `dyad validate` (being written: reports that it is not yet
 * available rather than pretending to pass). */
#include "validate.h"

#include <stdio.h>

int cmd_validate(int argc, char **argv) {
    (void)argc;
    (void)argv;
    fputs("dyad validate: not available in this build yet\n", stderr);
    return 2;
}
