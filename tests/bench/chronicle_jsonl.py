"""Reading `chronicle dates --format jsonl` output, shared by the benchmarks."""
import json


class ChronicleError(Exception):
    """Chronicle failed or printed something that is not its JSON Lines."""


def parse_jsonl(output):
    """Parse one JSON object per non-empty line."""
    rows = []
    for number, line in enumerate(output.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except ValueError as error:
            raise ChronicleError("output line %d is not JSON (%s): %s"
                                 % (number, error, line[:200]))
        if not isinstance(row, dict) or not isinstance(row.get("start"), int) \
                or not isinstance(row.get("end"), int):
            raise ChronicleError("output line %d lacks integer start/end: %s"
                                 % (number, line[:200]))
        rows.append(row)
    return rows
