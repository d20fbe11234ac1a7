#!/usr/bin/python3
# -*- coding: utf-8 -*-
"""Held-out synthetic CV corpus: renders every document of cvdata.PEOPLE, writes its gold JSON and
manifest.tsv, then checks that the gold's key strings are in the extracted text.

    /usr/bin/python3 tests/corpus/cvs-holdout/generate.py            # all, then checks
    /usr/bin/python3 tests/corpus/cvs-holdout/generate.py --check    # checks only
    /usr/bin/python3 tests/corpus/cvs-holdout/generate.py --only 3 17
"""
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cvdata import PEOPLE, NOW  # noqa: E402

REF_END = 2026 * 12 + 10          # month index of 2026-11 (exclusive end for current roles)
LO_PROFILE = "file:///tmp/holdout-lo-profile"

# ------------------------------------------------------------------------------------------ i18n
MON = {
    "en": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(),
    "de": "Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.".split(),
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.".split(),
    "es": "ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.".split(),
    "pt": "jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.".split(),
    "it": "gen. feb. mar. apr. mag. giu. lug. ago. set. ott. nov. dic.".split(),
    "nl": "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split(),
}
MONP_EN = "Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sept. Oct. Nov. Dec.".split()
FULL = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
}
PRESENT = {"en": "Present", "de": "heute", "fr": "aujourd'hui", "es": "actualidad", "pt": "atual", "it": "oggi",
           "nl": "heden"}
EDU_SEP = {"en": " in ", "de": " ", "fr": " en ", "es": " en ", "pt": " em ", "it": " in ", "nl": " "}
GRADE_LABEL = {"en": "Grade: ", "de": "Note: ", "fr": "Note : ", "es": "Nota: ", "pt": "Média: ", "it": "Voto: ",
               "nl": "Resultaat: "}
TECH_LABEL = {"en": "Technologies", "de": "Technologien", "fr": "Technologies", "es": "Tecnologías",
              "pt": "Tecnologias", "it": "Tecnologie", "nl": "Technologieën"}


def fmt_d(d, p):
    if len(d) == 4:
        return d
    y, m = d.split("-")
    m = int(m)
    lang, ds = p["lang"], p["ds"]
    if ds == "mon":
        return f"{MON[lang][m - 1]} {y}"
    if ds == "monp":
        return f"{MONP_EN[m - 1]} {y}"
    if ds == "full":
        return f"{FULL[lang][m - 1]} de {y}" if lang in ("es", "pt") else f"{FULL[lang][m - 1]} {y}"
    if ds == "num":
        return f"{m:02d}/{y}"
    if ds == "dot":
        return f"{m:02d}.{y}"
    if ds == "slash":
        return f"{y}/{m:02d}"
    raise ValueError(ds)


def present(p):
    return p.get("present") or ("present" if p.get("rs") == "to" else PRESENT[p["lang"]])


def fmt_range(s, e, p, br=False):
    dash = p.get("dash", "–")
    rs = p.get("rs", "dash")
    S = fmt_d(s, p)
    if rs == "fromuntil":
        return f"since {S}" if e == NOW else f"from {S} until {fmt_d(e, p)}"
    if rs == "seit" and e == NOW:
        return f"seit {S}"
    E_ = present(p) if e == NOW else fmt_d(e, p)
    if rs == "to":
        return f"{S} to {E_}"
    return f"{S} {dash}\n{E_}" if br else f"{S} {dash} {E_}"


def edu_dates(e, p, br=False):
    if e["start"] is None:
        return fmt_d(e["end"], p)
    return fmt_range(e["start"], e["end"], p, br)


def edu_line(e, p):
    if not e["field"]:
        return e["degree"]
    return e["degree"] + (e["sep"] or EDU_SEP[p["lang"]]) + e["field"]


def grade_txt(e, p):
    g = e["grade"]
    if not g:
        return None
    return GRADE_LABEL[p["lang"]] + g if g[0].isdigit() else g


def lang_line(l, p):
    return f"{l['shown']} {p.get('dash', '–')} {l['prof']}"


def cert_line(c, p):
    s = c["name"]
    if c["issuer"]:
        s += ", " + c["issuer"]
    if c["date"]:
        s += f" ({fmt_d(c['date'], p)})"
    return s


def skill_groups(p):
    g = [(lab, list(items)) for lab, items in p["skills"]]
    if p.get("soft_mode") == "sub" and p["soft"]:
        g.append((p["softlab"], list(p["soft"])))
    return g


def group_line(lab, items):
    return (f"{lab}: " if lab else "") + ", ".join(items)


def contact_items(p):
    items = [p.get("address") or p["location"], p["phone"], p["email"]]
    items += [shown for _, shown in p.get("links", [])]
    return items


def order(p):
    return p.get("order") or ["summary", "exp", "edu", "skills", "langs", "certs", "projects"]


def has(p, sec):
    if sec == "summary":
        return bool(p.get("summary"))
    if sec == "exp":
        return True
    if sec == "edu":
        return bool(p["edu"])
    if sec == "skills":
        return bool(p["skills"])
    if sec == "soft":
        return p.get("soft_mode") == "sep" and bool(p["soft"])
    if sec == "langs":
        return bool(p.get("langs"))
    if sec == "certs":
        return bool(p.get("certs"))
    if sec == "projects":
        return bool(p.get("projects"))


def sections(p):
    out = []
    for s in order(p):
        if has(p, s):
            out.append(s)
        if s == "skills" and has(p, "soft"):
            out.append("soft")
    return out


def job_groups(p):
    """[(company, loc, [jobs])] merging consecutive same-company roles when p['group']."""
    out = []
    for j in p["jobs"]:
        if p.get("group") and out and out[-1][0] == j["company"]:
            out[-1][2].append(j)
        else:
            out.append((j["company"], j["loc"], [j]))
    return out


# ------------------------------------------------------------------------------------------ gold
def url_abs(u):
    return u if u.startswith("http") else "https://" + u


