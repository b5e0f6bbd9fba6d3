/* embed.h - text files compiled into the library by gen_embed.py (private).
 *
 * Each table lists {name, text} with name relative to the folder the files
 * came from ("actors/people.txt", "events/ar/trigger.txt", "001-init.sql").
 * The module that owns a table parses its files at first use. */
#ifndef CHR_EMBED_H
#define CHR_EMBED_H

#include <stddef.h>

typedef struct chr_embedded {
    const char *name;
    const char *text;
} chr_embedded;

extern const chr_embedded chr_lang_files[];      /* src/lang/actors, src/lang/events */
extern const unsigned chr_lang_files_n;
extern const chr_embedded chr_schema_files[];    /* schemas/chronicle-N.sql */
extern const unsigned chr_schema_files_n;

/* Iterates over the lines of an embedded text: returns the next line's start
 * and sets *len (without the newline), or NULL at the end.  *pos is the
 * caller's cursor, 0 at first. */
const char *chr_embed_line(const char *text, size_t *pos, size_t *len);

/* The next data line of a data file: as chr_embed_line, skipping blank lines
 * and `#` comments, and counting lines in *lineno (0 at first) for messages.
 * Returns a NUL-terminated copy the caller frees, or NULL at the end (or when
 * memory runs out: then *len is (size_t)-1). */
char *chr_embed_data_line(const char *text, size_t *pos, size_t *lineno, size_t *len);

#endif
