#!/usr/bin/env python3
"""Generates a large DCAT-US 1.1 data.json catalog for benchmarks and tests.

usage: scripts/gen_data_json.py OUT.json [--mb 50] [--seed 1]

Datasets are realistic (title, description, keywords, publisher, contactPoint,
bureau/program codes, distributions) and pretty-printed like data.gov exports.
A few datasets carry one deliberate defect each, at fixed positions, so the
expected findings are known without reading the file:
  index % 997 == 1  -> accessLevel "open" (dcat-access-level)
  index % 991 == 2  -> modified "last week" (dcat-modified-date)
  index % 983 == 3  -> hasEmail without "mailto:" (dcat-contact-point)
  index % 977 == 4  -> a distribution with downloadURL but no mediaType
                       (dcat-distribution-media-type)
Prints one JSON line: {"datasets": N, "bytes": B, "defects": {rule: [indices]}}.
"""
import argparse, json, os, random, sys

WORDS = ("permits construction housing transit water quality budget census health inspections "
         "traffic safety education grants energy climate agriculture labor wages crime courts "
         "parks libraries elections procurement contracts weather air emissions fisheries").split()
AGENCIES = ["Department of Buildings", "Department of Transportation", "Environmental Protection Agency",
            "Bureau of Labor Statistics", "National Park Service", "Census Bureau", "Department of Energy"]
MEDIA = [("text/csv", "csv"), ("application/json", "json"), ("application/zip", "zip"), ("application/xml", "xml")]

DEFECTS = {
    "dcat-access-level": (997, 1),
    "dcat-modified-date": (991, 2),
    "dcat-contact-point": (983, 3),
    "dcat-distribution-media-type": (977, 4),
}


def dataset(i, rnd):
    words = rnd.sample(WORDS, 4)
    agency = rnd.choice(AGENCIES)
    slug = f"{words[0]}-{words[1]}-{i}"
    d = {
        "@type": "dcat:Dataset",
        "title": f"{words[0].title()} and {words[1]} statistics, series {i}",
        "description": (f"Monthly {words[0]} and {words[1]} records published by the {agency}, "
                        f"covering {words[2]} and {words[3]} across all districts. "
                        "Figures are provisional until the annual revision is released."),
        "keyword": words,
        "modified": f"20{rnd.randint(10, 25):02d}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}",
        "publisher": {"@type": "org:Organization", "name": agency},
        "contactPoint": {"@type": "vcard:Contact", "fn": f"{agency} Open Data Team",
                         "hasEmail": f"mailto:opendata{rnd.randint(1, 99)}@example.gov"},
        "identifier": f"https://data.example.gov/id/{slug}",
        "accessLevel": "public",
        "bureauCode": [f"{rnd.randint(0, 999):03d}:{rnd.randint(0, 99):02d}"],
        "programCode": [f"{rnd.randint(0, 999):03d}:{rnd.randint(0, 999):03d}"],
        "license": "https://creativecommons.org/publicdomain/zero/1.0/",
        "spatial": "United States",
        "temporal": "2010-01-01/2025-12-31",
        "accrualPeriodicity": "R/P1M",
        "distribution": [],
    }
    for media, ext in rnd.sample(MEDIA, rnd.randint(1, 3)):
        d["distribution"].append({"@type": "dcat:Distribution", "title": f"{slug}.{ext}",
                                  "downloadURL": f"https://data.example.gov/files/{slug}.{ext}",
                                  "mediaType": media, "format": ext.upper()})
    d["distribution"].append({"@type": "dcat:Distribution", "accessURL": f"https://data.example.gov/api/{slug}",
                              "format": "API", "description": "Query interface (JSON)."})
    defects = []
    for rule, (mod, rem) in DEFECTS.items():
        if i % mod == rem:
            defects.append(rule)
            if rule == "dcat-access-level":
                d["accessLevel"] = "open"
            elif rule == "dcat-modified-date":
                d["modified"] = "last week"
            elif rule == "dcat-contact-point":
                d["contactPoint"]["hasEmail"] = "opendata@example.gov"
            else:
                del d["distribution"][0]["mediaType"]
    return d, defects


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    limit = int(a.mb * 1_000_000)
    found = {rule: [] for rule in DEFECTS}
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write('{\n  "@type": "dcat:Catalog",\n  "conformsTo": "https://project-open-data.cio.gov/v1.1/schema",\n'
                '  "describedBy": "https://project-open-data.cio.gov/v1.1/schema/catalog.json",\n  "dataset": [\n')
        i = 0
        while f.tell() < limit:
            d, defects = dataset(i, rnd)
            for rule in defects:
                found[rule].append(i)
            text = json.dumps(d, indent=2, ensure_ascii=False)
            f.write(("" if i == 0 else ",\n") + "\n".join("    " + line for line in text.splitlines()))
            i += 1
        f.write("\n  ]\n}\n")
        size = f.tell()
    print(json.dumps({"datasets": i, "bytes": size, "defects": found}))


if __name__ == "__main__":
    sys.exit(main())
