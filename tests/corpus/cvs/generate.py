#!/usr/bin/python3
"""Deterministic generator of the synthetic CV corpus (documents + gold JSON + manifest).

Run:  /usr/bin/python3 tests/corpus/cvs/generate.py            (everything)
      /usr/bin/python3 tests/corpus/cvs/generate.py --only 7 12   (some ids)
      /usr/bin/python3 tests/corpus/cvs/generate.py --check       (only re-run the checks)

Every document and its gold come from the same person definition in people.py. Needs Debian's
python3-reportlab, python3-docx, fonts-dejavu-core, fonts-liberation(2), libreoffice-writer
(soffice) and poppler-utils (pdftotext).
"""
import argparse
import glob
import html
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)

from i18n import (HEADINGS, LANG_NAMES, WORDS, fmt_date, fmt_range, gold_date)  # noqa: E402
from people import PEOPLE  # noqa: E402

REF_DATE = "2026-11"          # corpus reference date: "current" roles run up to 2026-11-01
REF_MONTH_INDEX = 2026 * 12 + 10  # months since year 0, exclusive end = 2026-11-01


# --------------------------------------------------------------------------------------------
# Gold
# --------------------------------------------------------------------------------------------

def _month_index(d, is_end):
    y = int(d[:4])
    if len(d) == 4:
        return y * 12 + (12 if is_end else 0)
    m = int(d[5:7])
    return y * 12 + (m if is_end else m - 1)


def total_years(work):
    """Merged, non-overlapping experience in years (1 decimal). Month-precise dates count the
    whole start and end month; a year-only start counts from January, a year-only end through
    December; a current role runs to the reference date 2026-11-01 (exclusive)."""
    spans = []
    for j in work:
        if not j["startDate"]:
            continue
        a = _month_index(j["startDate"], False)
        b = REF_MONTH_INDEX if j["current"] else _month_index(j["endDate"], True)
        spans.append((a, max(a, b)))
    spans.sort()
    total, cur = 0, None
    for a, b in spans:
        if cur is None or a > cur[1]:
            if cur:
                total += cur[1] - cur[0]
            cur = [a, b]
        else:
            cur[1] = max(cur[1], b)
    if cur:
        total += cur[1] - cur[0]
    return round(total / 12.0, 1)


def norm_url(u):
    return u if re.match(r"^https?://", u) else "https://" + u


def flatten_tech(tech):
    if isinstance(tech, dict):
        out = []
        for v in tech.values():
            out.extend(v)
        return out
    return list(tech)


def gold_profile(p):
    st = p["opts"].get("dates", "mon")
    est = p["opts"].get("edu_dates", st)
    work = []
    for j in p["work"]:
        work.append({
            "title": j["title"], "company": j["company"], "location": j["loc"],
            "startDate": gold_date(j["start"], st),
            "endDate": None if j["end"] is None else gold_date(j["end"], st),
            "current": j["end"] is None,
            "description": j["desc"], "highlights": list(j["hl"]),
        })
    edu = [{"institution": e["inst"], "degree": e["degree"], "field": e["field"],
            "startDate": gold_date(e["start"], est), "endDate": gold_date(e["end"], est),
            "grade": e["grade"]} for e in p["edu"]]
    return {
        "fullName": p["name"],
        "email": p.get("email"),
        "phone": p.get("phone"),
        "location": p.get("location"),
        "headline": p.get("headline"),
        "summary": p.get("summary"),
        "links": [{"type": t, "url": norm_url(u)} for (t, u, _d) in p.get("links", [])],
        "workExperience": work,
        "education": edu,
        "skills": {"technical": flatten_tech(p.get("tech", [])), "soft": list(p.get("soft", []))},
        "languages": [{"language": n, "proficiency": lv} for (n, lv) in p.get("langs", [])],
        "certifications": [{"name": c["name"], "issuer": c["issuer"],
                            "date": gold_date(c["date"], p["opts"].get("cert_dates", st))}
                           for c in p.get("certs", [])],
        "projects": [{"name": x["name"], "description": x["desc"], "url": norm_url(x["url"]) if x["url"] else None,
                      "technologies": list(x["tech"])} for x in p.get("projects", [])],
        "totalYearsExperience": total_years(work),
    }


# --------------------------------------------------------------------------------------------
# Document model: what the CV shows, independent of the file format
# --------------------------------------------------------------------------------------------

