//! Renderers of a [`Report`]: aligned text, JSON, CSV and one self-contained HTML page
//! with inline SVG charts. PURE string building: every value from the data is escaped
//! for its target (HTML/SVG text, CSV fields) and the page loads nothing external.

use super::{Backlog, Group, Report, Stats};
use crate::ticket::model::Timestamp;
use std::fmt::Write as _;

/// "2026-10-01 00:00 UTC".
fn fmt_time(t: Timestamp) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| t.to_string())
}

/// "45s", "12m", "3h05m", "2d04h"; "-" when absent.
pub(super) fn fmt_dur(secs: Option<i64>) -> String {
    let Some(s) = secs else {
        return "-".to_string();
    };
    let s = s.max(0);
    match s {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m", s / 60),
        s if s < 86_400 => format!("{}h{:02}m", s / 3600, s % 3600 / 60),
        s => format!("{}d{:02}h", s / 86_400, s % 86_400 / 3600),
    }
}

fn fmt_pct(p: Option<f64>) -> String {
    p.map_or_else(|| "-".to_string(), |p| format!("{p:.1}%"))
}

fn fmt_mean(m: Option<f64>) -> String {
    m.map_or_else(|| "-".to_string(), |m| format!("{m:.2}"))
}

/// Terminal columns of a string: East Asian wide characters take two.
pub(super) fn display_width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = u32::from(c);
            let wide = matches!(u,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F300..=0x1F64F
                | 0x1F900..=0x1F9FF | 0x20000..=0x3FFFD);
            if c.is_control() {
                0
            } else if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

const COLUMNS: [&str; 19] = [
    "group", "opened", "resolved", "closed", "frt_med", "frt_p90", "ttr_med", "ttr_p90", "respond",
    "resolve", "breaches", "reopen", "fcr", "csat", "survey", "bl<4h", "bl4-24h", "bl1-3d",
    "bl>3d",
];

fn table_cells(name: &str, s: &Stats) -> Vec<String> {
    let b = s.backlog.buckets();
    let mut cells = vec![
        name.chars().filter(|c| !c.is_control()).collect(),
        s.opened.to_string(),
        s.resolved.to_string(),
        s.closed.to_string(),
        fmt_dur(s.first_response.median_secs),
        fmt_dur(s.first_response.p90_secs),
        fmt_dur(s.resolution.median_secs),
        fmt_dur(s.resolution.p90_secs),
        fmt_pct(s.respond_sla.pct),
        fmt_pct(s.resolve_sla.pct),
        s.breaches.to_string(),
        fmt_pct(s.reopen_rate_pct),
        fmt_pct(s.first_contact_resolution_pct),
        fmt_mean(s.satisfaction_mean),
        fmt_pct(s.survey_response_rate_pct),
    ];
    cells.extend(b.iter().map(u64::to_string));
    cells
}

fn text_table(out: &mut String, title: &str, rows: &[(String, &Stats)]) {
    let body: Vec<Vec<String>> = rows.iter().map(|(n, s)| table_cells(n, s)).collect();
    let mut widths: Vec<usize> = COLUMNS.iter().map(|c| display_width(c)).collect();
    for row in &body {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(display_width(cell));
        }
    }
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut l = String::new();
        for (i, (cell, w)) in cells.zip(&widths).enumerate() {
            let pad = " ".repeat(w.saturating_sub(display_width(cell)));
            if i == 0 {
                l.push_str(cell);
                l.push_str(&pad);
            } else {
                l.push_str("  ");
                l.push_str(&pad);
                l.push_str(cell);
            }
        }
        l.truncate(l.trim_end().len());
        l
    };
    let _ = writeln!(out, "{title}");
    let _ = writeln!(out, "{}", line(&mut COLUMNS.iter().copied()));
    let total: usize = widths.iter().sum::<usize>() + 2 * widths.len().saturating_sub(1);
    let _ = writeln!(out, "{}", "-".repeat(total));
    for row in &body {
        let _ = writeln!(out, "{}", line(&mut row.iter().map(String::as_str)));
    }
    out.push('\n');
}

fn group_rows(groups: &[Group]) -> Vec<(String, &Stats)> {
    groups.iter().map(|g| (g.name.clone(), &g.stats)).collect()
}

