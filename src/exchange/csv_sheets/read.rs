//! One row of a sheet as a record: each cell read by its column's name, with the reason a row is skipped.

use std::collections::HashMap;

use super::cells::{self, ShareColumn};
use crate::model::{
    Actor, ActorKind, Ballot, Certainty, Commodity, EnergyFlow, Event, GeoPoint, SanctionStance, ShareBasis, Source,
    Stance, Tie, TieKind, Unit, Volume,
};

/// A row and the sheet's columns: cells by column name, empty when the column or the cell is missing.
pub struct Row<'r> {
    pub cells: &'r csv::StringRecord,
    pub columns: &'r HashMap<String, usize>,
    pub delimiter: u8,
    pub share_column: ShareColumn,
}

type Read<T> = Result<T, String>;

impl Row<'_> {
    pub fn cell(&self, column: &str) -> &str {
        self.columns.get(column).and_then(|&at| self.cells.get(at)).map_or("", str::trim)
    }

    fn required(&self, column: &str) -> Read<String> {
        match self.cell(column) {
            "" => Err(format!("no {column}")),
            text => Ok(text.to_owned()),
        }
    }

    fn optional(&self, column: &str) -> Option<String> {
        Some(self.cell(column).to_owned()).filter(|text| !text.is_empty())
    }

    fn list(&self, column: &str) -> Vec<String> {
        cells::list(self.cell(column))
    }

    fn number(&self, column: &str) -> Read<Option<f64>> {
        match self.cell(column) {
            "" => Ok(None),
            text => cells::number(text, self.delimiter)
                .map(Some)
                .ok_or_else(|| format!("{column} \"{text}\" is not a number")),
        }
    }

    fn count(&self, column: &str) -> Read<Option<u32>> {
        match self.cell(column) {
            "" => Ok(None),
            text => text.parse().map(Some).map_err(|_| format!("{column} \"{text}\" is not a whole number")),
        }
    }

    fn year(&self) -> Read<Option<i32>> {
        match self.cell("year") {
            "" => Ok(None),
            text => text.parse().map(Some).map_err(|_| format!("year \"{text}\" is not a year")),
        }
    }

    /// A source's grade: a letter A to F, or empty for none.
    fn reliability(&self) -> Read<Option<crate::model::Reliability>> {
        match self.cell("reliability") {
            "" => Ok(None),
            text => crate::model::Reliability::ALL
                .into_iter()
                .find(|grade| grade.letter().eq_ignore_ascii_case(text))
                .map(Some)
                .ok_or_else(|| format!("reliability \"{text}\" is not a grade A to F")),
        }
    }

    fn certainty(&self) -> Read<Certainty> {
        match self.cell("certainty").to_lowercase().as_str() {
            "" | "stated" => Ok(Certainty::Stated),
            "reported" => Ok(Certainty::Reported),
            "disputed" => Ok(Certainty::Disputed),
            "estimate" | "estimated" => Ok(Certainty::Estimate),
            other => Err(format!("certainty \"{other}\" is not Stated, Reported, Estimate or Disputed")),
        }
    }
}

/// A name matched case-insensitively against a list of labels.
fn by_label<T: Copy>(written: &str, what: &str, all: &[(T, &str)]) -> Read<T> {
    let lower = written.to_lowercase();
    all.iter().find(|(_, label)| label.to_lowercase() == lower).map(|(value, _)| *value).ok_or_else(|| {
        let names: Vec<&str> = all.iter().map(|(_, label)| *label).collect();
        format!("{what} \"{written}\" is not one of {}", names.join(", "))
    })
}

pub fn actor(row: &Row) -> Read<Actor> {
    let kinds: Vec<(ActorKind, &str)> = ActorKind::ALL.iter().map(|kind| (*kind, kind.label())).collect();
    let location = match (row.number("lat")?, row.number("lon")?) {
        (Some(lat), Some(lon)) => Some(GeoPoint { lat, lon }),
        (None, None) => None,
        _ => return Err("a location needs both lat and lon".to_owned()),
    };
    Ok(Actor {
        id: row.required("id")?,
        name: row.required("name")?,
        local_name: row.optional("local_name"),
        kind: by_label(row.cell("kind"), "kind", &kinds)?,
        location,
        region: row.optional("region"),
        subregion: row.optional("subregion"),
        groups: row.list("groups"),
        members: row.list("members"),
        memberships: Vec::new(),
        note: row.optional("note"),
        sources: row.list("sources"),
    })
}

pub fn energy(row: &Row) -> Read<EnergyFlow> {
    let share = cells::share(row.cell("share"), row.share_column, row.delimiter)?;
    let basis = by_label(
        if row.cell("basis").is_empty() { "Consumption" } else { row.cell("basis") },
        "basis",
        &[(ShareBasis::Consumption, "Consumption"), (ShareBasis::Imports, "Imports")],
    )?;
    let volume = match (row.number("volume")?, row.cell("unit")) {
        (None, "") => None,
        (Some(amount), unit) => Some(Volume(amount, self::unit(unit)?)),
        (None, unit) => return Err(format!("a unit ({unit}) without a volume")),
    };
    Ok(EnergyFlow {
        supplier: row.required("supplier")?,
        consumer: row.required("consumer")?,
        commodity: commodity(&row.required("commodity")?),
        share,
        basis,
        volume,
        via: row.list("via"),
        route: row.optional("route"),
        year: row.year()?,
        from: row.optional("from"),
        until: row.optional("until"),
        certainty: row.certainty()?,
        note: row.optional("note"),
        sources: row.list("sources"),
    })
}

