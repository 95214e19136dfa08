#!/usr/bin/env python3
"""List an S3 bucket with boto3's own paginators, for the parity test in boto_parity.rs.

Prints one JSON line per item, in boto3's page order: within a page, for list_object_versions
Versions, then DeleteMarkers, then CommonPrefixes; for list_objects Contents, then
CommonPrefixes. Each line carries the page size and the page index it came from.

    python3 tests/aws/boto_list.py --endpoint-url http://127.0.0.1:PORT --bucket B \
        --operation list_object_versions --page-size 1 --page-size 3 [--delimiter /]

Credentials and region come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
AWS_DEFAULT_REGION).
"""

import argparse
import json
import sys

import boto3
from botocore.config import Config


def version_line(kind, entry):
    line = {
        "kind": kind,
        "key": entry["Key"],
        "version_id": entry["VersionId"],
        "is_latest": entry["IsLatest"],
    }
    if kind == "version":
        line["etag"] = entry["ETag"]
        line["size"] = entry["Size"]
    return line


def object_line(entry):
    return {"kind": "object", "key": entry["Key"], "etag": entry["ETag"], "size": entry["Size"]}


def prefix_line(entry):
    return {"kind": "prefix", "prefix": entry["Prefix"]}


def page_lines(operation, page):
    if operation == "list_object_versions":
        for entry in page.get("Versions", []):
            yield version_line("version", entry)
        for entry in page.get("DeleteMarkers", []):
            yield version_line("delete_marker", entry)
    else:
        for entry in page.get("Contents", []):
            yield object_line(entry)
    for entry in page.get("CommonPrefixes", []):
        yield prefix_line(entry)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--operation", required=True, choices=["list_object_versions", "list_objects"])
    parser.add_argument("--page-size", type=int, action="append", required=True)
    parser.add_argument("--delimiter")
    args = parser.parse_args()

    client = boto3.client(
        "s3",
        endpoint_url=args.endpoint_url,
        config=Config(s3={"addressing_style": "path"}, retries={"mode": "standard"}),
    )
    paginator = client.get_paginator(args.operation)
    out = sys.stdout
    for page_size in args.page_size:
        parameters = {"Bucket": args.bucket, "PaginationConfig": {"PageSize": page_size}}
        if args.delimiter is not None:
            parameters["Delimiter"] = args.delimiter
        for index, page in enumerate(paginator.paginate(**parameters)):
            for line in page_lines(args.operation, page):
                line["page_size"] = page_size
                line["page"] = index
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