/// Aligned plain-text tables (overall, per priority, category, engineer). Durations are
/// compact (`3h05m`), percentages have one decimal, `-` means no data.
pub fn render_table(r: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Service report {} .. {}\n",
        fmt_time(r.since),
        fmt_time(r.until)
    );
    text_table(&mut out, "Overall", &[("all".to_string(), &r.overall)]);
    text_table(&mut out, "By priority", &group_rows(&r.by_priority));
    text_table(&mut out, "By category", &group_rows(&r.by_category));
    text_table(&mut out, "By engineer", &group_rows(&r.by_engineer));
    if !r.by_organisation.is_empty() {
        text_table(&mut out, "By organisation", &group_rows(&r.by_organisation));
    }
    if let Some(k) = &r.knowledge {
        out.push_str(&super::knowledge::render_text(k));
        out.push('\n');
    }
    if let Some(a) = &r.approvals {
        out.push_str(&super::approval::render_text(a));
        out.push('\n');
    }
    out.push_str(
        "frt/ttr = first-response / resolution time (median, p90 nearest rank); \
         respond/resolve = SLA attainment; fcr = first-contact resolution; bl = backlog by age at the end\n",
    );
    out
}

/// The report as pretty JSON (durations in seconds, rates in percent).
pub fn render_json(r: &Report) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(r)
}

/// One CSV field: quoted when needed, and defused against spreadsheet formulas.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// RFC 4180 CSV, one row per group, `scope` = overall | priority | category | engineer | organisation.
/// Durations in seconds, rates in percent with one decimal, empty = no data.
pub fn render_csv(r: &Report) -> String {
    let mut out = String::from(
        "scope,group,opened,resolved,closed,first_response_count,first_response_median_secs,\
         first_response_p90_secs,resolution_count,resolution_median_secs,resolution_p90_secs,\
         respond_met,respond_breached,respond_pct,resolve_met,resolve_breached,resolve_pct,\
         breaches,reopen_rate_pct,first_contact_resolution_pct,satisfaction_mean,\
         survey_response_rate_pct,backlog_under_4h,backlog_4h_24h,backlog_1d_3d,backlog_over_3d\r\n",
    );
    let opt_i = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let opt_f = |v: Option<f64>, d: usize| v.map(|v| format!("{v:.d$}")).unwrap_or_default();
    let mut row = |scope: &str, name: &str, s: &Stats| {
        let b = s.backlog.buckets();
        let fields = [
            csv_field(scope),
            csv_field(name),
            s.opened.to_string(),
            s.resolved.to_string(),
            s.closed.to_string(),
            s.first_response.count.to_string(),
            opt_i(s.first_response.median_secs),
            opt_i(s.first_response.p90_secs),
            s.resolution.count.to_string(),
            opt_i(s.resolution.median_secs),
            opt_i(s.resolution.p90_secs),
            s.respond_sla.met.to_string(),
            s.respond_sla.breached.to_string(),
            opt_f(s.respond_sla.pct, 1),
            s.resolve_sla.met.to_string(),
            s.resolve_sla.breached.to_string(),
            opt_f(s.resolve_sla.pct, 1),
            s.breaches.to_string(),
            opt_f(s.reopen_rate_pct, 1),
            opt_f(s.first_contact_resolution_pct, 1),
            opt_f(s.satisfaction_mean, 2),
            opt_f(s.survey_response_rate_pct, 1),
        ];
        out.push_str(&fields.join(","));
        for n in b {
            let _ = write!(out, ",{n}");
        }
        out.push_str("\r\n");
    };
    row("overall", "all", &r.overall);
    for (scope, groups) in [
        ("priority", &r.by_priority),
        ("category", &r.by_category),
        ("engineer", &r.by_engineer),
        ("organisation", &r.by_organisation),
    ] {
        for g in groups {
            row(scope, &g.name, &g.stats);
        }
    }
    if let Some(k) = &r.knowledge {
        out.push_str(&super::knowledge::render_csv(k, csv_field));
    }
    if let Some(a) = &r.approvals {
        out.push_str(&super::approval::render_csv(a));
    }
    out
}

/// Escape text for HTML and SVG content or a quoted attribute.
pub(crate) fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

const COLORS: [&str; 3] = ["#2563eb", "#16a34a", "#f59e0b"];

