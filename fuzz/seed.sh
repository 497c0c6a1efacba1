#!/bin/sh
# Builds the seed corpora of the fuzz targets from tests/scenarios/, the demo CSV folder and the
# built-in profile, and for xlsx_workbook the workbooks `diaban convert` writes from the demo and
# the scenarios' datasets plus hand-made hostile workbooks (each also in the `#part` form, see
# fuzz_targets/xlsx_workbook.rs). Run from anywhere; writes fuzz/corpus/<target>/ (ignored by
# git). The CLI used is $DIABAN if set, else it is built (debug) with cargo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
if [ -z "${DIABAN:-}" ]; then
    (cd "$root" && cargo build -q -p diaban-cli)
    DIABAN="${CARGO_TARGET_DIR:-$root/target}/debug/diaban"
fi
export DIABAN
python3 - "$root" <<'PY'
import json, os, sys, glob
root = sys.argv[1]
corpus = os.path.join(root, "fuzz", "corpus")
def put(target, name, text):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(text)
def folder(files):
    return "".join(f"#file {n}\n{t}" if t.endswith("\n") else f"#file {n}\n{t}\n" for n, t in files)
for path in sorted(glob.glob(os.path.join(root, "tests", "scenarios", "*.json"))):
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        sc = json.load(f)
    if "dataset" in sc:
        put("json_dataset", name + ".json", json.dumps(sc["dataset"], ensure_ascii=False, indent=1))
    if "csv" in sc:
        put("csv_folder", name + ".txt", folder(sc["csv"].items()))
    prof = sc.get("profile")
    if isinstance(prof, dict):
        put("profile", name + ".json", json.dumps(prof, ensure_ascii=False, indent=1))
    elif isinstance(prof, str) and prof.endswith(".json"):
        with open(os.path.join(root, "tests", "scenarios", prof), encoding="utf-8") as f:
            put("profile", os.path.basename(prof), f.read())
demo = os.path.join(root, "crates", "diaban", "data", "demo")
files = []
for n in sorted(os.listdir(demo)):
    if n.endswith(".csv"):
        with open(os.path.join(demo, n), encoding="utf-8") as f:
            files.append((n, f.read()))
put("csv_folder", "demo.txt", folder(files))
with open(os.path.join(root, "crates", "diaban", "profiles", "bac-kan-1390.json"), encoding="utf-8") as f:
    put("profile", "bac-kan-1390.json", f.read())
os.makedirs(os.path.join(corpus, "check_arbitrary"), exist_ok=True)

# xlsx_workbook: real workbooks, and hostile ones, each raw and as `#part` text.
import io, subprocess, tempfile, zipfile, zlib
def put_bytes(target, name, data):
    d = os.path.join(corpus, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
def as_parts(book):
    out = b""
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        for info in z.infolist():
            out += b"#part " + info.filename.encode() + b"\n" + z.read(info) + b"\n"
    return out
def put_book(name, book, parts=True):
    put_bytes("xlsx_workbook", name + ".xlsx", book)
    if parts:
        put_bytes("xlsx_workbook", name + ".parts", as_parts(book))
def convert(src, name):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "book.xlsx")
        subprocess.run([os.environ["DIABAN"], "convert", src, "--out", out], check=True, stderr=subprocess.DEVNULL)
        with open(out, "rb") as f:
            put_book(name, f.read())
convert(demo, "demo")
for path in sorted(glob.glob(os.path.join(root, "tests", "scenarios", "*.json"))):
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8") as f:
        sc = json.load(f)
    if "dataset" not in sc:
        continue
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "dataset.json")
        with open(src, "w", encoding="utf-8") as f:
            json.dump(sc["dataset"], f, ensure_ascii=False)
        try:
            convert(src, "scenario_" + name)
        except subprocess.CalledProcessError:
            pass  # a scenario whose dataset does not load (an error case) has no workbook

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
def cell(ref, v):
    if v.startswith("#"):
        return f'<c r="{ref}"><v>{v[1:]}</v></c>'
    if v.startswith("@"):
        return f'<c r="{ref}" s="1"><v>{v[1:]}</v></c>'
    if v.startswith("<"):
        return v.replace("REF", ref)
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
def sheet(rows, tail=""):
    data = "".join(
        f'<row r="{r + 1}">' + "".join(cell(chr(65 + c) + str(r + 1), v) for c, v in enumerate(row) if v) + "</row>"
        for r, row in enumerate(rows))
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet {NS}><sheetData>{data}</sheetData>{tail}</worksheet>'
UNITS = [["code", "name", "type", "parent_code"], ["06", "Tỉnh Bắc Kạn", "Tỉnh", ""],
         ["062", "Huyện Ngân Sơn", "Huyện", "06"], ["01954", "Thị trấn Vân Tùng", "Thị trấn", "062"]]
ASSIGN = [["id", "scheme", "subject_id", "target", "valid_from", "valid_to"],
          ["a1", "commune-monitoring", "p1", "01954", "@45536", "30/06/2025"]]
