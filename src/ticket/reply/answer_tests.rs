//! The principles added after the blind `answers-dev4` set (issue 12 §4): each case is a kind of
//! reply, not a phrase tuned for one mail. The older tables are in `tests.rs`.

use super::tests::assert_answers;
use super::*;

#[test]
fn deferrals_and_untested_fixes_are_unclear_not_rejected() {
    use Answer::*;
    use AnswerContext::*;
    assert_answers(&[
        (Confirmation, "Will look when I'm at my desk", Unclear),
        (Confirmation, "等我回去看看", Unclear),
        (Kb, "晚上回家试试", Unclear),
        (Confirmation, "I have not been able to test yet.", Unclear),
        (Confirmation, "目前还没再出现，再观察两天", Unclear),
        (Survey, "还没想好打几分", Unclear),
        (Survey, "I'd rather not rate.", Unclear),
        (
            Confirmation,
            "Can't reproduce it anymore, looks fixed.",
            Unclear,
        ),
        // A real "not able" is still a no.
        (Confirmation, "I'm still not able to log in.", Rejected),
        (
            Confirmation,
            "I haven't been able to log in since.",
            Rejected,
        ),
    ]);
}

#[test]
fn a_symptom_that_stopped_is_a_yes_and_still_works_is_one_too() {
    use Answer::*;
    use AnswerContext::*;
    assert_answers(&[
        (Confirmation, "不再弹窗了", Confirmed),
        (Confirmation, "没再出现了，谢谢", Confirmed),
        (
            Confirmation,
            "It no longer asks for the password.",
            Confirmed,
        ),
        (Confirmation, "No more errors, thanks.", Confirmed),
        (Confirmation, "It still works fine today.", Confirmed),
        (Confirmation, "Figured it out, thanks.", Confirmed),
        (
            Kb,
            "Figured it out with the article, you can close it.",
            Solved,
        ),
        (Confirmation, "已经fix了，thanks", Confirmed),
        // What stopped working is no yes; a symptom back is a no.
        (Confirmation, "It no longer works.", Unclear),
        (Confirmation, "Still not working.", Rejected),
        (Confirmation, "不再弹窗了，但是还是很慢", Rejected),
        (Confirmation, "否", Rejected),
        (Confirmation, "是否需要重启？", Unclear),
    ]);
}

#[test]
fn a_but_that_opens_a_question_asks_and_a_request_after_a_yes_is_a_new_matter() {
    use Answer::*;
    use AnswerContext::*;
    assert_answers(&[
        (
            Kb,
            "It worked, but do I have to do this every time?",
            Unclear,
        ),
        (
            Survey,
            "5. Quick question though - can I rate the engineer separately?",
            Unclear,
        ),
        (
            Confirmation,
            "It's better, but why does it still freeze?",
            Rejected,
        ),
        (
            Confirmation,
            "Yes, works now, thanks. Could you also install Visio on my PC?",
            NewProblem,
        ),
        (
            Confirmation,
            "Thanks! Can you also tell me how to set up my signature?",
            Unclear,
        ),
        (
            Confirmation,
            "Thanks! Why did it happen in the first place?",
            Unclear,
        ),
        (Confirmation, "Why is it still broken?", Rejected),
        (Confirmation, "Nope, all good", Unclear),
        (Confirmation, "No, it works now.", Unclear),
        (
            Confirmation,
            "No, it still fails. Works only on wifi.",
            Rejected,
        ),
        (Survey, "10/10", Rating(5)),
        (Survey, "Great support - 10/10", Rating(5)),
        (Survey, "8/10", Unclear),
    ]);
}
