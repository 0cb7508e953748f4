#!/usr/bin/env python3
"""Builds tests/eval/answers-dev2/: 129 requester replies, labelled by hand BEFORE the reader
saw them (issue 12 section 4). Run from the repo root: python3 tests/eval/answers-dev2/gen.py
(answers-dev3/gen.py imports original, wrap and encode from here.)
Each case: (context, expected label, lang, client, fresh text, notes, options)."""
import base64, html, os, quopri

OUT = os.path.dirname(os.path.abspath(__file__))
SUBJ = {"confirmation": "Outlook keeps asking for password", "survey": "VPN drops at home", "kb": "Cannot map network drive"}

def original(ctx, lang, n):
    s = SUBJ[ctx]
    if ctx == "confirmation" and lang != "zh":
        return (f"Hello,\n\nWe believe your ticket #{n} (\"{s}\") is resolved.\n\nSolution:\nReset the credential cache.\n\n"
                "Is it fixed? Please reply \"yes\" (是 / 已解决) if it is, or tell us what is\nstill wrong and we will keep working on it. "
                "Without an answer the ticket\ncloses by itself in 3 days.\n\nIT Service Desk")
    if ctx == "confirmation":
        return (f"您好：\n\n您的工单 #{n}“{s}”已处理完毕。\n\n解决方案：\n已清除凭据缓存。\n\n问题解决了吗？如已解决，请回复“是”或“已解决”（yes）；"
                "如仍有问题，请直接告诉我们\n哪里还不对，我们会继续处理。若 3 天 内未收到回复，工单将自动关闭。\n\nIT 服务台")
    if ctx == "survey" and lang != "zh":
        return (f"Hello,\n\nThank you for confirming: ticket #{n} (\"{s}\") is closed.\n\nHow satisfied are you with the service? "
                "Reply with a number from 1 to 5\n(5 = very satisfied, 1 = very dissatisfied), stars (★★★★★) or words, and\nany comment you like.\n\n"
                "If the problem comes back, just reply to this mail.\n\nIT Service Desk")
    if ctx == "survey":
        return (f"您好：\n\n感谢您的确认，工单 #{n}“{s}”已关闭。\n\n您对本次服务满意吗？请回复 1 到 5 的数字（5 = 非常满意，1 = 非常不满意），\n"
                "也可以用星级（★★★★★）或文字（如“非常满意”），并附上您的意见。\n\n如果问题再次出现，直接回复本邮件即可。\n\nIT 服务台")
    return (f"Hello,\n\nWhile an engineer looks at ticket #{n} (\"{s}\"), this article may already help:\n\"Use the full UNC path and re-enter your password.\"\n\n"
            "If it solved your problem, reply \"solved\" and we close the ticket. Otherwise\njust wait: the engineer is on it.\n\nIT Service Desk")

def q(t):
    return "\n".join(("> " + l) if l else ">" for l in t.split("\n"))

OLDER = ("________________________________\nFrom: Maria Gonzalez <user@corp.example>\nSent: Monday, November 30, 2026 4:10 PM\n"
         "To: IT Service Desk <support@example.com>\nSubject: RE: earlier answer\n\nYes, it works now, thanks! 5 stars.\n\n"
         "________________________________\nFrom: IT Service Desk <support@example.com>\nSent: Monday, November 30, 2026 9:00 AM\n\n"
         "Is it fixed? Please reply \"yes\" (是 / 已解决). 请回复 是/否. Please rate 1-5.")

SIGS = {
    "en": "Best regards,\nMaria Gonzalez\nFinance | Tel +86 21 5555 0134 | Ext. 4\nRoom 3-405, Building 5",
    "zh": "王芳\n财务部 3楼\n电话：021-5555 0134 分机 5\n手机：138 0013 8000",
    "disc": "Best regards,\nTom Lee\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential. If you received it in error, "
            "please (1) notify the sender and (2) delete it. Ref 4/5.",
}

