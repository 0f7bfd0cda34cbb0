#!/usr/bin/env python3
"""Generate a deterministic corpus of news articles for crosscheck.

usage: gen-corpus.py SEEDS_DIR OUT_DIR MEGABYTES [--seed N]

Sentences are taken from the articles in SEEDS_DIR and recombined: their
numbers are varied, dates spread over months, outlets drawn from
thousands of names and places swapped, so that the corpus holds many
groups, agreements and conflicts, as a nightly run over real coverage
does.  Articles are written as OUT_DIR/YYYY-MM-DD/outletNNNN-K.txt; the
same arguments always give the same bytes.
"""
import datetime
import os
import random
import re
import sys

PLACES = ["Kharkiv", "Odesa", "Dnipro", "Zaporizhzhia", "Lviv", "Sumy",
          "Kherson", "Poltava", "Chernihiv", "Mykolaiv", "Donetsk", "Kyiv",
          "Balasore", "Butte County", "Gaza", "Rafah", "Khan Younis",
          "Antakya", "Gaziantep", "Valencia", "Derna", "Maui"]


def sentences(seeds_dir):
    out = []
    for name in sorted(os.listdir(seeds_dir)):
        if not name.endswith(".txt"):
            continue
        text = open(os.path.join(seeds_dir, name), encoding="utf-8").read()
        text = re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s*", "", text)
        for para in text.split("\n"):
            for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", para.strip()):
                if len(s) > 30:
                    out.append(s)
    return out


def vary_numbers(s, rnd):
    def repl(m):
        digits = m.group(0)
        if len(digits.replace(",", "")) == 4 and digits.startswith(("19", "20")):
            return digits           # years stay years
        n = int(digits.replace(",", ""))
        if rnd.random() < 0.7:
            return digits           # most outlets agree
        n = max(1, int(n * rnd.choice([0.9, 0.95, 1.05, 1.1, 2])))
        return f"{n:,}" if "," in digits else str(n)
    return re.sub(r"\d[\d,]*", repl, s)


def vary_places(s, rnd):
    for p in ("Kharkiv", "Odesa", "Zaporizhzhia", "Donetsk", "Kyiv"):
        if p in s and rnd.random() < 0.5:
            s = s.replace(p, rnd.choice(PLACES))
    return s


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    seed = 1
    if "--seed" in sys.argv:
        seed = int(sys.argv[sys.argv.index("--seed") + 1])
        args = [a for a in args if a != str(seed)]
    seeds_dir, out_dir, megabytes = args[0], args[1], float(args[2])
    rnd = random.Random(seed)
    pool = sentences(seeds_dir)
    outlets = [f"outlet{n:04d}" for n in range(3000)]
    target = int(megabytes * 1024 * 1024)
    written = 0
    k = 0
    while written < target:
        # about six months of days, 400 articles a day
        date = (datetime.date(2026, 1, 1) +
                datetime.timedelta(days=(k // 400) % 181)).isoformat()
        outlet = outlets[rnd.randrange(len(outlets))]
        start = rnd.randrange(len(pool))
        body = []
        size = 0
        want = rnd.randrange(1500, 6000)
        i = start
        while size < want:
            s = vary_places(vary_numbers(pool[i % len(pool)], rnd), rnd)
            body.append(s)
            size += len(s) + 1
            i += rnd.randrange(1, 7)
        paras = []
        for j in range(0, len(body), 3):
            paras.append(" ".join(body[j:j + 3]))
        text = f" date {date}\nsource: {outlet}\n" + "\n\n".join(paras) + "\n"
        folder = os.path.join(out_dir, date)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"{outlet}-{k}.txt")
        data = text.encode("utf-8")
        with open(path, "wb") as f:
            f.write(data)
        written += len(data)
        k += 1
    print(f"{k} articles, {written} bytes in {out_dir}")


if __name__ == "__main__":
    main()
