#!/usr/bin/env python3
"""Writes a supplier delivery file for the import benchmark, as Excel on Swedish Windows saves
it: Windows-1252, `;`, decimal comma, CRLF, Swedish headers, every row valid.

    python3 scripts/bench/delivery_file.py ROWS OUT.csv [--first N]

Serials are BENCH0000000 upwards from --first (so several files can fill one register
without clashing); IMEIs are random but Luhn-valid; the same ROWS and --first give the same
file.
"""

import argparse
import random


def luhn_digit(body):
    total = 0
    for i, ch in enumerate(reversed(body)):
        digit = int(ch)
        if i % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--first", type=int, default=0)
    args = parser.parse_args()
    rng = random.Random(args.first)
    lines = ["Inköpsdatum;Leverantör;Ordernummer;Fakturanummer;Tillverkare;Modell;Serienummer;"
             "IMEI;À-pris exkl. moms;Moms;Garanti (mån);Förvaltning;Livslängd (mån)"]
    for n in range(args.first, args.first + args.rows):
        body = "35" + "%012d" % rng.randrange(10**12)
        lines.append(
            f"{2022 + n % 5}-{1 + n % 12:02d}-{1 + n % 28:02d};Atea Sverige AB;PO-{n // 100};"
            f"F-{n // 50};Apple;iPhone {13 + n % 5};BENCH{n:07d};{body}{luhn_digit(body)};"
            f"9 490,00;25;{(24, 36)[n % 2]};Förvaltning {n % 40};{(36, 48, '')[n % 3]}")
    with open(args.out, "wb") as out:
        out.write(("\r\n".join(lines) + "\r\n").encode("cp1252"))


if __name__ == "__main__":
    main()
