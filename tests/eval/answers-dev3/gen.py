#!/usr/bin/env python3
"""Builds tests/eval/answers-dev3/: requester replies in voices and situations answers-dev and
answers-dev2 lack, labelled by hand BEFORE the reader saw them (issue 12 section 4). Run from the
repo root: python3 tests/eval/answers-dev3/gen.py
(answers-dev4/gen.py imports wrap, encode and build from here.)
Each case: (context, expected label, lang, client, fresh text, notes, options).
Options: sig (signature key), enc, bottom, deep, olang (language of OUR mail when the reply is in
another), sender ("colleague", "personal": someone or some address other than the requester;
"upper": the requester's address in other case), banner (an external-mail banner above the
answer), fwd (the fresh text is followed by a forwarded copy of our mail), inline (the answer is
typed between the quoted lines of our mail), fwdans (a colleague's answer forwarded below).
The `requester` column of labels.csv holds the ticket requester's address."""
import html, importlib.util, os

OUT = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("dev2gen", os.path.join(OUT, "..", "answers-dev2", "gen.py"))
dev2 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(dev2)
SUBJ, original, q, OLDER, encode, MAILER = dev2.SUBJ, dev2.original, dev2.q, dev2.OLDER, dev2.encode, dict(dev2.MAILER)

SIGS = {
    "en": "Best regards,\nMaria Gonzalez\nFinance | Tel +86 21 5555 0134 | Ext. 4\nRoom 3-405, Building 5",
    "zh": "王芳\n财务部 3楼\n电话：021-5555 0134 分机 5\n手机：138 0013 8000",
    "long": "Kind regards\n\nMaria Gonzalez\nSenior Accountant, Finance Shared Services (Level 5)\nACME Trading (Shanghai) Co., Ltd.\n"
            "T: +86 21 5555 0134 Ext. 4 | M: +86 138 0013 8000\nA: 1 Century Avenue, Tower 2, 12/F, Shanghai 200120\n"
            "Please consider the environment before printing this e-mail.\n\n"
            "DISCLAIMER: This message is intended only for the named recipient. If you are not the intended recipient, "
            "you are notified that disclosing, copying or distributing it is prohibited. If you have received it in error, "
            "please do not read it, notify the sender immediately and delete it. We do not accept liability for any errors "
            "or omissions, nor for viruses. Not satisfied with our service? Rate us 1-5 at survey.acme.example.",
    "zhlong": "此致\n敬礼\n\n王芳 | 财务共享中心 高级会计\n上海某某贸易有限公司\n电话：021-5555 0134 转 5 | 手机：138 0013 8000\n地址：上海市浦东新区世纪大道1号2座12楼\n\n"
              "【保密声明】本邮件及其附件仅供指定收件人使用，如您不是指定收件人，请勿阅读、复制或转发，并请立即通知发件人并删除本邮件。"
              "本公司不对邮件传输过程中出现的任何错误或遗漏负责。问题未解决？请致电 400-800-1234。",
    "disc": "Best regards,\nTom Lee\n\nCONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential. If you received it in error, "
            "please (1) notify the sender and (2) delete it. Ref 4/5.",
}