def build_doc(p):
    L = p["lang"]
    o = p["opts"]
    rng = random.Random(1000 + p["id"])
    H = {k: (o.get("heads", {}).get(k) or rng.choice(HEADINGS[k][L])) for k in HEADINGS}
    st = o.get("dates", "mon")
    est = o.get("edu_dates", st)
    sep = o.get("sep", " – ")
    pidx = o.get("present", 0)
    entry_style = o.get("entry", "A")
    dash = "-" if o.get("ascii") else "–"

    def rng_(s, e, cur, style=st):
        return fmt_range(s, e, cur, style, L, sep, pidx)

    # contacts
    contacts = []
    lab = o.get("contact_labels", False)

    def c(kind, text):
        contacts.append((kind, f"{WORDS[kind][L]}: {text}" if lab and kind in ("email", "phone", "address") else text))
    if p.get("address"):
        c("address", p["address"])
    elif p.get("location"):
        contacts.append(("address", p["location"]))
    if p.get("phone"):
        c("phone", p["phone"])
    if p.get("email"):
        c("email", p["email"])
    for (t, u, disp) in p.get("links", []):
        contacts.append(("link", disp if disp else u))
    for (k, v) in p.get("personal", []):
        contacts.append(("personal", f"{k}: {v}"))

    sections = []
    if p.get("summary"):
        sections.append(("summary", H["summary"], [("para", p["summary"])]))

    items = []
    work = p["work"]
    i = 0
    while i < len(work):
        j = work[i]
        grp = [j]
        if o.get("group"):
            while i + len(grp) < len(work) and work[i + len(grp)]["company"] == j["company"]:
                grp.append(work[i + len(grp)])
        if len(grp) > 1:
            first_start = min((g["start"] for g in grp), key=lambda d: d)
            cur = any(g["end"] is None for g in grp)
            last_end = None if cur else max(g["end"] for g in grp)
            head = j["company"] + (f", {j['loc']}" if j["loc"] else "")
            items.append(("group", head, rng_(first_start, last_end, cur)))
            for g in grp:
                items.append(("entry", {"l1": g["title"], "l2": None, "dates": rng_(g["start"], g["end"], g["end"] is None),
                                        "dpos": "right", "desc": g["desc"], "bullets": g["hl"], "extra": [], "sub": True}))
        else:
            d = rng_(j["start"], j["end"], j["end"] is None)
            cl = j["company"] + (f", {j['loc']}" if j["loc"] else "")
            if entry_style == "A":
                e = {"l1": j["title"], "l2": cl, "dates": d, "dpos": "right"}
            elif entry_style == "B":
                e = {"l1": cl, "l2": j["title"], "dates": d, "dpos": "right"}
            elif entry_style == "C":
                e = {"l1": f"{j['title']} {dash} {j['company']}",
                     "l2": d + (f" | {j['loc']}" if j["loc"] else ""), "dates": None, "dpos": "line"}
            else:  # D: dates in a left column / first line
                e = {"l1": j["title"], "l2": cl, "dates": d, "dpos": "left"}
            e.update({"desc": j["desc"], "bullets": j["hl"], "extra": [], "sub": False})
            items.append(("entry", e))
        i += len(grp)
    sections.append(("experience", H["experience"], items))

    items = []
    conn = {"en": " in ", "de": " ", "fr": " en ", "es": " en ", "pt": " em ", "it": " in ", "nl": " ", "pl": ", "}[L]
    conn = o.get("edu_conn", conn)
    for e in p["edu"]:
        deg = e["degree"] + (conn + e["field"] if e["field"] else "") if e["degree"] else (e["field"] or "")
        if e["start"]:
            d = fmt_range(e["start"], e["end"], e["end"] is None, est, L, sep, pidx)  # no end: in progress
        else:
            d = fmt_date(e["end"], est, L)
        inst = e["inst"] + (f", {e['eloc']}" if e.get("eloc") else "")
        grade = None
        if e["grade"]:
            grade = f"{WORDS['grade'][L]}: {e['grade']}" if o.get("grade_label") else e["grade"]
        if entry_style == "B":
            ent = {"l1": inst, "l2": deg, "dates": d, "dpos": "right"}
        elif entry_style == "C":
            ent = {"l1": f"{deg} {dash} {e['inst']}", "l2": d + (f" | {e['eloc']}" if e.get("eloc") else ""),
                   "dates": None, "dpos": "line"}
        elif entry_style == "D":
            ent = {"l1": deg, "l2": inst, "dates": d, "dpos": "left"}
        else:
            ent = {"l1": deg, "l2": inst, "dates": d, "dpos": "right"}
        ent.update({"desc": grade, "bullets": list(e.get("notes", [])), "extra": [], "sub": False})
        items.append(("entry", ent))
    sections.append(("education", H["education"], items))

    tech = p.get("tech", [])
    soft = p.get("soft", [])
    softmode = o.get("soft", "separate")
    if isinstance(tech, dict):
        groups = [(k, v) for k, v in tech.items()]
    else:
        groups = [(None, list(tech))] if tech else []
    if soft and softmode == "mixed":
        if groups and groups[-1][0] is None:
            groups[-1] = (None, groups[-1][1] + list(soft))
        else:
            groups.append((None, list(soft)))
    elif soft and softmode == "sublabel":
        groups.append((H["soft"], list(soft)))
    if groups:
        sections.append(("skills", H["skills"], [("skills", groups)]))
    if soft and softmode == "separate":
        sections.append(("soft", H["soft"], [("skills", [(None, list(soft))])]))

    if p.get("langs"):
        lf = o.get("langs_fmt", "paren")
        out = []
        for (n, lv) in p["langs"]:
            nm = LANG_NAMES[n][L]
            if lf == "paren":
                out.append(f"{nm} ({lv})")
            elif lf == "dash":
                out.append(f"{nm} {dash} {lv}")
            else:
                out.append(f"{nm}: {lv}")
        sections.append(("languages", H["languages"], [("list", out)]))

    if p.get("certs"):
        out = []
        cst = o.get("cert_dates", st)
        for cc in p["certs"]:
            s = cc["name"]
            if cc["issuer"]:
                s += f", {cc['issuer']}"
            if cc["date"]:
                s += f" ({fmt_date(cc['date'], cst, L)})"
            out.append(s)
        sections.append(("certifications", H["certifications"], [("list", out)]))

    if p.get("projects"):
        items = []
        for x in p["projects"]:
            extra = []
            if x["tech"]:
                extra.append(f"{WORDS['tech'][L]}: " + ", ".join(x["tech"]))
            items.append(("entry", {"l1": x["name"], "l2": x["url_disp"] or x["url"], "dates": None, "dpos": "line",
                                    "desc": x["desc"], "bullets": [], "extra": extra, "sub": False}))
        sections.append(("projects", H["projects"], items))

    order = o.get("order")
    if order:
        rank = {k: n for n, k in enumerate(order)}
        sections.sort(key=lambda s: rank.get(s[0], 50))
    return {"name": p.get("name_display") or p["name"], "headline": p.get("headline"), "contacts": contacts,
            "sections": sections, "H": H, "cv_title": WORDS["cv"][L] if o.get("cv_title") else None}


def skills_lines(groups, mode):
    """Flatten a skills block into display lines."""
    lines = []
    for label, vals in groups:
        if mode == "bullets":
            if label:
                lines.append(("label", label))
            lines.extend(("bullet", v) for v in vals)
        else:
            j = " | " if mode == "pipe" else (" · " if mode == "dots" else ", ")
            lines.append(("text", (f"{label}: " if label else "") + j.join(vals)))
    return lines


SIDEBAR_KEYS = ("skills", "soft", "languages", "certifications")


# --------------------------------------------------------------------------------------------
# PDF (reportlab)
# --------------------------------------------------------------------------------------------

_FONTS_DONE = False
FONT_SETS = {
    "dejavu-sans": ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"),
    "dejavu-serif": ("DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"),
    "dejavu-cond": ("DejaVuSansCondensed", "DejaVuSansCondensed-Bold", "DejaVuSansCondensed-Oblique"),
    "liberation-sans": ("LiberationSans-Regular", "LiberationSans-Bold", "LiberationSans-Italic"),
    "liberation-serif": ("LiberationSerif-Regular", "LiberationSerif-Bold", "LiberationSerif-Italic"),
    "helvetica": ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique"),
    "times": ("Times-Roman", "Times-Bold", "Times-Italic"),
}


def _register_fonts():
    global _FONTS_DONE
    if _FONTS_DONE:
        return
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    for key, names in FONT_SETS.items():
        if key in ("helvetica", "times"):
            continue
        base = "/usr/share/fonts/truetype/dejavu/" if key.startswith("dejavu") else "/usr/share/fonts/truetype/liberation2/"
        for n in names:
            pdfmetrics.registerFont(TTFont(n, base + n + ".ttf"))
        pdfmetrics.registerFontFamily(names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[1])
    _FONTS_DONE = True


def _all_text(doc):
    parts = [doc["name"], doc["headline"] or ""] + [t for _k, t in doc["contacts"]]
    for _k, h, items in doc["sections"]:
        parts.append(h)
        parts.append(json.dumps(items, ensure_ascii=False))
    return "\n".join(parts)


def _pick_font(p, doc):
    f = p["opts"].get("font", "dejavu-sans")
    if f in ("helvetica", "times"):
        try:
            _all_text(doc).encode("cp1252")
        except UnicodeEncodeError:
            f = "liberation-sans" if f == "helvetica" else "liberation-serif"
    return FONT_SETS[f]


def _pdf_styles(fonts, accent, base_size=9.8, light=False):
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib import colors
    reg, bold, ital = fonts
    txt = colors.white if light else colors.HexColor("#222222")
    S = {
        "name": ParagraphStyle("name", fontName=bold, fontSize=base_size + 12, leading=base_size + 16, textColor=txt if light else colors.HexColor(accent)),
        "headline": ParagraphStyle("headline", fontName=reg, fontSize=base_size + 2.5, leading=base_size + 6, textColor=txt),
        "h": ParagraphStyle("h", fontName=bold, fontSize=base_size + 2, leading=base_size + 5, spaceBefore=7, spaceAfter=3, textColor=colors.HexColor(accent) if not light else txt),
        "body": ParagraphStyle("body", fontName=reg, fontSize=base_size, leading=base_size * 1.3, textColor=txt),
        "small": ParagraphStyle("small", fontName=reg, fontSize=base_size - 0.8, leading=(base_size - 0.8) * 1.3, textColor=txt),
        "b": ParagraphStyle("b", fontName=bold, fontSize=base_size + 0.5, leading=base_size * 1.35, textColor=txt),
        "i": ParagraphStyle("i", fontName=ital, fontSize=base_size, leading=base_size * 1.3, textColor=txt),
        "right": ParagraphStyle("right", fontName=reg, fontSize=base_size - 0.5, leading=base_size * 1.3, alignment=TA_RIGHT, textColor=txt),
        "bullet": ParagraphStyle("bullet", fontName=reg, fontSize=base_size, leading=base_size * 1.3, leftIndent=11, bulletIndent=2, textColor=txt),
    }
    return S


