#!/bin/sh
# End to end: the HTML review pages as a browser shows them.  Headless
# Chromium opens reports/seeds.html and a page of hostile articles from
# disk (no server, no network) and dumps the DOM after its scripts ran;
# Python's html.parser reads the dump.  Skipped (77) without chromium or
# python3.  Its last line counts the checks as Check does, for .ci/run.
srcdir=${srcdir:-.}
chromium=$(command -v chromium || command -v chromium-browser) || {
    echo "chromium is not installed: skipped"
    exit 77
}
command -v python3 >/dev/null || {
    echo "python3 is not installed: skipped"
    exit 77
}
exec python3 - "$chromium" "$srcdir" <<'EOF'
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

chromium, srcdir = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="html_chromium.")
checks = failures = 0


def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children = []

    def text(self):
        return "".join(c if isinstance(c, str) else c.text()
                       for c in self.children)

    def all(self, tag=None, cls=None):
        for c in self.children:
            if isinstance(c, str):
                continue
            if (tag is None or c.tag == tag) and \
               (cls is None or cls in c.attrs.get("class", "").split()):
                yield c
            yield from c.all(tag, cls)


VOID = {"meta", "input", "br", "img", "link", "hr", "source"}


class Tree(html.parser.HTMLParser):
    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.root = self.at = Node("#document", [], None)
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.at)
        self.at.children.append(n)
        if tag not in VOID:
            self.at = n

    def handle_startendtag(self, tag, attrs):
        self.at.children.append(Node(tag, attrs, self.at))

    def handle_endtag(self, tag):
        n = self.at
        while n.parent and n.tag != tag:
            n = n.parent
        if n.parent:
            self.at = n.parent

    def handle_data(self, data):
        self.at.children.append(data)


def render(page):
    """The DOM of page after Chromium ran it, parsed."""
    profile = tempfile.mkdtemp(dir=work)
    out = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--user-data-dir=" + profile,
         "--dump-dom", "file://" + os.path.abspath(page)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, timeout=180)
    dom = out.stdout.decode("utf-8", "replace")
    check(out.returncode == 0 and "<body" in dom,
          "%s: chromium exited %d" % (page, out.returncode))
    return Tree(dom).root


def search_box_shown(root):
    box = [i for i in root.all("input") if i.attrs.get("id") == "search"]
    return len(box) == 1 and "hidden" not in box[0].attrs


# ---- the seeds' page: the front-line conflict first, both quotes ----
seeds = os.path.join(srcdir, "reports", "seeds.html")
root = render(seeds)
groups = list(root.all("section", "group"))
check(len(groups) > 0, "seeds: no group section")
first = groups[0] if groups else Node("section", [], None)
check("conflict" in first.attrs.get("class", "").split(),
      "seeds: first group is %r, not a conflict" % first.attrs.get("class"))
heading = "".join(h.text() for h in first.all("h2"))
check("front line length" in heading, "seeds: first group is %r" % heading)
marks = [m.text() for m in first.all("mark")]
check("1,200km" in marks, "seeds: no 1,200km mark in %r" % marks)
check(any(m.startswith("roughly 1,250-kilometer") for m in marks),
      "seeds: no roughly 1,250-kilometer mark in %r" % marks)
for m in first.all("mark"):
    quote = m.parent.text()
    check(m.parent.tag == "blockquote" and len(quote) > len(m.text()) + 20,
          "seeds: %r is not shown in its sentence: %r" % (m.text(), quote))
rows = list(first.all("g", "row"))
check(len(rows) == 2, "seeds: %d rows in the conflict's picture" % len(rows))
check(search_box_shown(root), "seeds: the page's script did not run")
folded = list(root.all("details", "agreements"))
check(len(folded) == 1 and "open" not in folded[0].attrs,
      "seeds: agreements are not folded away")
page_dir = os.path.dirname(os.path.abspath(seeds))
for a in first.all("a"):
    target = os.path.normpath(os.path.join(page_dir, a.attrs["href"]))
    check(os.path.isfile(target), "seeds: link %r leads nowhere"
          % a.attrs["href"])

# ---- a page whose own script was changed: the policy blocks it ----
with open(seeds, encoding="utf-8") as f:
    text = f.read()
tampered = os.path.join(work, "tampered.html")
with open(tampered, "w", encoding="utf-8") as f:
    f.write(text.replace("q.hidden = false;", "q.hidden = false; "))
check("q.hidden = false;" in text, "seeds: the page's script changed")
check(not search_box_shown(render(tampered)),
      "tampered: a script without its hash ran")

# ---- hostile articles show as text ----
news = os.path.join(work, "news")
os.mkdir(news)
with open(os.path.join(news, "a.txt"), "w") as f:
    f.write(" date 2026-02-26 <script>alert(1)</script> Russia launched"
            " 420 drones overnight, officials said.\n")
with open(os.path.join(news, "b.txt"), "w") as f:
    f.write(' date 2026-02-26 "><img src=x onerror=alert(1)> Russia'
            " launched 300 drones overnight, the air force said.\n")
page = os.path.join(work, "hostile.html")
run = subprocess.run([os.path.abspath("src/crosscheck"), "check", "news",
                      "--html", page], cwd=work, stdout=subprocess.DEVNULL)
check(run.returncode == 1, "hostile: crosscheck exited %d" % run.returncode)
root = render(page)
check(len(list(root.all("img"))) == 0, "hostile: an img element")
check(len(list(root.all("script"))) == 1, "hostile: a second script")
quotes = [q.text() for q in root.all("blockquote")]
check(any("<script>alert(1)</script> Russia launched 420 drones" in q
          for q in quotes), "hostile: script text lost in %r" % quotes)
check(any('"><img src=x onerror=alert(1)> Russia launched 300 drones' in q
          for q in quotes), "hostile: img text lost in %r" % quotes)

shutil.rmtree(work, ignore_errors=True)
print("%d%%: Checks: %d, Failures: %d, Errors: 0"
      % (100 * (checks - failures) // max(checks, 1), checks, failures))
sys.exit(1 if failures else 0)
EOF
