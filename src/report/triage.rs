//! Triage accuracy in production: of the tickets opened in the window, how many kept the
//! category (and, separately, the priority) the classifier gave them, i.e. no engineer ever
//! corrected it with `#category` / `#priority`. Grouped by what the classifier said, so a row
//! reads "of the tickets triage called network, 90 % were never re-categorised". Rendered
//! as a section appended to each report format. PURE.

use super::render::escape_html;
use crate::ticket::correction::TriageTicket;
use crate::ticket::model::{Category, Priority, Timestamp};
use serde::Serialize;
use std::fmt::Write as _;

/// Tickets and how many were never corrected.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriageRow {
    pub name: String,
    pub tickets: u64,
    pub never_corrected: u64,
    /// never_corrected ÷ tickets × 100; `None` without tickets.
    pub accuracy_pct: Option<f64>,
}

impl TriageRow {
    fn new(name: &str, tickets: u64, never_corrected: u64) -> TriageRow {
        // Ticket counts stay far below 2^52: the conversion is exact.
        #[allow(clippy::cast_precision_loss)]
        let accuracy_pct = (tickets > 0).then(|| never_corrected as f64 * 100.0 / tickets as f64);
        TriageRow {
            name: name.to_string(),
            tickets,
            never_corrected,
            accuracy_pct,
        }
    }
}

/// The section: overall and per class, for category and for priority.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TriageAccuracy {
    pub since: Timestamp,
    pub until: Timestamp,
    pub category: TriageRow,
    pub priority: TriageRow,
    /// Every category, in order, by what triage said.
    pub by_category: Vec<TriageRow>,
    /// Every priority, in order, by what triage said.
    pub by_priority: Vec<TriageRow>,
}

fn row_of<'a>(
    name: &str,
    tickets: impl Iterator<Item = &'a TriageTicket>,
    corrected: fn(&TriageTicket) -> bool,
) -> TriageRow {
    let (mut n, mut kept) = (0, 0);
    for t in tickets {
        n += 1;
        kept += u64::from(!corrected(t));
    }
    TriageRow::new(name, n, kept)
}

/// Build the section from the tickets opened in `[since, until]`.
pub fn build_triage(
    tickets: &[TriageTicket],
    since: Timestamp,
    until: Timestamp,
) -> TriageAccuracy {
    let cat = |t: &TriageTicket| t.category_corrected;
    let pri = |t: &TriageTicket| t.priority_corrected;
    TriageAccuracy {
        since,
        until,
        category: row_of("all", tickets.iter(), cat),
        priority: row_of("all", tickets.iter(), pri),
        by_category: Category::ALL
            .iter()
            .map(|c| {
                let of = tickets.iter().filter(|t| t.classified_category == *c);
                row_of(c.as_str(), of, cat)
            })
            .collect(),
        by_priority: Priority::ALL
            .iter()
            .map(|p| {
                let name = p.to_string();
                let of = tickets.iter().filter(|t| t.classified_priority == *p);
                row_of(&name, of, pri)
            })
            .collect(),
    }
}

fn pct(p: Option<f64>) -> String {
    p.map_or_else(|| "-".to_string(), |p| format!("{p:.1}%"))
}

fn rows(a: &TriageAccuracy) -> Vec<(&'static str, &TriageRow)> {
    let mut out = vec![("category", &a.category)];
    out.extend(a.by_category.iter().map(|r| ("category", r)));
    out.push(("priority", &a.priority));
    out.extend(a.by_priority.iter().map(|r| ("priority", r)));
    out
}

/// The text-table section.
pub fn render_triage_table(a: &TriageAccuracy) -> String {
    let mut out = String::from(
        "\nTriage accuracy in production (tickets never corrected by an engineer / all, by what triage said)\n",
    );
    let _ = writeln!(
        out,
        "  {:<9} {:<9} {:>7} {:>9} {:>9}",
        "field", "group", "tickets", "kept", "accuracy"
    );
    for (field, r) in rows(a) {
        let _ = writeln!(
            out,
            "  {field:<9} {:<9} {:>7} {:>9} {:>9}",
            r.name,
            r.tickets,
            r.never_corrected,
            pct(r.accuracy_pct)
        );
    }
    out
}