def wrap(client, fresh, orig, n, bottom=False, deep=False):
    """Return (body text or html, is_html)."""
    if deep:
        orig = orig + "\n\n" + OLDER
    hdr_en = f"From: IT Service Desk <support@example.com>\nSent: Tuesday, December 1, 2026 10:02 AM\nTo: Requester <user@corp.example>\nSubject: [#{n}] ticket"
    if client == "outlook":
        return f"{fresh}\n\n________________________________\n{hdr_en}\n\n{orig}\n", False
    if client == "outlook_zh":
        return (f"{fresh}\n\n________________________________\n发件人: IT Service Desk <support@example.com>\n发送时间: 2026年12月1日 10:02\n"
                f"收件人: user@corp.example\n主题: [#{n}] 工单\n\n{orig}\n"), False
    if client in ("outlook_html", "qq_html"):
        fh = "".join(f"<div>{html.escape(l) or '<br>'}</div>" for l in fresh.split("\n"))
        oh = html.escape(orig).replace("\n", "<br>")
        if client == "outlook_html":
            return (f"<html><head><style>p.MsoNormal{{margin:0}}</style></head><body><div dir=\"ltr\">{fh}</div>"
                    f"<div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\"><div id=\"divRplyFwdMsg\" dir=\"ltr\">"
                    f"<font face=\"Calibri\"><b>From:</b> IT Service Desk &lt;support@example.com&gt;<br><b>Sent:</b> Tuesday, December 1, 2026 10:02 AM"
                    f"<br><b>Subject:</b> [#{n}] ticket</font><div>&nbsp;</div></div><div>{oh}</div></body></html>"), True
        return (f"<html><body><div>{fh}</div><div><br></div><div style=\"font-size:12px\">------------------&nbsp;原始邮件&nbsp;------------------</div>"
                f"<div><b>发件人:</b>&nbsp;\"IT Service Desk\"&lt;support@example.com&gt;;<br><b>发送时间:</b>&nbsp;2026年12月1日(星期二) 上午10:02</div>"
                f"<div>{oh}</div></body></html>"), True
    if client == "gmail":
        if bottom:
            return f"On Tue, Dec 1, 2026 at 10:02 AM IT Service Desk <support@example.com> wrote:\n\n{q(orig)}\n\n{fresh}\n", False
        return f"{fresh}\n\nOn Tue, Dec 1, 2026 at 10:02 AM IT Service Desk <support@example.com> wrote:\n\n{q(orig)}\n", False
    if client == "gmail_zh":
        return f"{fresh}\n\nIT Service Desk <support@example.com> 于2026年12月1日周二 10:02写道：\n\n{q(orig)}\n", False
    if client == "qq":
        return (f"{fresh}\n\n\n------------------ 原始邮件 ------------------\n发件人: \"IT Service Desk\"<support@example.com>;\n"
                f"发送时间: 2026年12月1日(星期二) 上午10:02\n收件人: \"user\"<user@corp.example>;\n主题: [#{n}] 工单\n\n{orig}\n"), False
    if client == "foxmail":
        return (f"{fresh}\n\n\n\nuser@corp.example\n \n发件人： IT Service Desk\n发送时间： 2026-12-01 10:02\n收件人： user\n主题： [#{n}] 工单\n{orig}\n"), False
    if client == "163":
        return f"{fresh}\n\n在 2026-12-01 10:02:00，\"IT Service Desk\" <support@example.com> 写道：\n{q(orig)}\n", False
    if client == "iphone":
        if bottom:
            return f"> On 1 Dec 2026, at 10:02, IT Service Desk <support@example.com> wrote:\n>\n{q(orig)}\n\n{fresh}\n\nSent from my iPhone\n", False
        return f"{fresh}\n\nSent from my iPhone\n\n> On 1 Dec 2026, at 10:02, IT Service Desk <support@example.com> wrote:\n>\n{q(orig)}\n", False
    if client == "iphone_zh":
        return f"{fresh}\n\n发自我的iPhone\n\n> 在 2026年12月1日，10:02，IT Service Desk <support@example.com> 写道：\n>\n{q(orig)}\n", False
    if client == "android":
        return (f"{fresh}\n\nSent from my Galaxy\n\n\n-------- Original message --------\nFrom: IT Service Desk <support@example.com>\n"
                f"Date: 12/1/26 10:02 (GMT+08:00)\nTo: user@corp.example\nSubject: [#{n}] ticket\n\n{orig}\n"), False
    if client == "huawei":
        return (f"{fresh}\n\n发自我的华为手机\n\n\n-------- 原始邮件 --------\n发件人： IT Service Desk <support@example.com>\n"
                f"日期： 2026年12月1日周二 10:02\n收件人： user@corp.example\n主题： [#{n}] 工单\n\n{orig}\n"), False
    if client == "wechat":  # short answer typed on a phone, nothing quoted
        return f"{fresh}\n", False
    raise ValueError(client)

