#!/usr/bin/env python3
"""Writes scenarios/world-2022-2023.ron, the bundled world scenario, from the sourced tables in data/world/
(see data/world/README.md for where each table comes from and how it was checked):

    members.csv       the 193 UN members and 2 observer states: ISO 3166 alpha-3, name, UN M49 region
    memberships.csv   membership of the EU, NATO, CSTO, SCO, BRICS, G7, AU, ASEAN and the Arab League
    sanctions.csv     each member's stance on sanctions against Russia, where a source gives one
    votes.csv         the six resolutions of the General Assembly's 11th emergency special session
    ballots.csv       every member's ballot on each of them
    sources.csv       every source cited above

    scripts/make_world_scenario.py && cargo run --release -- fmt scenarios/world-2022-2023.ron

The output is then put in canonical form by `geodep fmt`. Nothing is inferred here: a row becomes a record with
its sources, or is left out.
"""
import csv
import os
import sys
from collections import Counter, defaultdict

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
DATA = os.path.join(ROOT, "data", "world")
OUT = os.path.join(ROOT, "scenarios", "world-2022-2023.ron")

# Blocs as actors: id, name, the note kept with them.
BLOCS = [
    ("EU", "European Union", "The 27 member states."),
    ("NATO", "NATO", "30 members in 2022; Finland joined on 4 April 2023."),
    ("CSTO", "Collective Security Treaty Organization", "The six member states."),
    ("SCO", "Shanghai Cooperation Organisation", "Eight members in 2022; Iran, an observer before, a member from 4 July 2023."),
    ("BRICS", "BRICS", "Brazil, Russia, India, China and South Africa in 2022–2023; the expansion took effect in January 2024."),
    ("G7", "G7", "Seven members; the European Union takes part as a non-enumerated participant."),
    ("AU", "African Union", "55 members, all of Africa's 54 UN members and the Sahrawi Republic (not a UN member, not in this scenario). Suspended members stay members."),
    ("ASEAN", "ASEAN", "Ten members; Timor-Leste admitted in principle, an observer from 11 November 2022."),
    ("ArabLeague", "Arab League", "22 members including Palestine; Syria suspended from 2011 until 7 May 2023."),
]

# Members too small for Natural Earth's 1:50m outlines, drawn on the map at a point instead: (lat, lon, source).
POINTS = {"TUV": (-8.0, 178.0, "mledoze-countries")}

VOTE_TITLES = {
    "ES-11/1": "UNGA: Aggression against Ukraine",
    "ES-11/2": "UNGA: Humanitarian consequences of the aggression against Ukraine",
    "ES-11/3": "UNGA: Suspending Russia's rights of membership in the Human Rights Council",
    "ES-11/4": "UNGA: Russia's annexations of Ukrainian regions are invalid",
    "ES-11/5": "UNGA: Reparations for Ukraine",
    "ES-11/6": "UNGA: Principles for a just and lasting peace in Ukraine",
}


def read(name):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8") as file:
        return list(csv.DictReader(file))


def text(value):
    """A RON string."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def ids(value):
    """Source ids of a `a;b;c` cell, as a RON list."""
    return "[" + ", ".join(text(part.strip()) for part in value.split(";") if part.strip()) + "]"


def is_date(value):
    """Whether a cell is a date as the format writes them: YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = value.split("-")
    return 1 <= len(parts) <= 3 and len(parts[0]) == 4 and all(part.isdigit() for part in parts)


def field(name, value):
    return f"{name}: {value},"


