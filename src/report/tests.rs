use super::render::escape_html;
use super::*;

const H: i64 = 3600;
const D: i64 = 86_400;
/// Window start; the window is one week.
const S: Timestamp = 1_790_000_000;
const U: Timestamp = S + 7 * D;

pub(super) fn fact(
    number: u64,
    priority: Priority,
    category: Category,
    who: Option<&str>,
) -> TicketFacts {
    TicketFacts {
        number,
        priority,
        category,
        assignee: who.map(String::from),
        created_at: S,
        first_response_at: None,
        resolved_at: None,
        closed_at: None,
        status: Status::Open,
        respond_by: None,
        resolve_by: None,
        reopen_count: 0,
        engineer_public_replies_before_resolve: 0,
        rating: None,
        survey_sent: false,
    }
}

/// The small history the expected numbers below were worked out from by hand.
fn history() -> Vec<TicketFacts> {
    use Category::*;
    use Priority::*;
    let mut v = Vec::new();
    // #1 P1: answered in 10 min, resolved in 1 h, both in time, one reply, rated 5.
    let mut t = fact(1, P1, Network, Some("alice"));
    t.created_at = S + H;
    t.first_response_at = Some(S + H + 600);
    t.resolved_at = Some(S + 2 * H);
    t.closed_at = Some(S + 3 * H);
    t.status = Status::Closed;
    t.respond_by = Some(S + H + 900);
    t.resolve_by = Some(S + 3 * H);
    t.engineer_public_replies_before_resolve = 1;
    t.rating = Some(5);
    t.survey_sent = true;
    v.push(t);
    // #2 P1: answered in 30 min and resolved in 4 h, both late; reopened once; rated 2.
    let mut t = fact(2, P1, Network, Some("bob"));
    t.created_at = S + 2 * H;
    t.first_response_at = Some(S + 2 * H + 1800);
    t.resolved_at = Some(S + 6 * H);
    t.status = Status::Resolved;
    t.respond_by = Some(S + 2 * H + 900);
    t.resolve_by = Some(S + 4 * H);
    t.reopen_count = 1;
    t.engineer_public_replies_before_resolve = 3;
    t.rating = Some(2);
    t.survey_sent = true;
    v.push(t);
    // #3 P2: answered in 20 min, resolved in 3 h, in time; two replies; survey unanswered.
    let mut t = fact(3, P2, Software, Some("alice"));
    t.created_at = S + D;
    t.first_response_at = Some(S + D + 1200);
    t.resolved_at = Some(S + D + 3 * H);
    t.status = Status::Resolved;
    t.respond_by = Some(S + D + 1800);
    t.resolve_by = Some(S + D + 4 * H);
    t.engineer_public_replies_before_resolve = 2;
    t.survey_sent = true;
    v.push(t);
    // #4 P3 unassigned: never answered, both deadlines passed inside the window; 24 h old.
    let mut t = fact(4, P3, Hardware, None);
    t.created_at = S + 6 * D;
    t.respond_by = Some(S + 6 * D + 2 * H);
    t.resolve_by = Some(S + 6 * D + 8 * H);
    v.push(t);
    // #5 P4: 1 h old, answered; deadlines fall after the window, so not counted yet.
    let mut t = fact(5, P4, Account, Some("bob"));
    t.created_at = U - H;
    t.first_response_at = Some(U - 1800);
    t.respond_by = Some(U + 3 * H);
    t.resolve_by = Some(U + 23 * H);
    v.push(t);
    // #6 P3: opened 5 days before the window and still waiting: only in the backlog.
    let mut t = fact(6, P3, Software, Some("alice"));
    t.created_at = S - 5 * D;
    t.first_response_at = Some(S - 5 * D + H);
    t.status = Status::Waiting;
    t.respond_by = Some(S - 5 * D + 2 * H);
    t.resolve_by = Some(S - 4 * D);
    v.push(t);
    // #7 P2: opened the day before, resolved (26 h) and closed inside; one reply, no survey.
    let mut t = fact(7, P2, Request, Some("carol"));
    t.created_at = S - D;
    t.first_response_at = Some(S - D + 600);
    t.resolved_at = Some(S + 2 * H);
    t.closed_at = Some(S + D);
    t.status = Status::Closed;
    t.respond_by = Some(S - D + 1800);
    t.resolve_by = Some(S - D + 4 * H);
    t.engineer_public_replies_before_resolve = 1;
    v.push(t);
    // #8: opened after the window: invisible.
    let mut t = fact(8, P1, Network, Some("alice"));
    t.created_at = U + H;
    v.push(t);
    v
}

fn group<'a>(groups: &'a [Group], name: &str) -> &'a Stats {
    &groups.iter().find(|g| g.name == name).unwrap().stats
}