C, S, K = "confirmation", "survey", "kb"
CASES = [
 # ---- confirmation: confirmed
 (C,"confirmed","en","outlook","Yes, all good now. Thank you!","plain yes, signature with phone digits",{"sig":"en"}),
 (C,"confirmed","en","gmail","It's working now, thanks a lot.","works now",{}),
 (C,"confirmed","zh","qq","好了，谢谢！","qq short yes",{}),
 (C,"confirmed","zh","wechat","嗯嗯 好了","wechat style, nothing quoted",{}),
 (C,"confirmed","en","iphone","Yep fixed 👍","emoji yes",{}),
 (C,"confirmed","zh","163","已解决，谢谢你们","163 gbk",{"enc":"gbk"}),
 (C,"confirmed","zh","foxmail","是的，可以正常登录了。","foxmail full-width colons",{}),
 (C,"confirmed","zh","huawei","是","bare 是",{}),
 (C,"confirmed","en","android","Confirmed, Outlook no longer asks for the password.","android, no longer",{}),
 (C,"confirmed","en","outlook_html","Yes - it's resolved. Please close the ticket.","html-only, disclaimer",{"sig":"disc"}),
 (C,"confirmed","zh","outlook","問題已經解決了，辛苦了","traditional, big5",{"enc":"big5"}),
 (C,"confirmed","mixed","gmail_zh","OK了，thanks","mixed zh/en",{}),
 (C,"confirmed","en","gmail","Yes, fixed.","bottom-posted",{"bottom":True}),
 (C,"confirmed","zh","iphone_zh","解决了 谢谢","iphone zh",{}),
 (C,"confirmed","en","outlook","Works perfectly since this morning. Many thanks,\nMaria","works perfectly",{}),
 (C,"confirmed","zh","qq_html","好的，已经恢复正常了","qq html-only",{}),
 (C,"confirmed","en","outlook","Yes, tested on Win 10 and Win 11 - both fine now.","yes with Win 10 digits",{}),
 (C,"confirmed","zh","163","可以了，3楼的电脑已经能用了","3楼 digit, gbk",{"enc":"gbk"}),
 (C,"confirmed","en","gmail","All sorted, cheers!","idiom",{}),
 (C,"confirmed","zh","android","是的 已解决","base64 body",{"enc":"b64"}),
 (C,"confirmed","en","wechat","fixed thx","terse",{}),
 (C,"confirmed","mixed","foxmail","yes 已经好了","mixed",{}),
 (C,"confirmed","en","gmail","Thank you, it is working again.","working again",{"enc":"qp"}),
 (C,"confirmed","zh","qq","没问题了，谢谢","没问题了 (negation that means yes)",{"sig":"zh"}),
 (C,"confirmed","en","outlook","No more password prompts, thanks!","no more = fixed",{}),
 # ---- confirmation: rejected
 (C,"rejected","en","outlook","No, it still asks for the password every hour.","still",{}),
 (C,"rejected","zh","qq","没有，还是弹密码框","还是",{}),
 (C,"rejected","en","gmail","Unfortunately not - same error 0x80070005 this morning at 9:15.","error code and time",{}),
 (C,"rejected","en","iphone","Nope. Still broken.","nope",{}),
 (C,"rejected","zh","163","还是不行，今天早上8点又弹出来了","gbk, time digit",{"enc":"gbk"}),
 (C,"rejected","zh","huawei","没解决，问题依旧","没解决",{}),
 (C,"rejected","en","outlook_html","It is not fixed. The prompt still comes back on Win 10.","html-only",{}),
 (C,"rejected","zh","gmail_zh","不是，还是老样子","老样子",{}),
 (C,"rejected","en","outlook","Oh great, \"resolved\". It came back five minutes after you closed it.","sarcasm with complaint",{}),
 (C,"rejected","zh","wechat","又坏了","wechat short no",{}),
 (C,"rejected","en","android","No. The ticket says resolved but I still cannot log in.","quotes our word resolved",{}),
 (C,"rejected","zh","foxmail","并没有解决，3楼还是连不上","并没有",{}),
 (C,"rejected","zh","outlook","問題仍然存在，請再看一下。","big5",{"enc":"big5"}),
 (C,"rejected","en","gmail","Still happening, sorry.","bottom-posted no",{"bottom":True}),
 (C,"rejected","en","outlook","Not really, it worked for an hour and then stopped again.","not really",{}),
 (C,"rejected","zh","iphone_zh","不行啊，还是报错","不行啊",{}),
 (C,"rejected","zh","qq","你们说解决了？根本没好","rhetorical",{}),
 (C,"rejected","en","outlook","It broke again, sorry.","deep quoted history with an older yes and 5 stars",{"deep":True}),
 (C,"rejected","zh","qq","还是不行","deep history, gbk base64",{"deep":True,"enc":"gbk_b64"}),
 # ---- confirmation: unclear
 (C,"unclear","en","outlook","I think so? I haven't had a chance to test it yet.","hedged",{}),
 (C,"unclear","en","gmail","Will check tomorrow and let you know.","deferral",{}),
 (C,"unclear","zh","qq","我明天试一下再告诉你","deferral zh",{}),
 (C,"unclear","zh","163","好像好了，但是不确定，再观察两天","hedged gbk",{"enc":"gbk"}),
 (C,"unclear","en","iphone","Maybe. It seems better but I'm not sure.","maybe",{}),
 (C,"unclear","en","outlook","If the restart fixed it then yes, but I can't tell until Monday.","conditional",{}),
 (C,"unclear","en","gmail","What exactly did you change?","question",{}),
 (C,"unclear","zh","wechat","？","bare question mark",{}),
 (C,"unclear","zh","huawei","收到","acknowledgement only",{}),
 (C,"unclear","en","outlook","Thanks for the update.","thanks only",{"sig":"en"}),
 (C,"unclear","en","gmail","Yeah, sure, \"fixed\".","sarcasm without detail",{}),
 (C,"unclear","en","outlook","The printer ticket (#2040) is fine. Not sure about this one yet.","answer for a different ticket",{}),
 (C,"unclear","zh","qq","上次那个工单已经好了，这个还没试","different ticket zh",{}),
 (C,"unclear","zh","foxmail","是不是要重启一下电脑？","question with 是",{}),
 (C,"unclear","en","android","I am out of the office until 14 Dec and will reply when I am back.","out of office",{}),
 (C,"unclear","en","outlook_html","Hard to say, it only happens sometimes.","hard to say",{}),
 (C,"unclear","mixed","gmail_zh","应该OK吧，not 100% sure","hedged mixed",{}),
 (C,"unclear","zh","163","不知道，我同事在用这台电脑","don't know gbk",{"enc":"gbk"}),
 (C,"unclear","en","outlook","Yes and no - it works on my laptop but not on the desktop.","mixed yes/no",{}),
 (C,"unclear","zh","wechat","1","bare digit in confirmation",{}),
 (C,"unclear","en","iphone","Not sure yet, ask me on Friday.","not sure",{}),
 # ---- confirmation: new_problem
 (C,"new_problem","en","outlook","Yes, Outlook works now, thanks. Also, my monitor started flickering yesterday.","yes + also",{}),
 (C,"new_problem","zh","qq","密码框不弹了，另外我的打印机也连不上了","另外",{}),
 (C,"new_problem","en","gmail","Fixed, thank you! One more thing: Teams won't start since the update.","one more thing",{}),
 (C,"new_problem","zh","163","这个问题解决了。不过现在outlook一直闪退","不过现在, gbk",{"enc":"gbk"}),
 # ---- confirmation: withdrawn
 (C,"withdrawn","en","outlook","Please close this, I got a new laptop so it doesn't matter anymore.","please close",{}),
 (C,"withdrawn","zh","qq","不用了，取消吧，我已经换电脑了","取消",{}),
 (C,"withdrawn","en","gmail","Never mind, we are replacing the PC anyway. You can close the ticket.","never mind",{}),
 # ---- survey: ratings
 (S,"rating:5","en","iphone","5","bare digit",{}),
 (S,"rating:4","en","outlook","4 - quick fix, but I waited two days for a reply.","digit with comment",{}),
 (S,"rating:5","zh","qq","5分，非常感谢","5分",{}),
 (S,"rating:4","en","gmail","★★★★☆","stars",{}),
 (S,"rating:5","en","outlook_html","⭐⭐⭐⭐⭐ great job","emoji stars html",{}),
 (S,"rating:4","zh","163","满意","word 满意 gbk",{"enc":"gbk"}),
 (S,"rating:5","zh","wechat","非常满意","word 非常满意",{}),
 (S,"rating:3","zh","huawei","3星，速度有点慢","3星 with comment",{}),
 (S,"rating:4","en","gmail","I'd give it a 4 out of 5.","4 out of 5",{}),
 (S,"rating:2","en","outlook","Rating: 2. Took a week and three reminders.","label + comment with 'three'",{}),
 (S,"rating:2","zh","foxmail","不满意，拖了一个星期","不满意",{}),
 (S,"rating:5","en","android","Very satisfied, thank you Tom!","very satisfied",{}),
 (S,"rating:5","mixed","gmail_zh","5/5 服务很好","5/5 mixed",{}),
 (S,"rating:5","en","outlook","Excellent service.","excellent",{}),
 (S,"rating:3","zh","qq","一般","一般",{}),
 (S,"rating:1","zh","iphone_zh","很差，三天才回复","很差",{}),
 (S,"rating:1","en","outlook","1 - nobody called me back.","1 with comment",{}),
 (S,"rating:4","en","gmail","4","bottom-posted digit",{"bottom":True}),
 (S,"rating:3","en","outlook","3","digit + signature with Ext. 4",{"sig":"en"}),
 (S,"rating:5","zh","qq","给5分","给5分 + zh signature digits",{"sig":"zh"}),
 (S,"rating:4","zh","163","评分：4","评分 gbk",{"enc":"gbk"}),
 (S,"rating:5","en","huawei","5 stars","5 stars",{}),
 (S,"rating:5","zh","outlook","非常滿意，謝謝！","traditional, big5",{"enc":"big5"}),
 (S,"rating:5","en","wechat","👍👍 5","emoji then digit",{}),
 (S,"rating:4","zh","android","４","full-width digit, base64",{"enc":"b64"}),
 (S,"rating:4","en","gmail","Good, thanks.","good",{}),
 (S,"rating:2","en","outlook","Not satisfied. The issue took too long.","not satisfied",{}),
 (S,"rating:5","en","outlook","5 - thanks for staying late on 12/1!","digit, then a date",{"deep":True}),
 # ---- survey: unclear
 (S,"unclear","en","outlook","Thanks, I'll fill it in later.","deferral",{}),
 (S,"unclear","en","gmail","4 or 5, hard to say.","mixed digits",{}),
 (S,"unclear","zh","qq","3楼的打印机现在也好了，谢谢","3楼 is no rating",{}),
 (S,"unclear","en","outlook","The engineer came at 3 pm, thanks.","time is no rating",{}),
 (S,"unclear","zh","163","还没用过，不好说","hedged gbk",{"enc":"gbk"}),
 (S,"unclear","en","iphone","Is this survey anonymous?","question",{}),
 (S,"unclear","en","gmail","Win 10 works now, thanks","Win 10 is no rating",{}),
 (S,"unclear","en","outlook","Satisfied? Not sure yet, ask me next week.","hedged satisfaction word",{}),
 (S,"unclear","zh","huawei","工单号 2045 的那个还没处理","different ticket number",{}),
 (S,"unclear","en","outlook","Thanks!","thanks + signature with Ext. 4 and Room 3-405",{"sig":"en"}),
 (S,"unclear","zh","wechat","嗯","ack only",{}),
 (S,"unclear","en","gmail","Great, another survey. 😒","sarcasm",{}),
 (S,"unclear","en","outlook","Can we meet on 12/5 at 2:30 to discuss?","date and time",{}),
 (S,"unclear","zh","qq","还行吧，但是问题可能还会出现","hedged word rating",{}),
 (S,"unclear","en","gmail","Between 3 and 4.","between two",{}),
 (S,"unclear","en","outlook","5 if it stays fixed, otherwise 1.","conditional rating",{}),
 (S,"unclear","zh","qq","谢谢","thanks + zh signature 3楼 / 分机 5",{"sig":"zh"}),
 (S,"unclear","en","outlook_html","Ticket #2051 is the one I meant, this one is fine.","ticket number",{"sig":"disc"}),
 (S,"unclear","zh","foxmail","第2步我没看懂","step number",{}),
 # ---- survey: rejected (problem back)
 (S,"rejected","en","outlook","The problem is back - the VPN drops again.","problem back",{}),
 (S,"rejected","zh","qq","又不行了，还是连不上VPN","又不行了",{}),
 # ---- kb
 (K,"solved","en","gmail","solved, thanks!","solved",{}),
 (K,"solved","zh","qq","解决了，谢谢","解决了",{}),
 (K,"solved","en","outlook","That article fixed it, thank you.","fixed it",{}),
 (K,"solved","zh","163","按照文章操作后可以了","可以了 gbk",{"enc":"gbk"}),
 (K,"not_solved","en","iphone","Didn't help, still cannot map it.","didn't help",{}),
 (K,"not_solved","zh","huawei","没用，还是一样","没用",{}),
 (K,"not_solved","en","outlook","I tried the steps, no luck.","no luck",{}),
 (K,"not_solved","zh","gmail_zh","试了，不行","不行",{}),
 (K,"unclear","en","outlook","I'll try it after lunch.","deferral",{}),
 (K,"unclear","zh","qq","这个文章我看不懂","cannot understand",{}),
 (K,"unclear","en","android","Step 3 asks for an admin password, what is it?","question with digit",{}),
 (K,"unclear","en","outlook_html","Solved the drive thing, but now Teams won't start.","yes + other matter",{}),
 (K,"unclear","zh","wechat","好的","ack",{}),
 (K,"unclear","en","gmail","Maybe, I'll see if it drops again.","maybe",{}),
]

