"""Held-out triage set, part B (170 mails). Never used for writing or tuning rules.

Labelled by hand from ../shared/corpus/GUIDE.md only (kind first, then category, then priority),
without looking at the classifier's rules, code or fixtures. Build and verify with
    python3 tests/eval/holdout/build_b.py
which runs ../shared/corpus/tools/build.py (emlkit) and renames the output to bNNN.eml +
labels-b.csv. Content is synthetic; every address is on a reserved example domain; product and
system names are invented.
"""
import os
import sys

_TOOLS = os.environ.get("CORPUS_TOOLS") or os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "corpus", "tools"))
sys.path.insert(0, _TOOLS)
from emlkit import (quote_gmail_en, quote_gmail_zh, quote_outlook_en, quote_outlook_zh,  # noqa: E402
                    quote_outlook_old, quote_qq, quote_163, quote_foxmail, simple_original, tiny_png)

SEED = 4242
MAILS = []

PROF = {
    "zh": [
        dict(client="outlook", charset="gbk", cte="base64", structure="alt", subj_enc="gbk-b"),
        dict(client="foxmail", charset="gb18030", cte="base64", structure="alt", subj_enc="gb18030-b"),
        dict(client="qq", charset="utf-8", cte="base64", structure="html", subj_enc="utf8-b"),
        dict(client="coremail", charset="gbk", cte="quoted-printable", structure="alt", subj_enc="gbk-q"),
        dict(client="apple", charset="utf-8", cte="8bit", structure="plain", subj_enc="utf8-b"),
        dict(client="outlook", charset="gb2312", codec="gbk", cte="base64", structure="html", subj_enc="gb2312-b"),
        dict(client="thunderbird", charset="utf-8", cte="quoted-printable", structure="plain", subj_enc="utf8-q",
             linesep="\n"),
        dict(client="gmail", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"),
        dict(client="webmail", charset="utf-8", cte="8bit", structure="plain", subj_enc="raw8"),
        dict(client="foxmail", charset="gbk", cte="8bit", structure="plain", subj_enc="gbk-b"),
    ],
    "en": [
        dict(client="outlook", charset="utf-8", cte="quoted-printable", structure="alt"),
        dict(client="gmail", charset="utf-8", cte="7bit", structure="alt"),
        dict(client="apple", charset="utf-8", cte="7bit", structure="plain", flowed=True),
        dict(client="outlook", charset="us-ascii", cte="base64", structure="html"),
        dict(client="thunderbird", charset="utf-8", cte="7bit", structure="plain", linesep="\n"),
        dict(client="webmail", charset="iso-8859-1", cte="quoted-printable", structure="plain"),
        dict(client="gmail", charset="utf-8", cte="base64", structure="alt"),
        dict(client="exchange", charset="utf-8", cte="quoted-printable", structure="html"),
    ],
    "mixed": [
        dict(client="outlook", charset="utf-8", cte="base64", structure="alt", subj_enc="utf8-b"),
        dict(client="foxmail", charset="gbk", cte="base64", structure="alt", subj_enc="gbk-b"),
        dict(client="gmail", charset="utf-8", cte="quoted-printable", structure="alt", subj_enc="utf8-q"),
        dict(client="qq", charset="gb18030", cte="base64", structure="html", subj_enc="gb18030-b"),
        dict(client="apple", charset="utf-8", cte="8bit", structure="plain", subj_enc="utf8-b"),
    ],
}
BIG5 = [
    dict(client="outlook", charset="big5", cte="base64", structure="alt", subj_enc="big5-b"),
    dict(client="webmail", charset="big5", cte="quoted-printable", structure="plain", subj_enc="big5-q"),
    dict(client="outlook", charset="big5", cte="base64", structure="html", subj_enc="big5-b"),
]
_n = {"zh": 0, "en": 0, "mixed": 0, "big5": 0}

IPHONE_ZH = "发自我的 iPhone"
HUAWEI_ZH = "发自我的华为手机"
IPHONE_EN = "Sent from my iPhone"
ANDROID_EN = "Sent from my Galaxy"
DISCLAIMER_EN = ("CONFIDENTIALITY NOTICE: This e-mail and any attachments may contain confidential information. "
                 "If you are not the intended recipient, please delete it. We scan all mail for viruses, but "
                 "cannot accept liability for any damage caused by a virus or network failure.")
DISCLAIMER_ZH = ("【保密声明】本邮件及其附件含有保密信息，仅限收件人使用。如误收，请立即删除并通知发件人。"
                 "本公司不对因病毒、网络故障或密码泄露造成的损失承担责任。")


def M(kind, cat, pri, lang, frm, subject, body, notes="", big5=False, **kw):
    key = "big5" if big5 else lang
    profs = BIG5 if big5 else PROF[lang]
    p = dict(profs[_n[key] % len(profs)])
    _n[key] += 1
    p.update(kw)
    d = dict(kind=kind, cat=cat, pri=pri, lang=lang, frm=frm, subject=subject,
             body=body.strip("\n") + "\n", notes=notes)
    d.update(p)
    MAILS.append(d)


def R(cat, pri, lang, frm, subject, body, notes="", **kw):
    M("request", cat, pri, lang, frm, subject, body, notes, **kw)


PNG = [dict(type="png", name="screenshot.png")]


# ======================================================================
# HARDWARE (24)
R("hardware", "P1", "zh", ("包装车间 冯建国", "fengjianguo@example.test"), "急！！包装线喷码机坏了，整条线停了",
  """IT的同事：

A3包装线上那台喷码打印机（型号 MK-700）刚才"啪"一声之后就不动了，闻到一股焦味，屏幕也不亮。
没有生产日期和批号的箱子不能出厂，现在整条线停着，四十来个工人在旁边等。
设备科说打印机归你们管，麻烦马上派人来，有备机的话直接带过来。

冯建国
包装车间 班长 分机 3107""",
  "single device but production line stopped (core business) -> P1; burning smell = physical fault")
R("hardware", "P1", "zh", ("设计部 韦晓", "weixiao@example.test"), "设计部NAS两块硬盘亮红灯，共享盘打不开",
  """你好！
我们设计部放图纸的那台群晖 NAS（机柜第二层）今天早上有两块硬盘亮红灯，一直滴滴叫。
现在 \\\\design-nas\\projects 打不开，全组十五个人都没法打开图纸，下午还要给甲方出图。
别的网站、邮件都正常，就是这台 NAS 的问题。
请尽快！！

韦晓""",
  "share unreachable because the storage device behind it failed -> hardware; whole team stopped -> P1",
  sig=DISCLAIMER_ZH)
R("hardware", "P1", "en", ("Hannah Ortiz", "hannah.ortiz@example.test"), "Riverside store - card terminals all dead",
  """Hi,

After the power flicker at about 10:20 all eight card terminals at the Riverside store went black and
won't power back on. We've unplugged and replugged them, tried different sockets, nothing - no lights at
all. The tills themselves are up, but we cannot take card payments and most customers don't carry cash.
We've put a sign on the door. Saturday is our busiest day.

Please send someone or spare terminals.

Hannah Ortiz
Store Manager, Riverside""",
  "store cannot take payments (core business, whole store) -> P1; devices dead after power event -> hardware")
R("hardware", "P2", "en", ("Tom Becker", "tom.becker@example.test"), "cracked screen",
  """Dropped my laptop at the airport this morning, screen is cracked across the middle and the bottom half
is just coloured lines. Can't read anything. I'm in Hamburg for the supplier audit tomorrow and Thursday
and everything is on this machine. Is there a loaner I can pick up at the Hamburg office, or can you
ship one to the hotel?

Tom""",
  "one person fully blocked, physical damage, business trip -> P2", sig=IPHONE_EN)
R("hardware", "P2", "zh", ("钱晓雯", "qianxiaowen@example.test"), "笔记本被咖啡泼了",
  """您好，刚才不小心把一整杯拿铁洒在笔记本键盘上了，我马上拔了电源，擦干了，但是现在按开机键没反应。
我是做出纳的，今天的付款单都要在这台电脑上做，能不能先借我一台电脑用？数据能不能救回来？
钱晓雯 财务部""",
  "liquid damage, one person blocked on essential work -> P2")
R("hardware", "P2", "zh", ("林志豪", "lin.zhihao@example.test"), "桌機開不了機，電源燈一直閃橘色",
  """IT 您好：

我的桌上型電腦今天早上開機時，電源燈一直閃橘色，風扇轉一下就停，螢幕完全沒有畫面。
拔掉電源線等了五分鐘再插回去也一樣。今天要把報價單寄給客戶，檔案都在這台電腦裡，
麻煩盡快派人來看，謝謝！

林志豪
台北辦公室 業務部""",
  "Traditional Chinese (Taipei office); dead PC, one person blocked + deadline -> P2", big5=True)
R("hardware", "P2", "mixed", ("Vivian 张薇", "vivian.zhang@example.test"), "Surface 充电器坏了 battery 5%",
  """Hi IT,

我的 Surface 充电器 broken 了, 指示灯不亮, 换了插座也没用. 现在 battery 只剩 5%,
下午两点要去客户那边 present 新方案, 能不能 borrow 一个充电器? 我在 7F 靠窗那排.

Thanks!
Vivian""",
  "charger dead, one person about to be fully blocked before a customer meeting -> P2")
R("hardware", "P2", "en", ("Grace Mensah", "grace.mensah@example.test"), "FW: headset dead - can't take calls",
  """Pls handle - Amir is one of our phone agents and has been sitting idle since 9.

Grace
Team Lead, Customer Care

-----Original Message-----
From: Amir Haddad
Sent: Tuesday 09:12
To: Grace Mensah
Subject: headset dead - can't take calls

Grace, my headset stopped working completely, no sound in or out, tried the other USB port and
restarting. I can't take any calls. We have no spare ones in the cupboard.""",
  "manager forwards: one agent fully blocked on essential work, no spare -> P2 (one person, not P1)")
R("hardware", "P2", "zh", ("出纳 邵敏", "shaomin@example.test"), "支票打印机卡住不动了",
  """你好，
财务室那台专门打支票的针式打印机（映美）打到一半卡住了，纸退不出来，面板上三个灯一起闪。
今天下班前要把二十几张供应商付款支票打出来，别的打印机打不了支票格式。
请尽快过来看一下，谢谢！
邵敏""",
  "specialised printer broken, no alternative, hard deadline today; small scope -> P2")
R("hardware", "P2", "en", ("Kenji Watanabe", "kenji.watanabe@example.test"), "laptop keeps shutting itself off",
  """Hello IT,

Since yesterday my ThinkBook gets very hot underneath and just switches off, no warning, roughly every
10-15 minutes. The fan sounds like a hair dryer before it dies. I've had three customer calls cut off
this morning already and I have more lined up all afternoon.

Could someone look at it today?

Thanks,
Kenji Watanabe
Account Manager""",
  "overheating shutdown = physical; one person cannot do essential work -> P2")
R("hardware", "P3", "zh", ("何静", "hejing@example.test"), "显示器中间有一条竖线",
  """IT 你好：
我的显示器屏幕中间多了一条绿色的竖线，大概一厘米宽，一直在那儿，调分辨率也没用。
看表格的时候有点挡，但还能用。方便的时候帮我换一台吧。
何静  人力资源部""",
  "display defect, still usable -> P3")
R("hardware", "P3", "zh", ("行政 石磊", "shilei@example.test"), "801会议室的摄像头没画面",
  """各位好：
801 会议室那个挂在电视上的摄像头这两天一直是黑的，视频会议对方看不到我们。
现在开会都是用笔记本自带的摄像头凑合，能开，但是大家挤在一起很不方便。
麻烦有空过来看看是坏了还是线松了。
石磊""",
  "meeting-room camera broken, laptop camera as workaround -> P3")
R("hardware", "P3", "en", ("Olivia Grant", "olivia.grant@example.test"), "Sticky space bar",
  """Hi,

My keyboard's space bar has become really stiff and sometimes doesn't register, so my emails come out
likethis. I'm using the laptop's own keyboard for now which is ok-ish. Could I get a replacement
keyboard when someone's passing by desk 3.14?

Thank you!
Olivia""",
  "peripheral fault with workaround -> P3")
R("hardware", "P3", "en", ("Marcus Lee", "marcus.lee@example.test"), "2F copier scans come out crooked",
  """Hi team, the big copier on 2F (the Kyocera by the lifts) has started producing skewed scans from the
document feeder - every page tilted maybe 5 degrees, some with the edge cut off. Copying is fine and
scanning from the glass is fine, so it's probably the feeder rollers. Not urgent but we scan a lot of
delivery notes.

Marcus""",
  "device fault, workaround (scan from glass) -> P3")
R("hardware", "P3", "mixed", ("陶晶 Crystal", "crystal.tao@example.test"), "打印机 tray 2 一直报 Load Letter",
  """Hi,

5 楼那台 HP 打印机 tray 2 一直报 "Load Letter", 明明放的是 A4 纸. tray 1 手动放纸可以打,
所以还能用, just 比较麻烦. 有空帮忙看看?

Crystal""",
  "printer tray fault, tray 1 works -> P3")
R("hardware", "P3", "zh", ("杨帆", "yangfan@example.test"), "电脑风扇声音特别大，像拖拉机",
  """你好啊，是这样的，我这台戴尔台式机用了快四年了，以前一直挺安静的，大概上周开始吧，一开机风扇就呼呼地转，
声音特别大，像拖拉机一样，坐我旁边的同事都问我是不是在挖矿哈哈。我用软件看了下温度，CPU 好像七十多度，
电脑本身还能正常用，不死机也不蓝屏，就是吵，开会的时候对方都能听到。
不知道是不是灰太多了，能不能有空帮我清一下灰或者看看是不是风扇要换了。谢谢啦。

杨帆 市场部""",
  "rambling; noisy fan but PC works -> hardware P3")
R("hardware", "P3", "en", ("Derek Simmons", "derek.simmons@example.test"), "URGENT!!!!! second monitor flickering!!!",
  """URGENT PLEASE!!!!

My second monitor keeps flickering on and off every few minutes. The main monitor is fine so I've
moved everything over to it but I NEED both for my spreadsheets. Please fix TODAY!!!

Derek""",
  "shouted urgency but one of two monitors, work continues -> P3 (impact wins over adjectives)")
R("hardware", "P3", "zh", ("刘佳琪", "liujiaqi@example.test"), "电脑巨慢，开机要十分钟",
  """IT您好：
我的电脑最近特别慢，开机要十分钟左右，打开任何东西都要等，任务管理器里磁盘一直 100%。
没装什么新软件，电脑是 2019 年领的。能用但效率很低，看看是不是该换硬盘或者换电脑了。
刘佳琪 采购部""",
  "whole PC slow, disk 100 %, old machine, no application named -> hardware P3")
R("hardware", "P3", "mixed", ("Kevin 韩", "kevin.han@example.test"), "蓝牙鼠标 lag 很严重",
  """我的蓝牙 mouse 最近 lag 很严重, 光标一顿一顿的, 换了电池也一样.
用有线鼠标是正常的, 所以 not a big deal, 只是想换个新的 wireless mouse. Thx""",
  "peripheral degraded, wired mouse works -> P3")
R("hardware", "P3", "en", ("Ruth Adeyemi", "ruth.adeyemi@example.test"), "desk phone crackles",
  """Hello,

The handset of my desk phone (ext. 4412) crackles so badly that people can hardly hear me. Speakerphone
is clear, so I'm using that for now but it isn't great in an open office. Could the handset or cable be
replaced?

Many thanks,
Ruth""",
  "desk phone as a device, speakerphone workaround -> P3")
R("hardware", "P3", "zh", ("郑凯", "zhengkai@example.test"), "3楼复印机A3纸老卡",
  """3楼复印机一复印A3就卡纸，A4没问题。我们部门图纸多，现在都拿到4楼去印。
麻烦找厂家来修一下。""",
  "terse; copier fault, another copier available -> P3", sig=HUAWEI_ZH)
R("hardware", "P4", "zh", ("孔维", "kongwei@example.test"), "笔记本外壳有条裂缝",
  """你好，我的笔记本屏幕转轴旁边的外壳有一条两厘米左右的裂缝，可能是挤地铁压的。
电脑用起来完全正常，不影响使用，就是报备一下，下次换机的时候一起处理就行，不急。""",
  "cosmetic damage, explicitly no impact -> P4")
R("hardware", "P4", "en", ("Sophie Laurent", "sophie.laurent@example.test"), "Webcam privacy cover broke off",
  """Hi,

The little sliding privacy cover on my laptop's webcam snapped off. The camera itself works perfectly.
Not important at all - just if you have a spare sticker cover lying around next time you're on 4F.

Sophie""",
  "cosmetic/accessory, device works -> P4")
R("hardware", "P4", "mixed", ("罗琳 Lynn", "lynn.luo@example.test"), "显示器支架 a bit loose",
  """Hi IT, 我的显示器支架有点松, 屏幕会慢慢往下低头, 我用书垫着 fine.
No rush, 下次有人过来 6F 的时候顺便拧一下螺丝就好. 谢谢~""",
  "minor physical annoyance, no impairment, explicitly no rush -> P4")


# ======================================================================
# SOFTWARE (28)
R("software", "P1", "zh", ("客服主管 程丽", "chengli@example.test"), "订单系统全部卡死，客服下不了单！！",
  """IT：

「易订」订单系统从 9 点 50 分开始，所有人点"提交订单"都一直转圈，过两分钟弹出"服务器内部错误（错误码 E5001）"。
客服中心 26 个坐席、电商组 8 个人现在一张单都下不了，电话那边客户在排队。
网络是好的，别的系统（邮件、OA）都能打开。请立刻处理，有进展请打我手机。

程丽
客服中心主管""",
  "order entry stopped for the whole customer-service centre; the app answers with an error -> software P1",
  structure="mixed", attach=PNG)
R("software", "P1", "en", ("Natalie Brooks", "natalie.brooks@example.test"), "PayFlow crashes on payroll run - payroll due today",
  """Hi,

PayFlow closes without any message as soon as any of us clicks "Calculate" on the December run. This
happens for all five of us in HR/payroll, on different PCs, since this morning's update. Payroll has to
be submitted to the bank by 15:00 today or about 600 staff won't be paid on time.

Please escalate.

Natalie Brooks
Payroll Lead""",
  "payroll for the whole company blocked on closing day, application crash -> software P1")
R("software", "P1", "mixed", ("仓库 老周 Zhou", "zhou.warehouse@example.test"), "WMS app 闪退, 仓库发不了货",
  """IT team,

今天早上 Lumen WMS 推了 update 之后, 所有 picker 的手持终端上 app 一打开就闪退 (crash to home screen).
我们 18 个拣货员全部没法扫码拣货, 仓库现在 shipping 完全停了, 下午 4 点快递要来收货.
Devices 本身是好的, 别的 app 正常. Please rollback or fix ASAP!!

老周
仓储部""",
  "app crash after update stops warehouse shipping for 18 pickers -> software P1 (devices fine)")
R("software", "P1", "en", ("Ian Fletcher", "ian.fletcher@example.test"), "Customer portal showing database error to everyone",
  """Team,

Since about 06:30 our customer portal (portal.example.test) shows a white page with "Error establishing
a database connection" for every customer. Our dealers can't place orders or check stock, and the
phones are ringing. The site itself loads - it's the application failing behind it.

I'm the on-call product owner, reachable on my mobile.

Ian""",
  "customer-facing order app down for everyone; the server answers so it is software, not network -> P1",
  sig=ANDROID_EN)
R("software", "P2", "zh", ("会计 赵海燕", "zhaohaiyan@example.test"), "账易通打开凭证模块就报错",
  """您好：

我在「账易通」财务软件里一点"凭证录入"就弹出错误：Object reference not set to an instance of an object，
然后整个软件就关掉了。重装过客户端也一样，别的同事电脑上正常。
今天下午要把上个月的凭证全部录完给审计，麻烦尽快帮忙看看，谢谢！

赵海燕
财务部 总账会计""",
  "one user's app fails on an essential function + same-day deadline -> P2", structure="mixed", attach=PNG)
R("software", "P2", "en", ("Ben Kowalski", "ben.kowalski@example.test"), "CAD licence expired - can't open drawings",
  """Hi IT,

DraftPro started saying "Your licence has expired (code LX-204)" this morning and will only open in
viewer mode, which can't save. I have to submit the revised site plans to the council by Friday noon
and there's still two days of work in them. Can you renew or move a licence to my machine?

Ben Kowalski
Civil Engineering""",
  "licence expired -> software; one person blocked with a near deadline -> P2")
R("software", "P2", "zh", ("吳佩珊", "wu.peishan@example.test"), "報價系統匯出PDF就當掉",
  """您好，

我們的報價系統只要按「匯出 PDF」就當掉，畫面變白，然後顯示「程式沒有回應」。
已經重開機兩次了還是一樣。客戶要求今天下班前收到報價單，請幫忙盡快處理，感謝！

吳佩珊
香港辦事處 業務助理""",
  "Traditional Chinese (HK); app hangs on an essential function + today's deadline -> P2", big5=True)
R("software", "P2", "mixed", ("Leo 孟", "leo.meng@example.test"), "Excel macro 全部 disabled, 对账跑不了",
  """Hi IT, bhys 打扰一下

昨天电脑 auto update 之后, 我的 Excel macro 全部被 disabled, 提示 "Microsoft has blocked macros from running
because the source of this file is untrusted". 每天早上的 bank reconciliation 全靠这个宏,
今天 ddl 是 12 点, 现在完全跑不了. 能不能帮我把这个 folder 加到 trusted location?

Leo
Finance Ops""",
  "Office security setting blocks an essential macro for one user, deadline today -> software P2; pinyin abbr bhys, ddl; Foxmail-style quote",
  quote=quote_foxmail("IT服务台", "it-notice@example.test", "2025-06-30 18:00", "all-staff@example.test", "本周 Windows / Office 安全更新",
                      "各位同事：今晚将推送 Windows 和 Office 安全更新，请保持电脑开机联网。"))
R("software", "P2", "en", ("Alicia Romero", "alicia.romero@example.test"), "Blue screen every 20 minutes",
  """Hello,

My PC has blue-screened four times since 9 am, always "DRIVER_IRQL_NOT_LESS_OR_EQUAL" and then it
reboots. It's impossible to get anything done, I lose whatever I'm typing. Nothing physical seems wrong,
no noises or smells. It started after Windows installed updates last night.

Alicia Romero
Legal""",
  "repeated blue screens, no physical symptom -> software; one person unable to work -> P2",
  structure="mixed", attach=[dict(type="png", name="bsod_photo.png")])
R("software", "P2", "zh", ("销售 白宇", "baiyu@example.test"), "CRM客户端升级后打不开，一直转圈",
  """你好，CRM 客户端昨天晚上自动升级到 5.2 之后，今天双击就一直转圈，十几分钟都进不去主界面。
任务管理器里看到进程在，但是没有窗口。我今天要给十几个客户打回访电话，客户资料都在里面，网页版我们没开通。
麻烦尽快看一下，谢谢！
白宇 华东销售部""",
  "one user's CRM broken, no workaround, customer calls -> P2")
R("software", "P2", "en", ("Rachel Whitfield", "rachel.whitfield@example.test"), "Huddle won't share my screen - board meeting at 3",
  """Hi,

When I try to share my screen in Huddle it just shows a black rectangle to everyone else. Audio and
video work. I have to present the quarterly numbers to the board at 3 pm today over Huddle from the
Leeds office. Can someone help before then? I'm at my desk all morning.

Rachel Whitfield
Finance Director""",
  "conferencing app fault; board meeting deadline today raises P3 to P2")
R("software", "P2", "zh", ("法务 邓倩", "dengqian@example.test"), "打印机驱动装不上，只有我这台打不了",
  """IT您好：
我电脑换了新系统之后，添加 6 楼的柯美打印机一直提示"打印机驱动程序无法使用"，装了三次都失败。
同事的电脑都能正常打印，打印机是好的。今天下午合同签约要打印一式四份，急！
邓倩 法务部""",
  "driver unavailable on one PC while the printer works for others -> software; deadline today -> P2")
R("software", "P2", "mixed", ("Anna 黎", "anna.li@example.test"), "Fw: 报表工具 Tabula export error",
  """IT 同事, 麻烦看一下下面同事的问题, pls handle. 月底 report 要用.
Anna

-----原始邮件-----
发件人: 苏畅
发送时间: 2025年6月27日 9:05
收件人: 黎安娜
主题: 报表工具 Tabula export error

安娜姐, 我用 Tabula 导出月度 sales report 的时候一直报 "Export failed: out of memory", 试了好几次都不行,
今天下班前要交给你, 别的功能都正常.""",
  "manager forwards a staff report; one user blocked with today's deadline -> software P2; judge the forwarded ask because the new text only says pls handle")
R("software", "P3", "zh", ("潘雨", "panyu@example.test"), "Word 老是未响应",
  """您好，最近 Word 打开稍微大一点的文档就会"未响应"半分钟左右，然后又好了，保存的时候也会卡一下。
不影响工作，就是很耽误时间，能不能帮我看看是不是要修复一下 Office？""",
  "app intermittently hangs, work continues -> P3")
R("software", "P3", "en", ("Nadia Petrov", "nadia.petrov@example.test"), "Inkpress says trial expired",
  """Hi there,

Inkpress (the PDF editor) suddenly says my trial has expired, even though I thought we had a company
licence. I can still open and read PDFs, just not edit them. Jamie next to me has a working copy, so
he's been doing my edits for now. Could you check the licence when you get a chance?

Thanks, Nadia""",
  "licence problem -> software; workaround (colleague) -> P3; Gmail-style quote of a colleague's reply",
  quote=quote_gmail_en("Jamie Wu", "jamie.wu@example.test", "Wed, 11 Jun 2025 at 11:03",
                       "No worries, send me the PDFs and I'll do the edits until IT sorts it."))
R("software", "P3", "mixed", ("Jason 宋", "jason.song@example.test"), "Outlook 一直 pending",
  """Outlook 发出去的邮件一直 pending 在 Outbox 里面, 已经好几封了. 同事都正常.
我用 webmail 可以发, 先用着, 但是想把 Outlook 修好. Thanks""",
  "one mail client broken, webmail fully works as workaround -> P3")
R("software", "P3", "zh", ("季红", "jihong@example.test"), "输入法切换不了中文",
  """你好！我电脑上的微软拼音今天突然切换不了中文，Shift 和 Ctrl+空格 都没用，一直是英文。
现在先装了个搜狗临时用着，能打字。麻烦有空帮我把自带的输入法弄好，谢谢。""",
  "OS component fault, workaround -> P3")
R("software", "P3", "en", ("Chris Doyle", "chris.doyle@example.test"), "windows update stuck at 35%",
  """every evening when i shut down it says "Working on updates 35%" and sits there for ages, then next
morning it boots normaly and says the update failed. pc works fine during the day. just annoying and
i guess the updates matter. can u have a look sometime""",
  "update install failure, machine usable -> P3; lowercase with typos")
R("software", "P3", "zh", ("沈涛", "shentao@example.test"), "OA报销上传附件报500",
  """IT你好：
在 OA 里提交差旅报销，上传发票附件的时候一直提示"HTTP 500 服务器错误"，其他页面都正常。
财务说可以先把发票扫描件发邮件给她们，所以不算太急，但这个问题希望能修一下。
沈涛""",
  "app error on one function, workaround via mail -> software P3")
R("software", "P3", "en", ("Zoe Carter", "zoe.carter@example.test"), "Why did this bounce?",
  """Hi support,

I sent the signed NDA to our new partner this morning and got the message below back. I've double
checked the address with them. Why did this bounce, and what do I need to do? They can wait until
tomorrow but I'd like to sort it out.

Zoe

----- Forwarded message -----
From: Mail Delivery Subsystem <mailer-daemon@mx1.example.test>
Subject: Undelivered Mail Returned to Sender

Delivery to the following recipient failed permanently:

     legal@partner-firm.example.org

Technical details of permanent failure:
550 5.7.1 Message rejected: attachment type not allowed (.docm)""",
  "TRAP: a human pastes a bounce under her own question -> request about email delivery (software); no Auto-Submitted, not a DSN shape; can wait a day -> P3")
R("software", "P3", "zh", ("田甜", "tiantian@example.test"), "Chrome 一开几个网页就崩溃",
  """您好：Chrome 浏览器这两天开到四五个标签页就整个崩溃，提示"喔唷，崩溃啦！"，错误代码 STATUS_ACCESS_VIOLATION。
现在用 Edge 上网没问题，就是书签都在 Chrome 里。有空帮忙处理一下。""",
  "browser crash, another browser works -> software P3; the QQ-style quote below is about network speed and must not count",
  subj_enc="gbk-b", reply=True,
  quote=quote_qq("IT服务台", "support@example.test", "2025年5月20日(星期二) 下午3:40", "田甜", "Re: 网速慢",
                 "您好，上周反馈的网速慢问题，已调整了您所在区域的无线 AP 和交换机端口，如网络仍不稳定请随时联系。"))
R("software", "P3", "mixed", ("黄子轩 Ryan", "ryan.huang@example.test"), "MeetLink 更新 fail, error 10004",
  """Hi IT,

MeetLink 提示有新版本, 点 update 一直 fail, error code 10004. 旧版本还能用, 开会没问题,
就是每次打开都弹窗, 有点烦. 能不能 push 一下新版本给我? 谢谢""",
  "update failure, old version works -> P3; 163-style quote of an earlier IT broadcast",
  quote=quote_163("2025-05-28 09:12", "IT服务台", "support@example.test",
                  "各位同事，MeetLink 新版本已发布，请在本周内完成升级。"))
R("software", "P3", "en", ("Patrick O'Neill", "patrick.oneill@example.test"), "Vantage dashboards take 2 minutes to load",
  """Hi,

For the last week every dashboard in Vantage (our BI tool) takes around two minutes to load, where it
used to be a few seconds. Other websites and file copies are as fast as ever, it's just Vantage.
I can still get my numbers out, I just go and make a coffee each time.

Patrick""",
  "one named app slow while the rest is fine -> software, not network; degraded -> P3")
R("software", "P4", "zh", ("人事 顾敏", "gumin@example.test"), "OA首页错别字",
  """你好，OA 首页左边菜单里的"年假申请"写成了"年价申请"，同事们都在笑。不影响使用，有空改一下吧。""",
  "cosmetic typo in an app -> software P4 (GUIDE tie-breaker)")
R("software", "P4", "en", ("Hugo Martin", "hugo.martin@example.test"), "Expense app dark mode - grey on grey",
  """Small one: in the expense app's dark mode the "Notes" field is grey text on a slightly different grey.
Readable if you squint, everything works. Just flagging it for whoever maintains it.

Hugo""",
  "cosmetic app issue -> software P4")
R("software", "P4", "mixed", ("Mia 曹", "mia.cao@example.test"), "ERP login 页面还是旧 logo",
  """Hi, 公司换了新 logo 已经两个月了, ERP 的 login 页面还是旧的 logo. 不影响使用,
just FYI, 有时间的话 update 一下. 谢谢!""",
  "cosmetic -> software P4")
R("software", "P4", "en", ("Walter Grimes", "walter.grimes@example.test"), "7-Zip update",
  """Hello,

Could you update 7-Zip on my PC whenever convenient? I get a notification that a newer version exists.
The old version works fine, so no hurry at all.

Regards,
Walter Grimes""",
  "housekeeping software update, no date pressure -> software P4")
R("software", "P4", "zh", ("孟凡", "mengfan@example.test"), "右下角老弹Java更新提示",
  """电脑右下角每天都弹好几次"Java 更新可用"，我又没有管理员权限点不了安装。不影响用，就是烦，有空帮我处理下。""",
  "nuisance pop-up, nothing impaired -> software P4 (admin rights are just how IT does it)")


# ======================================================================
# NETWORK (26)
R("network", "P1", "zh", ("研发中心 许峰", "xufeng@example.test"), "B栋所有人上不了外网",
  """IT 同事：

研发中心 B 栋从 13:20 左右开始所有人都上不了外网，百度、GitHub、客户的系统全部打不开，提示"连接超时"。
内网的 OA、文件服务器还能访问，有线无线都一样。B 栋一共一百二十多人，现在基本都在干等。
我们看了一下 B 栋弱电间的设备灯都亮着。请尽快排查！

许峰
研发中心 行政""",
  "whole building (120+) without internet -> network P1")
R("network", "P1", "en", ("Stefan Müller", "stefan.mueller@example.test"), "Suzhou plant link down - production schedule stuck",
  """Hi all,

The site-to-site link between HQ and the Suzhou plant dropped at 07:40 local time. The plant can't
reach the MES server at HQ, so no new production orders are coming through and line 2 and 3 have
already stopped after finishing the last batch. Local network inside the plant is up, the ISP router
shows the tunnel as down.

Please treat as P1. Call me on +49 555 0101.

Stefan Müller
Operations""",
  "inter-site link down, production stopped -> network P1", charset="iso-8859-1", cte="quoted-printable",
  structure="plain", client="webmail")
R("network", "P1", "mixed", ("客服中心 Amy 郭", "amy.guo@example.test"), "客服中心全部断网 - whole team can't work",
  """URGENT

客服中心 (2F 西区) 所有电脑从 10 点开始都上不了网, 网页打不开, 工单系统和在线客服 chat 都连不上.
The whole customer service team, 大概 30+ 人, 现在没法接待客户, chat 里的客户都在排队.
手机 4G 是好的, 别的楼层好像正常.

Amy Guo
Customer Service Manager""",
  "whole team of 30+ offline, customer service stopped -> network P1")
R("network", "P1", "en", ("Fiona Walsh", "fiona.walsh@example.test"), "Nobody can connect to VPN",
  """Hi,

None of the remote team can connect to the VPN this morning - we're 25 people working from home today
because of the office refurbishment. The client just sits on "Connecting..." and then says "The
connection attempt timed out". It's not our home internet, we've all checked. We can't reach any
internal system.

Fiona Walsh
Team Lead, Data Services""",
  "VPN timeouts for a whole remote team of 25 -> network P1 (timeout, not credentials)")
R("network", "P1", "zh", ("門市 陳店長", "chen.store@example.test"), "高雄門市網路全斷，無法結帳",
  """IT 您好：

高雄門市從中午十二點開始網路全部斷掉，POS 機跟刷卡機都顯示「無法連線伺服器」，
路由器上的燈只剩電源燈亮著。現在只能收現金，很多客人直接走掉了，週末人潮很多。
請盡快協助！

陳店長
高雄門市""",
  "Traditional Chinese; store network down, POS and card readers offline -> network (root cause connectivity) P1",
  big5=True)
R("network", "P1", "en", ("Liam O'Connor", "liam.oconnor@example.test"), "internal sites not resolving for anyone",
  """Hi support,

Since about 8:50 none of our internal names resolve - intranet.example.test, the ERP, the file server,
all give "DNS_PROBE_FINISHED_NXDOMAIN" or "could not find host". Typing the IP address of the ERP works.
It's the whole Dublin office as far as I can tell (asked around on 1F, 2F and 3F).

Liam""",
  "DNS broken for the whole office -> network P1")
R("network", "P2", "zh", ("居家办公 宁远", "ningyuan@example.test"), "VPN一直连接超时，今天必须在家办公",
  """你好，我今天孩子生病在家办公，公司 VPN 从早上一直连不上，每次都是"连接超时（错误 809）"。
家里的网络是好的，视频都能看。我今天要处理供应商的付款审批，不连 VPN 什么都做不了。
麻烦帮忙看看，谢谢。""",
  "one remote worker fully blocked by tunnel timeout -> network P2", sig=HUAWEI_ZH)
R("network", "P2", "en", ("Jordan Price", "jordan.price@example.test"), "Studio network port dead - recording at 11",
  """Hey,

The only network port in the recording studio (room 0.12) is dead - no link light on the laptop or the
mixer. We've swapped cables. We have a live-streamed interview with an external guest at 11:00 and the
stream needs the wired connection; Wi-Fi isn't reliable enough in there.

Jordan""",
  "wall port dead, small group, hard deadline within hours -> network P2")
R("network", "P2", "mixed", ("Eric 吕", "eric.lv@example.test"), "VPN 连不上 again!!",
  """VPN 连不上 again!! 这周第三次了, error 809, "The network connection between your computer and the VPN
server could not be established". 今天下午要远程给客户 deploy 新版本, 客户那边已经约好时间了.
能不能先帮我看看? 我在杭州客户现场.

Sent from my iPhone""",
  "tunnel failure for one engineer with a customer deployment today -> network P2 (angry tone does not raise it further)")
R("network", "P2", "zh", ("采购 吴燕", "wuyan@example.test"), "采购组三个人网络时断时续",
  """IT 您好：
我们采购组（4 楼 412）三个人的电脑网络从昨天开始时断时续，大概每五分钟断一下，
供应商对账平台一上传文件就断开，今天已经失败了十几次，月底对账做不下去。
隔壁组是正常的，我们都插的网线。
吴燕""",
  "small group (3) blocked on key work by flapping connectivity -> network P2")
R("network", "P2", "en", ("Priyanka Shah", "priyanka.shah@example.test"), "Regulator portal upload blocked",
  """Hello,

Uploading our quarterly filing to the regulator's portal (filings.regulator.example.org) fails at 0%
from the office network with "connection reset". From my phone's hotspot the upload starts fine but the
file is too big for mobile data. It looks like something on our firewall is cutting the connection.
The filing deadline is tomorrow 9 am.

Priyanka Shah
Compliance""",
  "firewall/proxy cutting an upload, hard deadline tomorrow -> network P2")
R("network", "P2", "en", ("Daniel Kim", "daniel.kim@example.test"), "VPN drops every 2 min from hotel",
  """Hi, I'm at the Marriott in Singapore. Hotel Wi-Fi works (web, video) but the VPN disconnects every
two minutes or so and every reconnect takes a minute. I'm presenting our results to the APAC leadership
call at 2 pm local and need the internal dashboards live. Any setting I can change?

Daniel""",
  "tunnel instability for one traveller with a near deadline -> network P2")
R("network", "P2", "zh", ("罗浩", "luohao@example.test"), "回复: [IT-30988] 键盘已更换，请确认",
  """你好，我的电脑今天插上网线之后一直显示"无法识别的网络"，ipconfig 看地址是 169.254 开头的，
换了网线和网口都一样，同事的电脑插我的网口可以上网。WiFi 也连不上公司的 SSID。
我现在完全上不了网，手头的活都停了。
罗浩 质量部""",
  "reply keeps an old keyboard-ticket subject; new text is a DHCP/no-address problem -> network (body wins over subject); one user fully blocked -> P2",
  reply=True, quote=quote_outlook_zh("IT服务台", "support@example.test", "2025年6月3日 10:15", "罗浩",
                                     "[IT-30988] 键盘已更换，请确认",
                                     "您好，\n您的键盘已经更换为新的罗技 K120，如果使用正常请回复确认，我们将关闭工单。\nIT服务台"))
R("network", "P3", "zh", ("前台 秦悦", "qinyue@example.test"), "访客WiFi认证页面打不开",
  """您好，今天来访的客人连访客 WiFi 之后，认证页面一直打不开，转圈。
现在客人都先用自己手机的流量，问题不大，但是下午还有一批客户要来，方便的话看一下。
秦悦 前台""",
  "guest Wi-Fi portal fault, visitors use mobile data -> P3")
R("network", "P3", "en", ("Gemma Hughes", "gemma.hughes@example.test"), "afternoon slowness on 4F",
  """Hi,

Every afternoon from about 2 pm the internet in our corner of 4F gets really slow - big downloads
crawl and web pages take 10+ seconds. It does load in the end and by 5 it's fine again. Nothing is
actually stopped, it's just sluggish for the six of us.

Gemma""",
  "network slowness, work continues -> P3")
R("network", "P3", "mixed", ("周可 Coco", "coco.zhou@example.test"), "supplier portal 一直 timeout",
  """Hi IT,

从公司网络打开 supplier portal (supply.vendor-hub.example.com) 一直 timeout, 但是我用手机 hotspot 可以打开,
所以应该是公司网络这边的问题 (firewall?). 现在先用 hotspot, 不是很急, 但是每天都要用.

Coco""",
  "site unreachable from the office network, hotspot workaround -> network P3")
R("network", "P3", "zh", ("工程部 任强", "renqiang@example.test"), "共享盘提示找不到网络路径",
  """您好：
从今天开始我访问 \\\\fs02\\工程资料 提示"找不到网络路径"，别的共享盘可以打开。
需要的文件可以在文档中心网页版里下载，就是慢一点。麻烦帮忙查一下。
任强""",
  "share unreachable ('network path not found'), workaround via web -> network P3")
R("network", "P3", "en", ("Noah Fischer", "noah.fischer@example.test"), "VPN disconnects once or twice a day",
  """Hi,

Not a big deal, but my VPN drops once or twice a day, usually mid-afternoon. I just reconnect and carry
on. Thought you'd want to know in case it's more widespread.

Noah""",
  "minor intermittent tunnel drop -> network P3")
R("network", "P3", "zh", ("图书馆 黎明", "liming@example.test"), "内网和外网都很慢",
  """IT 同事好，最近这几天我们资料室这边打开内网 wiki、下载文件、刷网页都特别慢，一个 20M 的文件要下好几分钟。
几个系统一起慢，应该不是哪个软件的问题。能用，就是效率低。""",
  "several apps and downloads slow together -> network, degraded -> P3")
R("network", "P3", "en", ("Sam Turner", "sam.turner@example.test"), "wifi keeps dropping 3F east",
  """As per subject. Every 10 min or so. Using my phone hotspot for now.""",
  "terse; Wi-Fi drops, hotspot workaround -> P3", sig=IPHONE_EN)
R("network", "P3", "mixed", ("Tina 邱", "tina.qiu@example.test"), "proxy 每小时弹 authentication 对话框",
  """IT 你好, 最近浏览器每隔一个小时就弹出 proxy 的 authentication 对话框, 要输一次用户名密码,
输完就正常了. 不影响工作, but 挺烦的, 特别是开会 share screen 的时候弹出来. 能不能设置一下?""",
  "proxy configuration nuisance (credentials accepted, so not an account fault) -> network P3")
R("network", "P3", "zh", ("業務 張雅婷", "zhang.yating@example.test"), "視訊會議一直卡頓",
  """您好，

最近這兩週在辦公室開視訊會議，畫面常常卡住、聲音斷斷續續，對方說我們這邊網路很差。
用手機熱點開會就很順。麻煩幫忙看看辦公室的網路，謝謝。

張雅婷""",
  "Traditional Chinese; network quality problem, hotspot workaround -> P3", big5=True)
R("network", "P3", "en", ("Clara Jensen", "clara.jensen@example.test"), "RE: [IT-30712] Printer streaks on 3F",
  """Hi,

I can't reach the Berlin file server (ber-fs1) from Shanghai since this morning - "the network path was
not found". Everything else works, including the Shanghai file server. I need some files from there for
a report due Monday, so not urgent today.

Clara""",
  "reply on an old printer ticket; new text is inter-site share reachability -> network (body wins over subject); deadline days away -> P3",
  reply=True, quote=quote_outlook_en("IT Support", "support@example.test", "Tuesday, 10 June 2025 09:02",
                                     "Clara Jensen", "[IT-30712] Printer streaks on 3F",
                                     "Hi Clara,\nThe drum unit in the 3F printer has been replaced. Please reply if the streaks come back.\nIT Support"))
R("network", "P4", "en", ("Owen Parry", "owen.parry@example.test"), "Weak Wi-Fi in archive room (FYI)",
  """Hi IT,

Just an FYI: the Wi-Fi in the basement archive room only shows one bar. Pages still load and we only go
down there to fetch boxes, so nobody needs to work there. Mention it in case you're doing a Wi-Fi survey
anyway.

Owen""",
  "informational, nothing impaired -> network P4")
R("network", "P4", "zh", ("值班 马骏", "majun@example.test"), "晚上十点后网络偶尔断一下",
  """反映个小情况：晚上十点以后办公室网络偶尔会断个几秒钟，我们值班的偶尔遇到。白天完全正常，不影响工作，有空看看就行。""",
  "explicitly no impact, off-hours blips -> P4")
R("network", "P4", "mixed", ("Sunny 孙", "sunny.sun@example.test"), "会议室B 网口 label 贴错了",
  """Hi, 会议室 B 墙上的网口 label 贴错了, 3 号口标成了 4 号, 4 号标成了 3 号. 都能用,
不急, 下次有人来的时候改一下就好 :)""",
  "cosmetic labelling, everything works -> network P4")


# ======================================================================
# ACCOUNT (27)
R("account", "P1", "en", ("Megan Lewis", "megan.lewis@example.test"), "SSO rejecting everyone since 8:30",
  """Hi IT,

Since around 8:30 every app behind single sign-on (mail, HR portal, ERP, the wiki) bounces us back to the
login page with "invalid_grant: authentication failed". Passwords are definitely right - it's happening
to everyone I've asked in Finance, Sales and Marketing, and people in the Manchester office too.
Nobody can get into anything.

Megan Lewis
Office Manager""",
  "company-wide login rejected (SSO) -> account P1 (the authentication path; scope sets P1)")
R("account", "P1", "zh", ("综合部 曾伟", "zengwei@example.test"), "全公司收不到短信验证码，登不了VPN和OA",
  """信息部：

今天上午开始，全公司（我问了总部、分公司好几个部门）登录 VPN 和 OA 时都收不到短信验证码，
点"重新发送"也收不到，所以大家都登不进去。在家办公的同事完全没法工作，办公室里也进不了 OA 审批。
请马上处理！！

曾伟 综合管理部""",
  "company-wide MFA/OTP failure -> account P1")
R("account", "P1", "mixed", ("Retail Ops 蒋磊", "jiang.lei@example.test"), "12 家门店 POS login 全部 user disabled",
  """IT,

今天早上 12 家门店的收银员登录 POS 全部提示 "User account is disabled", 应该是昨晚 HR 系统 sync 之后出的问题.
现在门店开不了收银, 客人已经在排队了. POS 机器本身和网络都是好的.
Please re-enable the accounts ASAP!

蒋磊
零售运营""",
  "accounts disabled across 12 stores, sales stopped -> account P1 (devices and network fine)")
R("account", "P2", "zh", ("赖思远", "laisiyuan@example.test"), "账号被锁了",
  """您好，我刚才输错了几次密码，现在电脑登录提示"引用的账户当前已锁定，且可能无法登录"。
今天有一堆合同要审，麻烦帮我解锁一下，谢谢！
赖思远 法务部 分机 2231""",
  "locked account, one person fully blocked -> P2")
R("account", "P2", "en", ("Aaron Hughes", "aaron.hughes@example.test"), "password expired while travelling - VPN",
  """Hi,

I'm in Lagos for the week and the VPN now says "Your password has expired and must be changed", but the
change-password screen gives an error. Without VPN I can't get to anything. Could you reset it and text
me a temporary one? Mobile: +234 555 0199.

Aaron""",
  "VPN shows password expired -> account (credential), one person fully blocked -> P2", sig=ANDROID_EN)
R("account", "P2", "zh", ("楊志明", "yang.zhiming@example.test"), "忘記密碼，ERP登不進去",
  """IT 您好：

我放完長假回來忘記 ERP 的密碼了，試了幾次現在顯示帳號已鎖定。今天要開出十幾張發票給客戶，
麻煩幫我重設密碼，謝謝！

楊志明
台中分公司 會計""",
  "Traditional Chinese; forgotten password + lockout, one person blocked with today's work -> P2", big5=True)
R("account", "P2", "mixed", ("Irene 谢", "irene.xie@example.test"), "换手机后 authenticator code 没了",
  """Hi IT,

我上周末换了新手机, 旧手机已经 factory reset 了, authenticator app 里的 code 全没了.
现在登录 email 和 Teams 都要 MFA code, 完全登不进去. 今天还有客户 meeting, please help 重新绑定!

Irene""",
  "MFA binding lost, one person fully blocked -> account P2")
R("account", "P2", "en", ("Victor Hale", "victor.hale@example.test"), "my mailbox is sending spam??",
  """Hi,

Three customers have called me this morning asking about an "overdue invoice" email with a link that
came from my address. I never sent it. My Sent folder has hundreds of them from last night. Can you
lock this down? I've not changed my password yet because I'm not sure if I should.

Victor Hale
Sales""",
  "compromised identity (account sending spam) -> account per GUIDE; active compromise of one account -> P2")
R("account", "P2", "zh", ("新员工 吕晨", "lvchen@example.test"), "今天入职，什么系统都登不进去",
  """您好，我是市场部今天新入职的吕晨，HR 给了我一张写着账号的纸条，但是电脑、邮箱、OA 都提示"用户名不存在"。
主管让我先熟悉系统，我现在坐在工位上什么都做不了。麻烦帮忙看看账号是不是还没开通。
（我用的是同事的邮箱发的这封邮件）""",
  "new joiner with no working accounts, fully blocked on day one -> account P2")
R("account", "P2", "en", ("Laura Stein", "laura.stein@example.test"), "Access denied on Finance share - audit at 4pm",
  """Hi,

When I open \\\\fileserver\\Finance\\Q3 I get "You don't have permission to access this folder". I was
in the Finance group until the reorg on Monday and apparently got dropped. The auditors are coming at
4 pm today and I need the Q3 reconciliation files for them.

Laura Stein
Financial Controller""",
  "shared-folder permission -> account; hard deadline today -> P2")
R("account", "P2", "zh", ("人事经理 孙婕", "sunjie@example.test"), "离职员工账号请立即停用",
  """IT：
销售部的钱某某今天上午被公司辞退，已经办完手续离开了。请立即停用他的域账号、邮箱、VPN 和 CRM 账号，
我们担心他还在外面登录拷贝客户资料。邮箱请转给他的主管 王总。
谢谢！
孙婕 人力资源部""",
  "leaver disable -> account; immediate risk of data theft makes it time-critical -> P2 (not a planned leaver)")
R("account", "P2", "mixed", ("Nick 邵", "nick.shao@example.test"), "Fwd: CRM 403 - role not assigned",
  """IT 你们好, 下面是我们组 Kelly 的问题, 她调到华南区之后 CRM 一直 no access, pls handle, 她今天要跟进客户.
Nick

---------- Forwarded message ---------
From: Kelly Fang <kelly.fang@example.test>
Subject: CRM 403

Nick, 我打开 CRM 提示 "403 Forbidden - role not assigned for region SOUTH", 看不到任何客户,
今天有 8 个客户要回访, 怎么办?""",
  "application says forbidden / role not assigned -> account (permission); one person blocked on key work -> P2")
R("account", "P2", "en", ("Joseph Grant", "joseph.grant@example.test"), "locked out of laptop after pw change",
  """I changed my password yesterday from my phone and now my laptop at home says "The user name or
password is incorrect" with the new one AND the old one. I'm working from home all week and can't log
in at all. Please help, I have a client deliverable due this afternoon.

Joe""",
  "credential mismatch on laptop, one person fully blocked + deadline -> P2")
R("account", "P2", "zh", ("市场部 董琳", "donglin@example.test"), "我好像在钓鱼网站输了密码",
  """IT 你好：
刚才收到一封"邮箱升级通知"，我没多想点了链接，还在打开的页面上输入了邮箱账号和密码，输完页面就跳到了公司官网。
同事说这是钓鱼邮件。我现在很慌，是不是要改密码？账号会不会已经被人登录了？
董琳""",
  "credentials entered on a phishing page = compromised identity -> account (not a mere phishing report), one account at risk -> P2")
R("account", "P3", "zh", ("周思琪", "zhousiqi@example.test"), "申请采购部共享文件夹的访问权限",
  """你好，我下周开始协助采购部做供应商评审，需要访问 \\\\fs01\\采购\\供应商评审 这个文件夹（只读就可以）。
采购部经理已经同意了，审批截图附上。麻烦帮忙开通，谢谢。""",
  "access request with lead time -> account P3; Outlook-zh quote of the manager's approval",
  structure="mixed", attach=[dict(type="png", name="approval.png")],
  quote=quote_outlook_zh("采购部 钟经理", "zhongjl@example.test", "2025年8月29日 17:30", "周思琪", "回复: 申请访问供应商评审文件夹",
                         "同意，请找 IT 开通只读权限。"))
R("account", "P3", "mixed", ("Project Atlas 陆凯", "lu.kai@example.test"), "需要开一个 shared mailbox for Project Atlas",
  """Hi IT,

Project Atlas 下个月启动, 需要一个 shared mailbox: atlas@example.test, 成员是我、Ella 和王磊三个人,
要能用 shared mailbox 的名义 send as. 下个月 1 号之前搞定就行. 谢谢!

陆凯""",
  "mailbox/alias object with a deadline weeks away -> account P3")
R("account", "P3", "zh", ("黄小鹏", "huangxiaopeng@example.test"), "验证码发到旧手机号了",
  """您好，我手机号换了，现在登录 OA 的短信验证码还是发到以前的号码上。
暂时可以选"邮箱验证码"登录，但是每次都要多等一会儿，麻烦帮我把绑定的手机号改成 139 0000 1234。""",
  "phone binding out of date, email code workaround -> account P3")
R("account", "P3", "en", ("Emily Zhou", "emily.zhou@example.test"), "HR portal password reset link says token expired",
  """Hello,

The "reset password" link the HR portal emails me always says "token expired", even if I click it
straight away. My current password still works for another five days, so I can log in for now, but I'd
like to change it before it expires.

Emily""",
  "credential reset problem, still able to log in -> account P3")
R("account", "P3", "zh", ("行政 汤蕾", "tanglei@example.test"), "下周一两位实习生报到，需要开账号",
  """IT 同事：
下周一（9月8日）财务部有两位实习生报到：冯笑笑、魏子航。需要开通域账号、企业邮箱和报销系统的查看权限，
实习期三个月。电脑他们用部门的旧电脑就可以。麻烦提前准备好，谢谢！
汤蕾""",
  "new-joiner accounts planned with lead time -> account P3")
R("account", "P3", "en", ("Gareth Evans", "gareth.evans@example.test"), "Leaver on Friday - disable accounts + mailbox to me",
  """Hi IT,

Martin Cole from my team leaves on Friday (his last day). Please disable his accounts after 6 pm on
Friday and give me access to his mailbox so I can pick up customer threads. His laptop will go back to
the IT room on Friday afternoon.

Thanks,
Gareth Evans
Head of Procurement""",
  "planned leaver: disable accounts, mailbox to manager -> account P3 (date known, not urgent now)")
R("account", "P3", "mixed", ("Grace 刘", "grace.liu@example.test"), "Projects 下面 Tender2025 folder access denied",
  """Hi, 共享盘 Projects 下面其他 folder 都能打开, 只有 Tender2025 提示 access denied.
我是投标小组的, 应该要有权限. 同事先把文件发给我了, 所以 not urgent, 但是请帮忙加一下权限. Thx!""",
  "shared-folder permission, workaround (files sent by colleague) -> account P3")
R("account", "P3", "zh", ("客服 阮晓", "ruanxiao@example.test"), "手机上企业邮箱一直提示密码错误",
  """你好，我手机上的邮件 App 从昨天开始一直提示"企业邮箱密码错误"，可是电脑上用同一个密码登录网页邮箱是正常的。
电脑上能收发，不耽误事，就是出门的时候看不了邮件。是不是要单独设置什么密码？""",
  "credential rejected on one client while it works elsewhere -> account P3")
R("account", "P3", "en", ("Simon Clarke", "simon.clarke@example.test"), "Read-only access to warehouse dashboard for new auditor",
  """Hi,

Our new internal auditor, Beatrice Okafor, starts on the 14th. Could you give her read-only access to
the warehouse dashboard and the stock-movement reports by then? Her account already exists.

Simon Clarke
Internal Audit""",
  "permission request with a date -> account P3")
R("account", "P4", "en", ("Ellen Murphy", "ellen.murphy@example.test"), "add me to design-review list",
  """Hi, could you add me to the design-review@example.test distribution list whenever convenient?
Thanks! Ellen""",
  "group membership, no date pressure -> account P4")
R("account", "P4", "zh", ("刘倩", "liuqian@example.test"), "想把邮箱显示名改成英文名",
  """您好，麻烦把我邮箱和通讯录里的显示名从"刘倩"改成"Grace Liu 刘倩"，方便海外同事找我。不急，有空的时候改就可以，谢谢！""",
  "directory attribute change, explicitly not urgent -> account P4")
R("account", "P4", "mixed", ("Peter 方", "peter.fang@example.test"), "AD 里的 job title 帮忙 update 一下",
  """Hi IT, 我上个月升职了, AD / 通讯录里的 job title 还是 "Sales Executive", 麻烦 update 成 "Sales Manager".
不急, 有空的时候弄就行. Thanks!""",
  "directory attribute update, no date pressure -> account P4")
R("account", "P4", "zh", ("苏婉", "suwan@example.test"), "能不能给我的邮箱加一个别名",
  """你好～我的邮箱地址是 suwan@，客户老是拼成 su.wan@，能不能帮我加一个 su.wan@ 的别名，这样客户发错也能收到。没有时间要求，谢谢！""",
  "alias request, no date pressure -> account P4")


# ======================================================================
# REQUEST - nothing broken: how-to, consultation, procurement, suggestion (22)
R("request", "P3", "en", ("Charlotte Reid", "charlotte.reid@example.test"), "meeting room screen - client here in 15 min",
  """Hi! How do I get my laptop onto the big screen in the Harbour meeting room? There's a little box on the
table with a button but nothing happens when I press it. The client arrives in 15 minutes. Nothing's
broken as far as I know, I've just never used this room.

Charlotte""",
  "how-to, nothing broken, but time-critical (client in 15 min) -> request P3")
R("request", "P3", "zh", ("售前 邹磊", "zoulei@example.test"), "十分钟后演示，怎么只共享一个窗口？",
  """在吗在吗，十分钟后要给客户线上演示，MeetLink 里怎么只共享一个窗口而不是整个桌面？我桌面上有别的客户的资料不能给他们看到。
软件都是好的，就是不会设置。急，谢谢！！""",
  "how-to with an imminent customer demo -> request P3 (not P2: nothing is down)")
R("request", "P3", "mixed", ("Jenny 汪", "jenny.wang@example.test"), "半小时后登机, how to use 手机热点 + VPN?",
  """Hi IT, 我半小时后就要登机了, 落地之后要马上开 VPN 处理一个 PO.
请问 how do I use my company phone's hotspot with the laptop? 要不要改什么 VPN 设置? 没有什么坏掉, just 不会用.

Sent from my iPhone""",
  "time-critical how-to, nothing broken -> request P3")
R("request", "P4", "zh", ("计划部 付洋", "fuyang@example.test"), "咨询：邮件附件最大能发多大？",
  """你好，想咨询一下，公司邮箱单个附件最大能发多大？我们经常要给供应商发图纸，有时候三四十兆。
如果超了有没有别的推荐的发送方式？""",
  "consultation -> request P4")
R("request", "P4", "en", ("Helen Ward", "helen.ward@example.test"), "Laptops for 3 new analysts in April",
  """Hi IT,

We're hiring three analysts who start in April. What laptop model should I request for them and is
there a standard budget per person? They'll be running Python and some heavy Excel models. Happy to
follow whatever the normal process is.

Helen Ward
Head of Analytics""",
  "procurement question, weeks of lead time -> request P4")
R("request", "P4", "en", ("Brian Foster", "brian.foster@example.test"), "URGENT - guest wifi validity",
  """URGENT!!

Why does the guest Wi-Fi code only last 4 hours?? Our visiting consultants are here all day and have to
ask reception again after lunch. Could we make it 12 hours?

Brian""",
  "shouted URGENT but it is a suggestion/policy question -> request P4 (impact wins over adjectives)")
R("request", "P4", "mixed", ("Rita 毛", "rita.mao@example.test"), "建议 OA 加一个 mobile 审批 function",
  """Hi IT team,

建议 OA 可以加一个手机审批的 function. 我们经常出差, 每次都要等回到电脑前才能 approve, 有点影响效率.
Just a suggestion, 不急. Thanks!""",
  "feature wish -> request P4")
R("request", "P4", "zh", ("吕梦", "lvmeng@example.test"), "Outlook 怎么设置邮件自动归档",
  """您好，请问 Outlook 里怎么设置把半年以前的邮件自动归档到本地？我的邮箱快满了，想整理一下。谢谢！""",
  "how-to -> request P4")
R("request", "P4", "en", ("Isabel Moore", "isabel.moore@example.test"), "Automatic reply settings?",
  """Hi,

I'm on leave from next Monday for two weeks. How do I set up an automatic reply (out-of-office) in
Outlook so people know who to contact? Ideally a different text for people outside the company.

Thanks,
Isabel""",
  "TRAP: a person asking ABOUT out-of-office; subject has 'Automatic reply' words but no auto headers -> request P4")
R("request", "P4", "zh", ("秘书 喻晴", "yuqing@example.test"), "休假回来了，自动答复还在发，怎么关掉",
  """你好，我上周休假设置了"自动答复"，现在已经回来上班了，可是客户发邮件给我还是会收到"我正在休假"的自动答复。
我在 Outlook 里找了半天找不到在哪里关，能教一下怎么关掉吗？""",
  "TRAP: human asking how to switch OFF her auto-reply (quotes 我正在休假 but is no auto-reply itself); how-to -> request P4",
  subj_enc="utf8-b")
R("request", "P4", "en", ("Tyler Nguyen", "tyler.nguyen@example.test"), "Boardly licence?",
  """Hey, do we have a company licence for Boardly (the online whiteboard tool)? Or should I expense a
personal subscription? Want to use it for our sprint retros.

Tyler""",
  "licence procurement question, nothing broken -> request P4")
R("request", "P4", "zh", ("储运部 卢刚", "lugang@example.test"), "申请采购一台27寸显示器，流程怎么走",
  """您好，我们部门想给做排程的同事配一台 27 寸显示器，请问采购流程怎么走？预算一般是多少？需要哪个领导审批？""",
  "procurement question -> request P4")
R("request", "P4", "mixed", ("Alan 贺", "alan.he@example.test"), "新同事 next month 入职, 请帮忙订 laptop",
  """Hi IT,

我们组下个月 15 号有一位新同事入职, 请帮忙订一台 laptop, spec 跟我现在用的一样就可以 (ThinkPad T14).
账号 HR 会另外发申请. Thanks!""",
  "pure 'please order a laptop' with lead time -> request P4 (GUIDE tie-breaker)")
R("request", "P4", "en", ("Diana Ross", "diana.ross@example.test"), "Second monitors for the analytics team - proposal",
  """Hi IT,

Could we get a second monitor for each of the 9 people in the analytics team? I've attached a short
proposal with the productivity argument. Nothing is broken, it's a budget question for next quarter.

Diana""",
  "procurement proposal -> request P4", structure="mixed",
  attach=[dict(type="txt", name="proposal.txt", data="Second monitors for analytics: 9 x 24in, est. 9 x 150 EUR.\n")])
R("request", "P4", "zh", ("王怡君", "wang.yijun@example.test"), "請問如何在手機上設定公司信箱",
  """您好，請問要怎麼在 iPhone 上設定公司的信箱？需要輸入哪些伺服器資料？謝謝！""",
  "Traditional Chinese how-to -> request P4", big5=True)
R("request", "P4", "en", ("Keith Barnes", "keith.barnes@example.test"), "backing up before the migration",
  """Hello,

I read that our laptops will be migrated to the new management platform next quarter. What's the
recommended way to back up my local files before that happens? Is OneDrive enough?

Keith""",
  "consultation, nothing broken -> request P4")
R("request", "P4", "zh", ("质检 龚雪", "gongxue@example.test"), "建议做一个IT常见问题页面",
  """IT 部门的同事们辛苦了！建议可以做一个 IT 常见问题（FAQ）的页面，比如怎么连打印机、怎么改密码、怎么申请软件，
这样大家遇到小问题可以先自己查，也能减轻你们的工作量。只是个建议哈。""",
  "suggestion (password words do not make it account) -> request P4")
R("request", "P4", "mixed", ("研发 Frank 范", "frank.fan@example.test"), "想问 Python 可以装吗? 需要什么 approval",
  """Hi IT,

想问一下公司电脑可以装 Python 和 VS Code 吗? 需要走什么 approval process?
我想做一些 data cleaning 的小脚本. 不急, 先了解一下流程. 谢谢""",
  "policy question about software, nothing broken -> request P4")
R("request", "P4", "en", ("Gary Olsen", "gary.olsen@example.test"), "URGENT URGENT which VPN client for home PC???",
  """URGENT URGENT

Which VPN client version am I supposed to install on my home PC??? The intranet page lists two.
I'm not working from home until next month.

Gary""",
  "URGENT shouted, plain question with no time pressure -> request P4")
R("request", "P4", "zh", ("合同管理 杭燕", "hangyan@example.test"), "请问公司有没有统一的电子签名工具",
  """你好，请问公司现在有没有统一采购的电子签名工具？合同部想试试线上签署，如果没有的话 IT 有没有推荐的产品？""",
  "procurement consultation -> request P4")
R("request", "P4", "en", ("Monica Patel", "monica.patel@example.test"), "Suggestion for ticket acknowledgements",
  """Hi support team,

Small suggestion: when you send the automatic "we've received your request" email, could it include the
expected response time? It would help us plan. Thanks for all the help this year!

Monica""",
  "suggestion about the desk itself -> request P4")
R("request", "P4", "zh", ("老员工 倪国强", "niguoqiang@example.test"), "问一下电脑换新的政策",
  """IT 你好，我这台电脑已经用了五年多了，想问一下公司旧电脑换新是什么政策？是满几年可以申请？目前电脑还能用。""",
  "policy/procurement question, device still works -> request P4")


# ======================================================================
# OTHER - security, facilities, assets, moves, events, thanks (21)
R("other", "P1", "zh", ("财务部 严冬", "yandong@example.test"), "好几台电脑文件都打不开了，后缀变成.locked",
  """紧急！！

财务部现在至少有五台电脑里的文件全部打不开了，文件名后面都多了 .locked，桌面上出现一个"README_RESTORE.txt"，
里面说要付比特币才能解密。共享盘上的一些 Excel 也变成这样了，而且数量还在增加。
我们已经让大家别动电脑了，请马上派人来！

严冬 财务部""",
  "ransomware spreading to several machines and the share -> other P1")
R("other", "P1", "en", ("Facilities - Pete Morgan", "pete.morgan@example.test"), "Server room on UPS - building power out",
  """IT,

Mains power to the building went off at 16:05 (the utility says a cable fault in the street, no ETA).
The server room UPS is beeping and the panel says "On battery - 14 min remaining". The generator did
not start. Everything in the racks is still running for now.

Pete Morgan
Facilities""",
  "power failure threatening all servers (facility) -> other P1")
R("other", "P2", "en", ("Rebecca Shaw", "rebecca.shaw@example.test"), "Laptop stolen from my car",
  """Hi,

My work laptop was stolen from my car last night outside my house (window smashed). I've reported it to
the police, reference 55-0192. It has client contracts and the pricing model for the Hartley bid on it.
It was locked with my password but I'm not sure if the disk is encrypted. What do I need to do?

Rebecca""",
  "stolen device with client data -> other P2 (asset/security, device not faulty)")
R("other", "P2", "zh", ("覃小燕", "qinxiaoyan@example.test"), "电脑弹出全屏警告让我打电话给微软客服",
  """你好，我刚刚上网的时候电脑突然全屏弹出一个红色警告"您的电脑已被锁定，检测到病毒，请立即拨打微软客服 400-xxx"，
还一直在发出警报声，关也关不掉，按 Esc 没反应。我没有打那个电话。现在电脑用不了，怎么办？""",
  "scam pop-up locking one machine (active, one PC) -> other P2")
R("other", "P2", "mixed", ("Bella 任", "bella.ren@example.test"), "手机 lost in taxi, 需要 wipe",
  """Hi IT,

我昨晚把公司手机 lost 在出租车上了, 打过去已经关机. 上面有公司 email、企业微信和客户的通讯录.
Please help remote wipe 或者 lock 一下, 再告诉我要怎么申请新手机. 谢谢!""",
  "lost company phone with data -> other P2")
R("other", "P2", "en", ("Neil Harper", "neil.harper@example.test"), "AV says Trojan detected - quarantine failed",
  """Hi,

Our antivirus popped up "Trojan:Win32/Wacatac detected - action failed, quarantine unsuccessful" on my
PC about ten minutes ago, right after I opened a zip from a supplier. I've unplugged the network cable.
Should I leave it like this? I'm not touching it until you tell me.

Neil""",
  "active malware on one machine -> other P2")
R("other", "P2", "zh", ("工務 邱建宏", "qiu.jianhong@example.test"), "弱電間門禁壞了，今天外包要進去施工",
  """IT 您好：

三樓弱電間的門禁讀卡機今天早上開始刷卡都沒反應，門打不開。
今天下午兩點外包廠商要進去做網路佈線施工，已經約好了。請問能不能派人來開門或修門禁？

邱建宏
總務課""",
  "Traditional Chinese; door access is a facility (not an IT account); contractor booked today raises P3 to P2",
  big5=True)
R("other", "P3", "en", ("Lucy Bennett", "lucy.bennett@example.test"), "Fake CEO email asking for gift cards",
  """Hi IT,

I got an email this morning that looks like it's from our CEO (display name "Michael Grant" but the
address is michael.grant.ceo@mailbox.example.net) asking me to buy six gift cards for a client and send
the codes. I haven't replied or clicked anything. Letting you know so you can block it. Are others getting it?

Lucy""",
  "TRAP: security phishing REPORT from a person -> request kind, other P3 (nobody compromised)")
R("other", "P3", "zh", ("出纳 柴静", "chaijing@example.test"), "收到冒充财务总监的邮件，让我改收款账户",
  """IT 您好：
刚才收到一封邮件，发件人显示是我们财务总监，但邮箱地址是外面的，内容是让我今天把一个供应商的收款账户改掉再付款，
还说不要打电话确认。我觉得不对劲，没有回复也没有点里面的附件。原邮件我放在附件里了，请你们看看要不要提醒大家。
柴静""",
  "TRAP: phishing/BEC report by a person, not clicked -> request, other P3",
  structure="mixed", attach=[dict(type="txt", name="suspicious_mail.txt",
                                  data="From: CFO <cfo.office@pay-verify.example.net>\nSubject: Please update vendor bank account today\n")])
R("other", "P3", "mixed", ("Ken 邓", "ken.deng@example.test"), "门禁 badge 刷不开 3 楼机房门",
  """Hi, 我的 badge 今天刷不开 3 楼机房的门, 灯一直是红的. 昨天还可以.
现在可以找 facility 的同事帮忙开门, 所以 not urgent, 但是我每天都要进去换磁带.""",
  "door badge for the server room -> other (physical access), workaround -> P3")
R("other", "P3", "zh", ("市场部 秘书 韩雪", "hanxue@example.test"), "市场部下月搬到6楼，电脑电话网络要搬迁",
  """IT 同事好：
市场部 20 个人下个月 15 号（周五晚上）从 3 楼搬到 6 楼东区，周一要正常上班。
需要 IT 帮忙安排电脑、显示器、电话的搬迁和 6 楼的网口开通。座位图我下周发给你们。谢谢！
韩雪""",
  "office move with a fixed date weeks away -> other P3")
R("other", "P3", "en", ("Faisal Rahman", "faisal.rahman@example.test"), "Server room UPS says battery replace soon",
  """Hi team,

Walking past the server room I noticed the UPS panel shows "Battery health low - replace soon". Mains
power is fine and nothing is running on battery, but we'd be in trouble during the next power cut.

Faisal""",
  "facility risk, nothing failing now -> other P3 (not P1: servers not threatened yet)")
R("other", "P3", "en", ("Amelia Scott", "amelia.scott@example.test"), "opened a suspicious attachment - should I worry?",
  """Hi,

I opened an attachment called "Remittance_advice.html" before realising the email was odd. It showed a
blank page and I closed it. I didn't type anything. The antivirus full scan I ran afterwards found
nothing. Is there anything else I should do?

Amelia""",
  "security report, no sign of compromise -> other P3")
R("other", "P3", "zh", ("研发 霍然", "huoran@example.test"), "资产盘点里我名下多了两台显示器",
  """您好，资产盘点系统里显示我名下有三台显示器，实际上我只有一台，另外两台去年已经还给 IT 仓库了（有交接单）。
月底审计要核对，麻烦帮忙更正一下记录。""",
  "asset record correction with a month-end check -> other P3")
R("other", "P4", "en", ("Jacob Hill", "jacob.hill@example.test"), "Thanks Jason!",
  """Just wanted to say thanks to Jason for sorting out my laptop so quickly yesterday - it's running like
new. Great service!

Jacob""",
  "praise -> other P4; quoted closure mail talks about a replaced SSD and must not count",
  reply=True, quote=quote_gmail_en("IT Support", "support@example.test", "Mon, 9 Jun 2025 at 16:20",
                                   "Hi Jacob, we replaced the failing SSD in your laptop and restored your files. Ticket IT-30801 is resolved."))
R("other", "P4", "zh", ("韦丹", "weidan@example.test"), "Re: 打印机卡纸 问题已经解决了",
  """问题已经解决了，可以关单了，谢谢！

------------------ 原始邮件 ------------------
发件人: "IT服务台"<support@example.test>;
发送时间: 2025年5月12日(星期一) 上午10:02
收件人: "韦丹"<weidan@example.test>;
主题: Re: 打印机卡纸

您好，工程师已更换搓纸轮，请确认打印机是否恢复正常。""",
  "closure note; quoted text mentions the printer but the new text only closes -> other P4", reply=True)
R("other", "P4", "mixed", ("Zoe 郝", "zoe.hao@example.test"), "下个月 last day, laptop 和 badge 还到哪里?",
  """Hi IT, 我下个月 20 号是 last day. 请问 laptop、充电器和 badge 要还到哪里? 需要提前预约吗?
Thanks!""",
  "leaver asking where to return assets -> other P4 (GUIDE tie-breaker, even as a question)")
R("other", "P4", "en", ("Olga Novak", "olga.novak@example.test"), "AV for the town hall on the 28th",
  """Hi IT,

We're holding the quarterly town hall in the canteen on the 28th, 4-5 pm, about 150 people. Could IT set
up the projector, two wireless mics and the live stream to the Lyon office? Happy to do a dry run the day
before.

Olga Novak
Internal Communications""",
  "event/AV support planned ahead -> other P4")
R("other", "P4", "zh", ("行政 黎娟", "lijuan@example.test"), "三台旧电脑要报废，需要数据销毁",
  """你好，行政部有三台 2016 年的旧台式机准备报废，资产编号 A-1033、A-1041、A-1052，里面有员工资料，
报废前需要做硬盘数据销毁并出证明。时间上没有要求，你们方便的时候来拿。""",
  "asset disposal + data destruction, no date pressure -> other P4")
R("other", "P4", "en", ("Ryan Cooper", "ryan.cooper@example.test"), "Transfer asset tag 4471 from Tom to me",
  """Hi,

Tom Wright moved to the Leeds team and handed his docking station (asset tag 4471) over to me. Could you
update the asset register so it's under my name? No rush.

Ryan""",
  "asset record transfer -> other P4")
R("other", "P4", "zh", ("客服中心 全体", "kefu@example.test"), "表扬一下IT的小王",
  """想表扬一下 IT 的王工，上周六晚上我们客服中心电话系统出问题，他九点多还赶过来帮我们处理，一直弄到十一点。
非常感谢！希望转达给他的领导。
客服中心全体同事""",
  "praise; past incident mentioned but no work requested -> other P4")


# ======================================================================
# NON-REQUEST KINDS (22): autoreply 7, bounce 6, bulk 5, spam-like 4
BOT = "IT Support <support@example.test>"


def N(kind, lang, frm, subject, body, notes, **kw):
    M(kind, "-", "-", lang, frm, subject, body, notes, **kw)


# ---- autoreply (7)
N("autoreply", "en", ("Gavin Price", "gavin.price@supplier-c.example.com"),
  "Automatic reply: [IT-31207] Re: Toner order for 5F",
  """Thank you for your email. I am on annual leave and will return on Monday 4 August.
I will have no access to email during this time. For anything urgent regarding orders, please contact
orders@supplier-c.example.com or call our office.

Kind regards,
Gavin""",
  "Exchange OOF; signals: Auto-Submitted: auto-replied, X-Auto-Response-Suppress, subject 'Automatic reply:'; body mentions orders/urgent",
  client="exchange", structure="alt", charset="utf-8", cte="quoted-printable", reply=True,
  headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"),
           ("X-MS-Exchange-Inbox-Rules-Loop", "gavin.price@supplier-c.example.com")])