def members_and_memberships(rows, members):
    """Per bloc: the undated members, and the dated or qualified memberships (with their sources)."""
    plain = defaultdict(list)
    dated = defaultdict(list)
    sources = defaultdict(set)
    notes = defaultdict(list)
    for row in rows:
        bloc, member, status = row["bloc"], row["iso3"], row["status"].strip()
        for source in row["sources"].split(";"):
            if source.strip():
                sources[bloc].add(source.strip())
        if not member or member not in members:
            # The EU in the G7, the Sahrawi Republic in the AU: said in the bloc's own note.
            continue
        start, end = row["from"].strip(), row["until"].strip()
        if status == "member" and not start and not end:
            plain[bloc].append(member)
        elif status == "member":
            if start >= "2024":
                notes[bloc].append(f"{row['name']} joined on {start}, after the period covered")
                continue
            dated[bloc].append(("Member", member, start, end, row["sources"], None))
        elif status == "suspended":
            # A suspended state is still a member; the table gives its ordinary membership before as a row of its own.
            dated[bloc].append(("Suspended", member, start, end, row["sources"], None))
        elif status.startswith("observer"):
            dated[bloc].append(("Observer", member, start, end, row["sources"], status if status != "observer" else None))
        else:
            notes[bloc].append(f"{row['name']}: {status} (not a member in 2022–2023)")
    return plain, dated, sources, notes