def _esc(s):
    return html.escape(s, quote=False)


def _pdf_section_flowables(key, heading, items, S, width, o, heading_case=None, rule_color=None):
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle, KeepTogether
    from reportlab.platypus.flowables import HRFlowable
    from reportlab.lib import colors
    out = []
    h = heading.upper() if heading_case == "upper" else heading
    out.append(Paragraph(_esc(h), S["h"]))
    if rule_color:
        out.append(HRFlowable(width="100%", thickness=0.7, color=colors.HexColor(rule_color), spaceBefore=0, spaceAfter=4))
    bchar = o.get("bullet", "•")
    for it in items:
        kind = it[0]
        if kind == "para":
            out.append(Paragraph(_esc(it[1]), S["body"]))
        elif kind == "list":
            if o.get("list_mode", "bullets") == "bullets":
                for s in it[1]:
                    out.append(Paragraph(_esc(s), S["bullet"], bulletText=bchar))
            else:
                for s in it[1]:
                    out.append(Paragraph(_esc(s), S["body"]))
        elif kind == "skills":
            for k, s in skills_lines(it[1], o.get("skills", "inline")):
                if k == "bullet":
                    out.append(Paragraph(_esc(s), S["bullet"], bulletText=bchar))
                elif k == "label":
                    out.append(Paragraph(_esc(s), S["b"]))
                else:
                    out.append(Paragraph(_esc(s), S["body"]))
        elif kind == "group":
            t = Table([[Paragraph(_esc(it[1]), S["b"]), Paragraph(_esc(it[2]), S["right"])]],
                      colWidths=[width * 0.68, width * 0.32])
            t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            out.append(t)
        elif kind == "entry":
            e = it[1]
            block = []
            l1style = S["i"] if e.get("sub") else S["b"]
            if e["dpos"] == "right" and e["dates"]:
                t = Table([[Paragraph(_esc(e["l1"]), l1style), Paragraph(_esc(e["dates"]), S["right"])]],
                          colWidths=[width * 0.65, width * 0.35])
                t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                                       ("VALIGN", (0, 0), (-1, -1), "TOP")]))
                block.append(t)
            else:
                block.append(Paragraph(_esc(e["l1"]), l1style))
            if e["l2"]:
                block.append(Paragraph(_esc(e["l2"]), S["i"] if not e.get("sub") else S["body"]))
            if e["desc"]:
                block.append(Paragraph(_esc(e["desc"]), S["body"]))
            for b in e["bullets"]:
                block.append(Paragraph(_esc(b), S["bullet"], bulletText=bchar))
            for x in e["extra"]:
                block.append(Paragraph(_esc(x), S["small"]))
            block.append(Spacer(1, 4))
            if e["dpos"] == "left" and e["dates"]:
                t = Table([[Paragraph(_esc(e["dates"]), S["small"]), block]], colWidths=[width * 0.24, width * 0.76])
                t.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, -1), 6),
                                       ("RIGHTPADDING", (1, 0), (1, -1), 0),
                                       ("TOPPADDING", (0, 0), (-1, -1), 1), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
                out.append(t)
            else:
                out.append(KeepTogether(block) if len(block) < 9 else block[0])
                if len(block) >= 9:
                    out.extend(block[1:])
    return out


def render_pdf_single(p, doc, path):
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Paragraph, Spacer
    from reportlab.lib import colors
    o = p["opts"]
    _register_fonts()
    fonts = _pick_font(p, doc)
    accent = o.get("accent", "#1F3A5F")
    S = _pdf_styles(fonts, accent, o.get("size", 9.8))
    size = LETTER if o.get("page") == "letter" else A4
    W, Hh = size
    margin = o.get("margin", 18) * mm
    width = W - 2 * margin
    hf = o.get("hf")  # None | "all" | "later"
    L = p["lang"]

    def on_page(canv, d):
        n = canv.getPageNumber()
        if not hf:
            return
        canv.saveState()
        canv.setFont(fonts[0], 8)
        canv.setFillColor(colors.HexColor("#555555"))
        if hf == "all" or n > 1:
            head = doc["name"] + (f" | {p['email']}" if p.get("email") and o.get("hf_email") else "")
            canv.drawString(margin, Hh - 11 * mm, head)
            canv.setStrokeColor(colors.HexColor("#BBBBBB"))
            canv.line(margin, Hh - 12.5 * mm, W - margin, Hh - 12.5 * mm)
        canv.drawCentredString(W / 2, 9 * mm, f"{WORDS['page'][L]} {n}")
        canv.restoreState()

    story = []
    if doc["cv_title"]:
        story.append(Paragraph(_esc(doc["cv_title"]), S["h"]))
    story.append(Paragraph(_esc(doc["name"]), S["name"]))
    if doc["headline"]:
        story.append(Paragraph(_esc(doc["headline"]), S["headline"]))
    cs = [t for _k, t in doc["contacts"]]
    if o.get("contact_stack"):
        for t in cs:
            story.append(Paragraph(_esc(t), S["small"]))
    else:
        story.append(Paragraph(_esc("  |  ".join(cs)), S["small"]))
    story.append(Spacer(1, 6))
    for key, heading, items in doc["sections"]:
        story.extend(_pdf_section_flowables(key, heading, items, S, width, o, o.get("heading_case"), o.get("rule", accent)))
    top = margin + (6 * mm if hf else 0)
    dt = SimpleDocTemplate(path, pagesize=size, leftMargin=margin, rightMargin=margin, topMargin=top,
                           bottomMargin=margin, title=f"CV {doc['name']}", author=doc["name"], invariant=1)
    dt.build(story, onFirstPage=on_page, onLaterPages=on_page)