fn approx(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn nearest_rank_percentiles() {
    let ten: Vec<i64> = (1..=10).collect();
    let cases: [(&[i64], u32, Option<i64>); 8] = [
        (&ten, 50, Some(5)),
        (&ten, 90, Some(9)),
        (&ten, 91, Some(10)),
        (&ten, 100, Some(10)),
        (&ten, 0, Some(1)),
        (&[7], 90, Some(7)),
        (&[1, 2, 3, 4], 50, Some(2)), // even count: the lower middle value
        (&[], 50, None),
    ];
    for (values, p, want) in cases {
        assert_eq!(percentile(values, p), want, "p{p} of {values:?}");
    }
}

#[test]
fn overall_numbers_match_the_hand_computation() {
    let r = build_report(&history(), S, U);
    let o = &r.overall;
    assert_eq!((o.opened, o.resolved, o.closed), (5, 4, 2));
    // First responses in the window: 600, 1200, 1800, 1800.
    assert_eq!(
        o.first_response,
        TimeStats {
            count: 4,
            median_secs: Some(1200),
            p90_secs: Some(1800)
        }
    );
    // Resolutions in the window: 3600, 10800, 14400, 93600.
    assert_eq!(
        o.resolution,
        TimeStats {
            count: 4,
            median_secs: Some(10_800),
            p90_secs: Some(93_600)
        }
    );
    assert_eq!((o.respond_sla.met, o.respond_sla.breached), (2, 2));
    assert_eq!((o.resolve_sla.met, o.resolve_sla.breached), (2, 2));
    assert!(approx(o.respond_sla.pct, 50.0) && approx(o.resolve_sla.pct, 50.0));
    assert_eq!(o.breaches, 4);
    assert!(approx(o.reopen_rate_pct, 25.0));
    assert!(approx(o.first_contact_resolution_pct, 50.0));
    assert!(approx(o.satisfaction_mean, 3.5));
    assert!(approx(o.survey_response_rate_pct, 200.0 / 3.0));
    assert_eq!(
        o.backlog,
        Backlog {
            under_4h: 1,
            from_4h_to_24h: 0,
            from_1d_to_3d: 1,
            over_3d: 1
        }
    );
}

#[test]
fn group_numbers_match_the_hand_computation() {
    let r = build_report(&history(), S, U);
    let names = |g: &[Group]| g.iter().map(|g| g.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&r.by_priority), ["P1", "P2", "P3", "P4"]);
    assert_eq!(names(&r.by_category).len(), Category::ALL.len());
    assert_eq!(names(&r.by_engineer), ["alice", "bob", "carol", UNASSIGNED]);

    let p1 = group(&r.by_priority, "P1");
    assert_eq!((p1.opened, p1.resolved, p1.closed), (2, 2, 1));
    assert_eq!(p1.first_response.median_secs, Some(600));
    assert_eq!(p1.first_response.p90_secs, Some(1800));
    assert!(approx(p1.respond_sla.pct, 50.0));

    let p2 = group(&r.by_priority, "P2");
    assert_eq!((p2.opened, p2.resolved, p2.closed), (1, 2, 1));
    assert_eq!(
        (p2.resolution.median_secs, p2.resolution.p90_secs),
        (Some(10_800), Some(93_600))
    );
    assert!(approx(p2.first_contact_resolution_pct, 50.0));

    let p3 = group(&r.by_priority, "P3");
    assert!(approx(p3.respond_sla.pct, 0.0));
    assert_eq!((p3.backlog.from_1d_to_3d, p3.backlog.over_3d), (1, 1));

    let p4 = group(&r.by_priority, "P4");
    assert_eq!(p4.respond_sla.pct, None, "deadline after the window");
    assert_eq!(p4.backlog.under_4h, 1);

    let alice = group(&r.by_engineer, "alice");
    assert_eq!((alice.opened, alice.resolved), (2, 2));
    assert!(approx(alice.first_contact_resolution_pct, 50.0));
    assert_eq!(alice.backlog.over_3d, 1);
    let nobody = group(&r.by_engineer, UNASSIGNED);
    assert_eq!((nobody.opened, nobody.breaches), (1, 2));

    let network = group(&r.by_category, "network");
    assert_eq!(network.opened, 2);
    assert_eq!(group(&r.by_category, "other").opened, 0);
}

#[test]
fn facts_after_until_are_not_known_yet() {
    // Responded one hour after the window ends, deadline inside: a breach at `until`.
    let mut t = fact(1, Priority::P2, Category::Other, None);
    t.created_at = U - H;
    t.respond_by = Some(U - 1800);
    t.first_response_at = Some(U + H);
    t.resolved_at = Some(U + 2 * H);
    let r = build_report(&[t], S, U);
    assert_eq!(r.overall.respond_sla.breached, 1);
    assert_eq!(r.overall.first_response.count, 0);
    assert_eq!(r.overall.resolved, 0);
    assert_eq!(r.overall.backlog.under_4h, 1);
}

