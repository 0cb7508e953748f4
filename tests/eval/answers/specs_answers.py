"""Held-out requester-answer set (replies to the desk's own questions), written by `evala`.

Each mail answers one of three questions the desk asks:
  confirmation  "we believe ticket #N is resolved - is it fixed? reply yes/是 or tell us what is wrong"
  survey        "ticket #N is closed - rate us 1..5 (stars or words)"
  kb            the acknowledgement suggested a knowledge-base article: "reply 'solved' if it fixed it"
The expected reading is labelled the way a careful service-desk agent would read it
(see tests/eval/README.md); `unclear` means: leave the ticket as it is and tell the engineer.
Rebuild (from the repository root):
    python3 tests/eval/build_eval.py answers tests/eval/answers/specs_answers.py tests/eval/answers r labels.csv
Content is synthetic; every address is on a reserved example domain.
"""
import hashlib
import os
import sys

_TOOLS = os.environ.get("EMLKIT_DIR") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "corpus", "tools"))
sys.path.insert(0, _TOOLS)
from emlkit import quote_gmail_en, quote_gmail_zh, quote_outlook_en, quote_outlook_zh, quote_qq, quote_163  # noqa: E402

SEED = 8123
MAILS = []
DESK_ZH, DESK_EN, DESK_ADDR = "IT 服务台", "IT Service Desk", "support@example.test"
KIND = {"confirmation": "confirm", "survey": "survey", "kb": "ack"}


def bot_text(ctx, lang, name, n, topic, sol, kb):
    """Plain-text form of the desk's question the requester is answering."""
    if lang == "zh":
        hello = "%s，您好：\n\n" % name
        if ctx == "confirmation":
            return (hello + "您的工单 #%d“%s”已处理完毕。\n\n解决方案：\n%s\n\n"
                    "问题解决了吗？如已解决，请回复“是”或“已解决”（yes）；如仍有问题，请直接告诉我们\n"
                    "哪里还不对，我们会继续处理。若 3 天内未收到回复，工单将自动关闭。\n\n%s"
                    % (n, topic, sol, DESK_ZH))
        if ctx == "survey":
            return (hello + "工单 #%d“%s”已关闭。\n\n"
                    "您对本次服务满意吗？请回复 1 到 5 的数字（5 = 非常满意，1 = 非常不满意），\n"
                    "也可以用星级（★★★★★）或文字（如“非常满意”），并附上您的意见。\n\n"
                    "如果问题再次出现，直接回复本邮件即可。\n\n%s" % (n, topic, DESK_ZH))
        return (hello + "我们已收到您的请求，工单号 #%d：“%s”。\n\n"
                "这篇知识库文章也许能马上解决您的问题：\n  %s\n\n"
                "如果按文章操作后问题已解决，请回复“已解决”（solved），我们会关闭工单；\n"
                "如果没有解决，直接回复告诉我们即可，工程师会继续处理。\n\n%s" % (n, topic, kb, DESK_ZH))
    hello = "Hello %s,\n\n" % name
    if ctx == "confirmation":
        return (hello + 'We believe your ticket #%d ("%s") is resolved.\n\nSolution:\n%s\n\n'
                'Is it fixed? Please reply "yes" (是 / 已解决) if it is, or tell us what is\n'
                "still wrong and we will keep working on it. Without an answer the ticket\n"
                "closes by itself in 3 days.\n\n%s" % (n, topic, sol, DESK_EN))
    if ctx == "survey":
        return (hello + 'Ticket #%d ("%s") is closed.\n\n'
                "How satisfied are you with the service? Reply with a number from 1 to 5\n"
                "(5 = very satisfied, 1 = very dissatisfied), stars (★★★★★) or words, and\n"
                "any comment you like.\n\nIf the problem comes back, just reply to this mail.\n\n%s"
                % (n, topic, DESK_EN))
    return (hello + 'We have received your request and opened ticket #%d: "%s".\n\n'
            "This knowledge-base article may solve it right away:\n  %s\n\n"
            "If it fixed the problem, reply \"solved\" and we will close the ticket.\n"
            "If not, just reply and an engineer will carry on.\n\n%s" % (n, topic, kb, DESK_EN))


def _q(text):
    return "\n".join("> " + l if l else ">" for l in text.split("\n"))


WHEN_ZH, WHEN_EN = "2025年6月12日 10:02", "Thursday, June 12, 2025 10:02 AM"