fn unit(written: &str) -> Read<Unit> {
    if written.is_empty() {
        return Err("a volume without its unit".to_owned());
    }
    by_label(
        written,
        "unit",
        &[
            (Unit::Bcm, "bcm"),
            (Unit::Mt, "Mt"),
            (Unit::Twh, "TWh"),
            (Unit::KbPerDay, "kb/d"),
            (Unit::KbPerDay, "KbPerDay"),
        ],
    )
    .map_err(|_| format!("unit \"{written}\" is not one of bcm, Mt, TWh, kb/d"))
}

/// The commodity by its name; any other name is a commodity of its own (`Other`).
pub fn commodity(written: &str) -> Commodity {
    match written.to_lowercase().replace([' ', '_'], "").as_str() {
        "gas" => Commodity::Gas,
        "oil" => Commodity::Oil,
        "coal" => Commodity::Coal,
        "electricity" => Commodity::Electricity,
        "nuclearfuel" => Commodity::NuclearFuel,
        _ => Commodity::Other(written.to_owned()),
    }
}

pub fn sanction(row: &Row) -> Read<SanctionStance> {
    let stances = [
        (Stance::Imposes, "Imposes"),
        (Stance::Aligns, "Aligns"),
        (Stance::Partial, "Partial"),
        (Stance::Refuses, "Refuses"),
        (Stance::Opposes, "Opposes"),
    ];
    Ok(SanctionStance {
        by: row.required("by")?,
        target: row.required("target")?,
        stance: by_label(row.cell("stance"), "stance", &stances)?,
        year: row.year()?,
        from: row.optional("from"),
        until: row.optional("until"),
        certainty: row.certainty()?,
        note: row.optional("note"),
        sources: row.list("sources"),
    })
}

pub fn tie(row: &Row) -> Read<Tie> {
    let kinds = [
        (TieKind::Alliance, "Alliance"),
        (TieKind::Partnership, "Partnership"),
        (TieKind::Support, "Support"),
        (TieKind::Neutral, "Neutral"),
        (TieKind::Tension, "Tension"),
        (TieKind::Dispute, "Dispute"),
        (TieKind::Hostile, "Hostile"),
    ];
    let directed = match row.cell("directed").to_lowercase().as_str() {
        "" | "no" | "false" | "0" => false,
        "yes" | "true" | "1" => true,
        other => return Err(format!("directed \"{other}\" is not yes or no")),
    };
    Ok(Tie {
        a: row.required("a")?,
        b: row.required("b")?,
        kind: by_label(row.cell("kind"), "kind", &kinds)?,
        strength: row.number("strength")?.ok_or("no strength")?,
        topic: row.optional("topic"),
        directed,
        year: row.year()?,
        from: row.optional("from"),
        until: row.optional("until"),
        certainty: row.certainty()?,
        note: row.optional("note"),
        sources: row.list("sources"),
    })
}

/// A vote row: the vote's own fields, and its one ballot (none when the actor cell is empty).
pub struct VoteRow {
    pub vote: crate::model::Vote,
    pub ballot: Option<(String, Ballot)>,
}

pub fn vote(row: &Row) -> Read<VoteRow> {
    let ballots = [(Ballot::Yes, "Yes"), (Ballot::No, "No"), (Ballot::Abstain, "Abstain"), (Ballot::Absent, "Absent")];
    let ballot = match (row.cell("actor"), row.cell("ballot")) {
        ("", "") => None,
        ("", _) => return Err("a ballot without an actor".to_owned()),
        (actor, written) => Some((actor.to_owned(), by_label(written, "ballot", &ballots)?)),
    };
    let totals = match (row.count("yes")?, row.count("no")?, row.count("abstain")?, row.count("absent")?) {
        (Some(yes), Some(no), Some(abstain), absent) => Some(crate::model::VoteTotals { yes, no, abstain, absent }),
        (None, None, None, None) => None,
        _ => return Err("totals need yes, no and abstain".to_owned()),
    };
    let vote = crate::model::Vote {
        id: row.required("vote")?,
        date: row.required("date")?,
        title: row.required("title")?,
        body: row.optional("body"),
        ballots: Default::default(),
        totals,
        note: row.optional("note"),
        sources: row.list("sources"),
    };
    Ok(VoteRow { vote, ballot })
}

pub fn event(row: &Row) -> Read<Event> {
    Ok(Event {
        date: row.required("date")?,
        title: row.required("title")?,
        description: row.optional("description"),
        actors: row.list("actors"),
        sources: row.list("sources"),
    })
}

pub fn source(row: &Row) -> Read<Source> {
    Ok(Source {
        id: row.required("id")?,
        title: row.required("title")?,
        publisher: row.optional("publisher"),
        date: row.optional("date"),
        url: row.optional("url"),
        reliability: row.reliability()?,
        note: row.optional("note"),
    })
}

/// A layout row: the actor and its position.
pub fn position(row: &Row) -> Read<(String, crate::model::Position)> {
    let coordinate = |column: &str| -> Read<f32> {
        let text = row.cell(column);
        let value = cells::number(text, row.delimiter).ok_or_else(|| format!("{column} \"{text}\" is not a number"))?;
        // f32 is the layout's own precision: a value written from an f32 reads back as that f32.
        let single = text.trim().parse::<f32>().unwrap_or(value as f32);
        Ok(single)
    };
    Ok((row.required("actor")?, crate::model::Position(coordinate("x")?, coordinate("y")?)))
}
