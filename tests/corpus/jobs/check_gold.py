#!/usr/bin/python3
"""Validate the job-posting gold corpus against the API contract (Requirements shape).

Usage: /usr/bin/python3 check_gold.py [--stats] [DIR]
Standard library only. Exit code 0 when every file passes, 1 otherwise.
Checks, per NNN-<slug>.gold.json:
  * the file parses as UTF-8 JSON, top-level keys are exactly jobData/requirements/meta
  * jobData.description is byte-for-byte the text of NNN-<slug>.txt (UTF-8, no BOM)
  * requirements has exactly the contract's keys, with the contract's enums and types
  * salary is null or {min,max,currency,period} with an ISO 4217 currency
  * skills: non-empty strings, no duplicates, nothing both required and preferred
  * meta: language (ISO 639-1), profession, country (ISO 3166-1 alpha-2)
and, for the directory: every .txt has a gold file and vice versa, ids are unique
and contiguous, manifest.tsv lists exactly the corpus, at least 40 postings.
"""
import json
import os
import re
import sys
from collections import Counter

SENIORITY = {"intern", "junior", "mid", "senior", "lead", "principal", None}
EDUCATION = {"none", "high_school", "associate", "bachelor", "master", "phd", None}
EMPLOYMENT = {"full_time", "part_time", "contract", "internship", None}
WORKPLACE = {"onsite", "hybrid", "remote", None}
PERIOD = {"hour", "day", "week", "month", "year"}
REQ_KEYS = ["title", "seniority", "requiredSkills", "preferredSkills", "minYearsExperience",
            "educationLevel", "fieldsOfStudy", "employmentType", "workplace", "location",
            "salary", "responsibilities", "keywords"]
