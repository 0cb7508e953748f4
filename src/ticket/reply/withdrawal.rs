//! Requests to close or cancel a ticket ("please close", "不需要了"), vetoed by requests to keep
//! it open or complaints about it being closed. Pure.

use super::confirmation::window;
use super::scan::{scan, Hit};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ask {
    Close,
    Keep,
}

const CLOSE_PHRASES: &str = "\
    ^close|please close|pls close|plz close|kindly close|can close|could close|may close\
    |close the ticket|close this ticket|close my ticket|close the request\
    |close this request|close the case|close it|close this|^cancel|cancel the ticket\
    |cancel my request|cancel this request|never mind|nevermind|no longer needed\
    |no longer need|not needed anymore|not needed any more|no need anymore\
    |don't need it anymore|fixed it myself|solved it myself|resolved it myself\
    |sorted it myself|figured it out|withdraw|^关闭|请关闭|可关闭|麻烦关闭|关闭即可\
    |可以结束|可以关闭|帮忙关闭|帮我关闭|关闭工单|关闭此工单|关闭这个工单|关闭吧|关掉吧\
    |关了吧|关单|结单|^取消|取消工单|取消申请|撤销|撤回|不需要了|不用了|不需要处理\
    |不用处理|自行解决|自己解决了|自己搞定了|自己弄好了";

// Requests to keep it open, or complaints about it being closed, win.
const KEEP_PHRASES: &str = "\
    don't close|dont close|do not close|not close|can't close|cannot close\
    |unable to close|why|reopen|still|不要关闭|别关闭|不要关|不用关|别关|先别|先不要\
    |暂时不要|无法关闭|不能关闭|关闭不了|为什么|重新打开|还是不行|没有解决|没解决|未解决\
    |关闭了吗";

pub(super) const WITHDRAWAL_PHRASES: &[(&str, Ask)] =
    &[(CLOSE_PHRASES, Ask::Close), (KEEP_PHRASES, Ask::Keep)];

/// True when the requester asks us to close or cancel the ticket ("please close", "never mind",
/// "关闭", "不需要了", "已自行解决，关闭"). A bare "close"/"关闭"/"cancel"/"取消" counts only at
/// the start of a sentence, so "the VPN window closes" or "连接被关闭" do not; "don't close",
/// "为什么关闭" and "still …" veto it.
pub fn is_withdrawal(new_text: &str) -> bool {
    let hits: Vec<Hit<Ask>> = window(new_text)
        .iter()
        .flat_map(|line| scan(line, WITHDRAWAL_PHRASES))
        .collect();
    !hits.iter().any(|h| h.kind == Ask::Keep) && hits.iter().any(|h| h.kind == Ask::Close)
}