def render_pdf_twocol(p, doc, path):
    from reportlab.lib.pagesizes import A4, LETTER
    from reportlab.lib.units import mm
    from reportlab.platypus import (BaseDocTemplate, PageTemplate, Frame, Paragraph, Spacer, FrameBreak,
                                    NextPageTemplate, KeepInFrame)
    from reportlab.platypus.flowables import HRFlowable
    from reportlab.lib import colors
    o = p["opts"]
    _register_fonts()
    fonts = _pick_font(p, doc)
    accent = o.get("accent", "#2B4C7E")
    side_color = o.get("side_color")  # background colour of the sidebar or None
    side_dark = o.get("side_dark", False)  # white text on dark sidebar
    S = _pdf_styles(fonts, accent, o.get("size", 9.4))
    SS = _pdf_styles(fonts, accent, o.get("size", 9.4) - 0.6, light=side_dark)
    size = LETTER if o.get("page") == "letter" else A4
    W, Hh = size
    m = 14 * mm
    side_w = o.get("side_w", 62) * mm
    gap = 8 * mm
    side_left = o.get("side", "left") == "left"
    band = o.get("band", True)  # full-width name band on page 1
    band_h = 30 * mm if band else 0
    if side_left:
        sx, mx = (m if not side_color else 8 * mm), m + side_w + gap
        mw = W - mx - m
    else:
        mx = m
        sx = W - m - side_w
        mw = W - 2 * m - side_w - gap
    sw = side_w - (0 if not side_color else 0)
    L = p["lang"]

    def bg(canv, d, first):
        canv.saveState()
        if side_color:
            canv.setFillColor(colors.HexColor(side_color))
            x0 = 0 if side_left else sx - 6 * mm
            wdt = (sx + side_w + 4 * mm) if side_left else (W - x0)
            canv.rect(x0, 0, wdt, Hh - (band_h if first and band else 0), stroke=0, fill=1)
        if first and band and o.get("band_color"):
            canv.setFillColor(colors.HexColor(o["band_color"]))
            canv.rect(0, Hh - band_h, W, band_h, stroke=0, fill=1)
        if o.get("photo") and first:
            canv.setFillColor(colors.HexColor("#CCCCCC"))
            px = sx + 8 * mm if side_left else sx + 8 * mm
            canv.circle(px + 15 * mm, Hh - band_h - 25 * mm, 15 * mm, stroke=0, fill=1)
        if o.get("pageno"):
            canv.setFont(fonts[0], 7.5)
            canv.setFillColor(colors.HexColor("#777777"))
            canv.drawRightString(W - m, 8 * mm, f"{doc['name']} · {WORDS['page'][L]} {d.page}")
        canv.restoreState()

    top_side = Hh - m - band_h - (38 * mm if o.get("photo") else 0)
    frames1 = []
    if band:
        frames1.append(Frame(m, Hh - m - band_h + 4 * mm, W - 2 * m, band_h - 2 * mm, id="band", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0))
    frames1.append(Frame(sx + (4 * mm if side_color and side_left else 0), m, sw - (4 * mm if side_color else 0),
                         top_side - m, id="side", leftPadding=0, rightPadding=0, topPadding=0))
    frames1.append(Frame(mx, m, mw, Hh - m - band_h - m, id="main", leftPadding=0, rightPadding=0, topPadding=0))
    frames2 = [Frame(mx, m, mw, Hh - 2 * m, id="main2", leftPadding=0, rightPadding=0)]
    t1 = PageTemplate(id="first", frames=frames1, onPage=lambda c, d: bg(c, d, True))
    t2 = PageTemplate(id="later", frames=frames2, onPage=lambda c, d: bg(c, d, False))
    dt = BaseDocTemplate(path, pagesize=size, pageTemplates=[t1, t2], title=f"CV {doc['name']}", author=doc["name"],
                         invariant=1, leftMargin=m, rightMargin=m, topMargin=m, bottomMargin=m)
    story = []
    head = []
    HS = _pdf_styles(fonts, accent, 9.4, light=True) if o.get("band_color") else (S if band else SS)
    head.append(Paragraph(_esc(doc["name"]), HS["name"]))
    if doc["headline"]:
        head.append(Paragraph(_esc(doc["headline"]), HS["headline"]))
    side = []
    if band:
        story.append(KeepInFrame(W - 2 * m, band_h - 2 * mm, head, mode="shrink"))
        story.append(FrameBreak())
    else:
        side.extend(head)
        side.append(Spacer(1, 6))
    # sidebar: contact + selected sections
    side.append(Paragraph(_esc(doc["H"]["contact"].upper() if o.get("heading_case") == "upper" else doc["H"]["contact"]), SS["h"]))
    for _k, t in doc["contacts"]:
        side.append(Paragraph(_esc(t), SS["small"]))
    side_keys = o.get("side_keys", SIDEBAR_KEYS)
    main_secs = []
    for key, heading, items in doc["sections"]:
        if key in side_keys:
            side.extend(_pdf_section_flowables(key, heading, items, SS, sw, o, o.get("heading_case"), None))
        else:
            main_secs.append((key, heading, items))
    story.append(KeepInFrame(sw, top_side - m, side, mode="shrink"))
    story.append(FrameBreak())
    story.append(NextPageTemplate("later"))
    for key, heading, items in main_secs:
        story.extend(_pdf_section_flowables(key, heading, items, S, mw, o, o.get("heading_case"), o.get("rule", accent)))
    dt.build(story)


# --------------------------------------------------------------------------------------------
# DOCX (python-docx)
# --------------------------------------------------------------------------------------------

def _shade(cell, fill):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcPr.append(shd)


def _no_borders(table):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    tblPr = table._tbl.tblPr
    b = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        b.append(e)
    tblPr.append(b)


def _page_field(par):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    run = par.add_run()
    f1 = OxmlElement("w:fldChar")
    f1.set(qn("w:fldCharType"), "begin")
    it = OxmlElement("w:instrText")
    it.set(qn("xml:space"), "preserve")
    it.text = "PAGE"
    f2 = OxmlElement("w:fldChar")
    f2.set(qn("w:fldCharType"), "separate")
    t = OxmlElement("w:t")
    t.text = "1"
    f3 = OxmlElement("w:fldChar")
    f3.set(qn("w:fldCharType"), "end")
    run._r.append(f1)
    run._r.append(it)
    run._r.append(f2)
    run._r.append(t)
    run._r.append(f3)


def _bottom_border(par, color="1F3A5F"):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    pPr = par._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement("w:bottom")
    b.set(qn("w:val"), "single")
    b.set(qn("w:sz"), "6")
    b.set(qn("w:space"), "1")
    b.set(qn("w:color"), color)
    bdr.append(b)
    pPr.append(bdr)


class DocxWriter:
    """Writes sections into a python-docx container (document body or table cell)."""

    def __init__(self, document, o, lang):
        from docx.shared import Pt, Cm
        self.d = document
        self.o = o
        self.lang = lang
        self.Pt, self.Cm = Pt, Cm

    def para(self, cont, text="", bold=False, italic=False, size=None, style=None, color=None, align=None, space_after=2):
        from docx.shared import RGBColor
        par = cont.add_paragraph(style=style) if style else cont.add_paragraph()
        if text:
            r = par.add_run(text)
            r.bold = bold
            r.italic = italic
            if size:
                r.font.size = self.Pt(size)
            if color:
                r.font.color.rgb = RGBColor.from_string(color)
        par.paragraph_format.space_after = self.Pt(space_after)
        par.paragraph_format.space_before = self.Pt(0)
        if align is not None:
            par.alignment = align
        return par

    def heading(self, cont, text, in_cell=False):
        mode = self.o.get("docx_heading", "styled")
        if self.o.get("heading_case") == "upper":
            text = text.upper()
        if mode == "styled" and not in_cell:
            h = self.d.add_heading(text, level=1)
            return h
        par = self.para(cont, text, bold=True, size=12, color=self.o.get("accent", "#1F3A5F").lstrip("#"), space_after=3)
        par.paragraph_format.space_before = self.Pt(8)
        if mode == "rule":
            _bottom_border(par, self.o.get("accent", "#1F3A5F").lstrip("#"))
        return par

    def bullet(self, cont, text, in_cell=False):
        if self.o.get("docx_bullets", "style") == "style" and not in_cell:
            return self.para(cont, text, style="List Bullet", space_after=1)
        par = self.para(cont, f"{self.o.get('bullet', '•')} {text}", space_after=1)
        par.paragraph_format.left_indent = self.Cm(0.4)
        return par

    def section(self, cont, key, heading, items, width_cm=17.0, in_cell=False):
        from docx.enum.text import WD_TAB_ALIGNMENT
        self.heading(cont, heading, in_cell)
        for it in items:
            k = it[0]
            if k == "para":
                self.para(cont, it[1], space_after=4)
            elif k == "list":
                for s in it[1]:
                    if self.o.get("list_mode", "bullets") == "bullets":
                        self.bullet(cont, s, in_cell)
                    else:
                        self.para(cont, s)
            elif k == "skills":
                for kind, s in skills_lines(it[1], self.o.get("skills", "inline")):
                    if kind == "bullet":
                        self.bullet(cont, s, in_cell)
                    else:
                        self.para(cont, s, bold=(kind == "label"))
            elif k in ("group", "entry"):
                if k == "group":
                    l1, dates, l2, e = it[1], it[2], None, None
                    bold, italic = True, False
                else:
                    e = it[1]
                    l1, l2 = e["l1"], e["l2"]
                    dates = e["dates"]
                    bold, italic = (not e.get("sub")), bool(e.get("sub"))
                    if e["dpos"] == "left" and dates:
                        self.para(cont, dates, size=9, color="555555", space_after=0)
                        dates = None
                par = cont.add_paragraph()
                par.paragraph_format.space_before = self.Pt(4)
                par.paragraph_format.space_after = self.Pt(0)
                r = par.add_run(l1)
                r.bold, r.italic = bold, italic
                if dates:
                    par.paragraph_format.tab_stops.add_tab_stop(self.Cm(width_cm), WD_TAB_ALIGNMENT.RIGHT)
                    par.add_run("\t" + dates)
                if e is None:
                    continue
                if l2:
                    self.para(cont, l2, italic=not e.get("sub"), space_after=1)
                if e["desc"]:
                    self.para(cont, e["desc"], space_after=1)
                for b in e["bullets"]:
                    self.bullet(cont, b, in_cell)
                for x in e["extra"]:
                    self.para(cont, x, size=9)


