#!/usr/bin/python3
"""Dumps what openpyxl (Debian's python3-openpyxl) reads of an .xlsx file, as JSON on stdout:
per sheet its cells (reference, openpyxl's data type, value as text, number format), merged
ranges, print titles and paper size. The Swift test judges the dump; this script only reads."""
import json
import sys

import openpyxl

workbook = openpyxl.load_workbook(sys.argv[1])
sheets = []
for sheet in workbook.worksheets:
    cells = []
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            cells.append({"ref": cell.coordinate, "type": cell.data_type, "value": str(cell.value),
                          "format": cell.number_format})
    sheets.append({
        "name": sheet.title,
        "cells": cells,
        "merged": sorted(str(r) for r in sheet.merged_cells.ranges),
        "printTitleRows": sheet.print_title_rows or "",
        "paperSize": str(sheet.page_setup.paperSize or ""),
    })
json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)
