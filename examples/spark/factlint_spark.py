"""Run factlint over a JSONL archive with Apache Spark.

Each partition of the archive is piped through one long-lived
`factlint check --input-format jsonl --format jsonl -` process (started
once per partition, not once per record), so the rules are loaded once per
partition and every core of every executor checks records. Each output line
carries the record's `id` (the join key back to the archive) and its
`reference_date`; `line` counts lines within the partition.

    spark-submit --master local[2] examples/spark/factlint_spark.py \
        --input archive.jsonl --output findings/ --factlint target/release/factlint

On a cluster the same command runs with `--master yarn` (or `spark://…`,
`k8s://…`): the binary is shipped to every executor with `SparkContext.addFile`,
and input and output are any Hadoop path (HDFS, S3). Extra factlint options
(`--rules`, `--select`, `--date`) follow `--`; pack folders must be readable
on the executors (ship them with `--files` or a shared filesystem).
"""

import argparse
import os
import subprocess
import sys
import threading


def check_partition(command):
    """A mapPartitions function: one factlint process for the partition's
    records, fed on stdin by a thread while its answers are read."""

    def run(records):
        from pyspark import SparkFiles

        binary = SparkFiles.get("factlint")
        os.chmod(binary, 0o755)
        env = dict(os.environ)
        # One Spark task is one core: factlint must not start a thread per
        # core of the machine in every task.
        env["RAYON_NUM_THREADS"] = "1"
        process = subprocess.Popen(
            [binary] + command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            encoding="utf-8",
        )

        def feed():
            try:
                for record in records:
                    process.stdin.write(record + "\n")
            finally:
                process.stdin.close()

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        for line in process.stdout:
            yield line.rstrip("\n")
        feeder.join()
        # 0 clean, 1 findings, 2 some record was malformed (reported in the
        # output as an error line); anything else is a crash.
        status = process.wait()
        if status not in (0, 1, 2):
            raise RuntimeError(f"factlint exited with status {status}")

    return run


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", required=True, help="JSONL archive (file, folder or glob)")
    parser.add_argument("--output", required=True, help="folder for the findings (JSONL part files)")
    parser.add_argument("--factlint", required=True, help="the factlint binary")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's)")
    parser.add_argument("--partitions", type=int, default=None, help="minimum input partitions")
    parser.add_argument("extra", nargs="*", help="factlint options after --")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("factlint")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    context = spark.sparkContext
    context.setLogLevel("WARN")
    context.addFile(os.path.abspath(args.factlint))
    command = ["check", "--input-format", "jsonl", "--format", "jsonl", "--no-config"]
    command += args.extra + ["-"]
    lines = context.textFile(args.input, minPartitions=args.partitions)
    lines.mapPartitions(check_partition(command)).saveAsTextFile(args.output)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
