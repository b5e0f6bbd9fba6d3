/* fuzz_jsonl.c - libFuzzer harness: any bytes as a JSON Lines corpus, read
 * as articles (extract, ingest) and as records (load).  Every line must give
 * an article, a record or an error naming the file and line; the reader
 * must go on after a bad line and stop at the end. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"

static char path[512];

/* The reader takes files, so each input is written to one file per process,
 * under $TMPDIR, and removed when the process ends. */
static void remove_input(void)
{
    if (path[0]) unlink(path);
}

static void write_input(const uint8_t *data, size_t size)
{
    if (!path[0]) {
        const char *dir = getenv("TMPDIR");
        snprintf(path, sizeof path, "%s/fuzz-jsonl-%ld.jsonl", dir && *dir ? dir : "/tmp", (long)getpid());
        atexit(remove_input);
    }
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size && fwrite(data, 1, size, f) != size) abort();
    if (fclose(f)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    write_input(data, size);
    char *inputs[] = {path};
    char err[1400], where[1200];
    size_t lines = 1;
    for (size_t i = 0; i < size; i++) lines += data[i] == '\n';

    in_reader *r = in_reader_new(inputs, 1, 0);
    if (!r) abort();
    in_article a;
    memset(&a, 0, sizeof a);
    size_t got = 0;
    int k;
    while ((k = in_reader_next(r, &a, err, sizeof err)) != 0) {
        if (k < 0 && !strstr(err, path)) abort();        /* the message names the file */
        if (++got > lines) abort();                      /* one result per line at most */
        if (k == -2) break;
    }
    in_article_clear(&a);
    in_reader_free(r);

    r = in_reader_new(inputs, 1, 0);
    if (!r) abort();
    got = 0;
    const char *line;
    size_t len;
    while ((k = in_reader_next_record(r, &line, &len, where, sizeof where, err, sizeof err)) != 0) {
        chr_record *rec = NULL;
        char rerr[256];
        if (k > 0) chr_record_parse(line, len, &rec, rerr, sizeof rerr);
        chr_record_free(rec);
        if (++got > lines) abort();
        if (k == -2) break;
    }
    in_reader_free(r);
    return 0;
}
