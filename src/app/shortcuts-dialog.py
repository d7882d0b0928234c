#!/usr/bin/env python3
"""shortcuts-dialog.py IN OUT: the keyboard shortcuts of gtk/help-overlay.ui
(a GtkShortcutsWindow, what GTK 4.8 has) as an AdwShortcutsDialog for
libadwaita 1.8 and later, where GtkShortcutsWindow is deprecated.

One list of shortcuts, two widgets: each GtkShortcutsGroup becomes an
AdwShortcutsSection with its title, each GtkShortcutsShortcut an
AdwShortcutsItem with its title and accelerator; translatable titles stay
translatable (xgettext reads help-overlay.ui)."""
import sys
import xml.etree.ElementTree as ET


def prop(parent, name, text, translatable=False):
    p = ET.SubElement(parent, "property", name=name)
    if translatable:
        p.set("translatable", "yes")
    p.text = text


def main(src, dst):
    tree = ET.parse(src)
    out = ET.Element("interface")
    ET.SubElement(out, "requires", lib="Adw", version="1.8")
    dialog = ET.SubElement(out, "object", {"class": "AdwShortcutsDialog", "id": "shortcuts_dialog"})
    for group in tree.iter("object"):
        if group.get("class") != "GtkShortcutsGroup":
            continue
        section = ET.SubElement(ET.SubElement(dialog, "child"), "object", {"class": "AdwShortcutsSection"})
        title = group.find("property[@name='title']")
        if title is not None:
            prop(section, "title", title.text, title.get("translatable") == "yes")
        for shortcut in group.iter("object"):
            if shortcut.get("class") != "GtkShortcutsShortcut":
                continue
            item = ET.SubElement(ET.SubElement(section, "child"), "object", {"class": "AdwShortcutsItem"})
            for name in ("title", "accelerator", "action-name"):
                p = shortcut.find(f"property[@name='{name}']")
                if p is not None:
                    prop(item, name, p.text, p.get("translatable") == "yes")
    ET.indent(out)
    with open(dst, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write(ET.tostring(out, encoding="unicode"))
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
