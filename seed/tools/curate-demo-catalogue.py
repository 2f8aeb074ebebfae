#!/usr/bin/env python3
"""Writes seed/demo-catalogue.json, the demo catalogue `npm start` loads into an empty database.

The providers, credentials and learners are invented by this project. The skills and job roles are
real ESCO v1.1.1 concepts (URIs, labels, descriptions, essential/optional links and BROADER links),
picked from the official CSV package: ESCO, European Commission, https://esco.ec.europa.eu.

Usage: python3 seed/tools/curate-demo-catalogue.py ../shared/data/esco-v1.1.1-en > seed/demo-catalogue.json
Deterministic: the same input gives the same file.
"""
import csv
import json
import random
import sys

esco = sys.argv[1]
rng = random.Random(20261123)


def rows(path):
    with open(f"{esco}/{path}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


skills = {r["conceptUri"]: r for r in rows("classification/skills_en.csv")}
occupations = {r["preferredLabel"]: r for r in rows("classification/occupations_en.csv")}
occ_links = rows("relations/occupationSkillRelations.csv")
broader = rows("relations/broaderRelationsSkillPillar.csv")
related = rows("relations/skillSkillRelations.csv")

TRACKS = [
    ("data-analytics", "data analyst"),
    ("data-science", "data scientist"),
    ("software", "software developer"),
    ("web", "web developer"),
    ("cloud", "cloud engineer"),
    ("security", "ICT security engineer"),
    ("network", "ICT network engineer"),
    ("project", "ICT project manager"),
    ("ux", "user interface designer"),
    ("marketing", "digital marketing manager"),
    ("database", "database administrator"),
    ("business-analysis", "ICT business analyst"),
    ("sysadmin", "ICT system administrator"),
]

by_occ = {}
for link in occ_links:
    by_occ.setdefault(link["occupationUri"], []).append(link)

chosen = {}  # skill uri -> record
roles = []
track_skills = {}
for track, label in TRACKS:
    occ = occupations[label]
    links = [l for l in by_occ[occ["conceptUri"]] if l["skillUri"] in skills]
    essential = sorted([l for l in links if l["relationType"] == "essential"], key=lambda l: skills[l["skillUri"]]["preferredLabel"])
    optional = sorted([l for l in links if l["relationType"] == "optional"], key=lambda l: skills[l["skillUri"]]["preferredLabel"])
    essential = rng.sample(essential, min(10, len(essential)))
    optional = rng.sample(optional, min(3, len(optional)))
    required = []
    for l in essential + optional:
        uri = l["skillUri"]
        chosen[uri] = skills[uri]
        required.append({
            "skillId": uri,
            "essential": l["relationType"] == "essential",
            "importance": 1.0 if l["relationType"] == "essential" else 0.5,
            "level": 2,
        })
    track_skills[track] = [r["skillId"] for r in required]
    alt = [a for a in occ["altLabels"].split("\n") if a][:5]
    roles.append({
        "id": occ["conceptUri"],
        "title": occ["preferredLabel"],
        "altTitles": alt,
        "description": occ["description"].strip(),
        "framework": "ESCO",
        "code": occ["code"],
        "requiredSkills": sorted(required, key=lambda r: r["skillId"]),
    })

# Narrower skills of the chosen ones, so "a narrower held skill covers a broader requirement" can be
# shown, and the chosen skills' broader skills, so the hierarchy has more than one level.
children = {}
parents = {}
for b in broader:
    if b["conceptUri"] in skills and b["broaderUri"] in skills:
        children.setdefault(b["broaderUri"], []).append(b["conceptUri"])
        parents.setdefault(b["conceptUri"], []).append(b["broaderUri"])
narrower_of = {}
for uri in list(chosen):
    kids = sorted(children.get(uri, []))[:2]
    for kid in kids:
        chosen[kid] = skills[kid]
        narrower_of.setdefault(uri, []).append(kid)
    for parent in sorted(parents.get(uri, []))[:1]:
        chosen[parent] = skills[parent]

skill_out = []
for uri in sorted(chosen):
    s = chosen[uri]
    skill_out.append({
        "id": uri,
        "label": s["preferredLabel"],
        "altLabels": [a for a in s["altLabels"].split("\n") if a][:4],
        "skillType": "KNOWLEDGE" if s["skillType"] == "knowledge" else "SKILL",
        "framework": "ESCO",
        "description": s["description"].strip(),
        "broader": sorted(p for p in parents.get(uri, []) if p in chosen),
        "related": sorted(
            ({"skillId": r["relatedSkillUri"], "essential": r["relationType"] == "essential"}
             for r in related if r["originalSkillUri"] == uri and r["relatedSkillUri"] in chosen),
            key=lambda x: x["skillId"]),
    })

PROVIDERS = [
    {"id": "northbridge-university", "name": "Northbridge University", "kind": "UNIVERSITY", "country": "GB", "website": "https://northbridge.example.ac.uk"},
    {"id": "th-rheinland", "name": "Technische Hochschule Rheinland", "kind": "UNIVERSITY", "country": "DE", "website": "https://th-rheinland.example.de"},
    {"id": "nordic-polytechnic", "name": "Nordic Polytechnic", "kind": "UNIVERSITY", "country": "FI", "website": "https://nordicpoly.example.fi"},
    {"id": "coursepath", "name": "CoursePath", "kind": "PLATFORM", "country": "US", "website": "https://coursepath.example.com"},
    {"id": "skillforge", "name": "SkillForge", "kind": "PLATFORM", "country": "NL", "website": "https://skillforge.example.nl"},
    {"id": "datacraft-academy", "name": "DataCraft Academy", "kind": "COMPANY", "country": "IE", "website": "https://datacraft.example.ie"},
    {"id": "cloudnine-systems", "name": "CloudNine Systems", "kind": "COMPANY", "country": "US", "website": "https://cloudnine.example.com"},
    {"id": "eu-digital-skills-association", "name": "European Digital Skills Association", "kind": "ASSOCIATION", "country": "BE", "website": "https://digitalskills.example.eu"},
    {"id": "cyberguard-institute", "name": "CyberGuard Institute", "kind": "ASSOCIATION", "country": "FR", "website": "https://cyberguard.example.fr"},
]

# (type, provider label, hours range, ects per 25 h?, price range, eqf)
KINDS = {
    "BADGE": ("Digital badge", (6, 20), False, (0, 49), 4),
    "MICROCREDENTIAL": ("Micro-credential", (25, 75), True, (150, 600), 5),
    "CERTIFICATE": ("Certificate", (90, 160), True, (600, 1500), 5),
    "PROFESSIONAL_CERTIFICATE": ("Professional Certificate", (120, 200), False, (240, 490), 5),
    "SPECIALIZATION": ("Specialization", (100, 180), False, (200, 400), 5),
    "MICROMASTERS": ("MicroMasters program", (300, 450), True, (900, 1500), 7),
    "NANODEGREE": ("Nanodegree", (150, 260), False, (800, 1600), 5),
    "DEGREE": ("Master of Science", (1800, 1800), True, (12000, 12000), 7),
    "OTHER": ("Bootcamp", (320, 320), False, (4500, 4500), 5),
}

TITLES = {
    "data-analytics": ["Spreadsheet Analysis Essentials", "Data Visualisation with Dashboards", "Statistics for Analysts", "Data Analytics"],
    "data-science": ["Python for Data Science", "Machine Learning Foundations", "Applied Statistical Modelling", "Data Science"],
    "software": ["Programming Fundamentals", "Object-Oriented Design", "Software Testing in Practice", "Software Development"],
    "web": ["HTML and CSS Basics", "JavaScript for the Web", "Front-End Frameworks", "Web Development"],
    "cloud": ["Cloud Computing Concepts", "Infrastructure as Code", "Cloud Architecture", "Cloud Engineering"],
    "security": ["Cybersecurity Fundamentals", "Network Defence", "Security Risk Management", "Cybersecurity"],
    "network": ["Networking Basics", "Routing and Switching", "Network Design", "Network Engineering"],
    "project": ["Project Management Essentials", "Agile Delivery", "Managing ICT Projects", "ICT Project Management"],
    "ux": ["Interface Design Principles", "Prototyping and Usability Testing", "Design Systems", "UI Design"],
    "marketing": ["Digital Marketing Foundations", "Search and Social Advertising", "Marketing Analytics", "Digital Marketing"],
    "database": ["SQL Fundamentals", "Database Administration", "Database Performance Tuning", "Database Administration"],
    "business-analysis": ["Requirements Engineering", "Process Modelling", "Business Analysis in ICT", "Business Analysis"],
    "sysadmin": ["Linux Administration", "Scripting for Administrators", "Systems Monitoring", "Systems Administration"],
}

credentials = []
prerequisites = []
parts = []
equivalences = []
provider_ids = [p["id"] for p in PROVIDERS]


def make(track, provider, ctype, title, skill_ids, level, role_id, ext):
    label, hours_range, has_ects, price_range, eqf = KINDS[ctype]
    hours = rng.randint(*hours_range) if hours_range[0] != hours_range[1] else hours_range[0]
    price = rng.randint(*price_range) if price_range[0] != price_range[1] else price_range[0]
    if ctype == "BADGE" and rng.random() < 0.4:
        price = 0
    eqf_level = eqf + (1 if ctype in ("CERTIFICATE", "MICROCREDENTIAL") and provider in ("northbridge-university", "th-rheinland", "nordic-polytechnic") else 0)
    cred = {
        "providerId": provider,
        "externalId": ext,
        "title": f"{title} {label}" if ctype in ("MICROMASTERS", "SPECIALIZATION", "NANODEGREE", "PROFESSIONAL_CERTIFICATE") else (f"{label} in {title}" if ctype == "DEGREE" else title),
        "description": f"{title}: a {label.lower()} of {hours} hours covering " + ", ".join(chosen[s]["preferredLabel"] for s in skill_ids[:4]) + ".",
        "credentialType": ctype,
        "providerLabel": label,
        "hours": hours,
        "ects": round(hours / 27, 1) if has_ects else None,
        "eqfLevel": eqf_level,
        "price": float(price),
        "currency": "EUR" if provider not in ("coursepath", "cloudnine-systems") else "USD",
        "language": "en",
        "deliveryMode": rng.choice(["ONLINE", "ONLINE", "BLENDED", "ONSITE"]),
        "assessmentType": rng.choice(["Proctored exam", "Graded project", "Portfolio review", "Online quiz"]),
        "qualityAssurance": "Institutional quality assurance (ESG)" if provider in ("northbridge-university", "th-rheinland", "nordic-polytechnic") else ("Industry advisory board" if rng.random() < 0.6 else None),
        "url": f"https://{provider}.example.org/credentials/{ext}",
        "validityMonths": 36 if ctype in ("PROFESSIONAL_CERTIFICATE", "BADGE") and track in ("security", "cloud", "network") else None,
        "skills": [{"skillId": s, "level": level} for s in skill_ids],
        "preparesFor": [role_id] if ctype not in ("BADGE",) else [],
    }
    credentials.append(cred)
    return f"{provider}:{ext}"


role_of = {t: roles[i]["id"] for i, (t, _) in enumerate(TRACKS)}
for ti, (track, _) in enumerate(TRACKS):
    skills_t = track_skills[track]
    # Narrower skills sometimes replace a required one: coverage through the hierarchy.
    taught = []
    for s in skills_t:
        kids = narrower_of.get(s)
        taught.append(kids[0] if kids and rng.random() < 0.3 else s)
    main = provider_ids[ti % len(provider_ids)]
    other = provider_ids[(ti + 3) % len(provider_ids)]
    titles = TITLES[track]
    course_type = "MICROCREDENTIAL" if ti % 2 == 0 else "BADGE"
    c1 = make(track, main, course_type, titles[0], taught[0:4], 2, role_of[track], f"{track}-101")
    c2 = make(track, main, "MICROCREDENTIAL", titles[1], taught[3:7], 3, role_of[track], f"{track}-201")
    c3 = make(track, main, "MICROCREDENTIAL", titles[2], taught[6:10], 3, role_of[track], f"{track}-301")
    whole_type = ["CERTIFICATE", "SPECIALIZATION", "PROFESSIONAL_CERTIFICATE", "NANODEGREE"][ti % 4]
    whole = make(track, main, whole_type, titles[3], taught[0:10], 3, role_of[track], f"{track}-cert")
    prerequisites += [[c2, c1], [c3, c2]]
    parts += [[c1, whole, True], [c2, whole, True], [c3, whole, ti % 3 != 0]]
    if track == "data-science":
        # Four courses make the certificate that counts towards the MicroMasters below.
        c4 = make(track, main, "MICROCREDENTIAL", "Data Engineering for Data Scientists", taught[9:13], 3, role_of[track], f"{track}-401")
        prerequisites.append([c4, c3])
        parts.append([c4, whole, True])
    alt_type = ["PROFESSIONAL_CERTIFICATE", "CERTIFICATE", "SPECIALIZATION", "BADGE"][ti % 4]
    alt = make(track, other, alt_type, titles[3] + (" Essentials" if alt_type == "BADGE" else ""),
               [s for s in skills_t[0:9]] + skills_t[10:11], 3 if alt_type != "BADGE" else 2, role_of[track], f"{track}-alt")
    equivalences.append([whole, alt, "Covers the same outcomes; recognised for credit transfer."])
    if ti % 3 == 0:
        equivalences.append([alt, whole, "Mutual recognition agreement."])

# A four-course ladder into a certificate that counts towards a MicroMasters and a degree.
ds = track_skills["data-science"] + track_skills["data-analytics"][:4]
mm = make("data-science", "northbridge-university", "MICROMASTERS", "Data Science", ds, 4, role_of["data-science"], "ds-micromasters")
deg = make("data-science", "northbridge-university", "DEGREE", "Data Science", ds + track_skills["software"][:5], 4, role_of["data-science"], "msc-data-science")
ds_cert = "datacraft-academy:data-science-cert" if False else None
cap = make("data-science", "northbridge-university", "MICROCREDENTIAL", "Data Science Capstone", track_skills["data-science"][8:13], 4, role_of["data-science"], "ds-capstone")
ds_whole = [c for c in credentials if c["externalId"] == "data-science-cert"][0]
ds_whole_id = f"{ds_whole['providerId']}:data-science-cert"
parts += [[ds_whole_id, mm, True], [cap, mm, True], [mm, deg, False]]
prerequisites.append([cap, ds_whole_id])
boot = make("web", "skillforge", "OTHER", "Full-Stack Web Bootcamp", track_skills["web"] + track_skills["software"][:3], 3, role_of["web"], "fullstack-bootcamp")
nd = make("cloud", "cloudnine-systems", "NANODEGREE", "Cloud DevOps", track_skills["cloud"][:8] + track_skills["sysadmin"][:3], 3, role_of["cloud"], "cloud-devops-nd")
prerequisites.append([nd, f"cloudnine-systems:cloud-101"] if any(c["externalId"] == "cloud-101" and c["providerId"] == "cloudnine-systems" for c in credentials) else [nd, f"{credentials[[c['externalId'] for c in credentials].index('cloud-101')]['providerId']}:cloud-101"])
sec_badge = make("security", "cyberguard-institute", "BADGE", "Phishing Awareness", track_skills["security"][:2], 1, role_of["security"], "phishing-awareness")
sec_retired = make("security", "cyberguard-institute", "CERTIFICATE", "Legacy Firewall Administration", track_skills["security"][2:6], 3, role_of["security"], "legacy-firewall")
credentials[-1]["status"] = "RETIRED"
mk_spec = make("marketing", "coursepath", "SPECIALIZATION", "Growth Marketing", track_skills["marketing"][:8], 3, role_of["marketing"], "growth-marketing")
pm_badge = make("project", "eu-digital-skills-association", "BADGE", "Scrum Basics", track_skills["project"][:3], 2, role_of["project"], "scrum-basics")
ux_mc = make("ux", "nordic-polytechnic", "MICROCREDENTIAL", "Accessibility for Designers", track_skills["ux"][3:8], 3, role_of["ux"], "accessibility-design")
db_mc = make("database", "th-rheinland", "MICROCREDENTIAL", "NoSQL and Graph Databases", track_skills["database"][2:7], 3, role_of["database"], "nosql-graph")

learners = []
names = ["Ana", "Ben", "Chloé", "Dmitri", "Eva", "Farid", "Grace", "Hiro", "Ines", "Jonas"]
all_ids = [f"{c['providerId']}:{c['externalId']}" for c in credentials if c.get("status") != "RETIRED"]
skill_ids = sorted(chosen)
for i, name in enumerate(names):
    earned = rng.sample(all_ids, 2 + i % 3)
    achievements = []
    for j, cid in enumerate(earned):
        year = 2022 + (i + j) % 4
        expired = j == 0 and i % 4 == 0
        achievements.append({
            "credentialId": cid,
            "issuedAt": f"{year}-0{1 + (i + j) % 9}-15",
            "expiresAt": "2024-06-30" if expired else None,
        })
    learners.append({
        "id": f"learner-{i + 1:02d}",
        "displayName": name,
        "achievements": achievements,
        "skills": [{"skillId": s, "level": 1 + (i + k) % 4, "source": "SELF" if k % 2 == 0 else "ASSESSED"}
                   for k, s in enumerate(rng.sample(skill_ids, 3))],
    })

out = {
    "about": "Demo catalogue of Credential Graph. Providers, credentials and learners are invented; "
             "skills and job roles are ESCO v1.1.1 concepts. ESCO, European Commission, https://esco.ec.europa.eu",
    "skills": skill_out,
    "jobRoles": roles,
    "providers": PROVIDERS,
    "credentials": credentials,
    "prerequisites": prerequisites,
    "parts": parts,
    "equivalences": equivalences,
    "learners": learners,
}
json.dump(out, sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