def _docx_base(o):
    from docx import Document
    from docx.shared import Pt, Cm
    d = Document()
    st = d.styles["Normal"]
    st.font.name = o.get("docx_font", "Calibri")
    st.font.size = Pt(o.get("docx_size", 10.5))
    for s in d.sections:
        s.left_margin = s.right_margin = Cm(o.get("docx_margin", 2.0))
        s.top_margin = s.bottom_margin = Cm(1.8)
        if o.get("page") == "letter":
            s.page_width, s.page_height = Cm(21.59), Cm(27.94)
    d.core_properties.author = ""
    d.core_properties.title = ""
    return d


def _docx_header_block(w, cont, doc, o, align=None):
    if doc["cv_title"]:
        w.para(cont, doc["cv_title"], size=10, color="777777")
    w.para(cont, doc["name"], bold=True, size=o.get("name_size", 20), color=o.get("accent", "#1F3A5F").lstrip("#"), align=align, space_after=0)
    if doc["headline"]:
        w.para(cont, doc["headline"], size=12.5, align=align, space_after=2)
    cs = [t for _k, t in doc["contacts"]]
    if o.get("contact_stack"):
        for t in cs:
            w.para(cont, t, size=9.5, align=align, space_after=0)
    else:
        w.para(cont, " · ".join(cs), size=9.5, align=align, space_after=6)


def render_docx_single(p, doc, path):
    o = p["opts"]
    d = _docx_base(o)
    w = DocxWriter(d, o, p["lang"])
    if o.get("hf"):
        sec = d.sections[0]
        hp = sec.header.paragraphs[0]
        hp.text = doc["name"] + (f" – {doc['headline']}" if doc["headline"] and o.get("hf_headline") else "")
        fp = sec.footer.paragraphs[0]
        fp.add_run(f"{WORDS['page'][p['lang']]} ")
        _page_field(fp)
    _docx_header_block(w, d, doc, o)
    width = 17.0 if o.get("page") != "letter" else 17.6
    for key, heading, items in doc["sections"]:
        w.section(d, key, heading, items, width_cm=width - 2 * (o.get("docx_margin", 2.0) - 2.0))
    d.save(path)


def render_docx_table(p, doc, path):
    """Table-based layout: one row, sidebar cell (shaded) + main cell."""
    from docx.shared import Cm
    o = p["opts"]
    d = _docx_base(dict(o, docx_margin=1.4))
    w = DocxWriter(d, o, p["lang"])
    if o.get("name_in_table", False) is False:
        _docx_header_block(w, d, dict(doc, contacts=[]) if o.get("contacts_in_side", True) else doc, o)
    t = d.add_table(rows=1, cols=2)
    _no_borders(t)
    left, right = t.rows[0].cells
    sidew, mainw = Cm(o.get("side_w_cm", 6.0)), Cm(18.2 - o.get("side_w_cm", 6.0))
    left.width, right.width = sidew, mainw
    side, main = (left, right) if o.get("side", "left") == "left" else (right, left)
    if o.get("side", "left") != "left":
        left.width, right.width = mainw, sidew
    if o.get("side_fill"):
        _shade(side, o["side_fill"])
    side.paragraphs[0].text = ""
    main.paragraphs[0].text = ""
    if o.get("contacts_in_side", True):
        w.heading(side, doc["H"]["contact"], in_cell=True)
        for _k, tx in doc["contacts"]:
            w.para(side, tx, size=9)
    sk = o.get("side_keys", SIDEBAR_KEYS)
    for key, heading, items in doc["sections"]:
        if key in sk:
            w.section(side, key, heading, items, width_cm=5.5, in_cell=True)
        else:
            w.section(main, key, heading, items, width_cm=11.6, in_cell=True)
    d.save(path)


EUROPASS = {
    "it": {"personal": "Informazioni personali", "name": "Cognome / Nome", "exp": "Esperienza professionale",
           "dates": "Date", "pos": "Lavoro o posizione ricoperti", "act": "Principali attività e responsabilità",
           "emp": "Nome e indirizzo del datore di lavoro", "edu": "Istruzione e formazione",
           "qual": "Titolo della qualifica rilasciata", "org": "Nome e tipo d'organizzazione erogatrice dell'istruzione e formazione",
           "grade": "Livello nella classificazione", "skills": "Capacità e competenze personali",
           "tech": "Capacità e competenze tecniche", "soft": "Capacità e competenze relazionali",
           "langs": "Lingue", "certs": "Certificazioni", "proj": "Progetti", "summary": "Profilo"},
    "es": {"personal": "Información personal", "name": "Apellido(s) / Nombre(s)", "exp": "Experiencia profesional",
           "dates": "Fechas", "pos": "Profesión o cargo desempeñado", "act": "Funciones y responsabilidades principales",
           "emp": "Nombre y dirección de la empresa", "edu": "Educación y formación",
           "qual": "Cualificación obtenida", "org": "Nombre y tipo del centro de estudios",
           "grade": "Nivel / calificación", "skills": "Capacidades y competencias personales",
           "tech": "Competencias técnicas", "soft": "Competencias sociales",
           "langs": "Idiomas", "certs": "Certificaciones", "proj": "Proyectos", "summary": "Perfil"},
    "en": {"personal": "Personal information", "name": "Surname(s) / First name(s)", "exp": "Work experience",
           "dates": "Dates", "pos": "Occupation or position held", "act": "Main activities and responsibilities",
           "emp": "Name and address of employer", "edu": "Education and training",
           "qual": "Title of qualification awarded", "org": "Name and type of organisation providing education and training",
           "grade": "Level in national or international classification", "skills": "Personal skills and competences",
           "tech": "Technical skills and competences", "soft": "Social skills and competences",
           "langs": "Languages", "certs": "Certificates", "proj": "Projects", "summary": "Profile"},
    "pt": {"personal": "Informação pessoal", "name": "Apelido(s) / Nome(s) próprio(s)", "exp": "Experiência profissional",
           "dates": "Datas", "pos": "Função ou cargo ocupado", "act": "Principais actividades e responsabilidades",
           "emp": "Nome e morada do empregador", "edu": "Educação e formação",
           "qual": "Designação da qualificação atribuída", "org": "Nome e tipo da organização de ensino ou formação",
           "grade": "Nível segundo a classificação nacional ou internacional", "skills": "Aptidões e competências pessoais",
           "tech": "Aptidões e competências técnicas", "soft": "Aptidões e competências sociais",
           "langs": "Línguas", "certs": "Certificações", "proj": "Projetos", "summary": "Perfil"},
}