N("autoreply", "zh", ("蒋文博", "jiangwenbo@partner-d.example.cn"), "自动答复: 回复: [IT-31244] 电脑无法开机",
  """您好！我于 7 月 14 日至 7 月 18 日外出培训，期间无法及时回复邮件。
如有紧急的电脑、网络问题，请直接拨打分机 6600 联系值班同事。
谢谢！""",
  "Exchange OOF in Chinese; subject '自动答复:' + X-Auto-Response-Suppress + Return-Path <>; body has IT words (电脑、网络) that must not open a ticket",
  client="exchange", structure="alt", charset="gbk", cte="base64", subj_enc="gbk-b", reply=True,
  pre_headers=[("Return-Path", "<>")], headers=[("X-Auto-Response-Suppress", "All")])
N("autoreply", "en", ("Camille Dubois", "camille.dubois@client-f.example.fr"),
  "Réponse automatique : [IT-31290] Your request has been received",
  """Bonjour, je suis absente du bureau jusqu'au 25 août. Pour toute urgence, merci de contacter
Julien Moreau (julien.moreau@client-f.example.fr).

Hello, I am out of the office until 25 August. For urgent matters please contact Julien Moreau.""",
  "French/English OOF (lang labelled en: the only non-French text is English); localised prefix 'Réponse automatique :' + Auto-Submitted: auto-replied",
  client="exchange", structure="alt", charset="iso-8859-1", cte="quoted-printable", subj_enc="utf8-q",
  reply=True, headers=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply")])
N("autoreply", "mixed", ("欧阳娜 Nina", "nina.ouyang@partner-g.example.cn"), "自动回复 Auto Reply: 打印机报修",
  """您好，您的来信已收到，我目前在外地出差，回来后会第一时间处理。
Hi, your email has been received. I am on a business trip and will reply as soon as I am back.""",
  "QQ-style bilingual auto reply; X-Autoreply: yes (strong) with no Auto-Submitted; subject carries a hardware word",
  client="qq", structure="html", charset="gb18030", cte="base64", subj_enc="gb18030-b",
  headers=[("X-Autoreply", "yes")], reply=True)
N("autoreply", "en", ("Aisha Bello", "aisha.bello@example.test"), "Read: [IT-31155] Re: Printer on 4F keeps jamming", "",
  "read receipt (MDN) from Outlook: multipart/report; report-type=disposition-notification",
  client="exchange", report=dict(
      report_type="disposition-notification",
      human="""Your message

  To: Aisha Bello
  Subject: [IT-31155] Re: Printer on 4F keeps jamming
  Sent: Wednesday, 16 July 2025 10:12:40 (UTC+00:00)

was read on Wednesday, 16 July 2025 10:30:02 (UTC+00:00).
""",
      fields=[("Reporting-UA", "EXCH02.example.test; Microsoft Exchange Server 2019"),
              ("Final-Recipient", "rfc822;aisha.bello@example.test"),
              ("Original-Message-ID", "<it-31155.1752660760@example.test>"),
              ("Disposition", "automatic-action/MDN-sent-automatically; displayed")]))
N("autoreply", "mixed", ("范志刚", "fanzhigang@example.test"), "已读: [IT-31170] VPN 连接问题 / Read: VPN", "",
  "bilingual read receipt (MDN), human part GBK base64; report-type=disposition-notification",
  client="exchange", subj_enc="gbk-b", report=dict(
      report_type="disposition-notification",
      human="""您的邮件 / Your message

  收件人 To: 范志刚
  主题 Subject: [IT-31170] VPN 连接问题
  发送时间 Sent: 2025年7月21日 14:03

已于 2025年7月21日 14:20 被阅读。 / was read on 21 July 2025 14:20.
""",
      human_charset="gbk", human_cte="base64",
      fields=[("Reporting-UA", "PC-FAN; Foxmail 7.2"),
              ("Final-Recipient", "rfc822;fanzhigang@example.test"),
              ("Original-Message-ID", "<it-31170.1753077780@example.test>"),
              ("Disposition", "manual-action/MDN-sent-manually; displayed")]))
N("autoreply", "en", ("NorthPeak Support", "support@northpeak.example.com"),
  "[Case #88123] We have received your request: Re: [IT-31311] licence renewal",
  """Dear customer,

Thank you for contacting NorthPeak Support. Your case #88123 has been created and assigned to our
licensing team. A support engineer will respond within one business day.

Please do not reply to this message; to add information to your case, use the customer portal.

NorthPeak Support
https://support.northpeak.example.com""",
  "another helpdesk's acknowledgement (ticket-loop classic); Auto-Submitted: auto-generated, X-Loop, RT-style ticket header",
  client="plain", structure="alt", cte="7bit", reply=True,
  headers=[("Auto-Submitted", "auto-generated"), ("X-Loop", "support@northpeak.example.com"),
           ("X-RT-Ticket", "NorthPeak #88123")])

# ---- bounce (6)
_o1 = simple_original(BOT, "h.tanaka@slowmx.example.jp", "Re: [IT-31188] Monitor replacement",
                      "Hello,\r\n\r\nYour ticket IT-31188 has been updated.\r\n",
                      "Mon, 14 Jul 2025 08:01:10 +0800", "<it-31188.1752451270@example.test>",
                      extra=[("Auto-Submitted", "auto-replied")])
N("bounce", "en", ("Mail Delivery System", "MAILER-DAEMON@mx1.example.test"),
  "Delayed Mail (still being retried)", "",
  "Postfix DELAY notice (Action: delayed, 4.4.1) of the bot's own update - delay DSNs are bounces too",
  client="plain", headers=[("Auto-Submitted", "auto-replied")], report=dict(
      human="""This is the mail system at host mx1.example.test.

####################################################################
# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #
####################################################################

Your message could not be delivered for more than 4 hour(s).
It will be retried until it is 5 day(s) old.

For further assistance, please send mail to postmaster.

                   The mail system

<h.tanaka@slowmx.example.jp>: connect to mx.slowmx.example.jp[203.0.113.77]:25:
    Connection timed out
""",
      human_desc="Notification",
      fields=[("Reporting-MTA", "dns; mx1.example.test"), ("X-Postfix-Queue-ID", "4bX1c72QmRz3xYp"),
              ("X-Postfix-Sender", "rfc822; support@example.test"),
              ("Arrival-Date", "Mon, 14 Jul 2025 08:01:10 +0800 (CST)")],
      recipients=[[("Final-Recipient", "rfc822; h.tanaka@slowmx.example.jp"),
                   ("Original-Recipient", "rfc822;h.tanaka@slowmx.example.jp"),
                   ("Action", "delayed"), ("Status", "4.4.1"),
                   ("Diagnostic-Code", "X-Postfix; connect to mx.slowmx.example.jp[203.0.113.77]:25: Connection timed out"),
                   ("Will-Retry-Until", "Sat, 19 Jul 2025 08:01:10 +0800 (CST)")]],
      original=_o1, original_as="headers"))
_o2 = simple_original(BOT, "m.santos@client-h.example.com", "Re: [IT-31301] VPN token",
                      "Hello, your ticket IT-31301 has been created.\r\n",
                      "Tue, 22 Jul 2025 09:30:00 +0000", "<it-31301.1753176600@example.test>")
N("bounce", "en", ("Microsoft Outlook", "postmaster@client-h.example.com"),
  "Undeliverable: Re: [IT-31301] VPN token", "",
  "Exchange Online NDR: multipart/report with HTML human part, From postmaster, X-MS-Exchange-Message-Is-Ndr",
  client="exchange", headers=[("X-MS-Exchange-Message-Is-Ndr", ""), ("Auto-Submitted", "auto-replied")],
  report=dict(
      human="""<html><body><p><b><font color="#000066" size="3">Your message to m.santos@client-h.example.com couldn't be delivered.</font></b></p>
<p>m.santos wasn't found at client-h.example.com.</p>
<p><b>Action Required</b>: Recipient. Unknown To address.</p>
<p>How to Fix It: The address may be misspelled or may not exist. Try one or more of the following: retype the recipient's address, then resend the message.</p>
<p>Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'</p>
</body></html>
""",
      human_subtype="html", human_charset="utf-8", human_cte="quoted-printable",
      fields=[("Reporting-MTA", "dns;AM9PR04MB8123.eurprd04.prod.outlook.example.com"),
              ("Received-From-MTA", "dns;mx1.example.test"),
              ("Arrival-Date", "Tue, 22 Jul 2025 09:30:02 +0000")],
      recipients=[[("Original-Recipient", "rfc822;m.santos@client-h.example.com"),
                   ("Final-Recipient", "rfc822;m.santos@client-h.example.com"), ("Action", "failed"),
                   ("Status", "5.1.10"),
                   ("Diagnostic-Code", "smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup")]],
      original=_o2))
N("bounce", "zh", ("系统退信", "PostMaster@qq.example.com"), "系统退信",
  "", "Tencent-style plain-text bounce in Chinese (GBK base64), no multipart/report; From PostMaster, X-Failed-Recipients",
  client="plain", charset="gbk", cte="base64", subj_enc="gbk-b",
  headers=[("X-Failed-Recipients", "chen.old@qq.example.com"), ("Auto-Submitted", "auto-replied")],
  raw_body="""很抱歉您的邮件被退回，以下是退信原因：

收件人：chen.old@qq.example.com
原因：该邮箱不存在或已被注销（550 Mailbox not found or access denied）

原邮件主题：Re: [IT-31322] 打印机驱动安装
原邮件发送时间：2025年7月23日 上午11:20

此邮件为系统自动发出，请勿直接回复。
""")
N("bounce", "en", ("MAILER-DAEMON", "MAILER-DAEMON@mail.oldhost.example.net"), "failure notice",
  "", "qmail-style plain-text bounce ('Hi. This is the qmail-send program'), From MAILER-DAEMON, no multipart/report",
  client="plain", charset="us-ascii", cte="7bit",
  raw_body="""Hi. This is the qmail-send program at mail.oldhost.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<r.blake@oldhost.example.net>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <support@example.test>
From: IT Support <support@example.test>
To: r.blake@oldhost.example.net
Subject: Re: [IT-31340] Cannot log in to ERP
Auto-Submitted: auto-replied

Hello, your ticket IT-31340 has been created.
""")
_o5 = simple_original(BOT, "liu.bin@163.example.com", "Re: [IT-31355] 笔记本电池鼓包",
                      "您好，您的工单 IT-31355 已创建。\r\n", "Thu, 24 Jul 2025 16:05:00 +0800",
                      "<it-31355.1753344300@example.test>")
N("bounce", "mixed", ("Mail Delivery Subsystem", "postmaster@163.example.com"), "系统退信 / Undelivered Mail Returned to Sender",
  "", "Netease-style bilingual DSN: multipart/report, human part UTF-8 base64, quota-full recipient",
  client="coremail", subj_enc="utf8-b", report=dict(
      human="""您发送的邮件未能成功投递。/ Your message could not be delivered.

收件人 Recipient: liu.bin@163.example.com
退信原因：收件人邮箱空间已满。
Reason: the recipient's mailbox is full (552 5.2.2 Mailbox quota exceeded).

建议：请联系收件人清理邮箱后重新发送。/ Please ask the recipient to free up space and resend.
""",
      human_charset="utf-8", human_cte="base64",
      fields=[("Reporting-MTA", "dns; m15.mail.163.example.com"),
              ("Arrival-Date", "Thu, 24 Jul 2025 16:05:02 +0800")],
      recipients=[[("Final-Recipient", "rfc822; liu.bin@163.example.com"), ("Action", "failed"),
                   ("Status", "5.2.2"), ("Diagnostic-Code", "smtp; 552 5.2.2 Mailbox quota exceeded")]],
      original=_o5))
_o6 = simple_original(BOT, "accounts@legacy-erp.example.org", "Re: [IT-31372] Password reset",
                      "Hello, your ticket IT-31372 has been updated.\r\n", "Fri, 25 Jul 2025 07:45:00 +0000",
                      "<it-31372.1753429500@example.test>")
N("bounce", "en", ("Mail Delivery Subsystem", "MAILER-DAEMON@relay2.example.test"),
  "Warning: could not send message for past 4 hours", "",
  "Sendmail delay warning (Action: delayed) with text/rfc822-headers",
  client="plain", report=dict(
      human="""    **********************************************
    **      THIS IS A WARNING MESSAGE ONLY      **
    **  YOU DO NOT NEED TO RESEND YOUR MESSAGE  **
    **********************************************

The original message was received at Fri, 25 Jul 2025 07:45:00 GMT
from localhost [127.0.0.1]

   ----- Transcript of session follows -----
<accounts@legacy-erp.example.org>... Deferred: Connection refused by mx.legacy-erp.example.org.
Warning: message still undelivered after 4 hours
Will keep trying until message is 5 days old
""",
      fields=[("Reporting-MTA", "dns; relay2.example.test"),
              ("Arrival-Date", "Fri, 25 Jul 2025 07:45:00 GMT")],
      recipients=[[("Final-Recipient", "RFC822; accounts@legacy-erp.example.org"), ("Action", "delayed"),
                   ("Status", "4.4.1"), ("Remote-MTA", "DNS; mx.legacy-erp.example.org"),
                   ("Last-Attempt-Date", "Fri, 25 Jul 2025 11:46:10 GMT"),
                   ("Will-Retry-Until", "Wed, 30 Jul 2025 07:45:00 GMT")]],
      original=_o6, original_as="headers"))

# ---- bulk (5)
N("bulk", "en", ("SentinelWatch", "alerts@sentinelwatch.example.test"),
  "SentinelWatch daily digest: 14 open problems, 3 high",
  """SentinelWatch daily digest for example.test - 24 Jul 2025

HIGH   fs02        Disk /data 94% full                     open 2d
HIGH   vpn-gw1     IPsec tunnel to Suzhou flapping (12x)   open 5h
HIGH   print-srv   Spooler service restarted 7 times       open 1d
AVG    erp-db      Query latency above 800 ms              open 3h
... 10 more problems (see dashboard)

You receive this digest because you are subscribed to the notification rule "IT Ops daily".
Manage notifications: https://sentinelwatch.example.test/settings/notifications""",
  "TRAP: monitoring tool digest (disk, VPN, printer, ERP words) = bulk; signals: Precedence: bulk, List-Unsubscribe, subscription footer; no person asks anything",
  client="plain", structure="alt", cte="7bit", to="it-ops@example.test, support@example.test",
  headers=[("Precedence", "bulk"), ("X-Mailer", "SentinelWatch 6.4 notifier"),
           ("List-Unsubscribe", "<https://sentinelwatch.example.test/settings/notifications>")])
N("bulk", "zh", ("工单平台", "noreply@tracker.example.test"), "[工单平台] 王磊 更新了 OPS-2231：核心交换机固件升级",
  """王磊 更新了 OPS-2231「核心交换机固件升级」

状态：处理中 → 待验证
备注：已完成 3 楼、4 楼交换机升级，5 楼计划周四晚上进行，期间网络可能中断 10 分钟。

查看工单：https://tracker.example.test/browse/OPS-2231
您收到此邮件是因为您关注了该工单。退订通知请在个人设置中修改。""",
  "tracker notification (Jira-like) about network work; signals: Precedence: bulk, List-Id, List-Unsubscribe, 'you follow this issue' footer",
  client="plain", structure="alt", charset="utf-8", cte="base64", subj_enc="utf8-b",
  headers=[("Precedence", "bulk"), ("List-Id", "OPS project notifications <ops.tracker.example.test>"),
           ("List-Unsubscribe", "<https://tracker.example.test/settings/notifications>"),
           ("X-Tracker-Notification", "issue_updated")])
N("bulk", "zh", ("云盾安全学院", "events@yundun-academy.example.net"), "【直播邀请】零信任与终端安全实战研讨会（7月30日）",
  """尊敬的 IT 负责人：

诚邀您参加 7 月 30 日 14:00 的线上研讨会「零信任与终端安全实战」：
· 钓鱼邮件与勒索病毒的最新攻击手法
· VPN 替代方案与零信任网关落地
· 终端密码策略与多因素认证最佳实践

点击报名：https://yundun-academy.example.net/live/0730
如不希望再收到此类邮件，请点击退订。""",
  "vendor webinar invitation with security words; signals: List-Unsubscribe, Precedence: bulk -> bulk (not spam-like)",
  client="plain", structure="html", html_style="newsletter", charset="gbk", cte="base64", subj_enc="gbk-b",
  headers=[("Precedence", "bulk"), ("List-Unsubscribe", "<mailto:unsubscribe@yundun-academy.example.net>"),
           ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")])
N("bulk", "mixed", ("IT 服务台 IT Service Desk", "it-notice@example.test"), "【IT通知 IT Notice】本周末邮箱迁移 Mailbox migration this weekend",
  """各位同事 / Dear colleagues,

本周六 8 月 2 日 20:00 至周日 08:00，邮箱系统将迁移到新平台，期间 Outlook 和手机邮件可能无法收发。
From Saturday 2 Aug 20:00 to Sunday 08:00 the mailbox system moves to a new platform; Outlook and mobile mail
may be unavailable. No action is needed; your password stays the same.

信息技术部 / IT Department""",
  "internal announcement via all-staff list, bilingual; mentions Outlook/password; signals: List-Id, Precedence: list",
  client="outlook", structure="alt", charset="utf-8", cte="base64", subj_enc="utf8-b",
  to="all-staff@example.test, IT Support <support@example.test>",
  headers=[("List-Id", "All Staff <all-staff.example.test>"), ("Precedence", "list"),
           ("List-Unsubscribe", "<mailto:all-staff-request@example.test?subject=unsubscribe>")])
N("bulk", "mixed", ("韩涛 Tao", "tao.han@example.test"), "[office-it] 有人 VPN 也一直掉线吗? anyone else?",
  """大家好, 我这两天在家 VPN 每隔半小时就掉一次, anyone else seeing this? 是不是 VPN server 的问题?
If it's just me 我再单独报给 IT.

Tao
_______________________________________________
office-it mailing list
office-it@lists.example.test
https://lists.example.test/mailman/listinfo/office-it""",
  "mailing-list post that reads like a problem report, list also copies support; bulk beats content (GUIDE rule 6/7); signals: List-Id, List-Post, X-BeenThere",
  client="thunderbird", structure="plain", charset="utf-8", cte="8bit", subj_enc="utf8-b",
  to="office-it@lists.example.test, IT Support <support@example.test>",
  headers=[("X-BeenThere", "office-it@lists.example.test"), ("X-Mailman-Version", "2.1.39"),
           ("Precedence", "list"), ("List-Id", "Office IT discussion <office-it.lists.example.test>"),
           ("List-Post", "<mailto:office-it@lists.example.test>"),
           ("Sender", "office-it <office-it-bounces@lists.example.test>")])

# ---- spam-like (4)
N("spam-like", "zh", ("邮箱管理中心", "admin@mail-verify.example.org"), "【重要通知】您的邮箱容量已满，将于24小时内停用",
  """尊敬的用户：

您的邮箱存储空间已超过限额（99.8%），系统将在 24 小时内暂停您的收发信功能。
请立即点击下方链接验证您的账号和密码，以免邮件丢失：

http://mail-verify.example.org/upgrade?u=support

邮箱管理中心""",
  "credential-phishing lure (mailbox full, verify password), external sender, no list headers -> spam-like",
  client="plain", structure="html", charset="gb2312", cte="base64", subj_enc="gb2312-b")
N("spam-like", "mixed", ("IT Helpdesk", "it-helpdesk@secure-office365.example.net"), "密码过期通知 Password Expiry Notice",
  """您的密码将于今天过期。Your password expires today.
如需保留当前密码，请点击 Keep My Password 按钮。To keep your current password, click below:

KEEP MY PASSWORD -> https://secure-office365.example.net/keep

Microsoft 365 Team""",
  "bilingual 'keep your password' phishing lure from a look-alike domain, no list headers -> spam-like (not an account request)",
  client="plain", structure="alt", charset="utf-8", cte="base64", subj_enc="utf8-b")
N("spam-like", "zh", ("张会计", "zhang.kuaiji@fapiao-dk.example.net"), "代开各类增值税发票 优惠点数",
  """您好！本公司长期代开全国各地增值税专用发票、普通发票，点数优惠，可先验票后付款。
另代办电脑设备、办公耗材采购报销。有需要请加微信 fp8888 或致电 137-0000-0000。""",
  "classic invoice spam with IT-purchase words, no list headers -> spam-like",
  client="plain", structure="plain", charset="gbk", cte="8bit", subj_enc="gbk-b")
N("spam-like", "en", ("Domain Renewal Services", "billing@domain-renewal.example.org"),
  "FINAL NOTICE: example.test domain expiration",
  """FINAL NOTICE

Your domain example.test is scheduled for search-engine listing expiration. Failure to complete your
renewal by today may result in the loss of online visibility for example.test.

Renew now for only $89/year: https://domain-renewal.example.org/pay?d=example.test

This is not a bill. You are under no obligation to pay unless you accept this offer.""",
  "fake domain-renewal solicitation, no list headers -> spam-like",
  client="plain", structure="alt", cte="7bit")