JOB_KEYS = {"title", "company", "description", "location", "url"}
META_KEYS = {"language", "profession", "country"}
# ISO 4217 active codes (2024 list, funds/precious metals omitted).
ISO4217 = set("""
AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN
BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS
GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW
KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD
NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD
SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES
VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL
""".split())
# meta.profession vocabulary (README "Professions"); extend both together.
PROFESSIONS = {
    "backend engineer", "frontend engineer", "full-stack engineer", "devops engineer", "data engineer",
    "data scientist", "machine learning engineer", "software engineer", "QA engineer", "security analyst",
    "data analyst", "product manager", "project manager", "registered nurse", "pharmacist", "teacher",
    "accountant", "financial controller", "chief financial officer", "electrician", "welder",
    "mechanical engineer", "truck driver", "delivery driver", "logistics coordinator", "warehouse associate",
    "account executive", "sales representative", "sales development representative", "marketing (SEO)",
    "UX designer", "graphic designer", "paralegal", "lawyer", "HR generalist", "chef", "line cook",
    "customer support",
}
NAME_RE = re.compile(r"^(\d{3})-[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def str_list(errs, where, v, allow_empty=True):
    if not isinstance(v, list):
        errs.append(f"{where}: must be a list")
        return []
    out = []
    for i, s in enumerate(v):
        if not isinstance(s, str) or not s.strip():
            errs.append(f"{where}[{i}]: must be a non-empty string")
        elif s != s.strip():
            errs.append(f"{where}[{i}]: surrounding whitespace in {s!r}")
        else:
            out.append(s)
    dup = [s for s, n in Counter(x.casefold() for x in out).items() if n > 1]
    if dup:
        errs.append(f"{where}: duplicates {dup}")
    if not allow_empty and not out:
        errs.append(f"{where}: must not be empty")
    return out


def check_salary(errs, warns, s):
    if s is None:
        return
    if not isinstance(s, dict) or set(s) != {"min", "max", "currency", "period"}:
        errs.append("salary: must be null or exactly {min,max,currency,period}")
        return
    mn, mx = s["min"], s["max"]
    for k, v in (("min", mn), ("max", mx)):
        if v is not None and (not is_num(v) or v <= 0):
            errs.append(f"salary.{k}: must be a positive number or null")
    if mn is None and mx is None:
        errs.append("salary: min and max both null -> use salary: null")
    if is_num(mn) and is_num(mx) and mn > mx:
        errs.append(f"salary: min {mn} > max {mx}")
    if s["currency"] not in ISO4217:
        errs.append(f"salary.currency: {s['currency']!r} is not an ISO 4217 code")
    if s["period"] not in PERIOD:
        errs.append(f"salary.period: {s['period']!r} not in {sorted(PERIOD)}")
    top = max(v for v in (mn, mx) if is_num(v)) if any(is_num(v) for v in (mn, mx)) else None
    if top is not None and s["period"] in PERIOD and s["currency"] in {"USD", "EUR", "GBP", "CHF", "CAD", "AUD"}:
        sane = {"hour": (5, 500), "day": (50, 3000), "week": (200, 10000),
                "month": (300, 40000), "year": (5000, 2000000)}[s["period"]]
        if not sane[0] <= top <= sane[1]:
            warns.append(f"salary: {top} {s['currency']}/{s['period']} looks implausible")


def check_requirements(errs, warns, r):
    if not isinstance(r, dict):
        errs.append("requirements: must be an object")
        return
    if list(r) != REQ_KEYS:
        missing = [k for k in REQ_KEYS if k not in r]
        extra = [k for k in r if k not in REQ_KEYS]
        if missing or extra:
            errs.append(f"requirements: missing {missing}, unexpected {extra}")
        else:
            warns.append("requirements: keys not in contract order")
    if not isinstance(r.get("title"), str) or not r.get("title", "").strip():
        errs.append("requirements.title: non-empty string required")
    for key, enum in (("seniority", SENIORITY), ("educationLevel", EDUCATION),
                      ("employmentType", EMPLOYMENT), ("workplace", WORKPLACE)):
        if r.get(key, "__missing__") not in enum:
            errs.append(f"requirements.{key}: {r.get(key)!r} not in {sorted(e for e in enum if e)} or null")
    req = str_list(errs, "requiredSkills", r.get("requiredSkills"))
    pref = str_list(errs, "preferredSkills", r.get("preferredSkills"))
    both = {s.casefold() for s in req} & {s.casefold() for s in pref}
    if both:
        errs.append(f"skills both required and preferred: {sorted(both)}")
    if not req and not pref:
        warns.append("no skills at all")
    y = r.get("minYearsExperience")
    if y is not None and (not is_num(y) or y < 0 or y > 40):
        errs.append(f"minYearsExperience: {y!r} must be a number in [0, 40] or null")
    str_list(errs, "fieldsOfStudy", r.get("fieldsOfStudy"))
    loc = r.get("location")
    if loc is not None and (not isinstance(loc, str) or not loc.strip()):
        errs.append("requirements.location: non-empty string or null")
    check_salary(errs, warns, r.get("salary"))
    str_list(errs, "responsibilities", r.get("responsibilities"))
    str_list(errs, "keywords", r.get("keywords"))
    if r.get("seniority") == "intern" and r.get("employmentType") not in ("internship", "part_time"):
        warns.append("seniority intern but employmentType is neither internship nor part_time")
    if r.get("employmentType") == "internship" and r.get("seniority") != "intern":
        errs.append("employmentType internship requires seniority intern (README rule S1)")


def check_pair(d, base, errs, warns):
    txt_path, gold_path = os.path.join(d, base + ".txt"), os.path.join(d, base + ".gold.json")
    raw = open(txt_path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        errs.append(".txt starts with a UTF-8 BOM")
    if b"\r" in raw:
        errs.append(".txt contains CR characters")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        errs.append(f".txt is not UTF-8: {e}")
        return None
    try:
        gold = json.loads(open(gold_path, encoding="utf-8").read())
    except (ValueError, UnicodeDecodeError) as e:
        errs.append(f"gold is not valid UTF-8 JSON: {e}")
        return None
    if not isinstance(gold, dict) or set(gold) != {"jobData", "requirements", "meta"}:
        errs.append("gold: top-level keys must be exactly jobData, requirements, meta")
        return None
    jd = gold["jobData"]
    if not isinstance(jd, dict) or not set(jd) <= JOB_KEYS or "description" not in jd:
        errs.append(f"jobData: keys must be within {sorted(JOB_KEYS)} and include description")
    else:
        if jd["description"] != text:
            errs.append("jobData.description differs from the .txt file")
        for k in ("title", "company", "location", "url"):
            if k in jd and jd[k] is not None and (not isinstance(jd[k], str) or not jd[k].strip()):
                errs.append(f"jobData.{k}: non-empty string or null")
    check_requirements(errs, warns, gold["requirements"])
    m = gold["meta"]
    if not isinstance(m, dict) or set(m) != META_KEYS:
        errs.append(f"meta: keys must be exactly {sorted(META_KEYS)}")
    else:
        if not re.fullmatch(r"[a-z]{2}", str(m["language"])):
            errs.append(f"meta.language: {m['language']!r} is not ISO 639-1")
        if not re.fullmatch(r"[A-Z]{2}", str(m["country"])):
            errs.append(f"meta.country: {m['country']!r} is not ISO 3166-1 alpha-2")
        if not isinstance(m["profession"], str) or not m["profession"].strip():
            errs.append("meta.profession: non-empty string required")
        elif m["profession"] not in PROFESSIONS:
            warns.append(f"meta.profession: {m['profession']!r} not in the README vocabulary")
    return gold


def main(argv):
    stats = "--stats" in argv
    args = [a for a in argv if not a.startswith("--")]
    d = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    names = sorted(os.listdir(d))
    txt = {n[:-4] for n in names if n.endswith(".txt")}
    gold = {n[:-10] for n in names if n.endswith(".gold.json")}
    problems = 0
    for b in sorted(txt ^ gold):
        print(f"ERROR {b}: has {'only .txt' if b in txt else 'only .gold.json'}")
        problems += 1
    bases = sorted(txt & gold)
    ids = []
    for b in bases:
        m = NAME_RE.match(b)
        if not m:
            print(f"ERROR {b}: file name must be NNN-<lowercase-slug>")
            problems += 1
        else:
            ids.append(int(m.group(1)))
    dups = sorted(i for i, n in Counter(ids).items() if n > 1)
    gaps = sorted(set(range(1, max(ids, default=0) + 1)) - set(ids))
    if dups or gaps:
        print(f"ERROR ids must be unique and contiguous from 001: duplicated {dups}, missing {gaps}")
        problems += 1
    golds, nwarn = {}, 0
    for b in bases:
        errs, warns = [], []
        g = check_pair(d, b, errs, warns)
        for e in errs:
            print(f"ERROR {b}: {e}")
        for w in warns:
            print(f"warn  {b}: {w}")
        problems += len(errs)
        nwarn += len(warns)
        if g and not errs:
            golds[b] = g
    man = os.path.join(d, "manifest.tsv")
    if not os.path.exists(man):
        print("ERROR manifest.tsv missing")
        problems += 1
    else:
        lines = open(man, encoding="utf-8").read().splitlines()
        header = lines[0].split("\t")
        listed = [ln.split("\t")[header.index("file")] for ln in lines[1:] if ln.strip()]
        if sorted(listed) != bases:
            print(f"ERROR manifest.tsv lists {len(listed)} files, corpus has {len(bases)}; "
                  f"diff {sorted(set(listed) ^ set(bases))}")
            problems += 1
    if len(bases) < 40:
        print(f"ERROR only {len(bases)} postings, need at least 40")
        problems += 1
    if stats:
        for field, get in (("language", lambda g: g["meta"]["language"]),
                           ("profession", lambda g: g["meta"]["profession"]),
                           ("country", lambda g: g["meta"]["country"]),
                           ("seniority", lambda g: g["requirements"]["seniority"]),
                           ("employmentType", lambda g: g["requirements"]["employmentType"]),
                           ("workplace", lambda g: g["requirements"]["workplace"]),
                           ("educationLevel", lambda g: g["requirements"]["educationLevel"]),
                           ("salary.period", lambda g: (g["requirements"]["salary"] or {}).get("period")),
                           ("salary.currency", lambda g: (g["requirements"]["salary"] or {}).get("currency"))):
            c = Counter(get(g) for g in golds.values())
            print(f"\n{field}:")
            for k, n in sorted(c.items(), key=lambda kv: (-kv[1], str(kv[0]))):
                print(f"  {n:3d}  {k if k is not None else 'null'}")
    print(f"\n{len(bases)} postings checked, {problems} error(s), {nwarn} warning(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
