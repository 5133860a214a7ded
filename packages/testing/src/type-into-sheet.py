"""Types text into cells of a workbook in LibreOffice Calc, as a user at the keyboard does, and
saves it as .xlsx. Used by the ledger tests to show that the template's Text-formatted columns
keep a typed 18-digit ID number as text.

usage: python3 type-into-sheet.py <in.xlsx> <out.xlsx> <profile-dir> '[["C2", "321281..."], ...]'
prints: {"C2": "TEXT", ...} (the cell content type after typing)

Runs soffice headless with a private profile and a private pipe; needs python3-uno.
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    src, dst, profile, cells = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    pipe = f"ufp_type_{os.getpid()}"
    soffice = os.environ.get("SOFFICE_PATH", "soffice")
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--norestore", f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            raise RuntimeError("soffice did not start")
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        frame = doc.CurrentController.Frame
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        # .uno:EnterString goes through the same input handling as typing into the cell.
        for addr, text in cells:
            dispatcher.executeDispatch(frame, ".uno:GoToCell", "", 0, (prop("ToPoint", addr),))
            dispatcher.executeDispatch(frame, ".uno:EnterString", "", 0, (prop("StringName", text),))
        sheet = doc.Sheets.getByIndex(0)
        print(json.dumps({addr: sheet.getCellRangeByName(addr).getType().value for addr, _ in cells}))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        try:
            doc.close(True)
        except Exception as closing:
            # The workbook is already stored; an office that drops the bridge while closing (seen under load:
            # "Binary URP bridge disposed") changes nothing the test reads.
            print(f"note: closing the document failed after it was stored: {closing}", file=sys.stderr)
    finally:
        try:
            if desktop is not None:
                desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


main()