def months(p):
    iv = []
    for j in p["jobs"]:
        s = j["start"]
        a = int(s[:4]) * 12 + (int(s[5:]) - 1 if len(s) > 4 else 0)
        e = j["end"]
        if e == NOW:
            b = REF_END
        elif len(e) > 4:
            b = int(e[:4]) * 12 + int(e[5:])
        else:
            b = int(e) * 12 + 12
        iv.append((a, b))
    iv.sort()
    tot, cur = 0, None
    for a, b in iv:
        if cur is None or a > cur[1]:
            if cur:
                tot += cur[1] - cur[0]
            cur = [a, b]
        else:
            cur[1] = max(cur[1], b)
    tot += cur[1] - cur[0]
    return tot


def gold(p):
    soft = set(p["soft"])
    tech = [i for _, items in p["skills"] for i in items if i not in soft]
    m = months(p)
    assert (m * 10) % 12 != 6, f"{p['id']}: ambiguous rounding of {m} months"
    prof = {
        "fullName": p["name"], "email": p["email"], "phone": p["phone"], "location": p["location"],
        "headline": p.get("headline"), "summary": p.get("summary"),
        "links": [{"type": t, "url": url_abs(u)} for t, u in p.get("links", [])],
        "workExperience": [{
            "title": j["title"], "company": j["company"], "location": j["loc"], "startDate": j["start"],
            "endDate": None if j["end"] == NOW else j["end"], "current": j["end"] == NOW,
            "description": j["desc"], "highlights": j["hl"]} for j in p["jobs"]],
        "education": [{"institution": e["inst"], "degree": e["degree"], "field": e["field"], "startDate": e["start"],
                       "endDate": e["end"], "grade": e["grade"]} for e in p["edu"]],
        "skills": {"technical": tech, "soft": list(p["soft"])},
        "languages": [{"language": l["en"], "proficiency": l["prof"]} for l in p.get("langs", [])],
        "certifications": [dict(c) for c in p.get("certs", [])],
        "projects": [{"name": r["name"], "description": r["desc"], "url": r["url"], "technologies": r["tech"]}
                     for r in p.get("projects", [])],
        "totalYearsExperience": round(m / 12 + 1e-9, 1),
    }
    return prof


# ------------------------------------------------------------------------------------------ PDF
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_RIGHT  # noqa: E402
from reportlab.lib.pagesizes import A4, LETTER  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import cm  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, NextPageTemplate, PageTemplate,  # noqa: E402
                                Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle, KeepTogether)
from reportlab.platypus.flowables import HRFlowable  # noqa: E402

FD = "/usr/share/fonts/truetype/"
for nm, f in [("DV", "dejavu/DejaVuSans.ttf"), ("DVB", "dejavu/DejaVuSans-Bold.ttf"),
              ("DVI", "dejavu/DejaVuSans-Oblique.ttf"), ("DVC", "dejavu/DejaVuSansCondensed.ttf"),
              ("DVCB", "dejavu/DejaVuSansCondensed-Bold.ttf"),
              ("LS", "liberation/LiberationSerif-Regular.ttf"), ("LSB", "liberation/LiberationSerif-Bold.ttf"),
              ("LSI", "liberation/LiberationSerif-Italic.ttf")]:
    pdfmetrics.registerFont(TTFont(nm, FD + f))
from reportlab.pdfbase.pdfmetrics import registerFontFamily  # noqa: E402
registerFontFamily("DV", normal="DV", bold="DVB", italic="DVI", boldItalic="DVB")
registerFontFamily("DVC", normal="DVC", bold="DVCB", italic="DVC", boldItalic="DVCB")
registerFontFamily("LS", normal="LS", bold="LSB", italic="LSI", boldItalic="LSB")


def X(s):
    return html.escape(s, quote=False)


class PdfStyles:
    def __init__(self, font="DV", size=9.5, accent="#1f4e79", white=False):
        c = colors.white if white else colors.black
        acc = colors.white if white else colors.HexColor(accent)
        self.body = ParagraphStyle("b", fontName=font, fontSize=size, leading=size * 1.3, textColor=c)
        self.small = ParagraphStyle("s", parent=self.body, fontSize=size - 1, leading=(size - 1) * 1.3)
        self.right = ParagraphStyle("r", parent=self.body, alignment=TA_RIGHT)
        self.name = ParagraphStyle("n", parent=self.body, fontSize=22, leading=26, textColor=acc)
        self.headline = ParagraphStyle("hl", parent=self.body, fontSize=12, leading=15, textColor=acc)
        self.h = ParagraphStyle("h", parent=self.body, fontSize=size + 2.5, leading=(size + 2.5) * 1.3,
                                textColor=acc, spaceBefore=8, spaceAfter=3)
        self.bullet = ParagraphStyle("bu", parent=self.body, leftIndent=11, bulletIndent=2)
        self.acc = acc


def pdf_bullets(items, st):
    return [Paragraph(X(h), st.bullet, bulletText="•") for h in items]


def pdf_heading(t, st, upper=False, rule=True):
    out = [Paragraph(f"<b>{X(t.upper() if upper else t)}</b>", st.h)]
    if rule:
        out.append(HRFlowable(width="100%", thickness=0.6, color=st.acc, spaceAfter=3))
    return out