BANNERS = {
    "en": "CAUTION: This email originated from outside of the organization. Do not click links or open attachments "
          "unless you recognize the sender and know the content is safe.\n\n",
    "zh": "【外部邮件】此邮件来自公司外部，请勿点击不明链接或打开未知附件，谨防诈骗。\n\n",
}
def wrap(client, fresh, orig, n, bottom=False, deep=False):
    """Return (body text or html, is_html): the clients answers-dev2 lacks, else dev2's."""
    if deep:
        orig = orig + "\n\n" + OLDER
    if client in ("outlook_op", "outlook_op_zh"):  # Outlook desktop: Word HTML with <o:p>, nothing but HTML
        zh = client.endswith("_zh")
        def para(l):
            return (f"<p class=MsoNormal><span lang=EN-US style='font-size:11.0pt'>{html.escape(l)}<o:p></o:p></span></p>" if l
                    else "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
        fh = "\n".join(para(l) for l in fresh.split("\n"))
        oh = "\n".join(para(l) for l in orig.split("\n"))
        lab = ("发件人:", "发送时间:", "收件人:", "主题:") if zh else ("From:", "Sent:", "To:", "Subject:")
        when = "2026年12月1日 10:02" if zh else "Tuesday, December 1, 2026 10:02 AM"
        return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
                "xmlns:w=\"urn:schemas-microsoft-com:office:word\"><head><meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">"
                "<meta name=Generator content=\"Microsoft Word 15 (filtered medium)\"><style><!--\n@font-face {font-family:DengXian;}\n"
                "p.MsoNormal, li.MsoNormal {margin:0cm; font-size:10.5pt;}\n--></style><!--[if gte mso 9]><xml>\n"
                "<o:shapedefaults v:ext=\"edit\" spidmax=\"1026\" />\n</xml><![endif]--></head>\n"
                f"<body lang=ZH-CN link=\"#0563C1\" vlink=\"#954F72\" style='word-wrap:break-word'><div class=WordSection1>\n{fh}\n"
                "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n"
                "<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>"
                f"<p class=MsoNormal><b><span lang=EN-US>{lab[0]}</span></b><span lang=EN-US> IT Service Desk &lt;support@example.com&gt; <br>"
                f"<b>{lab[1]}</b> {when}<br><b>{lab[2]}</b> user@corp.example<br><b>{lab[3]}</b> [#{n}] ticket<o:p></o:p></span></p></div>\n"
                f"<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n{oh}\n</div></body></html>"), True
    if client == "inline":  # the answer typed between the quoted paragraphs of our mail
        paras = orig.split("\n\n")
        return (f"On Tue, Dec 1, 2026 at 10:02 AM IT Service Desk <support@example.com> wrote:\n{q(chr(10).join(paras[:3]))}\n\n"
                f"{fresh}\n\n{q(chr(10).join(paras[3:]))}\n"), False
    return dev2.wrap(client, fresh, orig, n, bottom, False)


FWD_US = ("---------- Forwarded message ---------\nFrom: IT Service Desk <support@example.com>\nDate: Tue, Dec 1, 2026 at 10:02 AM\n"
          "Subject: [#{n}] ticket\nTo: Maria Gonzalez <user{n}@corp.example>\n\n")
FWD_LI = ("---------- Forwarded message ---------\nFrom: Li Wei <li.wei@corp.example>\nDate: Wed, Dec 2, 2026 at 8:40 AM\n"
          "Subject: Re: [#{n}] ticket\nTo: Maria Gonzalez <user{n}@corp.example>\n\n")
SENDERS = {"colleague": "Li Wei <li.wei@corp.example>", "personal": "Maria Gonzalez <maria.gonzalez.home@gmail.com>",
           "upper": "Maria Gonzalez <USER{n}@Corp.Example>"}

