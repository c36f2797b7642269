//! Actors: states, blocs, organisations, companies, territories and people; and the dated memberships of blocs
//! and organisations, with who is a member on a date or in a year.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::period::{Dated, Period};
use super::records::is_default;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Short stable id: ISO 3166 alpha-3 for states (`SRB`), a readable slug otherwise (`EU`, `gazprom`).
    pub id: String,
    pub name: String,
    /// The name in the actor's own language and script, e.g. "Србија" or "Александар Вучић".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_name: Option<String>,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// The UN M49 region of a state: "Europe", "Africa", "Asia", "Americas", "Oceania".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The UN M49 sub-region of a state, or its intermediate region where M49 has one: "Southern Europe",
    /// "Eastern Africa" (not "Sub-Saharan Africa"), "South America".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subregion: Option<String>,
    /// Free labels for grouping (e.g. "CSTO", "Western Balkans"); blocs list their members themselves.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub groups: Vec<String>,
    /// Member actor ids, for blocs and organisations: members for the whole span of the scenario, undated.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub members: Vec<String>,
    /// Members with dates or a status (joined, left, suspended, observer), each citing its sources.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub memberships: Vec<Membership>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

impl Actor {
    /// An actor with only its id, name and kind: no place, region, groups, members, note or sources yet.
    pub fn new(id: impl Into<String>, name: impl Into<String>, kind: ActorKind) -> Actor {
        Actor {
            id: id.into(),
            name: name.into(),
            local_name: None,
            kind,
            location: None,
            region: None,
            subregion: None,
            groups: Vec::new(),
            members: Vec::new(),
            memberships: Vec::new(),
            note: None,
            sources: Vec::new(),
        }
    }

    /// The members on `date` ("2023", "2023-04" or "2023-04-04"): every id in `members`, then each `Member` or
    /// `Suspended` membership that applies at some time during that date, each id once. Observers are not
    /// members. A date that does not parse counts as unknown, so every such membership is counted (as
    /// unparsable bounds count as open).
    pub fn members_on(&self, date: &str) -> Vec<&str> {
        match Date::parse(date) {
            Ok(date) => self.members_where(|period| period.applies_on(date)),
            Err(_) => self.members_where(|_| true),
        }
    }

    /// The members at any time during `year`: as [`Actor::members_on`] for the whole year.
    pub fn members_in(&self, year: i32) -> Vec<&str> {
        self.members_where(|period| period.applies_in(year))
    }

    /// Every id in `members` and every `Member` or `Suspended` membership, whatever its dates; an id may come
    /// more than once.
    pub fn members_at_any_time(&self) -> impl Iterator<Item = &str> {
        let dated = self.memberships.iter().filter(|membership| membership.status.is_member());
        self.members.iter().map(String::as_str).chain(dated.map(|membership| membership.member.as_str()))
    }

    fn members_where(&self, applies: impl Fn(Period<'_>) -> bool) -> Vec<&str> {
        let dated = self.memberships.iter().filter(|membership| membership.status.is_member());
        let ids = self.members.iter().map(String::as_str).chain(
            dated.filter(|membership| applies(membership.period())).map(|membership| membership.member.as_str()),
        );
        let mut seen = HashSet::new();
        ids.filter(|id| seen.insert(*id)).collect()
    }
}

/// One actor's membership of a bloc or organisation, with its dates or status and the sources that say so.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Membership {
    /// The member's actor id.
    pub member: String,
    /// When it began (a date: "1949", "2023-04" or "2023-04-04"); none for as far back as the scenario goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// When it ended; none while it lasts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub status: MembershipStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "crate::model::compact::list")]
    pub sources: Vec<String>,
}

impl Membership {
    /// A short human text of its status and dates: "from 2023-04-04", "suspended, 2011-11-16 – 2023-05-07",
    /// "observer"; "member" for an undated full membership.
    pub fn describe(&self) -> String {
        let status = (self.status != MembershipStatus::Member).then(|| self.status.label().to_lowercase());
        let period = self.period();
        let dates = (!period.is_always()).then(|| period.describe());
        let parts: Vec<String> = status.into_iter().chain(dates).collect();
        if parts.is_empty() { "member".to_owned() } else { parts.join(", ") }
    }
}

impl Dated for Membership {
    fn period(&self) -> Period<'_> {
        Period { year: None, from: self.from.as_deref(), until: self.until.as_deref() }
    }
}

/// What a membership makes its member: a full member, a suspended one, or an observer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum MembershipStatus {
    #[default]
    Member,
    /// Still a member, with its rights suspended (Syria in the Arab League, 2011–2023).
    Suspended,
    /// Takes part without being a member (Timor-Leste in ASEAN); not counted among the members.
    Observer,
}

impl MembershipStatus {
    pub const ALL: [MembershipStatus; 3] =
        [MembershipStatus::Member, MembershipStatus::Suspended, MembershipStatus::Observer];

    /// Whether the status counts its actor among the members: a suspended member still is one, an observer not.
    pub fn is_member(self) -> bool {
        matches!(self, MembershipStatus::Member | MembershipStatus::Suspended)
    }