#[test]
fn empty_history_gives_zeros_and_no_rates() {
    let r = build_report(&[], S, U);
    assert_eq!(r.overall.opened, 0);
    assert_eq!(r.overall.first_response.median_secs, None);
    assert_eq!(r.overall.respond_sla.pct, None);
    assert!(r.by_engineer.is_empty());
    assert_eq!(r.by_priority.len(), 4);
    // Every renderer copes with nothing.
    assert!(render_table(&r).contains("By engineer"));
    assert!(render_html(&r).contains("n/a"));
    assert_eq!(
        render_csv(&r).lines().count(),
        1 + 1 + 4 + Category::ALL.len()
    );
}

/// Deterministic pseudo-random numbers (64-bit LCG), so the big test needs no crate.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

#[test]
fn hundred_thousand_tickets_in_one_pass() {
    let mut rng = Lcg(42);
    let engineers: Vec<String> = (0..40).map(|i| format!("eng{i:02}")).collect();
    let facts: Vec<TicketFacts> = (0..100_000u64)
        .map(|n| {
            let p = Priority::ALL[rng.next(4) as usize];
            let c = Category::ALL[rng.next(6) as usize];
            let who = (rng.next(10) > 0).then(|| engineers[rng.next(40) as usize].as_str());
            let mut t = fact(n, p, c, who);
            t.created_at = S - 3 * D + rng.next(10 * D as u64) as i64;
            let respond = 60 + rng.next(4 * H as u64) as i64;
            t.respond_by = Some(t.created_at + 2 * H);
            t.resolve_by = Some(t.created_at + 8 * H);
            if rng.next(10) > 0 {
                t.first_response_at = Some(t.created_at + respond);
            }
            if rng.next(10) > 2 {
                t.resolved_at = Some(t.created_at + respond + rng.next(30 * H as u64) as i64);
                t.reopen_count = u32::from(rng.next(20) == 0);
                t.engineer_public_replies_before_resolve = rng.next(4) as u32;
                t.survey_sent = true;
                t.rating = (rng.next(3) == 0).then(|| 1 + rng.next(5) as u8);
            }
            t
        })
        .collect();
    let started = std::time::Instant::now();
    let r = build_report(&facts, S, U);
    let elapsed = started.elapsed();
    println!("build_report over 100000 tickets: {elapsed:?}");
    let sum = |g: &[Group]| g.iter().map(|g| g.stats.opened).sum::<u64>();
    assert_eq!(sum(&r.by_priority), r.overall.opened);
    assert_eq!(sum(&r.by_category), r.overall.opened);
    assert_eq!(sum(&r.by_engineer), r.overall.opened);
    assert!(r.overall.opened > 50_000);
    assert_eq!(r.by_engineer.len(), 41);
    let started = std::time::Instant::now();
    let html = render_html(&r);
    println!("render_html: {:?}, {} bytes", started.elapsed(), html.len());
}

fn tricky_history() -> Vec<TicketFacts> {
    let mut v = history();
    v[0].assignee = Some("<script>alert('x')</script> & co".into());
    v[1].assignee = Some("张伟".into());
    v[2].assignee = Some("=HYPERLINK(\"http://evil\"),x".into());
    v
}

#[test]
fn table_columns_line_up_with_wide_names() {
    let text = render_table(&build_report(&tricky_history(), S, U));
    assert!(text.contains("张伟"));
    for section in text.split("\n\n").filter(|s| s.contains("----")) {
        let widths: Vec<usize> = section
            .lines()
            .skip(1) // title
            .map(render::display_width)
            .collect();
        assert!(
            widths.windows(2).all(|w| w[0] == w[1]),
            "{section}\n{widths:?}"
        );
    }
}

#[test]
fn json_round_trips() {
    let r = build_report(&history(), S, U);
    let json = render_json(&r).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["overall"]["opened"], 5);
    assert_eq!(v["by_priority"][0]["name"], "P1");
}

#[test]
fn csv_quotes_and_defuses_fields() {
    let csv = render_csv(&build_report(&tricky_history(), S, U));
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 1 + 4 + Category::ALL.len() + 7);
    let columns = lines[0].split(',').count();
    assert_eq!(columns, 26);
    assert!(lines[1].starts_with("overall,all,5,4,2,4,1200,1800,4,10800,93600,2,2,50.0,"));
    assert!(
        csv.contains("engineer,\"'=HYPERLINK(\"\"http://evil\"\"),x\","),
        "{csv}"
    );
    assert!(csv.contains("engineer,张伟,"));
}

#[test]
fn html_is_self_contained_and_escaped() {
    let html = render_html(&build_report(&tricky_history(), S, U));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<svg").count(), 3);
    assert!(html.contains("SLA attainment per priority"));
    assert!(!html.contains("<script"), "data must be escaped");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"));
    for external in ["src=", "href=", "@import", "url(", "<link", "<img"] {
        assert!(!html.contains(external), "{external}");
    }
    // The only URL is the SVG namespace, which browsers never fetch.
    let urls = html.matches("http://").count();
    let namespaces = html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count();
    assert_eq!(urls, namespaces + 1, "plus the escaped CSV-attack name");
}

#[test]
fn escape_html_covers_the_five_characters() {
    assert_eq!(
        escape_html(r#"<a href="x">'&'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
    );
}
