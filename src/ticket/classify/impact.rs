//! Impact → priority (labelling guide §4): who and how many are affected, whether a core
//! business stopped, whether the sender is blocked, a near deadline, a workaround or a
//! hedge ("不急", "no rush"), and what the sender's own stated urgency is worth against
//! those facts. The lexicons live in the rules file as `[[signal]]` rules; this module
//! adds what word lists cannot do: headcounts and machine or site counts written in
//! Arabic digits or Chinese numerals (二十, 三十多, 十几, 几十, 上百), and the decision
//! itself. Pure: no I/O, no clock.

use super::super::model::{Category, Priority};
use regex::Regex;
use std::sync::LazyLock;

/// How many people, machines or sites a mail says are affected, the largest of each.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// People ("三十多个同事", "all 30 of us", "about 25 people").
    pub people: Option<u32>,
    /// Machines or devices ("5台收银机", "6 machines").
    pub machines: Option<u32>,
    /// Sites, stores, offices ("三家门店", "two branches").
    pub sites: Option<u32>,
}

impl Counts {
    /// Many people (a team or more), several machines or more than one site.
    pub fn is_wide(&self) -> bool {
        self.people.is_some_and(|n| n >= WIDE_PEOPLE)
            || self.machines.is_some_and(|n| n >= WIDE_MACHINES)
            || self.sites.is_some_and(|n| n >= 2)
    }

    /// The count that made the scope wide, for the reasons ("30 people").
    pub fn describe(&self) -> Option<String> {
        if let Some(n) = self.people.filter(|n| *n >= WIDE_PEOPLE) {
            return Some(format!("{n} people"));
        }
        if let Some(n) = self.machines.filter(|n| *n >= WIDE_MACHINES) {
            return Some(format!("{n} machines"));
        }
        self.sites.filter(|n| *n >= 2).map(|n| format!("{n} sites"))
    }
}

/// A team: from this many people an outage is "many users" (guide §4, P1).
pub const WIDE_PEOPLE: u32 = 5;
/// Several machines down together (three label printers, five tills).
pub const WIDE_MACHINES: u32 = 3;

const ZH_NUM: &str =
    r"(?:上百|上千|几百|几十|数十|[\d]+|[零一二两三四五六七八九十百千几]+)\s*(?:多|来|余)?";
const EN_NUM: &str = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundreds?|a dozen|dozens|a hundred|several|a few|a couple)";

static ZH_PEOPLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({ZH_NUM})\s*(?:个|位|名)?\s*(?:人|同事|用户|员工|职员|客服|坐席|座席|工人|老师|学生|用戶|同仁|医生|护士|司机|律师|店长|[\p{{Han}}--[楼层号月日点年的个位名]]{{1,3}}员)"
    ))
    .ok()
});
static ZH_MACHINES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({ZH_NUM})\s*(?:台|部|套|把)\s*(?:[\p{{Han}}]{{0,6}}?)(?:{ZH_DEVICE})"
    ))
    .ok()
});
/// Device nouns that take a count ("四台打包称重一体机", "扫码枪，一共十二把").
const ZH_DEVICE: &str = "电脑|主机|笔记本|打印机|复印机|收银机|一体机|工控机|机器|终端|扫码枪|扫描枪|扫描仪|读卡器|显示器|平板|秤|服务器|设备|pos|POS|PDA|pda|電腦|印表機";

/// The count after the noun: "扫码枪，一共十二把", "收银机全部五台".
static ZH_MACHINES_AFTER: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{ZH_DEVICE})[^。！？!?]{{0,8}}?(?:一共|共|总共|全部|都)\s*({ZH_NUM})\s*(?:台|把|部|套)"
    ))
    .ok()
});
static ZH_SITES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({ZH_NUM})\s*(?:家|个|間|间)\s*(?:门店|分店|店|分公司|办公室|仓库|工厂|网点|門店|分行|支行)"
    ))
    .ok()
});
static EN_PEOPLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:all |about |around |over |some |nearly |almost |roughly |~)?({EN_NUM})\+?\s+(?:of us|of them|of my team|(?:of (?:our|the|my|their) )?(?:[\w-]+ )?(?:people|users|staff|colleagues|employees|agents|reps|engineers|accountants|nurses|cashiers|workers|students|teachers|members|operators|pickers|drivers|designers|developers|technicians|clerks|analysts|doctors|tellers))\b"
    ))
    .ok()
});
static EN_MACHINES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:all |about |around |at least |over )?({EN_NUM})\s+(?:of (?:our|the|my|their) )?(?:[\w-]+ )?(?:pcs|computers|machines|laptops|desktops|terminals|printers|scanners|tills|registers|workstations|devices|servers|handhelds|card readers)\b"
    ))
    .ok()
});
static EN_SITES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:all |both )?({EN_NUM})\s+(?:stores|shops|sites|branches|offices|warehouses|plants|locations)\b"
    ))
    .ok()
});

