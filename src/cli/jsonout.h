/* jsonout.h - writing a JSON value on one line.
 *
 * The same text as jansson's json_dumps(v, JSON_COMPACT) (keys in the order
 * they were set, UTF-8 kept as it is, control characters escaped), written
 * straight to a stream: the records of `extract` and the lines of `query`
 * and `export` are many and long, and json_dumps built each in memory one
 * escaped character at a time. */
#ifndef CHR_JSONOUT_H
#define CHR_JSONOUT_H

#include <stdio.h>
#include <jansson.h>

/* Writes v and a newline to f.  Returns 0, or -1 when writing failed. */
int jsonout_line(FILE *f, const json_t *v);

#endif
