#!/usr/bin/env bash
# Makes the .xlsx fixtures written by LibreOffice Calc (Debian's libreoffice-calc-nogui), from
# the package root: scripts in, files out, nothing by hand.
#   calc-resaved-900102.xlsx   jixiao's own export of sample 900102, opened and saved by Calc
#                              (shared strings, Calc's styles and number formats, its merges).
#   calc-from-html-900201.xlsx the HTML print of sample 900201's first project, imported by
#                              Calc's HTML filter and saved: one sheet laid out as the printed
#                              table, merged cells from rowspan/colspan, no department sheet.
set -euo pipefail
cd "$(dirname "$0")/../../.."
swift build --product jixiao >/dev/null
jixiao=$(swift build --show-bin-path)/jixiao
out=Tests/JixiaoInterchangeTests/Fixtures
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
soffice=(soffice "-env:UserInstallation=file://$work/profile" --headless)

"$jixiao" export --file Sources/JixiaoSamples/Departments/900102-2024.json --format xlsx -o "$work/900102.xlsx"
mkdir "$work/resaved"
"${soffice[@]}" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work/resaved" "$work/900102.xlsx" >/dev/null
cp "$work/resaved/900102.xlsx" "$out/calc-resaved-900102.xlsx"

/usr/bin/python3 - "$work/one.json" <<'PY'
import json, sys
with open("Sources/JixiaoSamples/Departments/900201-2024.json", encoding="utf-8") as f:
    document = json.load(f)
document["projects"] = document["projects"][:1]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump(document, f, ensure_ascii=False)
PY
"$jixiao" export --file "$work/one.json" --format html -o "$work/900201.html"
"${soffice[@]}" --infilter="HTML (StarCalc)" --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$work" "$work/900201.html" >/dev/null
cp "$work/900201.xlsx" "$out/calc-from-html-900201.xlsx"
ls -l "$out"/calc-*.xlsx