def encode(body, is_html, enc):
    ctype = "text/html" if is_html else "text/plain"
    if enc == "gbk":
        return f"Content-Type: {ctype}; charset=GBK\nContent-Transfer-Encoding: 8bit\n", body.encode("gbk")
    if enc == "gbk_b64":
        return f"Content-Type: {ctype}; charset=gb2312\nContent-Transfer-Encoding: base64\n", wrap76(base64.b64encode(body.encode("gbk")))
    if enc == "big5":
        return f"Content-Type: {ctype}; charset=big5\nContent-Transfer-Encoding: 8bit\n", body.replace("决", "決").encode("big5")
    if enc == "b64" or is_html:
        return f"Content-Type: {ctype}; charset=utf-8\nContent-Transfer-Encoding: base64\n", wrap76(base64.b64encode(body.encode()))
    if enc == "qp":
        return f"Content-Type: {ctype}; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n", quopri.encodestring(body.encode())
    return f"Content-Type: {ctype}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n", body.encode()

def wrap76(b):
    return b"\n".join(b[i:i + 76] for i in range(0, len(b), 76)) + b"\n"

MAILER = {"outlook": "Microsoft Outlook 16.0", "outlook_zh": "Microsoft Outlook 16.0", "outlook_html": "Microsoft Outlook 16.0",
          "foxmail": "Foxmail 7.2.25", "qq": "QQMail 2.x", "qq_html": "QQMail 2.x"}