STYLES = {
    # client profile, reply prefix, quote builder(bot_name, text, lang)
    "ol_en": (dict(client="outlook", charset="utf-8", cte="quoted-printable", structure="alt"), "RE: ",
              lambda t, req: quote_outlook_en(DESK_EN, DESK_ADDR, WHEN_EN, req, "[#%s]", t)),
    "ol_zh": (dict(client="outlook", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"), "答复: ",
              lambda t, req: quote_outlook_zh(DESK_ZH, DESK_ADDR, WHEN_ZH, req, "[#%s]", t)),
    "olh_en": (dict(client="outlook", charset="utf-8", cte="quoted-printable", structure="html"), "RE: ",
               lambda t, req: quote_outlook_en(DESK_EN, DESK_ADDR, WHEN_EN, req, "[#%s]", t)),
    "olh_zh": (dict(client="outlook", charset="gb2312", codec="gbk", cte="base64", structure="html", subj_enc="gbk-b"), "答复: ",
               lambda t, req: quote_outlook_zh(DESK_ZH, DESK_ADDR, WHEN_ZH, req, "[#%s]", t)),
    "gm_en": (dict(client="gmail", charset="utf-8", cte="quoted-printable", structure="alt"), "Re: ",
              lambda t, req: quote_gmail_en(DESK_EN, DESK_ADDR, "Thu, 12 Jun 2025 at 10:02", t)),
    "gm_zh": (dict(client="gmail", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"), "Re: ",
              lambda t, req: quote_gmail_zh(DESK_ZH, DESK_ADDR, "2025年6月12日周四 10:02", t)),
    "qq": (dict(client="qq", charset="gb18030", cte="base64", structure="alt", subj_enc="gb18030-b"), "回复：",
           lambda t, req: quote_qq(DESK_ZH, DESK_ADDR, "2025年6月12日(星期四) 上午10:02", req, "[#%s]", t)),
    "fox": (dict(client="foxmail", charset="gbk", cte="base64", structure="alt", subj_enc="gbk-b"), "回复：",
            lambda t, req: quote_qq(DESK_ZH, DESK_ADDR, "2025年6月12日(星期四) 上午10:02", req, "[#%s]", t)),
    "fox8": (dict(client="foxmail", charset="gbk", cte="8bit", structure="plain", subj_enc="gbk-b"), "Re: ",
             lambda t, req: quote_qq(DESK_ZH, DESK_ADDR, "2025年6月12日(星期四) 上午10:02", req, "[#%s]", t)),
    "163": (dict(client="coremail", charset="gbk", cte="quoted-printable", structure="alt", subj_enc="gbk-q"), "回复:",
            lambda t, req: quote_163(DESK_ZH, DESK_ADDR, "2025-06-12 10:02:11", t)),
    "iph_zh": (dict(client="apple", charset="utf-8", cte="quoted-printable", structure="plain", subj_enc="utf8-q",
                    sig="发自我的iPhone"), "回复：",
               lambda t, req: "在 2025年6月12日，10:02，%s <%s> 写道：\n\n%s\n" % (DESK_ZH, DESK_ADDR, _q(t))),
    "iph_en": (dict(client="apple", charset="utf-8", cte="7bit", structure="plain", flowed=True,
                    sig="Sent from my iPhone"), "Re: ",
               lambda t, req: "On 12 Jun 2025, at 10:02, %s <%s> wrote:\n\n%s\n" % (DESK_EN, DESK_ADDR, _q(t))),
    "hw": (dict(client="plain", charset="utf-8", cte="base64", structure="plain", sig="Sent from my Huawei phone"), "Re: ",
           lambda t, req: quote_gmail_en(DESK_EN, DESK_ADDR, "Thu, 12 Jun 2025 at 10:02", t)),
    "mi": (dict(client="plain", charset="utf-8", cte="base64", structure="plain", subj_enc="utf8-b", sig="来自小米手机"), "回复：",
           lambda t, req: quote_gmail_zh(DESK_ZH, DESK_ADDR, "2025年6月12日周四 10:02", t)),
    "aw": (dict(client="outlook", charset="iso-8859-1", cte="quoted-printable", structure="alt"), "AW: ",
           lambda t, req: ("________________________________\nVon: %s <%s>\nGesendet: Donnerstag, 12. Juni 2025 10:02\n"
                           "An: %s\nBetreff: [#%%s]\n\n%s\n" % (DESK_EN, DESK_ADDR, req, t))),
    "tb": (dict(client="thunderbird", charset="utf-8", cte="8bit", structure="plain", linesep="\n"), "Re: ",
           lambda t, req: "On 12/06/2025 10:02, %s wrote:\n%s\n" % (DESK_EN, _q(t))),
    "big5": (dict(client="outlook", charset="big5", cte="base64", structure="alt", subj_enc="big5-b"), "回覆: ",
             lambda t, req: quote_outlook_zh(DESK_ZH, DESK_ADDR, WHEN_ZH, req, "[#%s]", t)),
}


# what the engineer wrote as the solution (quoted below the answer; some wording is deliberately
# misleading for a reader that looks at the quote: "no", "否则", "not", "不要")
SOL_ZH = ["已更换硒鼓并清理进纸通道，测试打印正常。", "已重置密码并解除锁定，请用新密码登录，否则会再次锁定。",
          "已重新安装驱动程序并重启。", "已更换网线并重新配置端口，无需其他操作。",
          "已清理 Outlook 配置文件并重建索引，请不要删除本地 PST 文件。", "已为您开通相应权限，注销后重新登录即可生效。"]
SOL_EN = ["Replaced the toner and cleared the paper path; test page OK.",
          "Reset your password and unlocked the account. No further action needed on your side.",
          "Reinstalled the driver and restarted the machine.", "Swapped the patch cable and reconfigured the port.",
          "Rebuilt your Outlook profile. Please do not delete the local PST file.",
          "Granted the access; sign out and back in for it to take effect."]

_SOL_KEYS = [("打印 printer print 硒鼓 toner", 0), ("密码 password 账号 登录 login 验证码 access 权限 share 共享", 1),
             ("驱动 driver 软件 software 安装 install SAP ERP OA Excel", 2),
             ("网 VPN Wi-Fi WiFi network 连不上 connect", 3), ("Outlook 邮件 邮箱 mail calendar 日历", 4)]


def pick_solution(topic, lang):
    """A solution line that fits the ticket's topic (or a generic one)."""
    low = topic.lower()
    for keys, i in _SOL_KEYS:
        if any(k.lower() in low for k in keys.split()):
            return (SOL_ZH if lang == "zh" else SOL_EN)[i]
    return "已远程协助处理，测试正常。" if lang == "zh" else "Fixed remotely and tested with you; no further action needed."


TW = {
    "confirmation": "%s，您好：\n\n您的工單 #%d「%s」已處理完畢。\n\n問題解決了嗎？如已解決，請回覆「是」或「已解決」（yes）；\n如仍有問題，請直接告訴我們。\n\nIT 服務台",
    "survey": "%s，您好：\n\n工單 #%d「%s」已關閉。您對本次服務滿意嗎？請回覆 1 到 5 的數字。\n\nIT 服務台",
    "kb": "%s，您好：\n\n我們已收到您的請求，工單號 #%d：「%s」。這篇知識庫文章也許能解決您的問題。\n"
          "如果問題已解決，請回覆「已解決」（solved）。\n\nIT 服務台",
}


def A(ctx, exp, lang, style, frm, n, topic, body, notes="", sol="", kb="", qlang=None, **kw):
    """One requester answer. qlang: language of the quoted desk mail (default: zh unless lang is en)."""
    prof, prefix, quoter = STYLES[style]
    p = dict(prof)
    qlang = qlang or ("en" if lang == "en" else "zh")
    name = frm[0]
    btxt = bot_text(ctx, qlang, name, n, topic, sol or pick_solution(topic, qlang),
                    kb or ("KB-%04d https://kb.example.test/articles/%d" % (n % 997, n % 997)))
    bot_subject = "[#%d] %s" % (n, topic)
    quote = quoter(btxt, name).replace("[#%s]", bot_subject)
    h = hashlib.sha256(("%d/%s" % (n, ctx)).encode()).hexdigest()[:16]
    mid = "<sb.%d.%s.%s@example.test>" % (n, KIND[ctx], h)
    headers = [("In-Reply-To", mid), ("References", mid)]
    if style == "big5":  # a Big5 client cannot carry the simplified desk text; quote the zh-TW wording
        quote = quote_outlook_zh(DESK_ZH, DESK_ADDR, WHEN_ZH, name, bot_subject, TW[ctx] % (name, n, topic))
        quote = quote.replace("发件人", "寄件者").replace("发送时间", "寄件日期").replace("收件人", "收件者").replace(
            "主题", "主旨").replace("原始邮件", "原始郵件").replace(DESK_ZH, "IT 服務台")
    p.update(kw)
    if "quote" not in kw:
        p["quote"] = quote
    d = dict(kind="request", context=ctx, expected=exp, lang=lang, frm=frm,
             subject=kw.get("subject", prefix + bot_subject), body=body.strip("\n") + "\n", notes=notes,
             headers=headers + list(kw.get("extra_headers", [])))
    d.update({k: v for k, v in p.items() if k not in ("subject", "extra_headers")})
    MAILS.append(d)


# ======================================================================
# CONFIRMATION - confirmed (18)
A("confirmation", "confirmed", "zh", "qq", ("吕方", "lvfang@example.test"), 4501, "打印机卡纸",
  "是", "a single '是' = the yes we asked for")
A("confirmation", "confirmed", "zh", "fox", ("马骁", "maxiao@example.test"), 4502, "VPN 连接不上",
  "已解决，谢谢！", "explicit 已解决")
A("confirmation", "confirmed", "en", "ol_en", ("Mike Dunn", "mike.dunn@example.test"), 4503, "Second monitor not detected",
  "Yes, all good now. Thanks Raj!\n\nMike", "explicit yes")
A("confirmation", "confirmed", "en", "iph_en", ("Lucy Hart", "lucy.hart@example.test"), 4504, "Outlook keeps asking for password",
  "yep", "terse mobile yes")
A("confirmation", "confirmed", "mixed", "fox", ("Sandy 周", "sandy.zhou@example.test"), 4505, "Excel 打不开共享文件",
  "OK了, thanks!", "'OK了' = it works now")
A("confirmation", "confirmed", "zh", "163", ("常乐", "changle@example.test"), 4506, "会议室投影仪没信号",
  "好了好了，可以关了，谢谢师傅", "works + explicitly allows closing")
A("confirmation", "confirmed", "en", "ol_en", ("Graham Lee", "graham.lee@example.test"), 4507, "Shared mailbox missing in Outlook",
  "Works perfectly now, you can close it.\n\nBest regards,\nGraham",
  "clear yes; the disclaimer below says 'not the intended recipient', 'do not', 'virus' - never counts",
  sig="Graham Lee | Senior Analyst | Example Group\nThis e-mail and any attachments are confidential. If you are not the intended recipient, "
      "please do not read, copy or forward it, notify the sender and delete it. We do not accept liability for any virus transmitted.")
A("confirmation", "confirmed", "zh", "mi", ("葛亮", "geliang@example.test"), 4508, "电脑开机很慢",
  "不用了，已经自己弄好了", "'不用了，已经自己弄好了' = fixed (by the requester) -> confirmed, not withdrawn (brief)")
A("confirmation", "confirmed", "zh", "ol_zh", ("储蓓", "chubei@example.test"), 4509, "报销系统附件上传失败",
  "没问题了，谢谢。\n\n储蓓", "'没问题了' contains a negation word but means 'no problem any more' -> confirmed")
A("confirmation", "confirmed", "en", "gm_en", ("Nick Rowe", "nick.rowe@example.test"), 4510, "Laptop fan very loud",
  "No further issues, thanks.\n\nNick", "starts with 'No' but means nothing is wrong any more -> confirmed")
A("confirmation", "confirmed", "zh", "fox", ("汤敏", "tangmin@example.test"), 4511, "邮件发不出去",
  "解决了。不过这次等了两天才有人处理，希望下次快一点。", "fixed, plus a complaint about speed -> still confirmed")
A("confirmation", "confirmed", "en", "olh_en", ("Paul Irwin", "paul.irwin@example.test"), 4512, "Printer on 2F jamming",
  "Yes - printer is working again.\n\nRegards,\nPaul", "HTML-only Outlook reply with a clear yes")
A("confirmation", "confirmed", "mixed", "gm_zh", ("Coco 吴", "coco.wu@example.test"), 4513, "手机收不到公司邮件",
  "是的, problem solved 👍", "yes with emoji")
A("confirmation", "confirmed", "zh", "iph_zh", ("屈小慧", "quxiaohui@example.test"), 4514, "WiFi 老掉线",
  "嗯嗯 可以用了", "'可以用了' = works now")
A("confirmation", "confirmed", "en", "hw", ("Dev Sharma", "dev.sharma@example.test"), 4515, "Can't access finance share",
  "Confirmed, thank you.", "explicit confirmation from a mobile client")
A("confirmation", "confirmed", "zh", "big5", ("賴美玲", "lai.meiling@example.test"), 4516, "印表機無法列印",
  "已經好了，謝謝你們！\n\n賴美玲", "Traditional Chinese (Big5): '已經好了' = fixed")
A("confirmation", "confirmed", "en", "tb", ("Joe Pratt", "joe.pratt@example.test"), 4517, "VPN certificate warning",
  "All sorted - no need to keep it open.\n\nJoe", "'no need to keep it open' after it is sorted -> confirmed")
A("confirmation", "confirmed", "zh", "qq", ("任超", "renchao@example.test"), 4518, "键盘失灵",
  "yes，谢谢师傅", "'yes' inside a Chinese reply; lang zh (one English word is not code-switching)")

# CONFIRMATION - rejected (13)
A("confirmation", "rejected", "zh", "qq", ("芦苇", "luwei@example.test"), 4521, "共享盘打不开",
  "否，还是打不开", "explicit no + still broken")
A("confirmation", "rejected", "en", "ol_en", ("Kate Brown", "kate.brown@example.test"), 4522, "CRM export fails",
  "No, still broken. Same error as before (Export failed: code 17).\n\nKate", "explicit no")
A("confirmation", "rejected", "en", "gm_en", ("Simon Hay", "simon.hay@example.test"), 4523, "Docking station keeps disconnecting",
  "Great, still broken. Third time this month you've \"fixed\" it.", "sarcasm: 'Great' is not a yes -> rejected")
A("confirmation", "rejected", "zh", "fox", ("穆青", "muqing@example.test"), 4524, "电脑蓝屏",
  "没有解决！！你们根本没来人看过就把单关了？今天又蓝屏两次！", "angry: not fixed -> rejected")
A("confirmation", "rejected", "mixed", "ol_zh", ("Ivan 钱", "ivan.qian@example.test"), 4525, "VPN connect 不上",
  "No 还是不行, VPN 一样 connect 不上, error 809.", "no + still failing")
A("confirmation", "rejected", "zh", "163", ("景涛", "jingtao@example.test"), 4526, "电脑反复重启",
  "不行，重启以后又自己重启了，跟之前一样。", "'不行' + same symptom")
A("confirmation", "rejected", "en", "iph_en", ("Ruth Ellis", "ruth.ellis@example.test"), 4527, "3F printer jams",
  "Not fixed - it prints one page then jams again.", "not fixed")
A("confirmation", "rejected", "zh", "mi", ("滕飞", "tengfei@example.test"), 4528, "网速很慢",
  "还是老样子", "'still the same as before' -> rejected")
A("confirmation", "rejected", "en", "ol_en", ("Colin Marsh", "colin.marsh@example.test"), 4529, "Teams calls drop",
  "Unfortunately no. It was fine for about an hour and now the calls drop again.\n\nColin", "worked briefly, back again -> rejected")
A("confirmation", "rejected", "zh", "olh_zh", ("邵文", "shaowen@example.test"), 4530, "OA 审批页面空白",
  "问题依旧，麻烦再看看。\n\n邵文", "HTML-only gb2312 Outlook reply: '问题依旧' = not fixed")
A("confirmation", "rejected", "mixed", "iph_zh", ("Nancy 柯", "nancy.ke@example.test"), 4531, "手机上收不到企业微信消息",
  "电脑上 OK, but 手机上 still 收不到, 这个 ticket 说的就是手机啊", "the ticket is about the phone and the phone still fails -> rejected (PC part is irrelevant)")
A("confirmation", "rejected", "zh", "fox8", ("雷鸣", "leiming@example.test"), 4532, "邮箱收不到外部邮件",
  "否", "single '否' while the quoted question contains '是' -> rejected")
A("confirmation", "rejected", "zh", "qq", ("牛犇", "niuben@example.test"), 4533, "收不到验证码",
  "是吗？我怎么还是收不到", "starts with '是' but it is a rhetorical question: still not receiving -> rejected")

# CONFIRMATION - unclear (13)
A("confirmation", "unclear", "zh", "fox", ("钟鸣", "zhongming@example.test"), 4541, "电脑很卡",
  "好像好了一点，但是开多几个表格还是有点卡……", "partial improvement with a 'but' -> unclear (issue example)")
A("confirmation", "unclear", "en", "ol_en", ("Amy Ford", "amy.ford@example.test"), 4542, "Scanner not saving to folder",
  "I'll check tomorrow when I'm back in the office.\n\nAmy", "deferred answer -> unclear (issue example)")
A("confirmation", "unclear", "en", "gm_en", ("Chris Yates", "chris.yates@example.test"), 4543, "Laptop won't wake from sleep",
  "Thanks! By the way, how do I connect a second monitor to it?", "'thanks' with a new question, no answer to ours -> unclear (issue example)")
A("confirmation", "unclear", "zh", "qq", ("孔静", "kongjing@example.test"), 4544, "Outlook 搜索不到邮件",
  "谢谢！", "'thanks' alone does not answer 'is it fixed?' -> unclear; the engineer can ask")
A("confirmation", "unclear", "mixed", "ol_zh", ("Tina 汪", "tina.wang@example.test"), 4545, "电脑连不上打印机",
  "yes and no, 电脑现在可以连上了 but 打印出来还是空白页.", "mixed signals -> unclear")
A("confirmation", "unclear", "zh", "iph_zh", ("郝建", "haojian@example.test"), 4546, "笔记本充不进电",
  "我现在在外面，回去试一下再告诉你", "not tested yet -> unclear")
A("confirmation", "unclear", "en", "tb", ("Will Grant", "will.grant@example.test"), 4547, "Backup job fails on Mondays",
  "Seems OK so far, but it only ever failed on Mondays, so ask me next week.", "hedged, cannot know yet -> unclear")
A("confirmation", "unclear", "zh", "163", ("邢雨", "xingyu@example.test"), 4548, "新装的软件打不开",
  "是不是要重启一下才生效？", "a question back (contains 是) -> unclear")
A("confirmation", "unclear", "en", "ol_en", ("Harriet Cole", "harriet.cole@example.test"), 4549, "Password reset",
  "Sorry, who is this? I don't remember raising a ticket.\n\nHarriet", "requester does not recognise the ticket -> unclear")
A("confirmation", "unclear", "zh", "fox", ("蒲丽", "puli@example.test"), 4550, "部门打印机打印很慢",
  "同事说她那边好了，我这边还没试。", "someone else's result, own not tested -> unclear")
A("confirmation", "unclear", "en", "hw", ("Ali Khan", "ali.khan@example.test"), 4551, "Email signature not showing",
  "Yes I got your email, will have a look later", "'yes' acknowledges receipt, not the fix -> unclear")
A("confirmation", "unclear", "zh", "gm_zh", ("齐悦", "qiyue@example.test"), 4552, "彩色打印颜色不对",
  "好了，但是打出来的颜色还是偏淡，跟以前不一样。", "'好了' followed by a remaining symptom of the same problem -> unclear")
A("confirmation", "unclear", "en", "olh_en", ("Ben Ryder", "ben.ryder@example.test"), 4553, "Laptop screen flicker",
  "Looks fixed on the laptop screen itself. I haven't tried it on the docking station yet, which is where it\nusually flickered.\n\nBen",
  "partly verified, the usual failing setup untested -> unclear")

# CONFIRMATION - withdrawn (2) / new problem (3)
A("confirmation", "withdrawn", "zh", "fox", ("岳峰", "yuefeng@example.test"), 4561, "旧电脑风扇异响",
  "不用处理了，这台电脑下周就换新的了，直接关掉吧。", "not fixed but no longer needed -> withdrawn")
A("confirmation", "withdrawn", "en", "ol_en", ("Sarah Dale", "sarah.dale@example.test"), 4562, "Visio install",
  "Never mind - the project was cancelled, so I don't need Visio any more. Please cancel the request.\n\nSarah",
  "requester withdraws the request -> withdrawn")
A("confirmation", "new_problem", "zh", "qq", ("冯佳", "fengjia@example.test"), 4571, "打印机不出纸",
  "打印机好了，谢谢！另外我的邮箱从今天早上开始收不到外部邮件，能帮忙看一下吗？",
  "confirms the old ticket AND reports a different issue -> new_problem (the mail issue needs its own ticket)")
A("confirmation", "new_problem", "en", "gm_en", ("Dan Frost", "dan.frost@example.test"), 4572, "VPN drops",
  "The VPN is fine now. But since this morning Outlook crashes every time I open a PDF attachment - different thing I think.",
  "old issue fine, a different new issue reported -> new_problem")
A("confirmation", "new_problem", "mixed", "fox", ("Helen 孙", "helen.sun@example.test"), 4573, "OA 登录不了",
  "不是这个问题了, 现在是另外一个: 我的 monitor 今天完全不亮, no signal.", "does not answer ours; a different new fault -> new_problem")

# ======================================================================
# SURVEY - ratings (18)
A("survey", "rating:5", "zh", "qq", ("蓝天", "lantian@example.test"), 4601, "耳机没声音", "5", "bare digit")
A("survey", "rating:5", "zh", "fox", ("卓越", "zhuoyue@example.test"), 4602, "显示器闪屏",
  "五星，非常满意！小李来得很快。", "五星 / 非常满意 -> 5")
A("survey", "rating:5", "zh", "iph_zh", ("谷雨", "guyu@example.test"), 4603, "OA 附件打不开",
  "★★★★★ 王工很专业", "five stars")
A("survey", "rating:5", "en", "gm_en", ("Tom Price", "tom.price@example.test"), 4604, "New starter laptop",
  "10/10 would recommend!", "10/10 on our 1-5 scale = the top -> 5")
A("survey", "rating:5", "zh", "163", ("钱程", "qiancheng@example.test"), 4605, "无线网卡驱动",
  "非常满意", "words for 5")
A("survey", "rating:5", "mixed", "ol_zh", ("Jay 叶", "jay.ye@example.test"), 4606, "Outlook 崩溃",
  "5分! super fast 👍 谢谢", "5分 with emoji")
A("survey", "rating:4", "en", "ol_en", ("Olivia Park", "olivia.park@example.test"), 4607, "Printer driver",
  "4 - quick fix once someone picked it up, but it took two days to get a response.\n\nOlivia", "number with comment")
A("survey", "rating:4", "zh", "fox", ("柏杨", "baiyang@example.test"), 4608, "会议室电话不通",
  "4分吧，解决得挺快，就是第一次来的同事没带工具。", "4分 with a hedge -> 4")
A("survey", "rating:4", "en", "iph_en", ("Grace Kim", "grace.kim@example.test"), 4609, "Webcam",
  "★★★★☆", "four filled stars")
A("survey", "rating:4", "zh", "qq", ("严冬", "yandong@example.test"), 4610, "共享盘权限",
  "满意", "'满意' (not 非常满意) -> 4 on the 5-point wording scale")
A("survey", "rating:3", "zh", "mi", ("司马琳", "simalin@example.test"), 4611, "电脑卡顿", "一般", "'一般' -> 3")
A("survey", "rating:3", "en", "tb", ("Rob Hale", "rob.hale@example.test"), 4612, "Shared calendar",
  "3/5. Fixed in the end, but I had to chase twice.", "3/5")
A("survey", "rating:3", "mixed", "gm_zh", ("Lily 左", "lily.zuo@example.test"), 4613, "VPN 慢",
  "还行吧, 3 分, 速度 still 不是很快", "3 with comment")
A("survey", "rating:2", "en", "ol_en", ("Neil Baxter", "neil.baxter@example.test"), 4614, "Laptop replacement",
  "2. It took a week to get a replacement and nobody told me anything in between.\n\nNeil", "number then comment")
A("survey", "rating:2", "zh", "fox8", ("甘露", "ganlu@example.test"), 4615, "邮箱容量满",
  "不太满意，2分，拖了三天才处理。", "不太满意 + 2分 agree -> 2")
A("survey", "rating:1", "en", "hw", ("Ray Dixon", "ray.dixon@example.test"), 4616, "Keyboard",
  "1 star. Nobody came, I fixed it myself.", "1 star")
A("survey", "rating:1", "zh", "ol_zh", ("车宁", "chening@example.test"), 4617, "ERP 报错",
  "非常不满意！！！\n\n车宁", "非常不满意 -> 1 (not the 非常满意 inside it)")
A("survey", "rating:1", "zh", "olh_zh", ("霍霞", "huoxia@example.test"), 4618, "门禁卡",
  "一星。态度太差了，问了三次才有人回。", "一星 -> 1; HTML-only gb2312")

# SURVEY - unclear (10) / new problem (2)
A("survey", "unclear", "en", "iph_en", ("Jim Boyd", "jim.boyd@example.test"), 4621, "Mouse replacement",
  "Fine.", "'Fine' is no number; could be 3 or 4 -> unclear, record no rating")
A("survey", "unclear", "zh", "qq", ("方圆", "fangyuan@example.test"), 4622, "新电脑装软件",
  "还没用，不知道好不好", "not used yet -> unclear")
A("survey", "unclear", "en", "ol_en", ("Maria Lopez", "maria.lopez@example.test"), 4623, "Conference room screen",
  "5 stars for Raj, 1 for the waiting time.\n\nMaria", "two ratings, mixed signals -> unclear")
A("survey", "unclear", "zh", "fox", ("苗苗", "miaomiao@example.test"), 4624, "打印机脱机",
  "问题又出现了，今天早上又脱机了。", "the problem came back: the ticket must go back to an engineer, no rating -> unclear")
A("survey", "unclear", "en", "gm_en", ("Luke Ward", "luke.ward@example.test"), 4625, "Software centre access",
  "Somewhere between 3 and 4 I guess", "no single number -> unclear")
A("survey", "unclear", "zh", "163", ("喻红", "yuhong@example.test"), 4626, "电话机没声音", "谢谢", "thanks alone, no rating -> unclear")
A("survey", "unclear", "en", "tb", ("Pete Sims", "pete.sims@example.test"), 4627, "Monitor arm",
  "Ticket #4627? I don't remember this one.", "does not recognise the ticket; the number in the text is not a rating -> unclear")
A("survey", "unclear", "mixed", "iph_zh", ("Ken 吕", "ken.lv@example.test"), 4628, "邮箱规则",
  "rating 的话... 看下次吧 lol", "no rating given -> unclear")
A("survey", "unclear", "en", "ol_en", ("Fay Turner", "fay.turner@example.test"), 4629, "Wi-Fi in meeting room 3",
  "I'd have given 5 if it hadn't come back twice before you fixed it properly.\n\nFay", "counterfactual '5' is not the rating -> unclear")
A("survey", "unclear", "zh", "qq", ("武丹", "wudan2@example.test"), 4630, "显卡驱动",
  "1 2 3 4 5 哪个是最好的？", "a question listing all numbers -> unclear")
A("survey", "new_problem", "zh", "fox", ("沈浩", "shenhao@example.test"), 4631, "鼠标失灵",
  "先不打分了，我现在 Outlook 打不开了，一直卡在启动界面。", "no rating; a different new fault -> new_problem")
A("survey", "new_problem", "en", "gm_en", ("Eve Hunt", "eve.hunt@example.test"), 4632, "Projector bulb",
  "Can't rate yet - now my laptop won't connect to the projector at all in the other room. Different room, different projector.",
  "no rating; a new issue elsewhere -> new_problem")

# ======================================================================
# KB - solved (8)
A("kb", "solved", "en", "ol_en", ("Ann Cross", "ann.cross@example.test"), 4701, "Outlook stuck on 'Loading profile'",
  "solved", "the keyword we asked for", kb="KB-0112 Outlook hangs at 'Loading profile' https://kb.example.test/articles/112")
A("kb", "solved", "zh", "fox", ("易晨", "yichen@example.test"), 4702, "打印任务卡在队列里",
  "已解决，按文章第三步清空打印队列就好了。", "explicit 已解决", kb="KB-0087《打印任务卡住的处理方法》 https://kb.example.test/articles/87")
A("kb", "solved", "en", "gm_en", ("Max Webb", "max.webb@example.test"), 4703, "Teams camera black",
  "That article did the trick, thanks - solved!", "article fixed it", kb="KB-0140 Camera shows black in Teams https://kb.example.test/articles/140")
A("kb", "solved", "zh", "iph_zh", ("安琪", "anqi@example.test"), 4704, "手机邮箱同步失败",
  "解决了 谢谢", "terse mobile 解决了", kb="KB-0033《手机邮箱设置》 https://kb.example.test/articles/33")
A("kb", "solved", "mixed", "ol_zh", ("Vicky 焦", "vicky.jiao@example.test"), 4705, "VPN 证书错误",
  "照着 KB 做了, works now, solved. 谢谢!", "solved in mixed text", kb="KB-0201《VPN 证书错误》 https://kb.example.test/articles/201")
A("kb", "solved", "zh", "163", ("尚文", "shangwen@example.test"), 4706, "OA 页面显示不全",
  "不用派人了，按照链接里的方法清了浏览器缓存就好了。",
  "'不用派人了' because the article fixed it -> solved, not withdrawn", kb="KB-0045《OA 页面显示异常》 https://kb.example.test/articles/45")
A("kb", "solved", "en", "hw", ("Zack Ball", "zack.ball@example.test"), 4707, "Can't print double-sided",
  "Yes that fixed it", "yes to 'did it fix it'", kb="KB-0090 Duplex printing settings https://kb.example.test/articles/90")
A("kb", "solved", "zh", "big5", ("吳淑芬", "wu.shufen@example.test"), 4708, "Excel 開啟很慢",
  "照文章做完已經可以了，謝謝。", "Big5: works after the article -> solved", kb="KB-0150《Excel 開啟緩慢》 https://kb.example.test/articles/150")

# KB - not solved (8)
A("kb", "not_solved", "en", "ol_en", ("Ian Bell", "ian.bell@example.test"), 4711, "Wi-Fi keeps asking for password",
  "Tried everything in the article, still getting the prompt every hour.\n\nIan", "tried, still failing",
  kb="KB-0077 Wi-Fi password prompts https://kb.example.test/articles/77")
A("kb", "not_solved", "zh", "qq", ("鲁迅达", "luxunda@example.test"), 4712, "VPN 连不上",
  "文章看了，没用，还是连不上。", "没用 + still failing", kb="KB-0201《VPN 连接失败排查》 https://kb.example.test/articles/201")
A("kb", "not_solved", "zh", "fox", ("伏虹", "fuhong@example.test"), 4713, "Outlook 签名不显示",
  "按步骤操作到第4步就找不到那个选项了，我的版本好像不一样，还是没弄好。", "could not apply the article; still broken -> not_solved",
  kb="KB-0061《设置邮件签名》 https://kb.example.test/articles/61")
A("kb", "not_solved", "mixed", "gm_zh", ("Jerry 丁", "jerry.ding@example.test"), 4714, "Excel 宏被禁用",
  "Not solved, KB 里的方法我之前就试过了.", "not solved", kb="KB-0120《启用 Excel 宏》 https://kb.example.test/articles/120")
A("kb", "not_solved", "en", "iph_en", ("Sue Holt", "sue.holt@example.test"), 4715, "Printer not found",
  "That article is about Windows, I'm on a Mac. Still can't print.", "article does not apply, still broken",
  kb="KB-0088 Add a network printer in Windows https://kb.example.test/articles/88")
A("kb", "not_solved", "zh", "mi", ("彭博", "pengbo@example.test"), 4716, "电脑没声音",
  "没解决，能不能直接派人过来看看", "explicit not solved", kb="KB-0019《电脑没有声音》 https://kb.example.test/articles/19")
A("kb", "not_solved", "en", "tb", ("Mark Oaks", "mark.oaks@example.test"), 4717, "OneDrive not syncing", "no",
  "bare 'no' to 'did it fix it'", kb="KB-0131 OneDrive sync issues https://kb.example.test/articles/131")
A("kb", "not_solved", "zh", "ol_zh", ("卫青", "weiqing@example.test"), 4718, "无法安装打印机驱动",
  "文章里说要管理员权限，我没有，所以装不了，怎么办？\n\n卫青", "could not follow the article (needs admin); problem remains -> not_solved",
  kb="KB-0095《安装打印机驱动》 https://kb.example.test/articles/95")

# KB - unclear (7) / withdrawn (1) / new problem (1)
A("kb", "unclear", "zh", "qq", ("花开", "huakai@example.test"), 4721, "共享盘映射",
  "我试一下", "not tried yet -> unclear", kb="KB-0050《映射网络驱动器》 https://kb.example.test/articles/50")
A("kb", "unclear", "en", "gm_en", ("Lara Finch", "lara.finch@example.test"), 4722, "Calendar permissions",
  "Will try this after lunch.", "deferred -> unclear", kb="KB-0066 Share your calendar https://kb.example.test/articles/66")
A("kb", "unclear", "mixed", "iph_zh", ("Queenie 欧", "queenie.ou@example.test"), 4723, "Zoom 没有声音",
  "好像 solved 了? 不确定, 明天开会再看看", "'solved' with a question mark and 不确定 -> unclear",
  kb="KB-0170《会议软件没有声音》 https://kb.example.test/articles/170")
A("kb", "unclear", "en", "ol_en", ("Owen Pike", "owen.pike@example.test"), 4724, "Error 0x800ccc0e in Outlook",
  "Solved? Not sure. The error is gone but now sending takes about a minute per mail.\n\nOwen",
  "mixed signals -> unclear", kb="KB-0113 Outlook error 0x800CCC0E https://kb.example.test/articles/113")
A("kb", "unclear", "en", "hw", ("Beth Long", "beth.long@example.test"), 4725, "Screen resolution wrong",
  "Thanks, I'll have a read.", "acknowledges the article only -> unclear", kb="KB-0071 Display scaling https://kb.example.test/articles/71")
A("kb", "unclear", "zh", "fox8", ("司琪", "siqi@example.test"), 4726, "网页打不开",
  "谢谢，我先看看", "acknowledgement only -> unclear", kb="KB-0022《网页无法打开》 https://kb.example.test/articles/22")
A("kb", "unclear", "en", "olh_en", ("Tony Fry", "tony.fry@example.test"), 4727, "Dual monitors flicker",
  "Solved the first part (the left screen is fine now), but the second screen still flickers.\n\nTony",
  "'Solved' only for part of the problem -> unclear", kb="KB-0072 Monitor flicker https://kb.example.test/articles/72")
A("kb", "withdrawn", "zh", "163", ("翟亮", "zhailiang@example.test"), 4731, "月报导出报错",
  "不需要了，这个月报以后不用做了，工单可以撤销。", "request no longer needed -> withdrawn",
  kb="KB-0125《报表导出失败》 https://kb.example.test/articles/125")
A("kb", "new_problem", "en", "ol_en", ("Gina Shaw", "gina.shaw@example.test"), 4732, "Can't open PDF attachments",
  "This article is about PDFs - sorry, my mail was unclear. The actual problem is that my laptop battery drains\nin an hour. PDFs are fine.\n\nGina",
  "the real issue is different from what the ticket/article is about -> new_problem",
  kb="KB-0101 PDF attachments won't open https://kb.example.test/articles/101")

# ======================================================================
# more clients and mixed-language answers (10)
A("confirmation", "confirmed", "en", "aw", ("Jürgen Maier", "juergen.maier@example.test"), 4801, "SAP GUI crashes on start",
  "Yes, works again. Thanks!\n\nViele Grüße\nJürgen", "German Outlook 'AW:' prefix and header block; text is English -> en")
A("confirmation", "rejected", "en", "aw", ("Anke Vogel", "anke.vogel@example.test"), 4802, "Munich office cannot reach SAP",
  "No - we still can't reach the SAP system from Munich, same timeout as yesterday.\n\nAnke", "AW: reply, explicit no")
A("survey", "rating:5", "en", "aw", ("Stefan Roth", "stefan.roth@example.test"), 4803, "Docking station", "5 - danke!",
  "digit + German thanks")
A("survey", "rating:4", "mixed", "gm_zh", ("Mia 黄", "mia.huang@example.test"), 4804, "Laptop 换电池",
  "给 4 星吧 ⭐⭐⭐⭐, engineer 很 nice 但是等了一天", "four emoji stars and '4 星' agree -> 4")
A("survey", "unclear", "mixed", "ol_zh", ("Ada 程", "ada.cheng@example.test"), 4805, "共享盘很慢",
  "满意 but 问题还没完全解决, 下午还是会慢一阵.", "'满意' plus 'not fully solved' after closure -> unclear (engineer must look, no rating)")
A("confirmation", "unclear", "mixed", "iph_zh", ("Ray 钟", "ray.zhong@example.test"), 4806, "Outlook 日历不同步",
  "应该 OK 了吧? 我明天 double check 一下", "hedged + will check tomorrow -> unclear")
A("confirmation", "confirmed", "mixed", "gm_zh", ("Zoe 白", "zoe.bai@example.test"), 4807, "无线鼠标没反应",
  "搞定了, all good 👌", "'搞定了' = fixed")
A("kb", "solved", "mixed", "fox", ("Eddie 韩", "eddie.han@example.test"), 4808, "OA 打开一直转圈",
  "Solved! 原来是浏览器 cache 的问题, 清掉就好了.", "solved", kb="KB-0045《OA 页面显示异常》 https://kb.example.test/articles/45")
A("confirmation", "rejected", "mixed", "ol_zh", ("Wendy 罗", "wendy.luo@example.test"), 4809, "ERP 打印报表报错",
  "还是不行, still the same error, 截图见附件.", "not fixed, screenshot attached",
  structure="mixed", attach=[dict(type="png", name="error_again.png")])
A("confirmation", "unclear", "zh", "ol_zh", ("钱多多", "qianduoduo@example.test"), 4810, "报销单提交不了",
  "收到", "'收到' only acknowledges receipt; no answer to 'is it fixed?' -> unclear; long signature below",
  sig="钱多多\n财务共享中心 | 费用核算组\n电话：021-5555 0123\n本邮件可能包含保密信息，如非指定收件人请勿使用、复制或转发，并请立即删除。")
