/* fuzz_extract.c - libFuzzer harness: any bytes as the body of an article,
 * through the whole extractor (dates, actors, statements, treaties,
 * events) and the JSON record.  Invalid UTF-8 is replaced (lossy), so every
 * path past decoding is reached. */
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#include "chronicle/chronicle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static chr_extractor *x;
    if (!x && !(x = chr_extractor_new())) return 0;
    chr_article a;
    memset(&a, 0, sizeof a);
    a.text = (const char *)data;
    a.len = size;
    a.lossy = 1;
    a.published = (chr_date){2024, 10, 25};
    static FILE *sink;
    if (!sink && !(sink = fopen("/dev/null", "w"))) return 0;
    chr_record *rec = NULL;
    if (chr_extract(x, &a, &rec) == CHR_OK) chr_record_write(sink, rec);   /* the writer reads every field */
    chr_record_free(rec);
    return 0;
}