def book(sheets, date1904=False, extra=(), drop=(), method=zipfile.ZIP_STORED):
    """sheets: (name, xml, hidden); extra: more parts; drop: part names left out."""
    types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>')
    lst = rels = ""
    for i, (n, _, hidden) in enumerate(sheets, 1):
        types += f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        state = ' state="hidden"' if hidden else ""
        lst += f'<sheet name="{n}" sheetId="{i}"{state} r:id="rId{i}"/>'
        rels += f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
    s = len(sheets) + 1
    rels += f'<Relationship Id="rId{s}" Type="{REL}/styles" Target="styles.xml"/>'
    pr = '<workbookPr date1904="1"/>' if date1904 else ""
    parts = [("[Content_Types].xml", types + "</Types>"),
             ("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
             ("xl/workbook.xml", f'<?xml version="1.0" encoding="UTF-8"?><workbook {NS} xmlns:r="{REL}">{pr}<sheets>{lst}</sheets></workbook>'),
             ("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'),
             ("xl/styles.xml", f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {NS}><numFmts count="0"/><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>')]
    parts += [(f"xl/worksheets/sheet{i}.xml", xml) for i, (_, xml, _) in enumerate(sheets, 1)]
    parts += list(extra)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        for n, t in parts:
            if n not in drop:
                z.writestr(n, t.encode() if isinstance(t, str) else t)
    return buf.getvalue()
units = ("units", sheet(UNITS), False)
put_book("hand_minimal", book([units, ("assignments", sheet(ASSIGN), False)]))
put_book("hand_1904", book([units, ("Phân công", sheet([ASSIGN[0], ["a1", "commune-monitoring", "p1", "01954", "@44074", "#44377"]]), False)], date1904=True))
put_book("hand_formula_cached", book([("units", sheet(UNITS[:2] + [["062", '<c r="REF" t="str"><f>"Huyện"</f><v>Huyện Ngân Sơn</v></c>', "Huyện", "06"]]), False)]))
put_book("hand_formula_uncached", book([("units", sheet(UNITS[:2] + [["062", '<c r="REF" t="str"><f>A1</f></c>', "Huyện", "06"]]), False)]))
put_book("hand_error_cells", book([("units", sheet(UNITS[:2] + [["062", '<c r="REF" t="e"><v>#N/A</v></c>', "Huyện", "06"]]), False)]))
put_book("hand_merged", book([("units", sheet(UNITS, '<mergeCells count="1"><mergeCell ref="C3:C4"/></mergeCells>'), False)]))
put_book("hand_hidden", book([units, ("lists", sheet([["x"]]), True), ("assignments", sheet(ASSIGN), True)]))
put_book("hand_shared_strings", book([("units", sheet(UNITS).replace('t="inlineStr"><is><t>Tỉnh</t></is>', 't="s"><v>0</v>'), False)],
                                     extra=[("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst {NS} count="1" uniqueCount="1"><si><t>Tỉnh</t></si></sst>')]))
put_book("hand_missing_sheet_part", book([units], drop=("xl/worksheets/sheet1.xml",)))
put_book("hand_missing_workbook_part", book([units], drop=("xl/workbook.xml",)))
put_book("hand_missing_content_types", book([units], drop=("[Content_Types].xml",)))
put_book("hand_entities", book([("units", sheet([UNITS[0], ["06", "&lol2;", "Tỉnh"]]).replace(
    '<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'), False)]))
# A zip bomb: 20 MiB of spaces in a worksheet, deflated to about 20 KiB (over the target's 16 MiB cap).
put_book("hand_zip_bomb", book([("units", sheet(UNITS).replace("<sheetData>", " " * (20 << 20) + "<sheetData>"), False)],
                               method=zipfile.ZIP_DEFLATED), parts=False)
# Not a zip: text, a CFB (OLE) container as an encrypted workbook or an old .xls has, a BIFF stream.
put_bytes("xlsx_workbook", "hand_text.xlsx", b"code,name,type\n06,T\xe1\xbb\x89nh,T\xe1\xbb\x89nh\n")
cfb = bytearray(512 * 3)
cfb[0:8] = bytes.fromhex("d0cf11e0a1b11ae1")
cfb[0x1e:0x20] = (9).to_bytes(2, "little")
name = "EncryptedPackage".encode("utf-16-le")
cfb[1024:1024 + len(name)] = name
put_bytes("xlsx_workbook", "hand_cfb_encrypted.xlsx", bytes(cfb))
put_bytes("xlsx_workbook", "hand_biff.xls", bytes.fromhex("0908100000060500") + bytes(8))
# Real files in other formats (an Excel 97-2003 workbook, a password-protected one).
for n in sorted(os.listdir(os.path.join(root, "crates", "diaban", "tests", "workbooks"))):
    if not n.endswith(".md"):
        with open(os.path.join(root, "crates", "diaban", "tests", "workbooks", n), "rb") as f:
            put_bytes("xlsx_workbook", "file_" + n, f.read())
# What calamine would expand or wrap around: a shared formula over the whole sheet, a far
# shared-formula index, a reference past XFD1048576, a reversed merge.
def row3(cells, tail=""):
    return ("units", sheet(UNITS[:2] + [["062", cells, "Huyện", "06"]], tail), False)
put_book("hand_shared_formula_whole_sheet", book([row3('<c r="REF" t="str"><f t="shared" ref="A1:XFD1048576" si="0">A1</f><v>x</v></c>')]))
put_book("hand_shared_formula_far_index", book([row3('<c r="REF" t="str"><f t="shared" ref="B3" si="4000000000">A1</f><v>x</v></c>')]))
put_book("hand_shared_formula_column", book([row3('<c r="REF" t="str"><f t="shared" ref="B3:B4" si="0">A3</f><v>Huyện</v></c>')]))
put_book("hand_reference_past_the_sheet", book([row3('<c r="AAAAAAAAB3" t="inlineStr"><is><t>x</t></is></c>')]))
put_book("hand_reversed_merge", book([row3("Huyện Ngân Sơn", '<mergeCells count="1"><mergeCell ref="C3:A1"/></mergeCells>')]))
for t in ("json_dataset", "csv_folder", "profile", "check_arbitrary", "xlsx_workbook"):
    print(t, len(os.listdir(os.path.join(corpus, t))), "seeds")
PY