def render_docx_europass(p, doc, path):
    """Europass-like label/value table (labels right-aligned in a narrow left column)."""
    from docx.shared import Cm
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    o = p["opts"]
    L = p["lang"]
    E = EUROPASS[L]
    d = _docx_base(dict(o, docx_margin=1.5, docx_size=10))
    w = DocxWriter(d, o, L)
    w.para(d, "Curriculum Vitae" + ("  Europass" if o.get("europass_word", True) else ""), bold=True, size=16, color="1F3A5F")
    t = d.add_table(rows=0, cols=2)
    _no_borders(t)
    R = WD_ALIGN_PARAGRAPH.RIGHT

    def row(label, value, head=False):
        r = t.add_row().cells
        r[0].width, r[1].width = Cm(5.6), Cm(12.4)
        r[0].paragraphs[0].text = ""
        r[1].paragraphs[0].text = ""
        if label:
            par = r[0].paragraphs[0]
            run = par.add_run(label)
            run.bold = head
            if head:
                run.font.size = w.Pt(11)
            par.alignment = R
        vals = value if isinstance(value, list) else ([value] if value else [])
        for n, v in enumerate(vals):
            par = r[1].paragraphs[0] if n == 0 else r[1].add_paragraph()
            par.add_run(v)
        return r

    given, family = p["name_parts"]
    row(E["personal"], None, head=True)
    row(E["name"], f"{family} {given}")
    for kind, txt in doc["contacts"]:
        lab = {"address": WORDS["address"][L], "phone": WORDS["phone"][L], "email": WORDS["email"][L]}.get(kind, "")
        if kind == "personal":
            lab, txt = txt.split(": ", 1)
        row(lab, txt)
    secmap = {s[0]: s for s in doc["sections"]}
    if "summary" in secmap:
        row(E["summary"], secmap["summary"][2][0][1])
    row(E["exp"], None, head=True)
    st = o.get("dates", "num")
    for j in p["work"]:
        row(E["dates"], fmt_range(j["start"], j["end"], j["end"] is None, st, L, o.get("sep", " – "), o.get("present", 0)))
        row(E["pos"], j["title"])
        acts = ([j["desc"]] if j["desc"] else []) + [f"- {h}" for h in j["hl"]]
        if acts:
            row(E["act"], acts)
        row(E["emp"], j["company"] + (f", {j['loc']}" if j["loc"] else ""))
        row("", "")
    row(E["edu"], None, head=True)
    est = o.get("edu_dates", st)
    for e in p["edu"]:
        dd = fmt_range(e["start"], e["end"], False, est, L, o.get("sep", " – ")) if e["start"] else fmt_date(e["end"], est, L)
        row(E["dates"], dd)
        row(E["qual"], e["degree"] + (f" in {e['field']}" if e["field"] and L in ("it", "en") else (f" en {e['field']}" if e["field"] and L == "es" else (f" em {e['field']}" if e["field"] else ""))))
        row(E["org"], e["inst"] + (f", {e['eloc']}" if e.get("eloc") else ""))
        if e["grade"]:
            row(E["grade"], e["grade"])
        row("", "")
    row(E["skills"], None, head=True)
    if "languages" in secmap:
        row(E["langs"], secmap["languages"][2][0][1])
    tech = flatten_tech(p.get("tech", []))
    if tech:
        row(E["tech"], ", ".join(tech))
    if p.get("soft"):
        row(E["soft"], ", ".join(p["soft"]))
    if "certifications" in secmap:
        row(E["certs"], secmap["certifications"][2][0][1])
    if "projects" in secmap:
        vals = []
        for _k, e in secmap["projects"][2]:
            vals.append(e["l1"] + (f" ({e['l2']})" if e["l2"] else "") + (f": {e['desc']}" if e["desc"] else ""))
            vals.extend(e["extra"])
        row(E["proj"], vals)
    d.save(path)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------

def render_html(p, doc, path):
    o = p["opts"]
    e = html.escape
    two = o.get("html_layout") == "two-column"
    L = p["lang"]
    css = """body{font-family:Georgia,serif;max-width:900px;margin:2em auto;color:#222}
h1{margin-bottom:0}.headline{font-size:1.2em;color:#555;margin-top:.2em}
h2{border-bottom:2px solid #3a6;padding-bottom:2px;font-size:1.1em;text-transform:uppercase}
.entry{margin-bottom:.8em}.entry .dates{float:right;color:#666}.muted{color:#666}
.grid{display:grid;grid-template-columns:260px 1fr;gap:32px}aside{background:#f1f4f8;padding:16px}"""
    out = ["<!DOCTYPE html>", f'<html lang="{L}">', "<head>", '<meta charset="utf-8">',
           f"<title>{e(doc['name'])} – CV</title>", f"<style>{css}</style>", "</head>", "<body>"]

    def sec_html(key, heading, items):
        s = [f'<section id="{key}">', f"<h2>{e(heading)}</h2>"]
        for it in items:
            k = it[0]
            if k == "para":
                s.append(f"<p>{e(it[1])}</p>")
            elif k == "list":
                s.append("<ul>" + "".join(f"<li>{e(x)}</li>" for x in it[1]) + "</ul>")
            elif k == "skills":
                mode = o.get("skills", "inline")
                for kind, x in skills_lines(it[1], mode):
                    if kind == "bullet":
                        s.append(f"<ul><li>{e(x)}</li></ul>")
                    elif kind == "label":
                        s.append(f"<h4>{e(x)}</h4>")
                    else:
                        s.append(f"<p>{e(x)}</p>")
            elif k == "group":
                s.append(f'<h3>{e(it[1])} <span class="dates">{e(it[2])}</span></h3>')
            elif k == "entry":
                en = it[1]
                s.append('<div class="entry">')
                tag = "h4" if en.get("sub") else "h3"
                if en["dpos"] == "left" and en["dates"]:
                    s.append(f'<div class="muted">{e(en["dates"])}</div>')
                dates = f' <span class="dates">{e(en["dates"])}</span>' if en["dates"] and en["dpos"] == "right" else ""
                s.append(f"<{tag}>{e(en['l1'])}{dates}</{tag}>")
                if en["l2"]:
                    if en["l2"].startswith("http") or "github.com" in en["l2"] or "example." in en["l2"]:
                        url = en["l2"] if en["l2"].startswith("http") else "https://" + en["l2"]
                        s.append(f'<div><a href="{e(url)}">{e(en["l2"])}</a></div>')
                    else:
                        s.append(f'<div class="muted">{e(en["l2"])}</div>')
                if en["desc"]:
                    s.append(f"<p>{e(en['desc'])}</p>")
                if en["bullets"]:
                    s.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in en["bullets"]) + "</ul>")
                for x in en["extra"]:
                    s.append(f'<p class="muted">{e(x)}</p>')
                s.append("</div>")
        s.append("</section>")
        return "\n".join(s)

    def contacts_html():
        li = []
        for kind, t in doc["contacts"]:
            if kind == "email":
                addr = p["email"]
                li.append(f'<li><a href="mailto:{e(addr)}">{e(t)}</a></li>')
            elif kind == "link":
                url = t if t.startswith("http") else "https://" + t.split(": ")[-1]
                li.append(f'<li><a href="{e(url)}">{e(t)}</a></li>')
            else:
                li.append(f"<li>{e(t)}</li>")
        return '<ul class="contact">' + "".join(li) + "</ul>"

    head = [f"<header><h1>{e(doc['name'])}</h1>"]
    if doc["headline"]:
        head.append(f'<p class="headline">{e(doc["headline"])}</p>')
    if not two:
        head.append(contacts_html())
    head.append("</header>")
    out.extend(head)
    if two:
        out.append('<div class="grid"><aside>')
        out.append(f"<h2>{e(doc['H']['contact'])}</h2>" + contacts_html())
        for s in doc["sections"]:
            if s[0] in SIDEBAR_KEYS:
                out.append(sec_html(*s))
        out.append("</aside><main>")
        for s in doc["sections"]:
            if s[0] not in SIDEBAR_KEYS:
                out.append(sec_html(*s))
        out.append("</main></div>")
    else:
        out.append("<main>")
        for s in doc["sections"]:
            out.append(sec_html(*s))
        out.append("</main>")
    out.append("</body></html>")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")


