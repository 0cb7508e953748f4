#!/usr/bin/env python3
"""Builds tests/eval/answers-dev4/: requester replies labelled by hand BEFORE the reader saw them
(issue 12 section 4), aimed at what answers-dev..dev3 hold little of: quoting shapes of further
clients (Outlook for Mac and mobile, Gmail's wrapped attribution, QQ Mail in English, NetEase
Mail Master, Thunderbird, Yahoo, Lotus Notes, Apple Mail HTML blockquote, "-- " signatures),
hedges ("好像好了一点，但是…", "seems OK so far", "I'll check tomorrow"), "thanks" followed by a
new question, and yes-words that negate ("no more errors", "没再出现").
Run from the repo root: python3 tests/eval/answers-dev4/gen.py
Cases and options as in answers-dev3/gen.py, whose wrap, encode and build this reuses."""
import html, importlib.util, os

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("dev3gen", os.path.join(HERE, "..", "answers-dev3", "gen.py"))
dev3 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev3)
q = dev3.q


def wrap(client, fresh, orig, n, bottom=False, deep=False):
    """The clients answers-dev3 lacks; the others come from there."""
    if deep:
        orig = orig + "\n\n" + dev3.OLDER
    if client == "outlook_mac":  # no rule line, a Date: header
        return (f"{fresh}\n\nFrom: IT Service Desk <support@example.com>\nDate: Tuesday, 1 December 2026 at 10:02\n"
                f"To: Maria Gonzalez <user{n}@corp.example>\nSubject: Re: [#{n}] ticket\n\n{orig}\n"), False
    if client == "outlook_mobile":
        return (f"{fresh}\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>\n________________________________\n"
                f"From: IT Service Desk <support@example.com>\nSent: Tuesday, December 1, 2026 10:02:11 AM\n"
                f"To: Maria Gonzalez <user{n}@corp.example>\nSubject: [#{n}] ticket\n\n{orig}\n"), False
    if client == "gmail_wrap":  # the attribution wrapped before "wrote:"
        return (f"{fresh}\n\nOn Tue, Dec 1, 2026 at 10:02 AM IT Service Desk <support@example.com>\nwrote:\n\n{q(orig)}\n"), False
    if client == "gmail_zh_wrap":
        return f"{fresh}\n\nIT Service Desk <support@example.com> 于2026年12月1日周二\n10:02写道：\n\n{q(orig)}\n", False
    if client == "qq_en":  # QQ Mail with an English interface
        return (f"{fresh}\n\n\n------------------ Original ------------------\nFrom:  \"IT Service Desk\"<support@example.com>;\n"
                f"Date:  Tue, Dec 1, 2026 10:02 AM\nTo:  \"user\"<user{n}@corp.example>;\nSubject:  [#{n}] ticket\n\n{orig}\n"), False
    if client == "qq_mobile":
        return (f"{fresh}\n\n\n\n发自我的iPhone\n\n\n------------------ Original ------------------\n"
                f"From: IT Service Desk <support@example.com>\nDate: Tue,Dec 1,2026 10:02 AM\nTo: user <user{n}@corp.example>\n"
                f"Subject: Re: [#{n}] ticket\n\n{orig}\n"), False
    if client == "mailmaster":  # NetEase Mail Master on a phone
        return (f"{fresh}\n\n发自网易邮箱大师\n---- 回复的原邮件 ----\n| 发件人 | IT Service Desk<support@example.com> |\n"
                f"| 日期 | 2026年12月01日 10:02 |\n| 收件人 | user<user{n}@corp.example> |\n| 主题 | [#{n}] 工单 |\n\n{orig}\n"), False
    if client == "thunderbird":
        return f"{fresh}\n\nOn 12/1/26 10:02 AM, IT Service Desk wrote:\n{q(orig)}\n", False
    if client == "yahoo":  # the quote is not marked with ">"
        return (f"{fresh}\n\n\n\nOn Tuesday, December 1, 2026, 10:02:00 AM GMT+8, IT Service Desk <support@example.com> wrote:\n\n\n"
                f"{orig}\n"), False
    if client == "notes":  # Lotus Notes
        return (f"{fresh}\n\n\n\n-----\"IT Service Desk\" <support@example.com> wrote: -----\nTo: user{n}@corp.example\n"
                f"From: \"IT Service Desk\" <support@example.com>\nDate: 12/01/2026 10:02AM\nSubject: [#{n}] ticket\n\n{orig}\n"), False
    if client == "apple_html":  # Apple Mail, HTML only, quote in a blockquote
        fh = "".join(f"<div>{html.escape(l) or '<br>'}</div>" for l in fresh.split("\n"))
        oh = html.escape(orig).replace("\n", "<br>")
        return (f"<html><body style=\"word-wrap: break-word;\">{fh}<div><br><blockquote type=\"cite\"><div>On 1 Dec 2026, at 10:02, "
                f"IT Service Desk &lt;support@example.com&gt; wrote:</div><br><div><div>{oh}</div></div></blockquote></div></body></html>"), True
    if client == "sigdash":  # "-- " signature, then Gmail quoting
        return (f"{fresh}\n\n-- \nMaria Gonzalez | Finance | +86 21 5555 0134\n\n"
                f"On Tue, Dec 1, 2026 at 10:02 AM IT Service Desk <support@example.com> wrote:\n\n{q(orig)}\n"), False
    return dev3.wrap(client, fresh, orig, n, bottom, False)