/// A horizontal bar chart: one row per label, one bar per series. `max` is the value of
/// a full-width bar; values print with `fmt`.
fn bar_chart(
    title: &str,
    series: &[&str],
    rows: &[(String, Vec<Option<f64>>)],
    max: f64,
    fmt: &dyn Fn(f64) -> String,
) -> String {
    const LABEL_W: f64 = 130.0;
    const BAR_W: f64 = 330.0;
    const BAR_H: f64 = 14.0;
    const GAP: f64 = 10.0;
    let per_row = BAR_H * series.len() as f64 + GAP;
    let top = 26.0;
    let height = top + per_row * rows.len() as f64 + 8.0;
    let width = LABEL_W + BAR_W + 70.0;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<figure class="chart"><figcaption>{}</figcaption><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0}" width="{width}" height="{height:.0}" role="img" aria-label="{}">"#,
        escape_html(title),
        escape_html(title)
    );
    for (i, name) in series.iter().enumerate() {
        let color = COLORS.get(i % COLORS.len()).copied().unwrap_or("#2563eb");
        let x = LABEL_W + i as f64 * 110.0;
        let _ = write!(
            svg,
            r#"<rect x="{x}" y="6" width="10" height="10" fill="{color}"/><text x="{:.0}" y="15" class="legend">{}</text>"#,
            x + 14.0,
            escape_html(name)
        );
    }
    let _ = write!(
        svg,
        r##"<line x1="{LABEL_W}" y1="{:.0}" x2="{LABEL_W}" y2="{:.0}" stroke="#cbd5e1"/>"##,
        top - 3.0,
        height - 6.0
    );
    let max = if max > 0.0 { max } else { 1.0 };
    for (r, (label, values)) in rows.iter().enumerate() {
        let y0 = top + r as f64 * per_row;
        let mid = y0 + BAR_H * series.len() as f64 / 2.0 + 4.0;
        let _ = write!(
            svg,
            r#"<text x="{:.0}" y="{mid:.0}" text-anchor="end" class="label">{}</text>"#,
            LABEL_W - 8.0,
            escape_html(label)
        );
        for (i, v) in values.iter().enumerate() {
            let color = COLORS.get(i % COLORS.len()).copied().unwrap_or("#2563eb");
            let y = y0 + i as f64 * BAR_H;
            let (w, text) = match v {
                Some(v) => ((v / max).clamp(0.0, 1.0) * BAR_W, fmt(*v)),
                None => (0.0, "n/a".to_string()),
            };
            let _ = write!(
                svg,
                r#"<rect x="{LABEL_W}" y="{y:.0}" width="{w:.1}" height="{:.0}" rx="2" fill="{color}"/><text x="{:.1}" y="{:.0}" class="value">{}</text>"#,
                BAR_H - 3.0,
                LABEL_W + w + 4.0,
                y + BAR_H - 4.0,
                escape_html(&text)
            );
        }
    }
    svg.push_str("</svg></figure>");
    svg
}