# --------------------------------------------------------------------------------------------
# Plain text
# --------------------------------------------------------------------------------------------

def render_txt_str(p, doc):
    o = p["opts"]
    hs = o.get("txt_heading", "caps")  # caps | underline | markdown | colon | dashes
    bc = o.get("bullet", "-")
    lines = []

    def heading(h):
        if hs == "caps":
            lines.extend(["", h.upper(), ""])
        elif hs == "underline":
            lines.extend(["", h, "=" * len(h)])
        elif hs == "markdown":
            lines.extend(["", f"## {h}", ""])
        elif hs == "colon":
            lines.extend(["", f"{h}:"])
        else:
            lines.extend(["", f"---- {h.upper()} ----"])

    def bullet(t, ind=""):
        lines.append(f"{ind}{'-' if hs == 'markdown' else bc} {t}")

    if doc["cv_title"]:
        lines.append(doc["cv_title"].upper() if hs != "markdown" else doc["cv_title"])
        lines.append("")
    if hs == "markdown":
        lines.append(f"# {doc['name']}")
        if doc["headline"]:
            lines.append(f"**{doc['headline']}**")
    elif hs == "underline":
        lines.append(doc["name"])
        lines.append("#" * len(doc["name"]) if o.get("name_hash") else "=" * len(doc["name"]))
        if doc["headline"]:
            lines.append(doc["headline"])
    else:
        lines.append(doc["name"].upper() if o.get("name_upper") else doc["name"])
        if doc["headline"]:
            lines.append(doc["headline"])
    lines.append("")
    cs = [t for _k, t in doc["contacts"]]
    if o.get("contact_stack", True):
        lines.extend(cs)
    else:
        lines.append(" | ".join(cs))
    for key, h, items in doc["sections"]:
        heading(h)
        for it in items:
            k = it[0]
            if k == "para":
                lines.extend(_wrap(it[1], o.get("wrap", 0)))
            elif k == "list":
                for x in it[1]:
                    bullet(x) if o.get("list_mode", "bullets") == "bullets" else lines.append(x)
            elif k == "skills":
                for kind, x in skills_lines(it[1], o.get("skills", "inline")):
                    if kind == "bullet":
                        bullet(x)
                    elif kind == "label":
                        lines.append(f"{x}:")
                    else:
                        lines.append(x)
            elif k == "group":
                if hs == "markdown":
                    lines.append(f"### {it[1]} ({it[2]})")
                else:
                    lines.append(f"{it[1]}    {it[2]}")
            elif k == "entry":
                e = it[1]
                ind = "  " if e.get("sub") else ""
                if e["dpos"] == "left" and e["dates"]:
                    lines.append(ind + e["dates"])
                l1 = e["l1"]
                if hs == "markdown":
                    l1 = f"**{l1}**" if not e.get("sub") else f"*{l1}*"
                if e["dpos"] == "right" and e["dates"]:
                    if o.get("txt_dates") == "pad":
                        l1 = f"{l1:<58}{e['dates']}"
                    else:
                        l1 = f"{l1} ({e['dates']})" if o.get("txt_dates") == "paren" else f"{l1}, {e['dates']}"
                lines.append(ind + l1)
                if e["l2"]:
                    lines.append(ind + (f"_{e['l2']}_" if hs == "markdown" and False else e["l2"]))
                if e["desc"]:
                    lines.extend(ind + x for x in _wrap(e["desc"], o.get("wrap", 0)))
                for b in e["bullets"]:
                    bullet(b, ind + ("  " if o.get("indent_bullets") else ""))
                for x in e["extra"]:
                    lines.append(ind + x)
                lines.append("")
        if lines and lines[-1] == "":
            lines.pop()
    return "\n".join(lines).strip("\n") + "\n"


def _wrap(text, width):
    if not width:
        return [text]
    import textwrap
    return textwrap.wrap(text, width)


def render_txt(p, doc, path):
    o = p["opts"]
    s = render_txt_str(p, doc)
    if o.get("crlf"):
        s = s.replace("\n", "\r\n")
    enc = o.get("encoding", "utf-8")
    data = s.encode(enc)  # raises if the text does not fit the encoding (that is a data bug)
    with open(path, "wb") as f:
        f.write(data)


# --------------------------------------------------------------------------------------------
# LibreOffice conversions
# --------------------------------------------------------------------------------------------

LO_PROFILE = "file:///tmp/cvcorpus-lo-profile"


def soffice_convert(src, target, outdir):
    """target e.g. 'pdf', 'odt', 'rtf', 'docx:MS Word 2007 XML'. Returns the output path."""
    cmd = ["soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--norestore",
           "--convert-to", target, "--outdir", outdir, src]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    ext = target.split(":")[0]
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + ext)
    if not os.path.exists(out):
        raise RuntimeError(f"soffice produced nothing for {src} -> {target}")
    return out


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------

DOCX_RENDERERS = {"single-column": render_docx_single, "header-footer": render_docx_single,
                  "multi-page": render_docx_single, "table": render_docx_table,
                  "europass-table": render_docx_europass, "sidebar-table": render_docx_table}


def render(p, outdir):
    doc = build_doc(p)
    fmt, layout = p["format"], p["layout"]
    base = os.path.join(outdir, f"{p['id']:03d}-{p['slug']}")
    src = p["opts"].get("source", "python-docx" if fmt in ("docx", "odt", "rtf") else "reportlab")
    if fmt == "pdf" and src == "reportlab":
        if layout in ("two-column", "sidebar-colored"):
            render_pdf_twocol(p, doc, base + ".pdf")
        else:
            render_pdf_single(p, doc, base + ".pdf")
    elif fmt == "txt":
        render_txt(p, doc, base + ".txt")
    elif fmt == "html":
        render_html(p, doc, base + ".html")
    else:
        # python-docx first; LibreOffice converts it when the target is pdf/odt/rtf or a LO-made docx
        fn = DOCX_RENDERERS.get(p["opts"].get("docx_layout", layout), render_docx_single)
        with tempfile.TemporaryDirectory() as td:
            tmp = os.path.join(td, os.path.basename(base) + ".docx")
            fn(p, doc, tmp)
            if fmt == "docx" and src == "python-docx":
                shutil.copy(tmp, base + ".docx")
            elif fmt == "docx":  # LibreOffice-made docx: docx -> odt -> docx
                odt = soffice_convert(tmp, "odt", os.path.join(td, "o"))
                out = soffice_convert(odt, "docx:MS Word 2007 XML", os.path.join(td, "d"))
                shutil.copy(out, base + ".docx")
            else:
                out = soffice_convert(tmp, fmt, os.path.join(td, "o"))
                shutil.copy(out, base + "." + fmt)
    return base + "." + fmt


def meta_for(p):
    o = p["opts"]
    m = {"language": p["lang"], "layout": p["layout"], "format": p["format"], "country": p["country"],
         "profession": p["profession"], "seniority": p["seniority"], "referenceDate": REF_DATE,
         "producer": o.get("source", "python-docx" if p["format"] in ("docx",) else
                           ("reportlab" if p["format"] == "pdf" else ("libreoffice" if p["format"] in ("odt", "rtf") else "generate.py"))),
         "dateStyle": o.get("dates", "mon"), "features": list(p.get("features", []))}
    if p["format"] in ("odt", "rtf") and m["producer"] == "python-docx":
        m["producer"] = "python-docx+libreoffice"
    if p["format"] == "txt":
        m["encoding"] = o.get("encoding", "utf-8")
        m["headingStyle"] = o.get("txt_heading", "caps")
        m["lineEndings"] = "crlf" if o.get("crlf") else "lf"
    feats = [f for f in m["features"] if f != "multi-page" or p["format"] != "pdf"]
    auto = []
    if not p.get("email"):
        auto.append("no-email")
    if not p.get("phone"):
        auto.append("no-phone")
    if not p.get("summary"):
        auto.append("no-summary")
    if not p.get("headline"):
        auto.append("no-headline")
    if p.get("links"):
        auto.append("links")
    if p.get("certs"):
        auto.append("certifications")
    if p.get("projects"):
        auto.append("projects")
    if any(e["grade"] for e in p["edu"]):
        auto.append("grades")
    if p.get("personal"):
        auto.append("personal-data")
    cos = [j["company"] for j in p["work"]]
    if len(cos) != len(set(cos)):
        auto.append("several-roles-one-company")
    if _has_gap(p["work"]):
        auto.append("gap")
    if p.get("name_display"):
        auto.append("name-display-differs")
    m["features"] = sorted(set(feats + auto))
    if p.get("twin_of"):
        m["twinOf"] = p["twin_of"]
    return m


