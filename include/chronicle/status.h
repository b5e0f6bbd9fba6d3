/* status.h - the one error vocabulary of the Chronicle library.
 *
 * Every library call that can fail returns a chr_status.  The human-readable
 * message (which names the file, line or byte offset) is kept on the object the
 * call worked on and read with that module's *_errmsg() function.  The library
 * never prints and never exits. */
#ifndef CHRONICLE_STATUS_H
#define CHRONICLE_STATUS_H

typedef enum chr_status {
    CHR_OK = 0,
    CHR_ERR_NOMEM,     /* an allocation failed */
    CHR_ERR_ARG,       /* a caller passed an invalid argument */
    CHR_ERR_IO,        /* a file could not be opened, read or written */
    CHR_ERR_UTF8,      /* input is not valid UTF-8 */
    CHR_ERR_BINARY,    /* input looks like a binary file (NUL bytes) */
    CHR_ERR_ICU        /* ICU reported an error */
} chr_status;

/* A short constant description of a status ("invalid UTF-8"); never NULL. */
const char *chr_status_str(chr_status st);

#endif