C, S, K = "confirmation", "survey", "kb"
CASES = [
 # ---- quoting shapes of further clients, with plain answers
 (C,"confirmed","en","outlook_mac","Yes, that fixed it.","mac outlook, Date: header block",{}),
 (C,"rejected","en","outlook_mac","No - it asked for the password again this morning.","mac outlook no",{}),
 (C,"confirmed","en","outlook_mobile","Works now, thanks","outlook android footer",{}),
 (C,"unclear","en","outlook_mobile","Will look when I'm at my desk","outlook android deferral",{}),
 (C,"confirmed","en","gmail_wrap","Yes it's working again.","gmail wrapped attribution",{}),
 (C,"rejected","en","gmail_wrap","Nope, same problem.","gmail wrapped attribution no",{}),
 (C,"confirmed","zh","gmail_zh_wrap","可以了，多谢","gmail zh wrapped attribution",{}),
 (S,"rating:4","zh","gmail_zh_wrap","4分","gmail zh wrapped, rating",{}),
 (C,"confirmed","en","qq_en","Solved, thank you!","qq english ui",{"olang":"zh"}),
 (C,"rejected","zh","qq_en","还是不行","qq english ui zh no",{}),
 (C,"confirmed","zh","qq_mobile","好了","qq mobile",{}),
 (S,"rating:5","zh","qq_mobile","5","qq mobile digit",{}),
 (C,"confirmed","zh","mailmaster","已经正常了","netease mail master",{}),
 (C,"unclear","zh","mailmaster","等我回去看看","mail master deferral",{}),
 (S,"rating:3","zh","mailmaster","3分，太慢了","mail master rating",{}),
 (C,"confirmed","en","thunderbird","Confirmed - works.","thunderbird",{}),
 (K,"not_solved","en","thunderbird","Tried the article, the drive still doesn't show up.","thunderbird kb no",{}),
 (C,"confirmed","en","yahoo","Yes all fixed thank you","yahoo, quote without >",{}),
 (C,"unclear","en","yahoo","Thank you for your help.","yahoo thanks only, quote holds yes and still",{}),
 (S,"rating:5","en","yahoo","5 stars","yahoo rating",{}),
 (C,"confirmed","en","notes","Issue is resolved.","lotus notes",{}),
 (C,"unclear","en","notes","I have not been able to test yet.","lotus notes not tested",{}),
 (C,"confirmed","en","apple_html","Yes, it works. Thanks a lot!","apple mail html blockquote",{}),
 (C,"rejected","en","apple_html","Still getting the prompt.","apple mail html no",{}),
 (S,"rating:4","en","apple_html","4","apple mail html digit",{}),
 (C,"confirmed","en","sigdash","All good now.","-- signature with phone",{}),
 (S,"unclear","en","sigdash","Thanks!","-- signature thanks survey",{}),
 (C,"confirmed","zh","huawei","好啦，谢谢","huawei",{}),
 (C,"unclear","en","iphone","Thanks for the update","iphone thanks",{}),
 (K,"solved","zh","qq_mobile","按文章操作，已经好了","qq mobile kb solved",{}),
 # ---- bottom-posting and deep history
 (C,"confirmed","en","gmail","Yes, all sorted now.","bottom-posted yes",{"bottom":True}),
 (C,"rejected","en","iphone","Still not working sorry","bottom-posted no under iphone quote",{"bottom":True}),
 (C,"unclear","en","gmail","ok I'll try that","bottom-posted deferral",{"bottom":True}),
 (C,"rejected","en","outlook","No, the prompt came back after lunch.","deep history with an older yes and 5 stars",{"deep":True}),
 (C,"unclear","zh","outlook_zh","收到","deep history, ack only",{"deep":True}),
 (S,"unclear","en","outlook","Thanks, appreciated.","deep history with 5 stars, survey thanks",{"deep":True}),
 (S,"rating:3","en","outlook","3","deep history, a plain 3",{"deep":True}),
 # ---- hedges: partly better, for now, I think
 (C,"unclear","zh","wechat","好像好了一点，但是还要再观察一下","好像好了一点，但是观察",{}),
 (C,"rejected","zh","qq","好像好了一点，但是还是偶尔会弹","好像好了一点，但是还是会弹 = still wrong",{}),
 (C,"unclear","zh","qq","应该好了吧","应该…吧",{}),
 (C,"unclear","zh","163","目前还没再出现，再观察两天","目前 + 观察, gbk",{"enc":"gbk"}),
 (C,"unclear","en","outlook","Seems OK so far.","seems so far",{}),
 (C,"unclear","en","gmail","I think so?","I think so?",{}),
 (C,"unclear","en","outlook","Looks like it, but I'll know for sure tomorrow.","looks like it but tomorrow",{}),
 (C,"unclear","en","outlook","I'll check tomorrow and let you know.","check tomorrow",{}),
 (C,"unclear","en","iphone","Fingers crossed!","fingers crossed",{}),
 (C,"unclear","en","gmail","Probably fixed, I haven't seen it since.","probably",{}),
 (C,"unclear","zh","wechat","差不多吧","差不多",{}),
 (C,"unclear","zh","qq","可能好了，我再看看","可能",{}),
 (C,"unclear","en","outlook","Kind of. It's a bit better.","kind of",{}),
 (C,"rejected","en","outlook","A little better but it still freezes now and then.","better but still",{}),
 (S,"unclear","zh","qq","还没想好打几分","还没想好",{}),
 (K,"unclear","en","gmail","I'll give it a try later today.","kb later",{}),
 (K,"unclear","zh","wechat","晚上回家试试","kb 晚上试",{}),
 # ---- thanks + a new question or request
 (C,"unclear","en","outlook","Thanks! Can you also tell me how to set up my signature?","thanks + how-to question",{}),
 (C,"new_problem","en","gmail","Yes, works now, thanks. Could you also install Visio on my PC?","yes + new request",{}),
 (C,"unclear","zh","qq","谢谢！顺便问一下，打印机怎么加？","谢谢 + 顺便问",{}),
 (C,"new_problem","zh","qq","好了，谢谢。另外我的显示器一直闪","好了 + 另外 new problem",{}),
 (S,"unclear","en","outlook","Thanks. By the way, who do I ask about a new laptop?","survey thanks + question",{}),
 (S,"unclear","en","gmail","5. Quick question though - can I rate the engineer separately?","rating + question back (as dev3: the question would be lost)",{}),
 (C,"unclear","en","outlook","Thank you. Will this happen again after the next Windows update?","thanks + will it happen again",{}),
 (K,"unclear","zh","qq","谢谢，请问文章里的第三步是什么意思？","kb thanks + question",{}),
 # ---- yes-words that negate, no-words that affirm
 (C,"confirmed","en","outlook","No more errors, thanks.","no more errors",{}),
 (C,"confirmed","en","gmail","No problems since the restart.","no problems since",{}),
 (C,"confirmed","zh","qq","没再出现了，谢谢","没再出现",{}),
 (C,"confirmed","zh","qq","不再弹窗了","不再弹窗",{}),
 (C,"confirmed","zh","outlook","没有问题了","没有问题了",{}),
 (C,"confirmed","en","outlook","It still works fine today.","still works",{}),
 (C,"rejected","en","gmail","Not fixed.","not fixed",{}),
 (C,"rejected","zh","wechat","没好","没好",{}),
 (C,"rejected","zh","qq","并没有解决","并没有解决",{}),
 (C,"rejected","en","outlook","Great, still broken.","sarcasm",{}),
 (C,"unclear","en","gmail","Nope, all good","nope + all good contradict",{}),
 (C,"rejected","en","outlook","Doesn't work.","doesn't work",{}),
 (C,"unclear","en","outlook","Can't reproduce it anymore, looks fixed.","can't reproduce anymore, looks (hedge)",{}),
 # ---- voices: terse, typos, shouting, mixed language
 (C,"confirmed","en","wechat","YES!!! finally","shouting yes",{}),
 (C,"confirmed","en","wechat","yse fixed thx","typo",{}),
 (C,"confirmed","mixed","wechat","ok了 thx","mixed ok了",{}),
 (C,"rejected","mixed","qq","还是 not working","mixed no",{}),
 (C,"confirmed","mixed","outlook","已经fix了，thanks","mixed fix了",{}),
 (C,"unclear","en","wechat","?","question mark only",{}),
 (C,"unclear","en","wechat","ok","ok only",{}),
 (C,"unclear","zh","wechat","嗯","嗯 only",{}),
 (C,"confirmed","zh","wechat","嗯嗯，好了","嗯嗯好了",{}),
 (C,"rejected","en","outlook","no","no only",{}),
 (C,"confirmed","zh","wechat","是","是 only",{}),
 (C,"rejected","zh","wechat","否","否 only",{}),
 # ---- withdrawals and fixed by themselves
 (C,"confirmed","zh","qq","不用了，我自己重装了一下，已经好了","自己弄好了 = fixed",{}),
 (C,"withdrawn","en","outlook","Please close it, I no longer need the shared mailbox.","withdrawn en",{}),
 (C,"withdrawn","zh","163","这个不需要了，麻烦关闭","withdrawn zh, gbk",{"enc":"gbk"}),
 (K,"solved","en","gmail","Figured it out with the article, you can close it.","kb solved + close",{}),
 (K,"not_solved","zh","qq","文章的方法试了，不行","kb not solved zh",{}),
 (K,"unclear","en","outlook","Which article?","kb which article",{}),
 # ---- surveys in further voices
 (S,"rating:5","zh","qq","五星好评","五星好评",{}),
 (S,"rating:5","zh","wechat","满分","满分",{}),
 (S,"rating:4","en","outlook","4/5 - good but a bit slow","4/5",{}),
 (S,"rating:5","en","gmail","10/10","10/10 is the top",{}),
 (S,"rating:4","zh","qq","给4分吧","给4分",{}),
 (S,"rating:2","en","outlook","2 - took far too long","2 with comment",{}),
 (S,"rating:1","zh","163","非常不满意","非常不满意 gbk",{"enc":"gbk"}),
 (S,"rating:5","en","outlook","Very satisfied, thank you!","very satisfied",{}),
 (S,"rating:3","zh","qq","一般","一般",{}),
 (S,"unclear","en","gmail","It broke again yesterday.","survey: came back",{}),
 (S,"unclear","zh","qq","又坏了","survey: 又坏了",{}),
 (S,"unclear","en","outlook","Between 3 and 4.","between 3 and 4",{}),
 (S,"unclear","en","outlook","I'd rather not rate.","declines to rate",{}),
 (S,"rating:4","en","outlook_mac","Rating: 4","rating label, mac outlook",{}),
 (S,"rating:5","en","outlook_mobile","5 thanks","outlook mobile digit",{}),
 (S,"unclear","en","outlook","Call me at ext. 5 if you need more info.","digit in ext",{}),
 (S,"unclear","zh","qq","我在5楼，下次直接来找我","5楼",{}),
 (S,"rating:5","zh","huawei","非常满意，工程师很耐心","非常满意 + comment",{}),
 # ---- answers with signatures, disclaimers, banners in further clients
 (C,"confirmed","en","outlook_mac","Fixed, thanks.","mac + long signature with disclaimer",{"sig":"long"}),
 (C,"rejected","zh","qq_en","还是有问题","qq en + long zh signature",{"sig":"zhlong"}),
 (S,"rating:4","en","gmail_wrap","4","digit + disclaimer with rate 1-5",{"sig":"long"}),
 (C,"unclear","en","outlook_mobile","Thanks","outlook mobile + banner + thanks",{"banner":"en"}),
 (C,"confirmed","zh","mailmaster","解决了","banner zh + mail master",{"banner":"zh"}),
 (C,"unclear","en","outlook","Hi,\n\nThanks for getting back to me.\nI'm travelling this week.\nI'll check when I'm back.","greeting + deferral on line 4",{}),
 (C,"rejected","en","outlook","Hi team,\n\nThanks for the quick reply.\nI tried what you said.\nIt did not help, same error.","no on line 5",{}),
]

if __name__ == "__main__":
    dev3.build(CASES, HERE, 4000, "dev4", wrap=wrap)