fn html_table(out: &mut String, title: &str, rows: &[(String, &Stats)]) {
    let _ = write!(
        out,
        "<h2>{}</h2><div class=\"scroll\"><table><thead><tr>",
        escape_html(title)
    );
    let heads = [
        "Group",
        "Opened",
        "Resolved",
        "Closed",
        "FRT median",
        "FRT p90",
        "TTR median",
        "TTR p90",
        "Respond SLA",
        "Resolve SLA",
        "Breaches",
        "Reopen",
        "FCR",
        "CSAT",
        "Survey resp.",
        "Backlog <4h",
        "4–24h",
        "1–3d",
        ">3d",
    ];
    for h in heads {
        let _ = write!(out, "<th>{}</th>", escape_html(h));
    }
    out.push_str("</tr></thead><tbody>");
    for (name, s) in rows {
        out.push_str("<tr>");
        for (i, cell) in table_cells(name, s).iter().enumerate() {
            let class = if i == 0 { "name" } else { "num" };
            let _ = write!(out, "<td class=\"{class}\">{}</td>", escape_html(cell));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
}

const CSS: &str = "
:root{--ink:#0f172a;--muted:#64748b;--line:#e2e8f0;--bg:#f8fafc;--card:#fff;--accent:#2563eb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Noto Sans','PingFang SC','Microsoft YaHei',sans-serif;color:var(--ink);background:var(--bg)}
header{background:var(--ink);color:#fff;padding:24px 32px}
header h1{margin:0 0 4px;font-size:22px;font-weight:600}
header p{margin:0;color:#cbd5e1}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin-bottom:24px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
.kpi .v{font-size:24px;font-weight:600}
.kpi .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(540px,1fr));gap:16px}
.chart{margin:0;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px;overflow-x:auto}
.chart svg{max-width:100%;height:auto}
.chart figcaption{font-weight:600;margin-bottom:6px}
.chart .label,.chart .legend{font-size:12px;fill:var(--ink)}
.chart .value{font-size:11px;fill:var(--muted)}
h2{font-size:16px;margin:28px 0 8px}
.scroll{overflow-x:auto;background:var(--card);border:1px solid var(--line);border-radius:8px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);white-space:nowrap}
th{background:#f1f5f9;text-align:right;font-weight:600;color:#334155}
th:first-child,td.name{text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tbody tr:hover{background:#f8fafc}
footer{color:var(--muted);font-size:12px;margin-top:28px}
@media print{header{background:none;color:var(--ink)}.chart,.scroll,.kpi{break-inside:avoid}}
";

/// One self-contained HTML page: KPI cards, SVG charts (SLA attainment per priority,
/// volume per category, backlog by age) and the tables. No scripts, fonts, images or
/// links to load; all data is escaped.
pub fn render_html(r: &Report) -> String {
    let o = &r.overall;
    let window = format!("{} – {}", fmt_time(r.since), fmt_time(r.until));
    let mut out = String::with_capacity(32 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\
         <title>Service report {}</title><style>{CSS}</style></head><body>\
         <header><h1>Service report</h1><p>{}</p></header><main>",
        escape_html(&window),
        escape_html(&window)
    );
    out.push_str("<section class=\"kpis\">");
    let kpis = [
        ("Opened", o.opened.to_string()),
        ("Resolved", o.resolved.to_string()),
        ("Respond SLA", fmt_pct(o.respond_sla.pct)),
        ("Resolve SLA", fmt_pct(o.resolve_sla.pct)),
        (
            "First response (median)",
            fmt_dur(o.first_response.median_secs),
        ),
        ("Resolution (median)", fmt_dur(o.resolution.median_secs)),
        ("Open backlog", o.backlog.total().to_string()),
        ("Satisfaction", fmt_mean(o.satisfaction_mean)),
    ];
    for (k, v) in kpis {
        let _ = write!(
            out,
            "<div class=\"kpi\"><div class=\"k\">{}</div><div class=\"v\">{}</div></div>",
            escape_html(k),
            escape_html(&v)
        );
    }
    out.push_str("</section><section class=\"charts\">");

    let sla_rows: Vec<(String, Vec<Option<f64>>)> = r
        .by_priority
        .iter()
        .map(|g| {
            (
                g.name.clone(),
                vec![g.stats.respond_sla.pct, g.stats.resolve_sla.pct],
            )
        })
        .collect();
    out.push_str(&bar_chart(
        "SLA attainment per priority",
        &["Respond", "Resolve"],
        &sla_rows,
        100.0,
        &|v| format!("{v:.1}%"),
    ));

    let volume_rows: Vec<(String, Vec<Option<f64>>)> = r
        .by_category
        .iter()
        .map(|g| {
            (
                g.name.clone(),
                vec![Some(g.stats.opened as f64), Some(g.stats.resolved as f64)],
            )
        })
        .collect();
    let volume_max = r
        .by_category
        .iter()
        .map(|g| g.stats.opened.max(g.stats.resolved))
        .max()
        .unwrap_or(0) as f64;
    out.push_str(&bar_chart(
        "Volume per category",
        &["Opened", "Resolved"],
        &volume_rows,
        volume_max,
        &|v| format!("{v:.0}"),
    ));

    let backlog_rows: Vec<(String, Vec<Option<f64>>)> = Backlog::LABELS
        .iter()
        .zip(o.backlog.buckets())
        .map(|(l, n)| ((*l).to_string(), vec![Some(n as f64)]))
        .collect();
    let backlog_max = o.backlog.buckets().into_iter().max().unwrap_or(0) as f64;
    out.push_str(&bar_chart(
        "Open backlog by age at the end of the window",
        &["Tickets"],
        &backlog_rows,
        backlog_max,
        &|v| format!("{v:.0}"),
    ));
    out.push_str("</section>");

    html_table(&mut out, "Overall", &[("all".to_string(), o)]);
    html_table(&mut out, "By priority", &group_rows(&r.by_priority));
    html_table(&mut out, "By category", &group_rows(&r.by_category));
    html_table(&mut out, "By engineer", &group_rows(&r.by_engineer));
    if !r.by_organisation.is_empty() {
        html_table(&mut out, "By organisation", &group_rows(&r.by_organisation));
    }
    if let Some(k) = &r.knowledge {
        out.push_str(&super::knowledge::render_html(k, escape_html));
    }
    if let Some(a) = &r.approvals {
        out.push_str(&super::approval::render_html(a));
    }
    out.push_str(
        "<footer>FRT = first-response time, TTR = resolution time (wall clock; median and \
         90th percentile by nearest rank). SLA attainment counts tickets whose deadline falls \
         in the window. FCR = resolved with at most one engineer reply and never reopened. \
         Backlog is measured at the end of the window.</footer></main></body></html>\n",
    );
    out
}