def main():
    members = {row["iso3"]: row for row in read("members.csv")}
    memberships = read("memberships.csv")
    stances = read("sanctions.csv")
    votes = read("votes.csv")
    ballots = read("ballots.csv")
    sources = read("sources.csv")
    plain, dated, bloc_sources, bloc_notes = members_and_memberships(memberships, members)

    out = ["#![enable(implicit_some)]", "Scenario(", field("format", "1")]
    out.append(field("title", text("The world and Russia's war on Ukraine, 2022–2023")))
    stance_counts = Counter(row["stance"] for row in stances)
    summary = (
        "Every UN member state and the two observer states, with their UN M49 regions and their membership of "
        "nine blocs; every member's ballot on the six resolutions of the General Assembly's eleventh emergency "
        "special session, from the UN's own records; and each member's stance on sanctions against Russia where a "
        f"source gives one ({stance_counts['Imposes']} impose their own, {stance_counts['Aligns']} align with the "
        f"EU's, {stance_counts['Partial']} partial, {stance_counts['Refuses']} refuse, {stance_counts['Opposes']} "
        f"opposes; {193 - 1 - len(stances)} members have no stance recorded, which is not the same as refusing)."
    )
    out.append(field("summary", text(summary)))
    out.append(field("as_of", text("2023-12-31")))
    out.append("actors: [")
    for iso3, row in sorted(members.items(), key=lambda item: item[1]["name"]):
        subregion = row["intermediate_region"] or row["subregion"]
        out.append("Actor(")
        out.append(field("id", text(iso3)))
        out.append(field("name", text(row["name"])))
        out.append(field("kind", "State"))
        if iso3 in POINTS:
            lat, lon, _ = POINTS[iso3]
            out.append(field("location", f"GeoPoint(lat: {lat}, lon: {lon})"))
        out.append(field("region", text(row["region"])))
        out.append(field("subregion", text(subregion)))
        if row["un_status"] == "observer":
            out.append(field("note", text("A UN observer state, not a member: it does not vote in the General Assembly.")))
        cited = row["sources"]
        if iso3 in POINTS:
            out.append(field("note", text("Too small for the map's 1:50m outlines: drawn at the point its source gives.")))
            cited += ";" + POINTS[iso3][2]
        out.append(field("sources", ids(cited)))
        out.append("),")
    for bloc, name, note in BLOCS:
        out.append("Actor(")
        out.append(field("id", text(bloc)))
        out.append(field("name", text(name)))
        out.append(field("kind", "Bloc"))
        out.append(field("members", "[" + ", ".join(text(member) for member in sorted(plain[bloc])) + "]"))
        if dated[bloc]:
            out.append("memberships: [")
            for status, member, start, end, cited, remark in dated[bloc]:
                out.append("Membership(")
                out.append(field("member", text(member)))
                if start:
                    out.append(field("from", text(start)))
                if end:
                    out.append(field("until", text(end)))
                if status != "Member":
                    out.append(field("status", status))
                if remark:
                    out.append(field("note", text(remark)))
                out.append(field("sources", ids(cited)))
                out.append("),")
            out.append("],")
        extra = "; ".join(bloc_notes[bloc])
        out.append(field("note", text(note + (f" Also: {extra}." if extra else ""))))
        out.append(field("sources", ids(";".join(sorted(bloc_sources[bloc])))))
        out.append("),")
    out.append("],")

    out.append("sanctions: [")
    for row in stances:
        out.append("SanctionStance(")
        out.append(field("by", text(row["iso3"])))
        out.append(field("target", text("RUS")))
        out.append(field("stance", row["stance"]))
        if row["from"]:
            out.append(field("from", text(row["from"])))
        else:
            out.append(field("year", "2022"))
        if row["certainty"] and row["certainty"] != "Stated":
            out.append(field("certainty", row["certainty"]))
        if row["note"]:
            out.append(field("note", text(row["note"])))
        out.append(field("sources", ids(row["sources"])))
        out.append("),")
    out.append("],")

    by_vote = defaultdict(dict)
    for row in ballots:
        by_vote[row["resolution"]][row["iso3"]] = row["ballot"]
    out.append("votes: [")
    for vote in votes:
        resolution = vote["resolution"]
        counted = Counter(by_vote[resolution].values())
        stated = {"Yes": vote["yes"], "No": vote["no"], "Abstain": vote["abstain"], "Absent": vote["absent"]}
        for ballot, total in stated.items():
            if str(counted[ballot]) != total:
                sys.exit(f"{resolution}: {counted[ballot]} {ballot} ballots, the record states {total}")
        out.append("Vote(")
        out.append(field("id", text(resolution)))
        out.append(field("date", text(vote["date"])))
        out.append(field("title", text(VOTE_TITLES[resolution])))
        out.append(field("body", text("UN General Assembly")))
        ballots_text = ", ".join(f"{text(iso3)}: {ballot}" for iso3, ballot in sorted(by_vote[resolution].items()))
        out.append(field("ballots", "{" + ballots_text + "}"))
        out.append(
            field(
                "totals",
                f"VoteTotals(yes: {vote['yes']}, no: {vote['no']}, abstain: {vote['abstain']}, absent: {vote['absent']})",
            )
        )
        meeting = vote["meeting"].split(" ")[0]
        note = (
            f"{vote['document']}; meeting record {meeting}. Yes, no and abstain ballots as the UN's own data names "
            "them; absent: the other members of the UN. Each ballot was checked against other lists where one could "
            "be read: see data/world/NOTES-votes.md."
        )
        out.append(field("note", text(note)))
        # The vote's sources: those of its totals, then those of any of its ballots.
        cited = [part for part in vote["sources"].split(";") if part]
        for row in ballots:
            if row["resolution"] == resolution:
                cited.extend(part for part in row["sources"].split(";") if part and part not in cited)
        out.append(field("sources", ids(";".join(cited))))
        out.append("),")
    out.append("],")

    out.append("sources: [")
    body = "\n".join(out)
    for source in sources:
        # Sources used only to cross-check (named in data/world's notes) are left out: a scenario lists what it cites.
        if text(source["id"]) not in body:
            continue
        out.append("Source(")
        for name in ["id", "title", "publisher", "date", "url", "note"]:
            value = source.get(name, "")
            if name == "date" and value and not is_date(value):
                continue
            if name == "note" and source.get("date") and not is_date(source["date"]):
                value = f"Date: {source['date']}." + (f" {value}" if value else "")
            if value:
                out.append(field(name, text(value)))
        out.append("),")
    out.append("],")
    out.append("story: [")
    out.extend(story(stances))
    out.append("],")
    out.append(")")
    with open(OUT, "w", encoding="utf-8") as file:
        file.write("\n".join(out) + "\n")
    print(f"wrote {OUT}")