/// Counts of affected people, machines and sites named in `text`.
pub fn count_people(text: &str) -> Counts {
    let max = |res: &[&LazyLock<Option<Regex>>]| -> Option<u32> {
        let mut best: Option<u32> = None;
        for (i, re) in res.iter().enumerate() {
            let Some(re) = re.as_ref() else { continue };
            for cap in re.captures_iter(text) {
                let Some(num) = cap.get(1) else { continue };
                let n = if i != 1 {
                    zh_number(num.as_str())
                } else {
                    en_number(num.as_str())
                };
                if let Some(n) = n {
                    best = Some(best.map_or(n, |b| b.max(n)));
                }
            }
        }
        best
    };
    Counts {
        people: max(&[&ZH_PEOPLE, &EN_PEOPLE]),
        machines: max(&[&ZH_MACHINES, &EN_MACHINES, &ZH_MACHINES_AFTER]),
        sites: max(&[&ZH_SITES, &EN_SITES]),
    }
}

/// A number in Arabic digits or Chinese numerals: "25", "二十", "三十多", "十几" (13),
/// "几十" (30), "上百" (100), "两百" (200). `None` when it is not a number.
pub fn zh_number(s: &str) -> Option<u32> {
    let s = s.trim().trim_end_matches(['多', '来', '余']).trim();
    match s {
        "上百" => return Some(100),
        "上千" => return Some(1000),
        "数十" => return Some(30),
        _ => {}
    }
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    let mut total: u32 = 0;
    let mut digit: Option<u32> = None;
    let mut any = false;
    for c in s.chars() {
        let d = match c {
            '零' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            '几' => Some(3),
            _ => None,
        };
        if let Some(d) = d {
            digit = Some(d);
            any = true;
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        any = true;
        total = total.saturating_add(digit.take().unwrap_or(1).saturating_mul(unit));
    }
    any.then(|| total.saturating_add(digit.unwrap_or(0)))
}

fn en_number(s: &str) -> Option<u32> {
    let s = s.trim().to_ascii_lowercase();
    if let Ok(n) = s.parse() {
        return Some(n);
    }
    Some(match s.as_str() {
        "a couple" | "two" => 2,
        "a few" | "three" | "several" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "a dozen" => 12,
        "fifteen" => 15,
        "twenty" => 20,
        "dozens" | "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "hundred" | "hundreds" | "a hundred" => 100,
        _ => return None,
    })
}

/// The facts about one request that set its priority.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Impact {
    /// Something is broken or misbehaving.
    pub broken: bool,
    /// Scope words for many people ("整个三楼", "the whole team").
    pub scope: bool,
    /// Headcounts and machine/site counts.
    pub counts: Counts,
    /// A core business process stopped (shipping, POS, production, month-end).
    pub core: bool,
    /// Only the sender is affected ("colleagues are fine"): never P1.
    pub single: bool,
    /// The sender cannot do essential work at all.
    pub blocked: bool,
    /// A hard, near business deadline.
    pub deadline: bool,
    /// A usable workaround exists, or the sender says it can wait.
    pub workaround: bool,
    /// Cosmetic or informational; nothing impaired.
    pub cosmetic: bool,
    /// The sender calls it urgent ("紧急", "ASAP"): weighed, never decisive.
    pub stated_urgent: bool,
    /// The sender says it is not urgent ("不急", "no rush"): politeness, never lowering
    /// a priority the facts set (guide §4); only said in the reasons.
    pub hedge: bool,
}

/// Which fact set the priority (for the reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Nothing to fix: a question, wish, thanks or logistics (rule-given P4).
    NothingBroken,
    /// A how-to with a near deadline.
    TimeCriticalQuestion,
    /// Cosmetic only.
    Cosmetic,
    /// Many people, machines or sites, or a stopped core business.
    Wide,
    /// One person (or a few) blocked, or a near deadline.
    Pressure,
    /// A workaround took the pressure back.
    Workaround,
    /// The deciding rule's priority, or the default P3.
    Base,
}

