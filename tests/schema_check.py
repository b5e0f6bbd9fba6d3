#!/usr/bin/env python3
"""Checks JSON Lines against a JSON Schema, for the part of JSON Schema that
Chronicle's schema files use: type (one or a list), required, properties,
items, enum, pattern, minimum, allOf and local $ref (#/$defs/NAME).

    schema_check.py SCHEMA FILE.jsonl

Prints the first problems with their line and path; exits 1 when there are
any (or when FILE has no line), 0 otherwise.
"""

import json
import re
import sys

TYPES = {
    "object": dict, "array": list, "string": str, "boolean": bool, "null": type(None),
}


def type_ok(value, t):
    if t == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if t == "number":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, TYPES[t])


def check(schema, value, root, path, problems):
    if "$ref" in schema:
        name = schema["$ref"].split("/")[-1]
        check(root["$defs"][name], value, root, path, problems)
    for sub in schema.get("allOf", []):
        check(sub, value, root, path, problems)
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(type_ok(value, t) for t in types):
            problems.append("%s: %r is not %s" % (path, value, "/".join(types)))
            return
    if "enum" in schema and value not in schema["enum"]:
        problems.append("%s: %r not in %s" % (path, value, schema["enum"]))
    if isinstance(value, str) and "pattern" in schema and not re.search(schema["pattern"], value):
        problems.append("%s: %r does not match %s" % (path, value, schema["pattern"]))
    if isinstance(value, (int, float)) and "minimum" in schema and value < schema["minimum"]:
        problems.append("%s: %r below %s" % (path, value, schema["minimum"]))
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                problems.append("%s: missing %s" % (path, key))
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                check(sub, value[key], root, "%s.%s" % (path, key), problems)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            check(schema["items"], item, root, "%s[%d]" % (path, i), problems)


def main(argv):
    if len(argv) != 3:
        print(__doc__.split("\n\n")[1].strip())
        return 2
    root = json.load(open(argv[1], encoding="utf-8"))
    problems, lines = [], 0
    for n, line in enumerate(open(argv[2], encoding="utf-8"), 1):
        if not line.strip():
            continue
        lines += 1
        check(root, json.loads(line), root, "line %d" % n, problems)
    for p in problems[:20]:
        print(p)
    if not lines:
        print("%s: no JSON lines" % argv[2])
    return 1 if problems or not lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