def pdf_job(p, j, st, width, role, grouped=False):
    dates = fmt_range(j["start"], j["end"], p)
    fl = []
    if grouped:
        fl.append(Table([[Paragraph(f"<b>{X(j['title'])}</b>", st.body), Paragraph(X(dates), st.right)]],
                        colWidths=[width * 0.68, width * 0.32],
                        style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    elif role == "title_at":
        fl.append(Paragraph(f"<b>{X(j['title'])}</b> at <b>{X(j['company'])}</b>, {X(j['loc'])} — {X(dates)}", st.body))
    elif role == "company_first":
        fl.append(Paragraph(f"<b>{X(j['company'])}</b> — {X(j['title'])}", st.body))
        fl.append(Paragraph(f"<i>{X(j['loc'])} | {X(dates)}</i>", st.small))
    elif role == "two_line":
        fl.append(Paragraph(f"<b>{X(j['title'])}</b>", st.body))
        fl.append(Paragraph(f"{X(j['company'])}, {X(j['loc'])} · {X(dates)}", st.small))
    else:  # title_company with right-aligned dates
        fl.append(Table([[Paragraph(f"<b>{X(j['title'])}</b> — {X(j['company'])}, {X(j['loc'])}", st.body),
                          Paragraph(X(dates), st.right)]], colWidths=[width * 0.7, width * 0.3],
                        style=[("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    if j["desc"]:
        fl.append(Paragraph(X(j["desc"]), st.body))
    fl += pdf_bullets(j["hl"], st)
    fl.append(Spacer(1, 5))
    return fl


def pdf_exp(p, st, width, role):
    fl = []
    for comp, loc, jobs in job_groups(p):
        if len(jobs) > 1:
            fl.append(Paragraph(f"<b>{X(comp)}</b>, {X(loc)}", st.headline if False else st.body))
            for j in jobs:
                fl += pdf_job(p, j, st, width, role, grouped=True)
        else:
            fl += pdf_job(p, jobs[0], st, width, role)
    return fl


def pdf_edu(p, st):
    fl = []
    for e in p["edu"]:
        fl.append(Paragraph(f"<b>{X(edu_line(e, p))}</b>", st.body))
        parts = [e["inst"], edu_dates(e, p)]
        if e["grade"]:
            parts.append(grade_txt(e, p))
        fl.append(Paragraph(X(" · ".join(parts)), st.small))
        fl.append(Spacer(1, 4))
    return fl


def pdf_section(p, sec, st, width, role, upper=False, rule=True):
    H = p["H"]
    fl = pdf_heading(H[sec], st, upper, rule)
    if sec == "summary":
        fl.append(Paragraph(X(p["summary"]), st.body))
    elif sec == "exp":
        fl += pdf_exp(p, st, width, role)
    elif sec == "edu":
        fl += pdf_edu(p, st)
    elif sec == "skills":
        for lab, items in skill_groups(p):
            fl.append(Paragraph((f"<b>{X(lab)}:</b> " if lab else "") + X(", ".join(items)), st.body))
    elif sec == "soft":
        fl.append(Paragraph(X(", ".join(p["soft"])), st.body))
    elif sec == "langs":
        fl += [Paragraph(X(lang_line(l, p)), st.body) for l in p["langs"]]
    elif sec == "certs":
        fl += pdf_bullets([cert_line(c, p) for c in p["certs"]], st)
    elif sec == "projects":
        for r in p["projects"]:
            fl.append(Paragraph(f"<b>{X(r['name'])}</b> — {X(r['desc'])}", st.body))
            if r["url"]:
                fl.append(Paragraph(X(r["url"]), st.small))
            if r["tech"]:
                fl.append(Paragraph(X(f"{TECH_LABEL[p['lang']]}: " + ", ".join(r["tech"])), st.small))
    return fl


def pdf_top(p, st):
    fl = [Paragraph(X(p["name"]), st.name), Paragraph(X(p["headline"]), st.headline)]
    return fl


def render_pdf_single(p, path):
    st = PdfStyles(font="LS" if p["id"] in (10, 13) else "DV", size=10 if p["id"] in (10, 13) else 9.5,
                   accent={9: "#6a1b9a", 10: "#0d3b66", 11: "#00796b", 12: "#8d2d2d", 13: "#2e4a62", 14: "#3b5b2a"}[p["id"]])
    size = LETTER if p["country"] in ("US", "CA", "PH") else A4
    doc = SimpleDocTemplate(path, pagesize=size, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.6 * cm,
                            bottomMargin=1.6 * cm, title=p["name"], author=p["name"], invariant=1)
    width = size[0] - 4 * cm
    fl = pdf_top(p, st)
    fl.append(Paragraph(X("  ·  ".join(contact_items(p))), st.small))
    fl.append(Spacer(1, 6))
    for sec in sections(p):
        fl += pdf_section(p, sec, st, width, p.get("role", "title_company"), upper=p["id"] in (9, 14))
    doc.build(fl)


def render_pdf_twocol(p, path):
    W, Hh = A4
    side_w = 6.2 * cm
    m = 1.2 * cm
    top_h = 3.0 * cm
    left = p["side"] == "left"
    colored = p["layout"] == "sidebar-colored"
    dark = p.get("dark")
    side_x = 0 if (left and colored) else (m if left else W - m - side_w)
    if colored:
        side_x = 0 if left else W - side_w - m
    main_x = (side_x + side_w + 0.6 * cm) if left else m
    main_w = (W - main_x - m) if left else (W - 2 * m - side_w - 0.6 * cm)
    body_top = Hh - m - top_h
    top = Frame(m if not (left and colored) else side_w + 0.6 * cm, body_top, W - 2 * m - (side_w if (left and colored) else 0),
                top_h, id="top", showBoundary=0)
    sideF = Frame(side_x + (0.4 * cm if colored else 0), m, side_w - (0.8 * cm if colored else 0),
                  body_top - m if not (left and colored) else Hh - 2 * m, id="side")
    mainF = Frame(main_x, m, main_w, body_top - m, id="main")
    laterF = Frame(m, m, W - 2 * m, Hh - 2 * m, id="later")
    fill = colors.HexColor("#243447") if dark else colors.HexColor("#e8f0ec" if p.get("tint") else "#f2f2f2")

    def deco(c, d):
        if colored:
            c.saveState()
            c.setFillColor(fill)
            c.rect(side_x, 0, side_w + (0 if left else m), Hh, stroke=0, fill=1)
            c.restoreState()

    doc = BaseDocTemplate(path, pagesize=A4, title=p["name"], author=p["name"], invariant=1)
    doc.addPageTemplates([PageTemplate("first", [top, sideF, mainF], onPage=deco),
                          PageTemplate("later", [laterF])])
    acc = {1: "#7a4b00", 2: "#243447", 3: "#333333", 4: "#2f6b4f"}[p["id"]]
    st = PdfStyles(font="DV" if p["id"] != 3 else "DVC", size=9, accent=acc)
    sst = PdfStyles(font="DV" if p["id"] != 3 else "DVC", size=8.5, white=bool(dark), accent=acc)
    fl = [NextPageTemplate("later")] + pdf_top(p, st)
    fl.append(FrameBreak())
    side_secs = ["skills", "soft", "langs", "certs"]
    fl += pdf_heading(p["H"].get("contact", "Contact"), sst, rule=False)
    fl += [Paragraph(X(c), sst.small) for c in contact_items(p)]
    for sec in sections(p):
        if sec in side_secs:
            fl += pdf_section(p, sec, sst, side_w - 0.8 * cm, "two_line", rule=False)
    fl.append(FrameBreak())
    for sec in sections(p):
        if sec not in side_secs:
            fl += pdf_section(p, sec, st, main_w, "two_line", upper=p["id"] == 1)
    doc.build(fl)


def render_pdf_datecol(p, path):
    st = PdfStyles(font="DV", size=9.5, accent="#5b2c6f" if p["id"] == 5 else "#7b3f00")
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=1.8 * cm, rightMargin=1.8 * cm, topMargin=1.5 * cm,
                            bottomMargin=1.5 * cm, title=p["name"], invariant=1)
    width = A4[0] - 3.6 * cm
    dw = 3.2 * cm
    ts = TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                     ("BOTTOMPADDING", (0, 0), (-1, -1), 6)])
    fl = pdf_top(p, st)
    fl.append(Paragraph(X(" | ".join(contact_items(p))), st.small))
    for sec in sections(p):
        if sec == "exp":
            fl += pdf_heading(p["H"]["exp"], st)
            rows = []
            for j in p["jobs"]:
                cell = [Paragraph(f"<b>{X(j['title'])}</b>", st.body),
                        Paragraph(f"{X(j['company'])} — {X(j['loc'])}", st.body)]
                if j["desc"]:
                    cell.append(Paragraph(X(j["desc"]), st.body))
                cell += pdf_bullets(j["hl"], st)
                rows.append([Paragraph(X(fmt_range(j["start"], j["end"], p, br=True)).replace("\n", "<br/>"), st.small),
                             cell])
            fl.append(Table(rows, colWidths=[dw, width - dw], style=ts))
        elif sec == "edu":
            fl += pdf_heading(p["H"]["edu"], st)
            rows = []
            for e in p["edu"]:
                cell = [Paragraph(f"<b>{X(edu_line(e, p))}</b>", st.body), Paragraph(X(e["inst"]), st.body)]
                if e["grade"]:
                    cell.append(Paragraph(X(grade_txt(e, p)), st.small))
                rows.append([Paragraph(X(edu_dates(e, p, br=True)).replace("\n", "<br/>"), st.small), cell])
            fl.append(Table(rows, colWidths=[dw, width - dw], style=ts))
        else:
            fl += pdf_section(p, sec, st, width, "two_line")
    doc.build(fl)


def render_pdf_table(p, path):
    st = PdfStyles(font="DV", size=9, accent="#b03a2e")
    doc = SimpleDocTemplate(path, pagesize=LETTER, leftMargin=1.6 * cm, rightMargin=1.6 * cm, topMargin=1.5 * cm,
                            bottomMargin=1.5 * cm, title=p["name"], invariant=1)
    width = LETTER[0] - 3.2 * cm
    fl = pdf_top(p, st)
    fl.append(Paragraph(X(" • ".join(contact_items(p))), st.small))
    for sec in sections(p):
        if sec == "exp":
            fl += pdf_heading(p["H"]["exp"], st)
            rows = [[Paragraph(f"<b>{h}</b>", st.small) for h in ("Period", "Position", "Employer", "Location")]]
            for j in p["jobs"]:
                cell = [Paragraph(f"<b>{X(j['title'])}</b>", st.body)]
                if j["desc"]:
                    cell.append(Paragraph(X(j["desc"]), st.small))
                cell += [Paragraph(X(h), ParagraphStyle("tb", parent=st.small, leftIndent=8, bulletIndent=0),
                                   bulletText="•") for h in j["hl"]]
                rows.append([Paragraph(X(fmt_range(j["start"], j["end"], p)), st.small), cell,
                             Paragraph(X(j["company"]), st.small), Paragraph(X(j["loc"]), st.small)])
            fl.append(Table(rows, colWidths=[2.9 * cm, width - 2.9 * cm - 4.4 * cm - 2.8 * cm, 4.4 * cm, 2.8 * cm],
                            style=[("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f4dcd9"))]))
        else:
            fl += pdf_section(p, sec, st, width, "two_line")
    doc.build(fl)


def render_pdf_multipage(p, path):
    st = PdfStyles(font="DV", size=10.5, accent="#4a235a")
    st.body.leading = 15
    width = A4[0] - 5 * cm
    total = [0]

    def build(target, n_total):
        def foot(c, d):
            c.saveState()
            c.setFont("DV", 8)
            c.drawCentredString(A4[0] / 2, 1.1 * cm, f"{p['name']} — CV — Page {d.page} of {n_total}")
            c.restoreState()
        doc = SimpleDocTemplate(target, pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2.2 * cm,
                                bottomMargin=2.2 * cm, title=p["name"], invariant=1)
        fl = pdf_top(p, st)
        fl.append(Paragraph(X(contact_items(p)[0]), st.body))
        fl.append(Paragraph(X(p["phone"] + "   " + p["email"]), st.body))
        fl.append(Spacer(1, 10))
        for sec in sections(p):
            fl += pdf_section(p, sec, st, width, "two_line")
            fl.append(Spacer(1, 8))
        doc.build(fl, onFirstPage=foot, onLaterPages=foot)
        return doc.page
    n = build(path, 9)
    build(path, n)


RENDER_PDF = {"pdf_single": render_pdf_single, "pdf_twocol": render_pdf_twocol, "pdf_datecol": render_pdf_datecol,
              "pdf_table": render_pdf_table, "pdf_multipage": render_pdf_multipage}

# ------------------------------------------------------------------------------------------ DOCX
import docx  # noqa: E402
from docx.enum.text import WD_TAB_ALIGNMENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Pt, Cm, RGBColor  # noqa: E402


def d_heading(doc_or_cell, t, p):
    if p.get("headings") == "styles" and hasattr(doc_or_cell, "add_heading"):
        return doc_or_cell.add_heading(t, level=1)
    para = doc_or_cell.add_paragraph()
    r = para.add_run(t.upper() if p["id"] in (16, 19) else t)
    r.bold = True
    r.font.size = Pt(12)
    r.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
    para.paragraph_format.space_before = Pt(10)
    return para


def d_bullets(cont, items, p):
    for h in items:
        if p["id"] in (16, 21, 24):  # typed bullets
            cont.add_paragraph("• " + h)
        else:
            cont.add_paragraph(h, style="List Bullet")


def d_tabline(cont, left_runs, right, p):
    para = cont.add_paragraph()
    para.paragraph_format.tab_stops.add_tab_stop(Cm(16.5), WD_TAB_ALIGNMENT.RIGHT)
    for text, bold in left_runs:
        r = para.add_run(text)
        r.bold = bold
    para.add_run("\t" + right)
    return para


def d_job(cont, p, j, grouped=False):
    dates = fmt_range(j["start"], j["end"], p)
    if grouped:
        d_tabline(cont, [(j["title"], True)], dates, p)
    elif p["render"] == "docx_tabs":
        d_tabline(cont, [(j["title"], True), (f", {j['company']}, {j['loc']}", False)], dates, p)
    else:
        para = cont.add_paragraph()
        para.add_run(j["title"]).bold = True
        para2 = cont.add_paragraph()
        r = para2.add_run(f"{j['company']} | {j['loc']} | {dates}")
        r.italic = True
    if j["desc"]:
        cont.add_paragraph(j["desc"])
    d_bullets(cont, j["hl"], p)


def d_section(cont, p, sec):
    H = p["H"]
    d_heading(cont, H[sec], p)
    if sec == "summary":
        cont.add_paragraph(p["summary"])
    elif sec == "exp":
        for comp, loc, jobs in job_groups(p):
            if len(jobs) > 1:
                para = cont.add_paragraph()
                para.add_run(f"{comp}, {loc}").bold = True
                for j in jobs:
                    d_job(cont, p, j, grouped=True)
            else:
                d_job(cont, p, jobs[0])
    elif sec == "edu":
        for e in p["edu"]:
            if p["render"] == "docx_tabs":
                d_tabline(cont, [(edu_line(e, p), True)], edu_dates(e, p), p)
                cont.add_paragraph(e["inst"] + (f" – {grade_txt(e, p)}" if e["grade"] else ""))
            else:
                cont.add_paragraph().add_run(edu_line(e, p)).bold = True
                cont.add_paragraph(" | ".join([e["inst"], edu_dates(e, p)] + ([grade_txt(e, p)] if e["grade"] else [])))
    elif sec == "skills":
        for lab, items in skill_groups(p):
            para = cont.add_paragraph()
            if lab:
                para.add_run(lab + ": ").bold = True
            para.add_run(", ".join(items))
    elif sec == "soft":
        cont.add_paragraph(", ".join(p["soft"]))
    elif sec == "langs":
        for l in p["langs"]:
            cont.add_paragraph(lang_line(l, p))
    elif sec == "certs":
        d_bullets(cont, [cert_line(c, p) for c in p["certs"]], p)


def d_top(cont, p):
    para = cont.add_paragraph()
    r = para.add_run(p["name"])
    r.bold = True
    r.font.size = Pt(22)
    para2 = cont.add_paragraph()
    r2 = para2.add_run(p["headline"])
    r2.font.size = Pt(13)


def new_doc():
    doc = docx.Document()
    s = doc.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    s.left_margin = s.right_margin = Cm(2.25)
    st = doc.styles["Normal"]
    st.font.name = "Liberation Sans"
    st.font.size = Pt(10)
    return doc


def render_docx_flow(p, path):
    doc = new_doc()
    if p.get("header"):
        hp = doc.sections[0].header.paragraphs[0]
        hp.text = f"{p['name']} – Lebenslauf"
    d_top(doc, p)
    doc.add_paragraph(" · ".join(contact_items(p)))
    for sec in sections(p):
        d_section(doc, p, sec)
    doc.save(path)


render_docx_tabs = render_docx_flow


def shade(cell, hexcolor):
    tcPr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hexcolor)
    tcPr.append(shd)


def render_docx_sidebar_table(p, path):
    doc = new_doc()
    d_top(doc, p)
    t = doc.add_table(rows=1, cols=2)
    left, right = t.rows[0].cells
    left.width, right.width = Cm(5.5), Cm(11)
    shade(left, "E6ECF2")
    left.paragraphs[0].add_run(p["H"]["contact"]).bold = True
    for c in contact_items(p):
        left.add_paragraph(c)
    for sec in sections(p):
        if sec in ("skills", "langs", "soft"):
            d_section(left, p, sec)
    for sec in sections(p):
        if sec not in ("skills", "langs", "soft"):
            d_section(right, p, sec)
    doc.save(path)


def render_docx_datetable(p, path):
    doc = new_doc()
    d_top(doc, p)
    doc.add_paragraph(" · ".join(contact_items(p)))
    for sec in sections(p):
        if sec in ("exp", "edu"):
            d_heading(doc, p["H"][sec], p)
            rows = p["jobs"] if sec == "exp" else p["edu"]
            t = doc.add_table(rows=len(rows), cols=2)
            for i, it in enumerate(rows):
                a, b = t.rows[i].cells
                a.width, b.width = Cm(3.5), Cm(13)
                if sec == "exp":
                    a.paragraphs[0].text = fmt_range(it["start"], it["end"], p)
                    b.paragraphs[0].add_run(it["title"]).bold = True
                    b.add_paragraph(f"{it['company']}, {it['loc']}")
                    if it["desc"]:
                        b.add_paragraph(it["desc"])
                    for h in it["hl"]:
                        b.add_paragraph("– " + h)
                else:
                    a.paragraphs[0].text = edu_dates(it, p)
                    b.paragraphs[0].add_run(edu_line(it, p)).bold = True
                    b.add_paragraph(it["inst"] + (f", {grade_txt(it, p)}" if it["grade"] else ""))
        else:
            d_section(doc, p, sec)
    doc.save(path)


def soffice(src, fmt, outdir):
    subprocess.run(["/usr/bin/soffice", f"-env:UserInstallation={LO_PROFILE}", "--headless", "--convert-to", fmt,
                    "--outdir", outdir, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=180)


RENDER_DOCX = {"docx_flow": render_docx_flow, "docx_tabs": render_docx_tabs,
               "docx_sidebar_table": render_docx_sidebar_table, "docx_datetable": render_docx_datetable}

# ------------------------------------------------------------------------------------------ HTML
CSS_SINGLE = """body{font-family:Georgia,serif;max-width:760px;margin:2em auto;color:#222}
h1{margin-bottom:0}.tag{color:#7a1f5c;font-size:1.2em}h2{border-bottom:2px solid #7a1f5c;color:#7a1f5c}
.role{display:flex;justify-content:space-between}.dates{color:#666}ul{margin-top:.2em}"""
CSS_ASIDE = """body{font-family:Helvetica,Arial,sans-serif;margin:0}.cv{display:grid;grid-template-columns:260px 1fr}
aside{background:#0b3954;color:#fff;padding:24px}main{padding:24px}h1{margin:0}h2{color:#087e8b}
aside h2{color:#bfd7ea}.meta{color:#555}"""


def h_list(items):
    return "<ul>" + "".join(f"<li>{X(i)}</li>" for i in items) + "</ul>"


def h_section(p, sec):
    H = p["H"]
    o = [f"<section><h2>{X(H[sec])}</h2>"]
    if sec == "summary":
        o.append(f"<p>{X(p['summary'])}</p>")
    elif sec == "exp":
        for comp, loc, jobs in job_groups(p):
            if len(jobs) > 1:
                o.append(f"<h3>{X(comp)} <small>{X(loc)}</small></h3>")
                for j in jobs:
                    o.append(f"<h4>{X(j['title'])} <span class=\"dates\">{X(fmt_range(j['start'], j['end'], p))}</span></h4>")
                    if j["desc"]:
                        o.append(f"<p>{X(j['desc'])}</p>")
                    if j["hl"]:
                        o.append(h_list(j["hl"]))
            else:
                j = jobs[0]
                o.append(f"<div class=\"role\"><h3>{X(j['title'])} · {X(j['company'])}</h3>"
                         f"<span class=\"dates\">{X(fmt_range(j['start'], j['end'], p))}</span></div>")
                o.append(f"<p class=\"meta\">{X(j['loc'])}</p>")
                if j["desc"]:
                    o.append(f"<p>{X(j['desc'])}</p>")
                if j["hl"]:
                    o.append(h_list(j["hl"]))
    elif sec == "edu":
        for e in p["edu"]:
            o.append(f"<h3>{X(edu_line(e, p))}</h3><p>{X(e['inst'])}, {X(edu_dates(e, p))}"
                     + (f" — {X(grade_txt(e, p))}" if e["grade"] else "") + "</p>")
    elif sec == "skills":
        for lab, items in skill_groups(p):
            o.append(f"<p>{'<strong>' + X(lab) + ':</strong> ' if lab else ''}{X(', '.join(items))}</p>")
    elif sec == "soft":
        o.append(h_list(p["soft"]))
    elif sec == "langs":
        o.append(h_list([lang_line(l, p) for l in p["langs"]]))
    elif sec == "certs":
        o.append(h_list([cert_line(c, p) for c in p["certs"]]))
    o.append("</section>")
    return "\n".join(o)


def h_contact(p):
    out = [X(p.get("address") or p["location"]), X(p["phone"]),
           f"<a href=\"mailto:{p['email']}\">{X(p['email'])}</a>"]
    out += [f"<a href=\"{url_abs(s)}\">{X(s)}</a>" for _, s in p.get("links", [])]
    return out


def render_html_single(p, path):
    body = [f"<header><h1>{X(p['name'])}</h1><p class=\"tag\">{X(p['headline'])}</p>",
            "<p>" + " | ".join(h_contact(p)) + "</p></header>"]
    body += [h_section(p, s) for s in sections(p)]
    doc = (f"<!DOCTYPE html>\n<html lang=\"{p['lang']}\"><head><meta charset=\"utf-8\"><title>{X(p['name'])} – CV</title>"
           f"<style>{CSS_SINGLE}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n")
    open(path, "w", encoding="utf-8").write(doc)


def render_html_aside(p, path):
    side = ["skills", "soft", "langs"]
    aside = [f"<h2>{X(p['H']['contact'])}</h2><ul>" + "".join(f"<li>{c}</li>" for c in h_contact(p)) + "</ul>"]
    aside += [h_section(p, s) for s in sections(p) if s in side]
    main = [f"<h1>{X(p['name'])}</h1><p class=\"meta\">{X(p['headline'])}</p>"]
    main += [h_section(p, s) for s in sections(p) if s not in side]
    doc = (f"<!DOCTYPE html>\n<html lang=\"{p['lang']}\"><head><meta charset=\"utf-8\"><title>{X(p['name'])}</title>"
           f"<style>{CSS_ASIDE}</style></head><body><div class=\"cv\">\n<aside>\n" + "\n".join(aside)
           + "\n</aside>\n<main>\n" + "\n".join(main) + "\n</main></div></body></html>\n")
    open(path, "w", encoding="utf-8").write(doc)


# ------------------------------------------------------------------------------------------ TXT
def t_common(p, heading, job_fmt, bullet="- ", edu_fmt=None, top=None):
    L_ = []
    if top:
        L_ += top
    else:
        L_ += [p["name"], p["headline"], ""] + contact_items(p)
    for sec in sections(p):
        L_ += [""] + heading(p["H"][sec])
        if sec == "summary":
            L_.append(p["summary"])
        elif sec == "exp":
            for k, j in enumerate(p["jobs"]):
                if k:
                    L_.append("")
                L_ += job_fmt(j)
                if j["desc"]:
                    L_.append(j["desc"])
                L_ += [bullet + h for h in j["hl"]]
        elif sec == "edu":
            for k, e in enumerate(p["edu"]):
                if k:
                    L_.append("")
                if edu_fmt:
                    L_ += edu_fmt(e)
                else:
                    L_.append(edu_line(e, p))
                    L_.append(f"{e['inst']}, {edu_dates(e, p)}")
                    if e["grade"]:
                        L_.append(grade_txt(e, p))
        elif sec == "skills":
            for lab, items in skill_groups(p):
                L_.append(group_line(lab, items))
        elif sec == "soft":
            L_.append(", ".join(p["soft"]))
        elif sec == "langs":
            L_ += [lang_line(l, p) for l in p["langs"]]
        elif sec == "certs":
            L_ += [bullet + cert_line(c, p) for c in p["certs"]]
    return "\n".join(L_) + "\n"


def txt_markdown(p):
    def job(j):
        return [f"### {j['title']} · {j['company']}", f"*{j['loc']} | {fmt_range(j['start'], j['end'], p)}*", ""]

    def edu(e):
        return [f"**{edu_line(e, p)}**  ", f"{e['inst']}, {edu_dates(e, p)}" + (f" – {grade_txt(e, p)}" if e["grade"] else "")]
    top = [f"# {p['name']}", "", f"**{p['headline']}**", "",
           f"{p['address']} · {p['phone']} · {p['email']}"]
    return t_common(p, lambda h: [f"## {h}", ""], job, "- ", edu, top)


def txt_caps(p):
    def job(j):
        head = f"{j['title']} | {j['company']} | {j['loc']}"
        return [f"{head:<66}{fmt_range(j['start'], j['end'], p)}"]
    return t_common(p, lambda h: [h.upper()], job, "* ")


def txt_colon(p):
    def job(j):
        return [fmt_range(j["start"], j["end"], p), f"{j['title']} — {j['company']} ({j['loc']})"]
    return t_common(p, lambda h: [h + ":"], job, "  - ")


def txt_underline(p):
    ch = "=" if p["id"] == 30 else "-"

    def job(j):
        return [f"{j['title']} — {j['company']}, {j['loc']}", fmt_range(j["start"], j["end"], p)]
    return t_common(p, lambda h: [h, ch * len(h)], job, "• ")


def txt_equals(p):
    pad = " " * 22

    def job(j):
        d = fmt_range(j["start"], j["end"], p)
        return [f"{d:<22}{j['title']}", f"{pad}{j['company']}, {j['loc']}"]

    def edu(e):
        d = edu_dates(e, p)
        return [f"{d:<22}{edu_line(e, p)}", f"{pad}{e['inst']}"]
    t = t_common(p, lambda h: [f"==== {h} ===="], job, pad + "- ", edu)
    return t


def txt_dashes(p):
    def job(j):
        return [j["title"], f"{j['company']} – {j['loc']} | {fmt_range(j['start'], j['end'], p)}"]
    return t_common(p, lambda h: [f"---- {h} ----"], job, "• ")


def txt_guillemet(p):
    def job(j):
        return [j["title"], f"{j['company']} · {j['loc']}", fmt_range(j["start"], j["end"], p)]
    return t_common(p, lambda h: [f"» {h.upper()}"], job, "• ")


def txt_brackets(p):
    def job(j):
        return [f"{fmt_range(j['start'], j['end'], p)} | {j['title']} | {j['company']}, {j['loc']}"]
    return t_common(p, lambda h: [f"[ {h.upper()} ]"], job, "· ")


def txt_stars(p):
    def job(j):
        return [f"{j['title']}, {j['company']}, {j['loc']} ({fmt_range(j['start'], j['end'], p)})"]
    return t_common(p, lambda h: [f"*** {h} ***"], job, "- ")


RENDER_TXT = {"txt_markdown": txt_markdown, "txt_caps": txt_caps, "txt_colon": txt_colon,
              "txt_underline": txt_underline, "txt_equals": txt_equals, "txt_dashes": txt_dashes,
              "txt_guillemet": txt_guillemet, "txt_brackets": txt_brackets, "txt_stars": txt_stars}


# ------------------------------------------------------------------------------------------ driver
def producer(p):
    if p["fmt"] == "pdf":
        return "reportlab"
    if p["fmt"] == "odt" or p.get("lo_roundtrip"):
        return "libreoffice"
    if p["fmt"] == "docx":
        return "python-docx"
    return "generate.py"


def fname(p):
    return f"{p['id']:03d}-{p['slug']}.{p['fmt']}"


def render(p):
    out = os.path.join(HERE, fname(p))
    r = p["render"]
    if r in RENDER_PDF:
        RENDER_PDF[r](p, out)
    elif r in RENDER_DOCX:
        if p["fmt"] == "odt" or p.get("lo_roundtrip"):
            tmp = tempfile.mkdtemp(prefix="holdout-")
            src = os.path.join(tmp, f"{p['id']:03d}-{p['slug']}.docx")
            RENDER_DOCX[r](p, src)
            soffice(src, "odt", tmp)
            odt = src[:-5] + ".odt"
            if p["fmt"] == "odt":
                shutil.copy(odt, out)
            else:
                os.remove(src)
                soffice(odt, "docx:MS Word 2007 XML", tmp)
                shutil.copy(src, out)
            shutil.rmtree(tmp)
        else:
            RENDER_DOCX[r](p, out)
    elif r in ("html_single", "html_aside"):
        (render_html_single if r == "html_single" else render_html_aside)(p, out)
    else:
        text = RENDER_TXT[r](p)
        enc = p["encoding"]
        if enc == "utf-16":
            data = b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")
        else:
            data = text.encode(enc)
        open(out, "wb").write(data)
    g = gold(p)
    meta = {"language": p["lang"], "layout": p["layout"], "format": p["fmt"], "country": p["country"],
            "profession": p["profession"], "seniority": p["seniority"], "referenceDate": "2026-11",
            "producer": producer(p), "dateStyle": p.get("rs") if p.get("rs") in ("to", "fromuntil", "seit") else p["ds"],
            "features": sorted(set(p["features"]))}
    if p["fmt"] == "pdf":
        meta["pages"] = pdf_pages(out)
    if p["fmt"] == "txt":
        meta["encoding"] = p["encoding"]
        meta["headingStyle"] = p["render"][4:]
    json.dump({"profile": g, "meta": meta}, open(out.rsplit(".", 1)[0] + ".gold.json", "w", encoding="utf-8"),
              ensure_ascii=False, indent=2)
    return meta


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", out).group(1))


# ------------------------------------------------------------------------------------------ checks
def extract(path):
    ext = path.rsplit(".", 1)[1]
    if ext == "pdf":
        return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout
    if ext == "docx":
        d = docx.Document(path)
        parts = [pp.text for pp in d.paragraphs]

        def cells(t):
            for row in t.rows:
                for c in row.cells:
                    parts.extend(pp.text for pp in c.paragraphs)
                    for t2 in c.tables:
                        cells(t2)
        for t in d.tables:
            cells(t)
        for s in d.sections:
            parts += [pp.text for pp in s.header.paragraphs]
        return "\n".join(parts)
    if ext == "odt":
        xml = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
        xml = re.sub(r"<text:tab/>", "\t", xml)
        xml = re.sub(r"</text:(p|h)>", "\n", xml)
        return html.unescape(re.sub(r"<[^>]+>", "", xml))
    if ext == "html":
        return html.unescape(re.sub(r"<[^>]+>", " ", open(path, encoding="utf-8").read()))
    raw = open(path, "rb").read()
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def norm(s):
    return re.sub(r"\s+", " ", s).strip().lower()


def found(needle, hay):
    n = norm(needle)
    if n in hay:
        return True
    return all(w in hay for w in n.split())


def check(ids=None):
    passed = failed = 0
    for p in PEOPLE:
        if ids and p["id"] not in ids:
            continue
        path = os.path.join(HERE, fname(p))
        g = json.load(open(path.rsplit(".", 1)[0] + ".gold.json", encoding="utf-8"))["profile"]
        hay = norm(extract(path))
        want = [g["fullName"], g["email"], g["phone"]]
        if g["headline"]:
            want.append(g["headline"])
        want += [w["company"] for w in g["workExperience"]] + [w["title"] for w in g["workExperience"]]
        want += [h for w in g["workExperience"] for h in w["highlights"][:1]]
        want += [e["institution"] for e in g["education"]] + [e["grade"] for e in g["education"] if e["grade"]]
        want += g["skills"]["technical"][:2] + g["skills"]["soft"][:1]
        want += [c["name"] for c in g["certifications"]] + [r["name"] for r in g["projects"]]
        if g["summary"]:
            want.append(g["summary"][:60])
        missing = [w for w in want if not found(w, hay)]
        if p["fmt"] == "pdf":
            lay = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
            if p["name"].split()[0].lower() not in lay.lower():
                missing.append("(no text layer)")
        if missing:
            failed += 1
            print(f"FAIL {fname(p)}: missing {missing}")
        else:
            passed += 1
    print(f"{passed} passed, {failed} failed")
    return failed == 0


def manifest(metas):
    cols = ["id", "file", "gold", "format", "layout", "producer", "language", "country", "profession", "seniority",
            "pages", "encoding", "dateStyle", "features"]
    rows = ["\t".join(cols)]
    for p in PEOPLE:
        m = metas[p["id"]]
        f = fname(p)
        rows.append("\t".join([f"{p['id']:03d}", f, f.rsplit(".", 1)[0] + ".gold.json", m["format"], m["layout"],
                               m["producer"], m["language"], m["country"], m["profession"], m["seniority"],
                               str(m.get("pages", "")), m.get("encoding", ""), m["dateStyle"],
                               ",".join(m["features"])]))
    open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8").write("\n".join(rows) + "\n")


def main():
    args = sys.argv[1:]
    if "--check" in args:
        sys.exit(0 if check() else 1)
    ids = [int(a) for a in args[args.index("--only") + 1:]] if "--only" in args else None
    metas = {}
    for p in PEOPLE:
        gp = os.path.join(HERE, fname(p).rsplit(".", 1)[0] + ".gold.json")
        if ids and p["id"] not in ids and os.path.exists(gp):
            metas[p["id"]] = json.load(open(gp, encoding="utf-8"))["meta"]
            continue
        metas[p["id"]] = render(p)
        print("wrote", fname(p))
    manifest(metas)
    sys.exit(0 if check(ids) else 1)


if __name__ == "__main__":
    main()
