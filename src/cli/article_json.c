/* article_json.c - an article of a JSON Lines corpus, parsed.
 *
 * Corpora are mostly the articles' text, one long string a line: json-c
 * reads such strings in chunks, five times faster than jansson (which
 * builds every JSON the program writes), so what comes in as JSON is parsed
 * with json-c (extract records in src/record/record.c), here in a file of
 * its own since the two libraries' headers cannot meet in one.  The whole
 * line must be one JSON object, in strict JSON and valid UTF-8. */
#include "article_json.h"

#include <json-c/json_object.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "chronicle/record.h"

static const char *jstr(json_object *o, const char *k)
{
    json_object *v;
    return json_object_object_get_ex(o, k, &v) && json_object_is_type(v, json_type_string)
               ? json_object_get_string(v) : NULL;
}

/* A date from JSON: "2024-10-25" or a timestamp that begins with one. */
static int parse_published(const char *s, chr_date *d)
{
    char day[11];
    if (!s || strlen(s) < 10) return -1;
    memcpy(day, s, 10);
    day[10] = 0;
    if (s[10] && s[10] != 'T' && s[10] != ' ') return -1;
    return chr_date_parse(day, d);
}

/* The line as a JSON object, or NULL with err naming where it fails. */
static json_object *parse_article(const char *line, size_t len, const char *where, char *err, size_t errcap)
{
    char why[300];
    json_object *j = chr_json_parse_object(line, len, why, sizeof why);
    if (!j) snprintf(err, errcap, "%s: %s", where, why);
    return j;
}

int in_article_json(const char *line, size_t len, const char *where, struct json_object **hold,
                    in_json_article *a, char **id_copy, char *err, size_t errcap)
{
    memset(a, 0, sizeof *a);
    json_object *j = parse_article(line, len, where, err, errcap);
    if (!j) return -1;
    *hold = j;
    json_object *text;
    if (!json_object_object_get_ex(j, "text", &text) || !json_object_is_type(text, json_type_string)) {
        snprintf(err, errcap, "%s: no \"text\" string", where);
        return -1;
    }
    a->text = json_object_get_string(text);
    a->len = (size_t)json_object_get_string_len(text);
    a->id = jstr(j, "id");
    a->url = jstr(j, "url");
    a->source = jstr(j, "source");
    a->title = jstr(j, "title");
    a->lang = jstr(j, "lang");
    const char *pub = jstr(j, "published");
    if (pub && *pub && parse_published(pub, &a->published)) {
        snprintf(err, errcap, "%s: \"published\" is not a date (YYYY-MM-DD...): %s", where, pub);
        return -1;
    }
    json_object *id;
    if (json_object_object_get_ex(j, "id", &id) && json_object_is_type(id, json_type_int)) {
        char num[32];                                     /* numeric ids are ids too */
        snprintf(num, sizeof num, "%lld", (long long)json_object_get_int64(id));
        if (!(*id_copy = strdup(num))) {
            snprintf(err, errcap, "%s: out of memory", where);
            return -1;
        }
        a->id = *id_copy;
    }
    return 1;
}

void in_article_json_free(struct json_object *j)
{
    json_object_put(j);
}