/// The CSV section: after a blank line, its own header `field,group,tickets,never_corrected,
/// accuracy_pct`.
pub fn render_triage_csv(a: &TriageAccuracy) -> String {
    let mut out = String::from("\r\nfield,group,tickets,never_corrected,accuracy_pct\r\n");
    for (field, r) in rows(a) {
        let p = r
            .accuracy_pct
            .map(|p| format!("{p:.1}"))
            .unwrap_or_default();
        let _ = write!(
            out,
            "{field},{},{},{},{p}\r\n",
            r.name, r.tickets, r.never_corrected
        );
    }
    out
}

/// The HTML section (a table), to insert before `</body>`.
pub fn render_triage_html(a: &TriageAccuracy) -> String {
    let mut out = String::from(
        "<h2>Triage accuracy in production</h2>\n<p>Tickets never corrected by an engineer \
         (<code>#category</code> / <code>#priority</code>) over all tickets opened, by what \
         triage said.</p>\n<table>\n<tr><th>field</th><th>group</th><th>tickets</th>\
         <th>never corrected</th><th>accuracy</th></tr>\n",
    );
    for (field, r) in rows(a) {
        let _ = writeln!(
            out,
            "<tr><td>{field}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape_html(&r.name),
            r.tickets,
            r.never_corrected,
            pct(r.accuracy_pct)
        );
    }
    out.push_str("</table>\n");
    out
}

/// Add the section to a rendered JSON report as `triage_accuracy`.
pub fn add_triage_json(report_json: &str, a: &TriageAccuracy) -> Result<String, serde_json::Error> {
    let mut v: serde_json::Value = serde_json::from_str(report_json)?;
    if let Some(obj) = v.as_object_mut() {
        obj.insert("triage_accuracy".into(), serde_json::to_value(a)?);
    }
    serde_json::to_string_pretty(&v)
}

/// Add the section to a rendered HTML report, before `</body>` (or at the end).
pub fn add_triage_html(report_html: &str, a: &TriageAccuracy) -> String {
    let section = render_triage_html(a);
    match report_html.rfind("</body>") {
        Some(i) => {
            let (head, tail) = report_html.split_at(i);
            format!("{head}{section}{tail}")
        }
        None => format!("{report_html}{section}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(cat: Category, pri: Priority, cat_fixed: bool, pri_fixed: bool) -> TriageTicket {
        TriageTicket {
            number: 1,
            subject: String::new(),
            text: String::new(),
            classified_category: cat,
            classified_priority: pri,
            category: cat,
            priority: pri,
            category_corrected: cat_fixed,
            priority_corrected: pri_fixed,
        }
    }

    #[test]
    fn accuracy_is_never_corrected_over_all_by_what_triage_said() {
        let tickets = [
            t(Category::Network, Priority::P2, false, false),
            t(Category::Network, Priority::P3, true, false),
            t(Category::Hardware, Priority::P3, false, true),
            t(Category::Hardware, Priority::P3, false, false),
        ];
        let a = build_triage(&tickets, 0, 10);
        assert_eq!(a.category, TriageRow::new("all", 4, 3));
        assert_eq!(a.priority, TriageRow::new("all", 4, 3));
        let net = a.by_category.iter().find(|r| r.name == "network").unwrap();
        assert_eq!((net.tickets, net.never_corrected), (2, 1));
        assert_eq!(net.accuracy_pct, Some(50.0));
        let p3 = a.by_priority.iter().find(|r| r.name == "P3").unwrap();
        assert_eq!((p3.tickets, p3.never_corrected), (3, 2));
        let p1 = a.by_priority.iter().find(|r| r.name == "P1").unwrap();
        assert_eq!(p1.accuracy_pct, None);
        assert_eq!(a.by_category.len(), Category::ALL.len());

        let table = render_triage_table(&a);
        assert!(table.contains("75.0%"), "{table}");
        let csv = render_triage_csv(&a);
        assert!(csv.contains("category,network,2,1,50.0\r\n"), "{csv}");
        let json = add_triage_json("{\"overall\":{}}", &a).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["triage_accuracy"]["priority"]["never_corrected"], 3);
        let html = add_triage_html("<html><body><p>x</p></body></html>", &a);
        assert!(html.find("Triage accuracy").unwrap() < html.find("</body>").unwrap());
    }
}
