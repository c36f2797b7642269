//! Scenario files as the library reads and writes them: the bundled scenarios, round trips through the canonical
//! form, patched saves, and the GraphML, GEXF and CSV exchange formats.

mod bundled_scenarios;
mod exchange_graphs;
mod exchange_sheets;
mod patched_saves;
mod readme;
mod roundtrip;