def _has_gap(work, months=6):
    spans = sorted((_month_index(j["start"], False),
                    REF_MONTH_INDEX if j["end"] is None else _month_index(j["end"], True)) for j in work)
    end = None
    for a, b in spans:
        if end is not None and a - end >= months:
            return True
        end = b if end is None else max(end, b)
    return False


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------

def extract_text(path):
    ext = path.rsplit(".", 1)[1]
    if ext == "pdf":
        # reading-order text (the -layout text interleaves columns line by line)
        return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], check=True,
                              capture_output=True).stdout.decode("utf-8")
    if ext == "docx":
        import docx
        d = docx.Document(path)
        parts = [pp.text for pp in d.paragraphs]

        def cells(tables):
            for t in tables:
                for r in t.rows:
                    for c in r.cells:
                        parts.extend(pp.text for pp in c.paragraphs)
                        cells(c.tables)
        cells(d.tables)
        for s in d.sections:
            parts.extend(pp.text for pp in s.header.paragraphs)
            parts.extend(pp.text for pp in s.footer.paragraphs)
        return "\n".join(parts)
    if ext == "odt":
        with zipfile.ZipFile(path) as z:
            xml = z.read("content.xml").decode("utf-8")
        xml = re.sub(r"<text:s(?: text:c=\"(\d+)\")?/>", lambda m: " " * int(m.group(1) or 1), xml)
        xml = re.sub(r"<text:tab/>", "\t", xml)
        xml = re.sub(r"</text:(p|h)>", "\n", xml)
        return html.unescape(re.sub(r"<[^>]+>", "", xml))
    if ext == "rtf":
        with tempfile.TemporaryDirectory() as td:
            out = soffice_convert(path, "txt:Text (encoded):UTF8", td)
            return open(out, encoding="utf-8-sig").read()
    if ext == "html":
        s = open(path, encoding="utf-8").read()
        s = re.sub(r"<style.*?</style>", "", s, flags=re.S)
        s = re.sub(r"<title>.*?</title>", "", s, flags=re.S)
        return html.unescape(re.sub(r"<[^>]+>", " ", s))
    if ext == "txt":
        raw = open(path, "rb").read()
        enc = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else None
        if enc is None:
            try:
                return raw.decode("utf-8-sig")
            except UnicodeDecodeError:
                return raw.decode("latin-1")
        return raw.decode(enc)
    raise ValueError(path)


def _norm(s):
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip().lower()


def check_doc(path, gold):
    """Every gold string a parser is expected to find must be present in the document text."""
    text = _norm(extract_text(path))
    pr = gold["profile"]
    need = [pr["fullName"] if gold["meta"].get("layout") != "europass-table" else pr["fullName"].split()[-1]]
    for k in ("email", "phone", "headline"):
        if pr[k]:
            need.append(pr[k])
    for j in pr["workExperience"]:
        need += [j["title"], j["company"]] + j["highlights"][:2]
    for e in pr["education"]:
        need += [e["institution"]] + ([e["grade"]] if e["grade"] else [])
    need += pr["skills"]["technical"][:6] + pr["skills"]["soft"][:3]
    need += [c["name"] for c in pr["certifications"]]
    need += [x["name"] for x in pr["projects"]]
    if pr["summary"]:
        need.append(pr["summary"][:60])
    words = set(re.findall(r"\w+", text))
    # a string wrapped inside a narrow column may come out split apart: then all its words must be there
    missing = [n for n in need if _norm(n) not in text and not all(w in words for w in re.findall(r"\w+", _norm(n)))]
    return missing, text


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, check=True).stdout.decode()
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


def run_checks(outdir, people):
    problems = []
    for p in people:
        base = os.path.join(outdir, f"{p['id']:03d}-{p['slug']}")
        path = f"{base}.{p['format']}"
        gold = json.load(open(base + ".gold.json", encoding="utf-8"))
        if p["format"] == "docx":
            import docx
            docx.Document(path)  # opens
        try:
            missing, text = check_doc(path, gold)
        except Exception as ex:  # noqa: BLE001
            problems.append(f"{path}: cannot extract text: {ex}")
            continue
        if p["format"] == "pdf":
            lay = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], check=True,
                                 capture_output=True).stdout.decode("utf-8")
            if len(lay.strip()) < 400 or _norm(gold["profile"]["fullName"].split()[-1]) not in _norm(lay):
                problems.append(f"{path}: no usable text layer in pdftotext -layout output")
        if missing:
            problems.append(f"{os.path.basename(path)}: missing in text: {missing}")
    return problems


def write_manifest(outdir, people):
    cols = ["id", "file", "gold", "format", "layout", "producer", "language", "country", "profession", "seniority",
            "pages", "encoding", "dateStyle", "features"]
    rows = ["\t".join(cols)]
    for p in people:
        base = f"{p['id']:03d}-{p['slug']}"
        g = json.load(open(os.path.join(outdir, base + ".gold.json"), encoding="utf-8"))
        m = g["meta"]
        rows.append("\t".join(str(x) for x in [
            f"{p['id']:03d}", f"{base}.{p['format']}", f"{base}.gold.json", m["format"], m["layout"], m["producer"],
            m["language"], m["country"], m["profession"], m["seniority"], m.get("pages", ""), m.get("encoding", ""),
            m["dateStyle"], ",".join(m["features"])]))
    with open(os.path.join(outdir, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", nargs="*", type=int)
    ap.add_argument("--check", action="store_true", help="only run the checks")
    ap.add_argument("--out", default=HERE)
    a = ap.parse_args()
    people = PEOPLE
    ids = [p["id"] for p in people]
    assert len(ids) == len(set(ids)), "duplicate ids"
    sel = [p for p in people if not a.only or p["id"] in a.only]
    if not a.check:
        if not a.only:
            for f in glob.glob(os.path.join(a.out, "[0-9][0-9][0-9]-*")):
                os.remove(f)
        for p in sel:
            path = render(p, a.out)
            meta = meta_for(p)
            if p["format"] == "pdf":
                meta["pages"] = pdf_pages(path)
                if meta["pages"] > 1:
                    meta["features"] = sorted(set(meta["features"] + ["multi-page"]))
            gold = {"profile": gold_profile(p), "meta": meta}
            with open(os.path.join(a.out, f"{p['id']:03d}-{p['slug']}.gold.json"), "w", encoding="utf-8", newline="\n") as f:
                json.dump(gold, f, ensure_ascii=False, indent=2)
                f.write("\n")
            print(f"wrote {os.path.basename(path)}", flush=True)
        write_manifest(a.out, people if not a.only else [p for p in people if os.path.exists(os.path.join(a.out, f"{p['id']:03d}-{p['slug']}.gold.json"))])
    problems = run_checks(a.out, sel)
    for pr in problems:
        print("CHECK:", pr)
    print(f"{len(sel) - len(set(x.split(':')[0] for x in problems))} passed, {len(set(x.split(':')[0] for x in problems))} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