def main():
    rows = ["file,context,expected,lang,notes"]
    for i, (ctx, exp, lang, client, fresh, notes, opt) in enumerate(CASES, 1):
        n = 2000 + i
        if "sig" in opt:
            fresh = fresh + "\n\n" + SIGS[opt["sig"]]
        olang = "en" if opt.get("enc") == "big5" else lang  # big5 cannot hold our simplified text
        body, is_html = wrap(client, fresh, original(ctx, olang, n), n, opt.get("bottom", False), opt.get("deep", False))
        ct, payload = encode(body, is_html, opt.get("enc", "utf8"))
        re = "RE" if client.startswith("outlook") else "Re"
        head = (f"From: Maria Gonzalez <user{n}@corp.example>\nTo: IT Service Desk <support@example.com>\n"
                f"Subject: {re}: [#{n}] {SUBJ[ctx]}\nDate: Wed, 2 Dec 2026 09:{i % 60:02d}:00 +0800\n"
                f"Message-ID: <dev2-{n}@corp.example>\nIn-Reply-To: <ticket-{n}-{ctx}@example.com>\n"
                f"References: <ticket-{n}@example.com> <ticket-{n}-{ctx}@example.com>\nMIME-Version: 1.0\n{ct}")
        if client in MAILER:
            head += f"X-Mailer: {MAILER[client]}\n"
        name = f"{i:03d}-{ctx}-{exp.replace(':', '')}.eml"
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(head.encode() + b"\n" + payload)
        note = f"{client}: {notes}"
        rows.append(f"{name},{ctx},{exp},{lang},\"{note.replace(chr(34), chr(34) * 2)}\"")
    with open(os.path.join(OUT, "labels.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    print(len(CASES), "cases")

if __name__ == "__main__":
    main()