def story(stances):
    """The teaching story: one step per vote and the sanctions map, facts from the tables only."""
    counts = Counter(row["stance"] for row in stances)
    steps = [
        (
            "141 to 5",
            "On 2 March 2022 the General Assembly demanded that Russia withdraw from Ukraine: 141 yes, 5 no, 35 "
            "abstentions, 12 members not voting.",
            "Open with the votes grid. Five states voted no: Russia, Belarus, North Korea, Eritrea and Syria. Ask the "
            "class who abstained and why a state might abstain rather than vote no. Point out that every member has a "
            "ballot here, taken from the UN's own records.",
            "Votes",
            "[Ties]",
            ["RUS", "BLR", "PRK", "ERI", "SYR", "UKR"],
            2022,
        ),
        (
            "Who sanctions Russia?",
            f"In 2022–2023, {counts['Imposes']} UN members imposed their own sanctions on Russia and "
            f"{counts['Aligns']} aligned with the EU's; {counts['Refuses']} said they would not. For the other "
            "members this scenario records no stance.",
            "Switch to the map. The sanctioning states are in Europe, North America and among the United States' "
            "allies in Asia and the Pacific. Stress what the map does not say: a member with no line has no sourced "
            "stance, which is not the same as refusing. Ask: does voting against Russia at the UN go together with "
            "sanctioning it?",
            "Map",
            "[Sanctions]",
            ["RUS", "USA", "JPN", "AUS", "BRA", "IND", "ZAF"],
            2022,
        ),
        (
            "Suspended from the Human Rights Council",
            "On 7 April 2022 the Assembly suspended Russia from the Human Rights Council by 93 to 24, with 58 "
            "abstentions and 18 members not voting.",
            "Compare with March: the yes side fell from 141 to 93. Look for the states that moved from yes to "
            "abstaining. Note the two-thirds rule counts only yes and no votes, so abstentions did not block it.",
            "Votes",
            "[Ties]",
            ["RUS", "CHN", "IND", "BRA", "ZAF", "MEX"],
            2022,
        ),
        (
            "The annexations: 143 to 5",
            "On 12 October 2022, 143 members declared Russia's annexation of four Ukrainian regions invalid; 5 "
            "voted no and 35 abstained.",
            "The largest yes vote of the session. Nicaragua joined the no side; Eritrea moved to abstaining. Ask: "
            "why did more states vote against annexation than against the invasion itself?",
            "Votes",
            "[Ties]",
            ["RUS", "BLR", "PRK", "NIC", "SYR", "UKR"],
            2022,
        ),
        (
            "Reparations split the room",
            "On 14 November 2022 the call for reparations passed by only 94 to 14, with 73 abstentions.",
            "Money divides more than principle: many states that condemned the invasion abstained here. The Bahamas "
            "is recorded as voting no; its foreign minister said afterwards that it meant to abstain, and the record "
            "keeps the vote as cast.",
            "Votes",
            "[Ties]",
            ["RUS", "CHN", "IRN", "BRA", "IND", "ZAF"],
            2022,
        ),
        (
            "A year on: 141 to 7",
            "On 23 February 2023, a year after the invasion, 141 members backed principles for a just and lasting "
            "peace; 7 voted no and 32 abstained.",
            "Back to the level of March 2022. Mali and Nicaragua joined the no side. Finish with the alignment map in "
            "the Charts tab: the states that voted like Russia sit together.",
            "Votes",
            "[Ties]",
            ["RUS", "BLR", "MLI", "NIC", "PRK", "ERI", "SYR"],
            2023,
        ),
    ]
    out = []
    for title, caption, notes, view, layers, focus, year in steps:
        out.append("StoryStep(")
        out.append(field("title", text(title)))
        out.append(field("caption", text(caption)))
        out.append(field("notes", text(notes)))
        out.append(field("view", view))
        out.append(field("layers", layers))
        out.append(field("focus", "[" + ", ".join(text(id) for id in focus) + "]"))
        out.append(field("year", str(year)))
        out.append("),")
    return out


if __name__ == "__main__":
    main()