    pub fn label(self) -> &'static str {
        match self {
            MembershipStatus::Member => "Member",
            MembershipStatus::Suspended => "Suspended",
            MembershipStatus::Observer => "Observer",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ActorKind {
    State,
    Bloc,
    Organisation,
    Company,
    /// A sub-state entity, e.g. Republika Srpska, or a partially recognised state.
    Territory,
    Person,
}

impl ActorKind {
    pub const ALL: [ActorKind; 6] = [
        ActorKind::State,
        ActorKind::Bloc,
        ActorKind::Organisation,
        ActorKind::Company,
        ActorKind::Territory,
        ActorKind::Person,
    ];

    pub fn plural_label(self) -> &'static str {
        match self {
            ActorKind::State => "States",
            ActorKind::Bloc => "Blocs",
            ActorKind::Organisation => "Organisations",
            ActorKind::Company => "Companies",
            ActorKind::Territory => "Territories",
            ActorKind::Person => "People",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ActorKind::State => "State",
            ActorKind::Bloc => "Bloc",
            ActorKind::Organisation => "Organisation",
            ActorKind::Company => "Company",
            ActorKind::Territory => "Territory",
            ActorKind::Person => "Person",
        }
    }
}

/// Latitude and longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat: f64,
    pub lon: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(text: &str) -> Actor {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .expect("test actor parses")
    }

    fn nato() -> Actor {
        actor(
            r#"Actor(id: "NATO", name: "NATO", kind: Bloc, members: ["USA", "DEU"],
                memberships: [Membership(member: "FIN", from: "2023-04-04", sources: ["nato-fin"])])"#,
        )
    }

    #[test]
    fn finland_is_a_member_of_nato_from_the_day_it_joined() {
        let nato = nato();
        assert_eq!(nato.members_on("2023-03-01"), ["USA", "DEU"]);
        assert_eq!(nato.members_on("2023-04-03"), ["USA", "DEU"], "the day before");
        assert_eq!(nato.members_on("2023-04-04"), ["USA", "DEU", "FIN"], "the day itself");
        assert_eq!(nato.members_on("2023-04"), ["USA", "DEU", "FIN"], "a month it was a member in");
        assert_eq!(nato.members_on("2023-03"), ["USA", "DEU"]);
        assert_eq!(nato.members_in(2023), ["USA", "DEU", "FIN"], "a member at some time in 2023");
        assert_eq!(nato.members_in(2022), ["USA", "DEU"]);
        assert_eq!(nato.members_in(2030), ["USA", "DEU", "FIN"], "no end: still a member");
    }

    #[test]
    fn a_suspended_member_counts_and_an_observer_does_not() {
        // Syria: a member until its suspension on 2011-11-16, suspended until 2023-05-07, a member again since.
        let arab_league = actor(
            r#"Actor(id: "LAS", name: "Arab League", kind: Organisation, members: ["EGY"], memberships: [
                Membership(member: "SYR", until: "2011-11-16"),
                Membership(member: "SYR", from: "2011-11-16", until: "2023-05-07", status: Suspended),
                Membership(member: "SYR", from: "2023-05-07"),
                Membership(member: "LBY", from: "1953", until: "1960"),
            ])"#,
        );
        assert_eq!(arab_league.members_on("2015-06-01"), ["EGY", "SYR"], "suspended, still a member");
        assert_eq!(arab_league.members_on("2023-05-07"), ["EGY", "SYR"], "once, on the day two periods meet");
        assert_eq!(arab_league.members_in(1955), ["EGY", "SYR", "LBY"]);
        assert_eq!(arab_league.members_in(1961), ["EGY", "SYR"]);
        let asean = actor(
            r#"Actor(id: "ASEAN", name: "ASEAN", kind: Bloc, members: ["IDN"],
                memberships: [Membership(member: "TLS", from: "2022-11-11", status: Observer)])"#,
        );
        assert_eq!(asean.members_on("2023-01-01"), ["IDN"]);
        assert_eq!(asean.members_in(2023), ["IDN"]);
        assert_eq!(asean.members_at_any_time().collect::<Vec<_>>(), ["IDN"], "an observer is never a member");
        let syria: Vec<&str> = arab_league.members_at_any_time().collect();
        assert_eq!(syria, ["EGY", "SYR", "SYR", "SYR", "LBY"]);
    }

    #[test]
    fn an_unparsable_date_counts_every_membership() {
        assert_eq!(nato().members_on("someday"), ["USA", "DEU", "FIN"]);
    }

    #[test]
    fn memberships_describe_their_status_and_dates() {
        let membership = |status, from: Option<&str>, until: Option<&str>| Membership {
            member: "X".into(),
            from: from.map(str::to_owned),
            until: until.map(str::to_owned),
            status,
            ..Membership::default()
        };
        assert_eq!(membership(MembershipStatus::Member, Some("2023-04-04"), None).describe(), "from 2023-04-04");
        assert_eq!(
            membership(MembershipStatus::Suspended, Some("2011-11-16"), Some("2023-05-07")).describe(),
            "suspended, 2011-11-16 – 2023-05-07"
        );
        assert_eq!(membership(MembershipStatus::Observer, None, None).describe(), "observer");
        assert_eq!(membership(MembershipStatus::Member, None, None).describe(), "member");
    }
}