impl Impact {
    /// Whether the impact is wide: scope words or counts, and not only the sender. A core
    /// business with a usable workaround ("另一台还能收") is not stopped (guide §4: P1
    /// needs breadth or a *stopped* core business), so it counts only without one.
    /// A headcount below a team ("我们这边四个人") also keeps a stopped core process a
    /// small-group matter (P2), unless machines or sites make it wide.
    pub fn wide(&self) -> bool {
        let small_group = self.counts.people.is_some_and(|n| n < WIDE_PEOPLE);
        let stopped_core = self.core && !self.workaround && !small_group;
        (self.scope || stopped_core || self.counts.is_wide()) && !self.single
    }

    /// The priority for a request of `category` whose deciding rule implies `base`.
    pub fn priority(&self, category: Category, base: Option<Priority>) -> (Priority, Why) {
        if category == Category::Request {
            // Nothing is down: a how-to is P4, a time-critical one P3.
            return if self.deadline {
                (Priority::P3, Why::TimeCriticalQuestion)
            } else {
                (Priority::P4, Why::NothingBroken)
            };
        }
        let wide = self.wide();
        if self.cosmetic && !wide && !self.blocked {
            return (Priority::P4, Why::Cosmetic);
        }
        let start = base.unwrap_or(Priority::P3);
        if start == Priority::P4 {
            // The deciding rule says nothing needs fixing (thanks, asset logistics).
            return (Priority::P4, Why::NothingBroken);
        }
        // A rule-given P3 (a phishing report nobody fell for) stays P3 however many
        // received it; an incident (P2) that spreads becomes P1.
        if wide && (start <= Priority::P2 || (self.broken && base.is_none())) {
            return (Priority::P1, Why::Wide);
        }
        // A stopped core process that is not wide (a small group, only the sender) blocks
        // the people it names: P2 (guide §4, "a key business process is blocked").
        let blocked = self.blocked || (self.core && !self.workaround);
        let pressure = i32::from(blocked) + i32::from(self.deadline) - i32::from(self.workaround);
        if pressure >= 1 && (self.broken || self.deadline) && start > Priority::P2 {
            return (Priority::P2, Why::Pressure);
        }
        if self.workaround && (blocked || self.deadline) && start > Priority::P2 {
            return (start, Why::Workaround);
        }
        (start, Why::Base)
    }
}

#[cfg(test)]
mod tests {
    //! Third-round impact detection: trade head-count nouns, counts after the noun,
    //! stopped-vs-degraded core business and small groups (tables in `classify/tests.rs`).
    use super::*;

    #[test]
    fn trade_nouns_and_counts_after_the_noun_are_counted() {
        let cases: &[(&str, Option<u32>, Option<u32>)] = &[
            ("二十多个操作员都停下来了", Some(20), None),
            ("三十来个打包员在等", Some(30), None),
            ("五楼的员工都上不了网", None, None),
            ("收银机一共六台，全部黑屏", None, Some(6)),
            ("扫描枪共两把", None, Some(2)),
            ("三台自助称重一体机不亮", None, Some(3)),
            (
                "About a dozen of our barcode scanners froze",
                None,
                Some(12),
            ),
            ("a dozen of our night-shift pickers", Some(12), None),
            ("two of the card readers", None, Some(2)),
        ];
        for (text, people, machines) in cases {
            let c = count_people(text);
            assert_eq!((c.people, c.machines), (*people, *machines), "{text}");
        }
    }

    #[test]
    fn a_core_business_with_a_workaround_or_a_small_group_is_not_wide() {
        let core = Impact {
            broken: true,
            core: true,
            ..Impact::default()
        };
        assert_eq!(core.priority(Category::Hardware, None).0, Priority::P1);
        let degraded = Impact {
            workaround: true,
            ..core
        };
        assert!(!degraded.wide());
        assert_eq!(degraded.priority(Category::Hardware, None).0, Priority::P3);
        let small = Impact {
            counts: Counts {
                people: Some(4),
                ..Counts::default()
            },
            ..core
        };
        assert!(!small.wide());
        assert_eq!(
            small.priority(Category::Hardware, None),
            (Priority::P2, Why::Pressure)
        );
        let team = Impact {
            counts: Counts {
                people: Some(12),
                ..Counts::default()
            },
            ..core
        };
        assert_eq!(team.priority(Category::Hardware, None).0, Priority::P1);
    }
}