C, S, K = "confirmation", "survey", "kb"
CASES = [
 # ---- a second language: the reply is not in the language of our mail
 (C,"confirmed","en","qq","Yes, it is OK now. Thank you.","en reply to zh mail",{"olang":"zh"}),
 (C,"confirmed","zh","outlook","已经好了，谢谢","zh reply to en mail",{}),
 (C,"rejected","en","163","Still not work, the password window come again.","en (non-native) reply to zh mail, gbk",{"olang":"zh","enc":"gbk"}),
 (C,"rejected","zh","gmail","还是不行，又弹出来了","zh reply to en mail",{}),
 (C,"unclear","en","foxmail","I will try tomorrow morning.","en deferral to zh mail",{"olang":"zh"}),
 (C,"unclear","zh","outlook","我还没来得及试","zh deferral to en mail",{}),
 (S,"rating:5","en","qq","5, very good service","en rating to zh survey",{"olang":"zh"}),
 (S,"rating:4","zh","outlook","4分吧，挺快的","zh rating to en survey",{}),
 (S,"rating:5","zh","gmail","非常满意！","zh word to en survey",{}),
 (K,"solved","zh","outlook","解决了，谢谢","zh kb answer to en mail",{}),
 (C,"confirmed","mixed","qq","OK了，可以正常用了","mixed reply to zh mail",{"olang":"zh"}),
 (C,"confirmed","en","outlook","Problem solved, thanks for the quick help.","plain en",{}),
 # ---- answers buried under long signatures, disclaimers, banners
 (C,"confirmed","en","outlook","Yes, fixed, thanks.","long signature with disclaimer (not, error, rate 1-5)",{"sig":"long"}),
 (C,"confirmed","zh","qq","已解决","long zh signature with 保密声明 and 问题未解决？",{"sig":"zhlong"}),
 (C,"rejected","en","outlook","No, still the same.","long signature",{"sig":"long"}),
 (C,"unclear","en","outlook","Thanks for the update.","thanks + long disclaimer",{"sig":"long"}),
 (S,"rating:4","en","outlook","4","digit + long disclaimer with 1-5 and 12/F",{"sig":"long"}),
 (S,"unclear","en","gmail","Thanks","thanks + long disclaimer with 'Rate us 1-5'",{"sig":"long"}),
 (S,"rating:5","zh","163","非常满意","zh long signature, gbk",{"sig":"zhlong","enc":"gbk"}),
 (S,"unclear","zh","qq","收到，谢谢","ack + zh long signature",{"sig":"zhlong"}),
 (C,"confirmed","en","outlook","Yes, all good now.","external-mail banner above the answer",{"banner":"en"}),
 (C,"confirmed","zh","qq","好了，谢谢","zh external banner (请勿)",{"banner":"zh"}),
 (C,"unclear","en","outlook","Thanks.","banner + thanks",{"banner":"en"}),
 (S,"rating:5","en","outlook","5","banner + digit",{"banner":"en"}),
 (C,"rejected","en","gmail","Unfortunately it's still broken.","banner + no",{"banner":"en"}),
 (C,"confirmed","en","outlook","Hi Tom,\n\nSorry for the late reply, I was on leave last week.\nI restarted the laptop as you suggested this morning.\nEverything works fine now, thanks!","answer on the 4th line after a greeting",{}),
 (C,"rejected","en","outlook","Hello team,\n\nThank you for your email.\nI checked again this morning.\nUnfortunately the problem is still there.","no on the 4th line",{}),
 (C,"confirmed","zh","qq","张工您好：\n\n不好意思回复晚了，上周出差。\n今天按您说的重启了一下，\n现在一切正常了，谢谢！","zh answer on the 4th line",{}),
 # ---- forwarded, then answered
 (C,"unclear","en","gmail","FYI, see Li's answer below.","requester forwards a colleague's yes",{"fwdans":"Yes, works on my side now."}),
 (C,"unclear","en","gmail","Works for me now.","colleague answers the requester's forward",{"sender":"colleague","fwd":"Li, can you check this on your PC?"}),
 (C,"rejected","en","outlook","Forwarding back - still not working for my team, see below.","requester forwards back with a no",{"fwd":"FYI"}),
 (C,"unclear","zh","qq","李伟，你帮我看看是不是好了","requester asks a colleague, desk in copy",{}),
 (C,"unclear","zh","qq","转发一下，见下面同事的回复","zh forward of a colleague's yes",{"fwdans":"好了，可以用了"}),
 (S,"unclear","en","gmail","See below.","forwarded colleague rating",{"fwdans":"5 stars from me"}),
 (C,"confirmed","en","gmail","Yes, fixed. Forwarding to Li so she knows.","yes + forwarding note",{}),
 # ---- answers from someone other than the requester
 (C,"unclear","en","outlook","Hi, I'm Li Wei, Maria's colleague. Yes, her PC works now.","colleague yes",{"sender":"colleague"}),
 (C,"unclear","zh","qq","好了，谢谢","colleague zh yes",{"sender":"colleague"}),
 (C,"unclear","en","gmail","Yes, fixed.","requester from a personal address",{"sender":"personal"}),
 (C,"confirmed","en","outlook","Yes, fixed.","requester address in upper case",{"sender":"upper"}),
 (S,"unclear","en","iphone","5","colleague rating",{"sender":"colleague"}),
 (S,"unclear","zh","wechat","非常满意","colleague zh rating",{"sender":"colleague"}),
 (K,"unclear","en","outlook","solved, thanks","colleague kb solved",{"sender":"colleague"}),
 (C,"unclear","en","outlook","Please close this, Maria has left the company.","colleague asks to close",{"sender":"colleague"}),
 (C,"rejected","en","outlook","Still broken on Maria's PC, I just checked.","colleague says still broken (reopening is safe)",{"sender":"colleague"}),
 (C,"unclear","zh","163","我是王芳的同事，她今天请假，问题应该是好了","colleague hedged, gbk",{"sender":"colleague","enc":"gbk"}),
 # ---- partial fixes
 (C,"rejected","zh","qq","打印好了但扫描还不行","partial zh",{}),
 (C,"rejected","en","outlook","Works on my laptop, not on the desktop.","partial en",{}),
 (C,"rejected","en","gmail","Outlook is fine now, but the calendar still doesn't sync.","partial with still",{}),
 (C,"rejected","zh","163","大部分同事好了，还有两个人不行","most colleagues fine, two not, gbk",{"enc":"gbk"}),
 (C,"rejected","en","outlook","Mostly fixed - I still get the prompt once in a while.","mostly",{}),
 (C,"rejected","en","iphone","Better, but not completely fixed yet.","better but",{}),
 (C,"unclear","en","outlook","It works for now.","for now",{}),
 (C,"unclear","en","gmail","It works as long as I don't restart.","conditional",{}),
 (C,"unclear","zh","wechat","暂时可以了，看看明天怎么样","暂时",{}),
 (C,"rejected","zh","huawei","手机上好了，电脑上还是不行","phone fine, PC not",{}),
 (K,"not_solved","en","outlook","The article helped with step 1 but the drive still won't map.","kb partial",{}),
 (C,"rejected","zh","outlook","部分解決了，但還是有時候斷線","partial, big5",{"enc":"big5"}),
 # ---- answers with a question back
 (C,"unclear","en","outlook","Yes it works. Do I need to do the same on my laptop?","yes + question",{}),
 (C,"unclear","zh","qq","好了，请问以后再出现要怎么处理？","zh yes + question",{}),
 (C,"unclear","en","gmail","Thanks! Why did it happen in the first place?","thanks + question",{}),
 (C,"unclear","en","outlook","Thanks. Should I also change my password now?","thanks + question",{}),
 (K,"unclear","en","gmail","It worked, but do I have to do this every time?","kb yes + question",{}),
 (C,"unclear","zh","wechat","可以了吗？我看还是一样啊","rhetorical question then hedge",{}),
 (C,"unclear","en","android","Is it fixed for everyone or just me?","question only",{}),
 (S,"unclear","en","outlook","4? Is that the highest?","rating with a question",{}),
 # ---- delayed answers
 (C,"unclear","en","iphone","Will test tomorrow.","will test tomorrow",{}),
 (C,"unclear","zh","huawei","明天上班再试一下","zh tomorrow",{}),
 (C,"unclear","en","outlook","I'm at a client site today, I'll try when I'm back in the office on Monday.","back on Monday",{}),
 (C,"unclear","zh","qq","现在不在电脑旁边，晚点回复你","not at PC",{}),
 (S,"unclear","en","gmail","I'll rate you after the weekend.","survey later",{}),
 (K,"unclear","en","outlook","Will try this tonight.","kb later",{}),
 (C,"unclear","zh","163","周一回公司再确认","zh Monday, gbk",{"enc":"gbk"}),
 # ---- our survey quoted back with a choice edited in
 (S,"rating:5","en","outlook","5 = very satisfied","our scale with one choice kept",{}),
 (S,"unclear","en","outlook","(5 = very satisfied, 1 = very dissatisfied)","our scale copied unchanged",{}),
 (S,"rating:2","en","gmail","Reply with a number from 1 to 5: 2","our sentence with a number added",{}),
 (S,"rating:4","zh","qq","请回复 1 到 5 的数字：4","zh sentence with a number added",{}),
 (S,"rating:4","en","inline","4 - good, but slow to start","answer typed between our quoted paragraphs",{}),
 (S,"rating:4","en","outlook","★★★★☆ (not ★★★★★, the first reply took a day)","stars edited, the full row mentioned",{}),
 (S,"rating:3","zh","wechat","我选3","我选3",{}),
 # ---- "1" that is no rating
 (S,"new_problem","en","gmail","1 more thing: my printer on 3F jams since Monday.","1 = one more thing",{}),
 (S,"unclear","en","outlook","1 more question - is this survey anonymous?","1 more question",{}),
 (C,"new_problem","en","outlook","Yes, fixed. 1 more thing: my mouse stopped working.","yes + 1 more thing",{}),
 (S,"unclear","en","outlook","1. response was fast\n2. the engineer was friendly","numbered list",{}),
 (S,"unclear","zh","qq","1、速度快 2、态度好","zh numbered list",{}),
 # ---- negated praise
 (S,"unclear","en","gmail","Not great.","not great",{}),
 (S,"unclear","en","outlook","Not excellent, not terrible.","not excellent",{}),
 (S,"unclear","zh","qq","不太好，拖了好几天","不太好",{}),
 (S,"unclear","en","outlook","Not good at all, it took a week.","not good",{}),
 (C,"rejected","en","gmail","Not perfect - the prompt still shows up once a day.","not perfect + still",{}),
 (C,"rejected","zh","qq","不太好，还是会断","zh not good + still",{}),
 (C,"unclear","en","outlook","Can't say it's fixed yet.","can't say",{}),
 (C,"confirmed","en","outlook","Not bad at all, it works fine now.","not bad = good",{}),
 (S,"rating:2","zh","163","不满意，太慢了","不满意 gbk",{"enc":"gbk"}),
 # ---- emoji only
 (C,"unclear","en","wechat","👍","thumbs up only",{}),
 (C,"unclear","en","iphone","🙏","folded hands only",{}),
 (C,"unclear","en","wechat","😡","angry face only",{}),
 (S,"rating:3","en","iphone","⭐⭐⭐","three stars",{}),
 (S,"unclear","en","wechat","👍","thumbs up survey",{}),
 (S,"unclear","zh","wechat","😊😊","smileys survey",{}),
 (K,"unclear","en","wechat","👌","ok hand kb",{}),
 # ---- machine-translated text
 (C,"confirmed","en","qq","Hello, the problem has been solved. Thank you very much for your help.","MT en to zh mail",{"olang":"zh"}),
 (C,"confirmed","zh","outlook","你好，它现在工作了，谢谢你。","MT zh 'it works now'",{}),
 (C,"confirmed","zh","outlook","这个问题已经被解决了，非常感谢您的帮助。","MT zh passive",{}),
 (C,"rejected","en","qq","Hello, the problem still exists, the password box still pops up.","MT en no",{"olang":"zh"}),
 (S,"rating:4","en","qq","I give 4 points, the service is very good.","MT en 4 points",{"olang":"zh"}),
 (C,"unclear","en","163","Hello, I will test it again tomorrow, thank you.","MT en deferral, gbk",{"olang":"zh","enc":"gbk"}),
 # ---- out of office inside a real answer
 (C,"confirmed","en","outlook","Yes, it works now. FYI I am out of the office from 7 to 11 December.","yes + out of office note",{}),
 (C,"confirmed","zh","qq","已经好了。我下周一到周三休假，有事请联系李伟。","zh yes + leave note",{}),
 (C,"unclear","en","outlook","I'm out of office this week, will test when I'm back.","ooo deferral",{}),
 (S,"rating:5","en","outlook","5 - thanks! (I'm on leave until 14 Dec, so replies may be slow.)","rating + leave note with date",{}),
 (C,"rejected","en","gmail","Still the same. I'm out of office tomorrow, please call my mobile.","no + ooo",{}),
 # ---- Outlook HTML-only with <o:p>
 (C,"confirmed","en","outlook_op","Yes, it works now. Thanks!","word html",{}),
 (C,"rejected","en","outlook_op","No, still the same error.","word html no",{}),
 (C,"confirmed","zh","outlook_op_zh","已经可以了，谢谢！","word html zh",{}),
 (S,"rating:4","en","outlook_op","4 – good job","word html rating, en dash",{}),
 (C,"unclear","en","outlook_op","Will check tomorrow.","word html deferral",{}),
 (S,"unclear","zh","outlook_op_zh","谢谢","word html zh thanks + signature",{"sig":"zh"}),
 (K,"solved","en","outlook_op","Solved, thank you.","word html kb",{}),
 (C,"confirmed","zh","outlook_op_zh","好了","word html zh, gbk",{"enc":"gbk"}),
 (C,"rejected","en","outlook_op","Sorry, it's not fixed.","word html + long signature",{"sig":"long"}),
 # ---- GBK / Big5 and plain voices
 (C,"confirmed","zh","163","问题解决了，谢谢！","gbk",{"enc":"gbk"}),
 (C,"rejected","zh","163","还是老样子","gbk no",{"enc":"gbk"}),
 (C,"confirmed","zh","outlook","已經可以正常使用了，謝謝","big5 yes",{"enc":"big5"}),
 (C,"unclear","zh","outlook","我明天再試試看","big5 deferral",{"enc":"big5"}),
 (S,"rating:5","zh","outlook","5分，服務很好","big5 rating",{"enc":"big5"}),
 (S,"rating:4","zh","qq","4","gb2312 base64 digit",{"enc":"gbk_b64"}),
 (K,"not_solved","zh","163","试过了，没用","gbk kb no",{"enc":"gbk"}),
 (C,"confirmed","en","android","Confirmed, working fine.","confirmed",{}),
 (C,"confirmed","en","gmail","Yep, that did it. Thanks!","that did it",{}),
 (C,"withdrawn","en","outlook","No need anymore, please cancel the ticket.","withdrawn",{}),
 (C,"withdrawn","zh","qq","不需要了，工单可以关掉","zh withdrawn",{}),
 (S,"rating:5","en","gmail","Five stars, thank you!","five stars in words",{}),
 (S,"rating:1","en","outlook","1 - terrible, nobody answered for days.","1 with comment",{}),
 (S,"rating:3","zh","huawei","一般般吧","一般般",{}),
 (K,"solved","en","iphone","The article solved it, thanks.","kb solved",{}),
 (K,"not_solved","en","gmail","Didn't work, same error.","kb no",{}),
]

