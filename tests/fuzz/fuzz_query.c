/* fuzz_query.c - libFuzzer harness: any bytes as the filter options of
 * `chronicle query` (one argument per line), parsed as the command parses
 * them and run against a small database of extracted articles.  A filter
 * is either refused with a message or answered; FTS5 syntax in --text,
 * SQL in names and odd dates are data. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle/chronicle.h"
#include "cli.h"

static const char *const articles[] = {
    "موسكو (سانا) - أجرى الرئيس الروسي فلاديمير بوتين يومي الـ 18 والـ 19 من حزيران الماضي "
    "زيارة إلى كوريا الديمقراطية، أبرم خلالها البلدان معاهدة الشراكة الاستراتيجية الشاملة. "
    "وقال بوتين في مقابلة مع قناة روسيا 1: \"المادة الرابعة من المعاهدة دفاعية\".",
    "WASHINGTON (Reuters) - Secretary of State Antony Blinken met Turkish Foreign Minister "
    "Hakan Fidan in Ankara on Tuesday. Fidan said that Turkey would not join the sanctions. "
    "NATO criticized Iran on March 3, 2024, and the UN Security Council condemned the attack.",
};

static chr_store *db(void)
{
    static chr_store *s;
    if (s) return s;
    char err[512];
    chr_extractor *x = chr_extractor_new();
    if (!x || chr_store_open(":memory:", CHR_STORE_CREATE, &s, err, sizeof err) != CHR_OK) abort();
    for (size_t i = 0; i < sizeof articles / sizeof *articles; i++) {
        chr_article a;
        memset(&a, 0, sizeof a);
        a.text = articles[i];
        a.len = strlen(articles[i]);
        a.url = i ? "https://example.org/en" : "https://example.org/ar";
        a.published = (chr_date){2024, 10, 25};
        chr_record *rec = NULL;
        int added = 0;
        if (chr_extract(x, &a, &rec) != CHR_OK || chr_store_load(s, rec, &added) != CHR_OK) abort();
        chr_record_free(rec);
    }
    if (chr_store_flush(s) != CHR_OK) abort();
    chr_extractor_free(x);
    return s;
}

static int take(json_t *ev, void *ctx)
{
    char *s = json_dumps(ev, JSON_COMPACT);
    if (!s) abort();
    ++*(size_t *)ctx;
    free(s);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096) return 0;
    chr_store *s = db();
    char *buf = malloc(size + 1);
    if (!buf) return 0;
    memcpy(buf, data, size);
    buf[size] = 0;
    char *argv[34] = {"query"};
    int argc = 1;
    for (char *p = buf; p && argc < 33;) {
        argv[argc++] = p;
        if ((p = strchr(p, '\n'))) *p++ = 0;
    }
    argv[argc] = NULL;
    qopts o;
    int rc = cli_parse_filters(argc, argv, &o, "");
    if (rc == 0) {
        size_t n = 0;
        chr_status st = chr_store_query(s, &o.q, take, &n);
        if (st != CHR_OK && !*chr_store_errmsg(s)) abort();   /* a refusal says why */
    }
    free(o.actors);
    free(buf);
    return 0;
}