MAILER.update({"outlook_op": "Microsoft Outlook 16.0", "outlook_op_zh": "Microsoft Outlook 16.0"})

def build(cases, out, base, tag, wrap=wrap):
    """Write one .eml per case and labels.csv into `out`; ticket numbers start after `base`."""
    rows = ["file,context,expected,lang,requester,notes"]
    for i, (ctx, exp, lang, client, fresh, notes, opt) in enumerate(cases, 1):
        n = base + i
        if "sig" in opt:
            fresh = fresh + "\n\n" + SIGS[opt["sig"]]
        if "banner" in opt:
            fresh = BANNERS[opt["banner"]] + fresh
        olang = opt.get("olang", lang)
        if opt.get("enc") == "big5":
            olang = "en"  # big5 cannot hold our simplified text
        orig = original(ctx, "zh" if olang == "zh" else "en", n)
        if "fwd" in opt:
            orig = opt["fwd"] + "\n\n" + FWD_US.format(n=n) + orig
        if "fwdans" in opt:
            fresh = (fresh + "\n\n" + FWD_LI.format(n=n) + opt["fwdans"] + "\n\n"
                     + "On Tue, Dec 1, 2026 at 10:02 AM IT Service Desk <support@example.com> wrote:\n" + q(orig))
            client = "wechat"
        body, is_html = wrap(client, fresh, orig, n, opt.get("bottom", False), opt.get("deep", False))
        ct, payload = encode(body, is_html, opt.get("enc", "utf8"))
        re = "RE" if client.startswith("outlook") else "Re"
        requester = f"user{n}@corp.example"
        sender = SENDERS.get(opt.get("sender", ""), "Maria Gonzalez <{r}>").format(n=n, r=requester)
        head = (f"From: {sender}\nTo: IT Service Desk <support@example.com>\n"
                f"Subject: {re}: [#{n}] {SUBJ[ctx]}\nDate: Wed, 2 Dec 2026 10:{i % 60:02d}:00 +0800\n"
                f"Message-ID: <{tag}-{n}@corp.example>\nIn-Reply-To: <ticket-{n}-{ctx}@example.com>\n"
                f"References: <ticket-{n}@example.com> <ticket-{n}-{ctx}@example.com>\nMIME-Version: 1.0\n{ct}")
        if client in MAILER:
            head += f"X-Mailer: {MAILER[client]}\n"
        name = f"{i:03d}-{ctx}-{exp.replace(':', '')}.eml"
        with open(os.path.join(out, name), "wb") as f:
            f.write(head.encode() + b"\n" + payload)
        note = f"{client}: {notes}"
        rows.append(f"{name},{ctx},{exp},{lang},{requester},\"{note.replace(chr(34), chr(34) * 2)}\"")
    with open(os.path.join(out, "labels.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")
    print(len(cases), "cases")

if __name__ == "__main__":
    build(CASES, OUT, 3000, "dev3")
